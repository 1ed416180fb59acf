// What devnews remembers of each feed between refreshes (its validators,
// its last success and error), and when the feeds were last refreshed.
import type {Meta} from './meta.js';
import type {Statements} from './statements.js';

/** What devnews remembers of a feed between refreshes. */
export type FeedState = {
	url: string;
	etag?: string;
	lastModified?: string;
	/** Epoch ms of the last fetch that worked (a 200 or a 304). */
	lastSuccess?: number;
	lastError?: string;
};

type FeedRecord = {etag: string | null; last_modified: string | null; last_success: number | null; last_error: string | null};

const LAST_REFRESH = 'feeds.lastRefresh';

export class FeedStates {

	constructor(private readonly sql: Statements, private readonly meta: Meta) {}

	get(url: string): FeedState {
		const row = this.sql.get('SELECT etag, last_modified, last_success, last_error FROM feeds WHERE url = ?').get(url) as FeedRecord | undefined;
		return {
			url,
			etag: row?.etag ?? undefined,
			lastModified: row?.last_modified ?? undefined,
			lastSuccess: row?.last_success ?? undefined,
			lastError: row?.last_error ?? undefined,
		};
	}

	save(state: FeedState): void {
		this.sql
			.get(`INSERT INTO feeds (url, etag, last_modified, last_success, last_error) VALUES (@url, @etag, @lastModified, @lastSuccess, @lastError)
				ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
					last_success = excluded.last_success, last_error = excluded.last_error`)
			.run({
				url: state.url,
				etag: state.etag ?? null,
				lastModified: state.lastModified ?? null,
				lastSuccess: state.lastSuccess ?? null,
				lastError: state.lastError ?? null,
			});
	}

	/** Epoch ms of the last refresh, if any. */
	lastRefresh(): number | undefined {
		const value = this.meta.get(LAST_REFRESH);
		return value ? Number(value) : undefined;
	}

	setLastRefresh(time: number): void {
		this.meta.set(LAST_REFRESH, String(time));
	}
}
