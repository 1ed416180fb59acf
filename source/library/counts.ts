// How many articles a list holds, and how many of them are unread: for the
// header, and per sector or edition for the pickers. Without a search they
// are read from the `counts` table the triggers keep (sql.ts), never by
// counting rows; with one, from its ranked matches (at most SEARCH_LIMIT).
import type {Counts} from '../core/article.js';
import {searchOf, whereClause, type ListFilter} from './list-filter.js';
import type {Ranked, RankedSearch} from './ranked-search.js';
import type {Statements} from './statements.js';

type Grouped = Counts & {key: string};

export class CountQueries {

	constructor(private readonly sql: Statements, private readonly search: RankedSearch) {}

	count(filter: ListFilter = {}): Counts {
		const search = searchOf(filter);
		if (search) {
			const [counts] = this.ofMatches(this.search.rank(search));
			return {total: counts?.total ?? 0, unread: counts?.unread ?? 0, ...(counts?.more ? {more: true} : {})};
		}

		const {sql, params} = whereClause(filter);
		return this.sql.get(`SELECT coalesce(sum(total), 0) AS total, coalesce(sum(unread), 0) AS unread FROM counts ${sql}`).get(params) as Counts;
	}

	/** How many articles (and unread) each sector or edition holds under the rest of the filter. */
	countsBy(column: 'sector' | 'edition', filter: ListFilter): Map<string, Counts> {
		const others = {...filter, [column]: undefined};
		const search = searchOf(others);
		let rows: Grouped[];
		if (search) {
			rows = this.ofMatches(this.search.rank(search), column);
		} else {
			const {sql, params} = whereClause(others);
			rows = this.sql.get(`SELECT ${column} AS key, sum(total) AS total, sum(unread) AS unread FROM counts ${sql} GROUP BY ${column} HAVING sum(total) > 0`).all(params) as Grouped[];
		}

		return new Map(rows.map(({key, ...counts}) => [key, counts]));
	}

	/** Counts of ranked matches, in all or per sector or edition. */
	private ofMatches(ranked: Ranked, column?: 'sector' | 'edition'): Grouped[] {
		const group = column ? `${column} AS key,` : "'' AS key,";
		const rows = this.sql
			.get(`SELECT ${group} count(*) AS total, coalesce(sum(read = 0), 0) AS unread FROM articles WHERE rowid IN (SELECT value FROM json_each(?)) ${column ? `GROUP BY ${column}` : ''}`)
			.all(JSON.stringify(ranked.rowids)) as Grouped[];
		return rows.map(row => ({...row, ...(ranked.more ? {more: true} : {})}));
	}
}
