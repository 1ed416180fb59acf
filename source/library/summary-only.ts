// Which stories the background completion fetches first: the newest feed
// items the library holds only a summary or a headline of. Walked from the
// newest end of the list of all articles, so finding a few costs a walk of
// as many entries as lie above them, not a scan of the library.
import type {Statements} from './statements.js';

/** The ids of at most `limit` feed items that are not full, newest first. */
export function newestSummaryOnly(sql: Statements, limit: number): string[] {
	if (limit <= 0) return [];
	return sql
		.get(
			`SELECT a.id FROM listings l JOIN articles a ON a.rowid = l.article
			WHERE l.list = '*' AND a.kind != 'full' AND a.origin != 'data'
			ORDER BY l.sort_time DESC, l.id LIMIT ?`,
		)
		.pluck()
		.all(limit) as string[];
}
