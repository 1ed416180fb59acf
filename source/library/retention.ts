// Old news leaves the library, so a year of a busy newsroom's feeds does
// not only grow. An article goes once it is older than the kept days (by
// its own time, or when it was fetched if it has none) — unless it is
// bookmarked, came with the data folder, or is unread and was fetched
// within the kept days (news fetched late is not dropped before it is seen).
import type {Statements} from './statements.js';
import type {ArticleWriter} from './article-writer.js';
import {DATA_SOURCE} from '../core/article.js';
import {UNDATED} from './sql.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class Retention {
	constructor(private readonly sql: Statements, private readonly writer: ArticleWriter) {}

	/** Removes what is past `keepDays`; returns how many went. */
	prune(keepDays: number, bookmarked: ReadonlySet<string>, now = Date.now()): number {
		const cutoff = now - keepDays * DAY_MS;
		// Walks the all-articles list from its oldest end only as far as the cutoff.
		const candidates = this.sql
			.get(
				`SELECT a.rowid, a.id FROM listings l JOIN articles a ON a.rowid = l.article
				WHERE l.list = '*' AND l.sort_time < @cutoff AND a.origin != @data
					AND (CASE WHEN a.sort_time = @undated THEN a.added_at ELSE a.sort_time END) < @cutoff
					AND NOT (a.read = 0 AND a.added_at >= @cutoff)`,
			)
			.all({cutoff, data: DATA_SOURCE, undated: UNDATED}) as Array<{rowid: number; id: string}>;
		return this.writer.remove(candidates.filter(({id}) => !bookmarked.has(id)).map(({rowid}) => rowid));
	}
}
