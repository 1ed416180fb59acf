// What devnews remembers of each feed between refreshes (its validators,
// its last success and error), and when the feeds were last refreshed.
// Each outcome writes only the fields it knows: a fetch that failed (or
// lost a race with another devnews) never puts back a stale success or
// validators over what another process wrote meanwhile.
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
	/** The feed's own title, as its last fetch gave it. */
	title?: string;
};

type FeedRecord = {etag: string | null; last_modified: string | null; last_success: number | null; last_error: string | null; title: string | null};

const LAST_REFRESH = 'feeds.lastRefresh';

export class FeedStates {

	constructor(private readonly sql: Statements, private readonly meta: Meta) {}

	get(url: string): FeedState {
		const row = this.sql.get('SELECT etag, last_modified, last_success, last_error, title FROM feeds WHERE url = ?').get(url) as FeedRecord | undefined;
		return {
			url,
			etag: row?.etag ?? undefined,
			lastModified: row?.last_modified ?? undefined,
			lastSuccess: row?.last_success ?? undefined,
			lastError: row?.last_error ?? undefined,
			title: row?.title ?? undefined,
		};
	}

	/** The feed answered with its items: its validators for next time, the time, and its title (one it gave before stays if it gives none now). */
	fetched(url: string, validators: {etag?: string; lastModified?: string}, time: number, title?: string): void {
		this.sql
			.get(`INSERT INTO feeds (url, etag, last_modified, last_success, last_error, title) VALUES (@url, @etag, @lastModified, @time, NULL, @title)
				ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_success = excluded.last_success, last_error = NULL,
					title = coalesce(excluded.title, title)`)
			.run({url, etag: validators.etag ?? null, lastModified: validators.lastModified ?? null, time, title: title ?? null});
	}

	/** Every feed's own title, by URL, for the ones that gave one. */
	titles(): Map<string, string> {
		return new Map(this.sql.get('SELECT url, title FROM feeds WHERE title IS NOT NULL').raw().all() as Array<[string, string]>);
	}

	/** The feed answered "not modified": its validators stand. */
	unchanged(url: string, time: number): void {
		this.sql
			.get('INSERT INTO feeds (url, last_success) VALUES (@url, @time) ON CONFLICT(url) DO UPDATE SET last_success = excluded.last_success, last_error = NULL')
			.run({url, time});
	}

	/** The fetch failed: only the reason is written. */
	failed(url: string, reason: string): void {
		this.sql.get('INSERT INTO feeds (url, last_error) VALUES (@url, @reason) ON CONFLICT(url) DO UPDATE SET last_error = excluded.last_error').run({url, reason});
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
