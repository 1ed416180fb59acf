// Completes a summary-only feed item with the story from its page, so it
// can be read in full, offline, from then on.
import type {Article} from '../core/article.js';
import {articleLink} from '../core/devdiscourse.js';
import {extractStory} from './extract-page.js';
import {FetchError, fetchLimited} from './http.js';
import {DEFAULT_LIMITS, type FetchLimits} from './limits.js';
import {pageGuard} from './page-guard.js';
import {resolveAll, type Resolve} from './public-address.js';

/**
 * The article with its body and the page's metadata from its page,
 * fetched only where page-guard.ts allows, following the site's redirects
 * (/article/agency-wire/{number}-… goes to the labelled address). What the
 * page says replaces what a feed or listing gave (its times, sectors,
 * label: a sector guessed from the label goes once the page states one);
 * what the page does not say, the feed's keeps (its title where the page
 * gives none, the edition it is listed in). The site's own template states
 * the label in its canonical address: none there is no label.
 */
/** Whether `final` is an address of the same article as `link` on the same site (the number is what names it). */
function sameStory(final: string, link: string): boolean {
	const number = articleLink(link)?.number;
	return number !== undefined && articleLink(final)?.number === number && new URL(final).origin === new URL(link).origin;
}

export async function fetchFullStory(article: Article, limits: FetchLimits = DEFAULT_LIMITS, resolve: Resolve = resolveAll, stop?: AbortSignal): Promise<Article> {
	const link = article.url;
	if (!link) throw new FetchError('no link to fetch the story from');
	const page = await fetchLimited(link, {}, limits, {guard: await pageGuard(article.source, resolve), stop});
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
		label: story.fromSiteTemplate ? story.label : (story.label ?? article.label),
		tags: listed(story.tags) ?? article.tags,
		imageNote: story.imageNote ?? article.imageNote,
		imageCaption: story.imageCaption ?? article.imageCaption,
		credit: story.credit ?? article.credit,
		body: story.body,
		kind: 'full',
		// The address the site's redirects led to: the story's labelled one.
		url: sameStory(page.url, link) ? page.url : link,
		extractedFrom: page.url,
	};
}
