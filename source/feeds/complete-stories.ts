// After a refresh, the newest feed items that came with a summary only are
// completed from their pages in the background, so their sector, label and
// times are what the page says and they read in full, offline. Each story
// is written in a transaction of its own the moment its page is in, so a
// stop (Ctrl-C, a kill, quitting the browser) keeps every one done and
// leaves the rest as they were; a page that arrives after the stop is not
// written. The story the user is reading is never changed under them: it
// is left as it is (opening it fetched it already). Pages are fetched and
// read on a worker thread (page-reader.ts), so the browser's keys wait for
// no page, only for one story's write.
import {needsFullStory, type Article} from '../core/article.js';
import {pageHostRefusal} from '../core/page-hosts.js';
import {counted, formatCount} from '../core/numbers.js';
import type {Library} from '../library/store.js';
import {FetchError} from './http.js';
import {HostTurns, retryAfterMs, type NoTurn} from './host-turns.js';
import {DEFAULT_LIMITS, type FetchLimits} from './limits.js';
import {PageReader} from './page-reader.js';

/** Tries of one page: the first, and again after each wait its host asked for. */
const MOST_TRIES = 3;

export type CompletionProgress = {done: number; total: number};

/** What a completion came to. `left`: not fetched, stopped or put off; `open`: being read, so left as it is. */
export type Completion = {total: number; completed: number; failed: Array<{url: string; reason: string}>; left: number; open: number};

export type CompleteOptions = {
	/** How many of the newest summary-only stories. */
	count: number;
	limits?: FetchLimits;
	/** The session's turns at each host (a new set when not given). */
	hosts?: HostTurns;
	stop?: AbortSignal;
	/** Whether the user is reading story `id` now. */
	reading?: (id: string) => boolean;
	/** Ids whose page failed earlier in the session: not fetched again (this call adds its own). */
	failedBefore?: Set<string>;
	onProgress?: (progress: CompletionProgress) => void;
};

type Outcome = 'completed' | 'open' | NoTurn | {failed: string};

/** Resolves when `stop` fires (never, without one). */
const stopped = async (stop?: AbortSignal) =>
	new Promise<void>(resolve => {
		if (stop?.aborted) resolve();
		stop?.addEventListener('abort', () => resolve(), {once: true});
	});

/** Summary-only stories read at a time, and at most, looking for `count` whose page may be fetched. */
const CANDIDATES_AT_ONCE = 200;
const CANDIDATES_MOST = 5000;

/**
 * The newest `count` summary-only stories whose page may be fetched (page-hosts.ts) and did not fail earlier.
 * Those a feed links elsewhere are passed over, a few hundred at a time, so they never take the place of the rest.
 */
function candidates(library: Library, count: number, failedBefore: Set<string>): Article[] {
	const found: Article[] = [];
	for (let offset = 0; found.length < count && offset < CANDIDATES_MOST; offset += CANDIDATES_AT_ONCE) {
		const items = library.newestSummaryOnly(CANDIDATES_AT_ONCE, offset);
		for (const {id, url, source} of items) {
			if (found.length === count || failedBefore.has(id) || pageHostRefusal(url, source) !== undefined) continue;
			const article = library.article(id);
			if (article && needsFullStory(article)) found.push(article);
		}

		if (items.length < CANDIDATES_AT_ONCE) break;
	}

	return found;
}

export async function completeStories(library: Library, options: CompleteOptions): Promise<Completion> {
	const {count, limits = DEFAULT_LIMITS, hosts = new HostTurns(), stop, reading = () => false, failedBefore = new Set<string>(), onProgress} = options;
	const articles = candidates(library, count, failedBefore);
	const completion: Completion = {total: articles.length, completed: 0, failed: [], left: 0, open: 0};
	if (articles.length === 0) return completion;
	onProgress?.({done: 0, total: articles.length});
	const pages = new PageReader();

	/** Writes the page's story over the summary, unless stopped, or the user now reads it, or it was completed meanwhile (opened). */
	const write = (full: Article): Outcome => {
		if (stop?.aborted) return 'stopped';
		if (reading(full.id)) return 'open';
		const now = library.article(full.id);
		if (now && needsFullStory(now)) library.upsert([full], full.source);
		return 'completed';
	};

	/** The page's story, or why not; a Retry-After holds the host before the turn ends, so no turn after it starts early. */
	const fetchInTurn = async (article: Article, host: string): Promise<{full: Article} | {error: Error; wait?: number}> => {
		try {
			return {full: await pages.read(article, limits)};
		} catch (error) {
			const wait = error instanceof FetchError && error.retryAfter !== undefined ? retryAfterMs(error.retryAfter) : undefined;
			if (wait !== undefined) hosts.hold(host, wait);
			return {error: error as Error, wait};
		}
	};

	const completeOne = async (article: Article): Promise<Outcome> => {
		const {host} = new URL(article.url!);
		for (let tries = 1; ; tries++) {
			// eslint-disable-next-line no-await-in-loop -- a try again comes after the wait the host asked for
			const fetched = await hosts.take(host, async () => fetchInTurn(article, host), stop);
			if (typeof fetched === 'string') return fetched;
			if ('full' in fetched) return write(fetched.full);
			if (fetched.wait === undefined || tries >= MOST_TRIES) return {failed: fetched.error.message};
		}
	};

	let done = 0;
	const all = Promise.all(
		articles.map(async article => {
			const outcome = await completeOne(article);
			// Cut off by the stop: neither done nor failed.
			if (stop?.aborted) return;
			if (outcome === 'completed') completion.completed++;
			else if (outcome === 'open') completion.open++;
			else if (typeof outcome !== 'string') {
				completion.failed.push({url: article.url!, reason: outcome.failed});
				failedBefore.add(article.id);
			}

			onProgress?.({done: ++done, total: articles.length});
		}),
	);
	// Stopped (or failed: the library could not be written), it returns at once: the pages on their way are cut off.
	let finished = false;
	try {
		await Promise.race([all, stopped(stop)]);
		finished = !stop?.aborted;
	} finally {
		await (finished ? pages.close() : pages.stop());
	}

	// Left: deferred by its host's Retry-After, or cut off by the stop.
	completion.left = completion.total - completion.completed - completion.failed.length - completion.open;
	return completion;
}

/** "Completed 48 of 50 stories from their pages; 2 failed (first: URL: reason)." */
export function completionSummary({total, completed, failed, left}: Completion): string {
	const parts = [`Completed ${formatCount(completed)} of ${counted(total, 'summary-only story', 'summary-only stories')} from their pages`];
	if (failed.length > 0) parts.push(`${formatCount(failed.length)} failed (first: ${failed[0]!.url}: ${failed[0]!.reason})`);
	// Not stopped, a story is left only when its host asked for a longer wait than is honoured.
	if (left > 0) parts.push(`${formatCount(left)} left for the next refresh, as their site asked for a pause (Retry-After) of over a minute`);
	return `${parts.join('; ')}.`;
}
