// How many articles a list holds, and how many of them are unread: for the
// header, and per sector or edition for the pickers. Without a search they
// are read from the `counts` table the triggers keep (sql.ts), never by
// counting rows; with one, from its ranked matches (at most SEARCH_LIMIT).
import type {Counts} from '../core/article.js';
import {searchOf, type ListFilter} from './list-filter.js';
import type {Ranked, RankedSearch} from './ranked-search.js';
import {listKey} from './sql.js';
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

		const counts = this.sql.get('SELECT total, unread FROM counts WHERE list = ?').get(listKey(filter)) as Counts | undefined;
		return counts ?? {total: 0, unread: 0};
	}

	/** How many articles (and unread) each sector or edition holds under the rest of the filter. */
	countsBy(column: 'sector' | 'edition', filter: ListFilter): Map<string, Counts> {
		const others = {...filter, [column]: undefined};
		const search = searchOf(others);
		if (search) return new Map(this.ofMatches(this.search.rank(search), column).map(({key, ...counts}) => [key, counts]));
		// The lists of each sector (or edition) with the other filter: 's:politics', or 'se:politics|global'.
		const other = column === 'sector' ? others.edition : others.sector;
		const prefix = other ? 'se:' : column === 'sector' ? 's:' : 'e:';
		const rows = this.sql.get("SELECT list, total, unread FROM counts WHERE list > ? AND list < ? || '~' AND total > 0").all(prefix, prefix) as Array<Counts & {list: string}>;
		const counts = new Map<string, Counts>();
		for (const {list, total, unread} of rows) {
			const key = list.slice(prefix.length);
			if (!other) {
				counts.set(key, {total, unread});
				continue;
			}

			const [sector, edition] = key.split('|') as [string, string];
			if ((column === 'sector' ? edition : sector) === other) counts.set(column === 'sector' ? sector : edition, {total, unread});
		}

		return counts;
	}

	/** Counts of ranked matches, in all or per sector or edition (an article with two sectors counts in each). */
	private ofMatches(ranked: Ranked, column?: 'sector' | 'edition'): Grouped[] {
		const matches = JSON.stringify(ranked.rowids);
		const rows = column
			? (this.sql
					.get(`SELECT f.value AS key, count(*) AS total, coalesce(sum(a.read = 0), 0) AS unread FROM articles a, json_each(a.${column === 'sector' ? 'sectors' : 'editions'}) f WHERE a.rowid IN (SELECT value FROM json_each(?)) GROUP BY f.value`)
					.all(matches) as Grouped[])
			: (this.sql.get("SELECT '' AS key, count(*) AS total, coalesce(sum(read = 0), 0) AS unread FROM articles WHERE rowid IN (SELECT value FROM json_each(?))").all(matches) as Grouped[]);
		return rows.map(row => ({...row, ...(ranked.more ? {more: true} : {})}));
	}
}
