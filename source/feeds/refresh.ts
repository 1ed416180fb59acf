// Fetches every feed into the library: a few at a time, each within its
// limits, a 304 costing no parsing, the parsing done on a worker thread
// (feed-parser.ts). One feed's failure never stops the others; each ends
// in one result line naming its URL. Stopped (Ctrl-C), a refresh starts no
// more feeds and cuts off those under way; each feed is written whole or not
// at all, so what was already fetched is kept and nothing is half-done.
import pLimit from 'p-limit';
import type {Library} from '../library/store.js';
import type {Feed} from './feed-list.js';
import {fetchBytes, FetchError, type FetchFailure} from './http.js';
import {DEFAULT_REFRESH, type RefreshOptions} from './limits.js';
import {FeedParser} from './feed-parser.js';

export type FeedResult =
	| {url: string; status: 'updated'; items: number; added: number}
	| {url: string; status: 'not-modified'}
	| {url: string; status: 'failed'; reason: string; failure: FetchFailure}
	| {url: string; status: 'stopped'};

export type Progress = {done: number; total: number; last: FeedResult};

/**
 * How a refresh shares the main thread. The browser's (the default) writes
 * in steps of a few milliseconds, so a key is answered between them.
 * `devnews fetch` has no keys to answer: it writes in steps of
 * STEP_MS_UNATTENDED, a tenth as many commits, each of which wrote the
 * pages it touched to the log again and made the full-text index flush a
 * segment of its own (and merge them after).
 */
export type Pace = 'attended' | 'unattended';

/**
 * A step's length when no one is at the keys: long enough that commits
 * cost little, short enough that the feeds still downloading get the event
 * loop ten times a second and finish well within their timeouts.
 */
const STEP_MS_UNATTENDED = 100;

/**
 * A refresh's writes to the library (one feed's at a time), and the feeds
 * read into articles (AHEAD at a time: the one being written and the next,
 * parsed meanwhile). A feed fetched waits as its bytes to be parsed, not as
 * its articles, which take several times the memory; handed to the parser,
 * its bytes leave this thread.
 */
type Lanes = {writes: ReturnType<typeof pLimit>; ahead: ReturnType<typeof pLimit>};

const AHEAD = 2;

async function refreshOne(feed: Feed, library: Library, parser: FeedParser, {writes, ahead}: Lanes, options: RefreshOptions, stepMs: number | undefined, stop?: AbortSignal): Promise<FeedResult> {
	const stopped: FeedResult = {url: feed.url, status: 'stopped'};
	if (stop?.aborted) return stopped;
	const state = library.feedState(feed.url);
	try {
		const fetched = await fetchBytes(feed.url, state, options, {stop});
		if (stop?.aborted) return stopped;
		if (fetched.status === 'not-modified') {
			library.feedUnchanged(feed.url, Date.now());
			return {url: feed.url, status: 'not-modified'};
		}

		const {bytes, contentType, etag, lastModified} = fetched;
		const read = await ahead(async () => {
			if (stop?.aborted) return undefined;
			const chunks = parser.read(bytes, contentType, feed);
			try {
				// What is not a feed fails here, before anything of it is written.
				let next = await chunks.next();
				// One feed's steps at a time, so a key waits for one step, not one of each feed being
				// written; a feed still waiting its turn when the refresh is stopped is not written,
				// and one whose writing has begun is written to its end, a chunk as it comes.
				return await writes(async () => {
					if (stop?.aborted) return undefined;
					let items = 0;
					let added = 0;
					/* eslint-disable no-await-in-loop -- a chunk at a time, as it comes */
					for (; !next.done; next = await chunks.next()) {
						items += next.value.length;
						added += (await library.upsertInSteps(next.value, feed.url, stepMs)).added;
					}
					/* eslint-enable no-await-in-loop */

					return {title: next.value, items, added};
				});
			} finally {
				await chunks.return(undefined);
			}
		});
		if (!read) return stopped;
		library.feedFetched(feed.url, {etag, lastModified}, Date.now(), read.title);
		return {url: feed.url, status: 'updated', items: read.items, added: read.added};
	} catch (error) {
		// Cut off by the stop, not failed: the feed's record stays as it was.
		if (stop?.aborted) return stopped;
		const reason = (error as Error).message;
		library.feedFailed(feed.url, reason);
		return {url: feed.url, status: 'failed', reason, failure: error instanceof FetchError ? error.failure : 'other'};
	}
}

export async function refreshFeeds(
	feeds: Feed[],
	library: Library,
	options: RefreshOptions = DEFAULT_REFRESH,
	onProgress: (progress: Progress) => void = () => {},
	stop?: AbortSignal,
	pace: Pace = 'attended',
): Promise<FeedResult[]> {
	const limit = pLimit(Math.max(1, options.concurrency));
	const parser = new FeedParser(library.taxonomy());
	const lanes: Lanes = {writes: pLimit(1), ahead: pLimit(AHEAD)};
	const stepMs = pace === 'attended' ? undefined : STEP_MS_UNATTENDED;
	let done = 0;
	const {checkpointingElsewhere} = await import('../library/checkpointer.js');
	try {
		// Another thread copies the library's log into it meanwhile, instead of the writes here.
		const results = await checkpointingElsewhere(library, async () =>
			Promise.all(
				feeds.map(async feed =>
					limit(async () => {
						const result = await refreshOne(feed, library, parser, lanes, options, stepMs, stop);
						onProgress({done: ++done, total: feeds.length, last: result});
						return result;
					}),
				),
			),
		);
		// A stopped refresh is not one, nor one in which no feed answered (no
		// network): the header keeps saying when the last one that read the feeds was.
		if (!stop?.aborted && results.some(({status}) => status === 'updated' || status === 'not-modified')) library.setLastRefresh(Date.now());
		return results;
	} finally {
		await parser.close();
	}
}
