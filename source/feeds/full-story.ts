// Completes a summary-only feed item with the story from its page, so it
// can be read in full, offline, from then on.
import type {Article} from '../core/article.js';
import {extractStory} from './extract-page.js';
import {FetchError, fetchLimited} from './http.js';
import {DEFAULT_LIMITS, type FetchLimits} from './limits.js';
import {pageGuard} from './page-guard.js';
import {resolveAll, type Resolve} from './public-address.js';

/**
 * The article with its body (and the page's metadata, where the feed had
 * none) from its page, fetched only where page-guard.ts allows.
 */
export async function fetchFullStory(article: Article, limits: FetchLimits = DEFAULT_LIMITS, resolve: Resolve = resolveAll): Promise<Article> {
	if (!article.url) throw new FetchError('no link to fetch the story from');
	const page = await fetchLimited(article.url, {}, limits, {guard: await pageGuard(article.source, resolve)});
	if (page.status !== 'ok') throw new FetchError('the page answered "not modified" to a plain request');
	const story = extractStory(page.text, page.url);
	if (!story) throw new FetchError('no story found on the page');
	return {
		...article,
		summary: article.summary ?? story.summary,
		byline: article.byline ?? story.byline,
		location: article.location ?? story.location,
		createdAt: article.createdAt ?? story.createdAt,
		updatedAt: article.updatedAt ?? story.updatedAt,
		countries: article.countries.length > 0 ? article.countries : (story.countries ?? []),
		imageNote: article.imageNote ?? story.imageNote,
		credit: article.credit ?? story.credit,
		body: story.body,
		kind: 'full',
		extractedFrom: page.url,
	};
}
