// Which stories the background completion fetches first: the newest feed
// items the library holds only a summary or a headline of. Walked from the
// newest end of the list of all articles, so finding a few costs a walk of
// as many entries as lie above them, not a scan of the library.
import type {Statements} from './statements.js';

/** A summary-only feed item: enough to tell whether its page may be fetched (page-hosts.ts). */
export type SummaryOnly = {id: string; url?: string; source: string};

/** At most `limit` feed items that are not full, newest first, from the `offset`th. */
export function newestSummaryOnly(sql: Statements, limit: number, offset = 0): SummaryOnly[] {
	if (limit <= 0) return [];
	const rows = sql
		.get(
			`SELECT a.id, a.url, a.origin FROM listings l JOIN articles a ON a.rowid = l.article
			WHERE l.list = '*' AND a.kind != 'full' AND a.origin != 'data'
			ORDER BY l.sort_time DESC, l.id LIMIT ? OFFSET ?`,
		)
		.all(limit, offset) as Array<{id: string; url: string | null; origin: string}>;
	return rows.map(({id, url, origin}) => ({id, url: url ?? undefined, source: origin}));
}
