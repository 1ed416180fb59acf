// Fetches every feed into the library: a few at a time, each within its
// limits, a 304 costing no parsing, the parsing done on a worker thread
// (feed-parser.ts). One feed's failure never stops the others; each ends
// in one result line naming its URL. Stopped (Ctrl-C), a refresh starts no
// more feeds and cuts off those under way; each feed is written whole or not
// at all, so what was already fetched is kept and nothing is half-done.
import pLimit from 'p-limit';
import type {Library} from '../library/store.js';
import type {Feed} from './feed-list.js';
import {FetchError, fetchLimited, type FetchFailure} from './http.js';
import {DEFAULT_REFRESH, type RefreshOptions} from './limits.js';
import {FeedParser} from './feed-parser.js';

export type FeedResult =
	| {url: string; status: 'updated'; items: number; added: number}
	| {url: string; status: 'not-modified'}
	| {url: string; status: 'failed'; reason: string; failure: FetchFailure}
	| {url: string; status: 'stopped'};

export type Progress = {done: number; total: number; last: FeedResult};

/** A refresh's writes to the library: one feed's at a time. */
type Writes = ReturnType<typeof pLimit>;

async function refreshOne(feed: Feed, library: Library, parser: FeedParser, writes: Writes, options: RefreshOptions, stop?: AbortSignal): Promise<FeedResult> {
	const stopped: FeedResult = {url: feed.url, status: 'stopped'};
	if (stop?.aborted) return stopped;
	const state = library.feedState(feed.url);
	try {
		const fetched = await fetchLimited(feed.url, state, options, {stop});
		if (stop?.aborted) return stopped;
		if (fetched.status === 'not-modified') {
			library.feedUnchanged(feed.url, Date.now());
			return {url: feed.url, status: 'not-modified'};
		}

		const {title, articles} = await parser.parse(fetched.text, feed);
		if (stop?.aborted) return stopped;
		// One feed's steps at a time, so a key waits for one step, not one of each feed being
		// written; a feed still waiting its turn when the refresh is stopped is not written.
		const written = await writes(async () => (stop?.aborted ? undefined : library.upsertInSteps(articles, feed.url)));
		if (!written) return stopped;
		const {added} = written;
		library.feedFetched(feed.url, fetched, Date.now(), title);
		return {url: feed.url, status: 'updated', items: articles.length, added};
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
): Promise<FeedResult[]> {
	const limit = pLimit(Math.max(1, options.concurrency));
	const parser = new FeedParser(library.taxonomy());
	const writes = pLimit(1);
	let done = 0;
	const {checkpointingElsewhere} = await import('../library/checkpointer.js');
	try {
		// Another thread copies the library's log into it meanwhile, instead of the writes here.
		const results = await checkpointingElsewhere(library, async () =>
			Promise.all(
				feeds.map(async feed =>
					limit(async () => {
						const result = await refreshOne(feed, library, parser, writes, options, stop);
						onProgress({done: ++done, total: feeds.length, last: result});
						return result;
					}),
				),
			),
		);
		// A stopped refresh is not one: the header keeps saying when the last whole one was.
		if (!stop?.aborted) library.setLastRefresh(Date.now());
		return results;
	} finally {
		await parser.close();
	}
}
