// A feed item that came with a summary only gets its story from its page
// the first time it is opened (in the browser or with devnews read), and
// keeps it in the library, so it reads in full, offline, from then on.
import {needsFullStory, type Article} from '../core/article.js';
import type {Library} from '../library/store.js';
import type {FetchLimits} from './limits.js';

/** The story as it now stands; `error` says why its full text was not fetched, when it was needed and was not. */
type Completed = {article: Article; error?: string};

/**
 * `stop` gives the page's request up (the browser quitting): nothing is
 * written then, and the reason is the stop's.
 */
export async function completeStory(library: Library, article: Article, limits?: FetchLimits, stop?: AbortSignal): Promise<Completed> {
	if (!needsFullStory(article)) return {article};
	// The fetcher and Readability load only when a story needs them.
	const {fetchFullStory} = await import('./full-story.js');
	try {
		const full = await fetchFullStory(article, limits, undefined, stop);
		stop?.throwIfAborted();
		library.upsert([full], full.source);
		return {article: full};
	} catch (error) {
		return {article, error: (error as Error).message};
	}
}
