// Completes a summary-only feed item with the story from its page, so it
// can be read in full, offline, from then on.
import type {Article} from '../core/article.js';
import {extractStory} from './extract-page.js';
import {FetchError, fetchLimited} from './http.js';
import {DEFAULT_LIMITS, type FetchLimits} from './limits.js';
import {pageGuard} from './page-guard.js';
import {resolveAll, type Resolve} from './public-address.js';

/**
 * The article with its body and the page's metadata from its page,
 * fetched only where page-guard.ts allows. What the page says overrides
 * what the feed guessed; what the page does not say, the feed's keeps
 * (its title where the page gives none, the edition it is listed in).
 */
export async function fetchFullStory(article: Article, limits: FetchLimits = DEFAULT_LIMITS, resolve: Resolve = resolveAll): Promise<Article> {
	if (!article.url) throw new FetchError('no link to fetch the story from');
	const page = await fetchLimited(article.url, {}, limits, {guard: await pageGuard(article.source, resolve)});
	if (page.status !== 'ok') throw new FetchError('the page answered "not modified" to a plain request');
	const story = extractStory(page.text, page.url);
	if (!story) throw new FetchError('no story found on the page');
	const listed = (page?: string[]) => (page && page.length > 0 ? page : undefined);
	return {
		...article,
		title: story.title ?? article.title,
		summary: story.summary ?? article.summary,
		byline: story.byline ?? article.byline,
		location: story.location ?? article.location,
		createdAt: story.createdAt ?? article.createdAt,
		updatedAt: story.updatedAt ?? article.updatedAt,
		countries: listed(story.countries) ?? article.countries,
		sectors: listed(story.sectors) ?? article.sectors,
		label: story.label ?? article.label,
		tags: listed(story.tags) ?? article.tags,
		imageNote: story.imageNote ?? article.imageNote,
		imageCaption: story.imageCaption ?? article.imageCaption,
		credit: story.credit ?? article.credit,
		body: story.body,
		kind: 'full',
		extractedFrom: page.url,
	};
}
