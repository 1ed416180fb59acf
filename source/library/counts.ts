// How many articles a list holds, and how many of them are unread: for the
// header, and per sector or edition for the pickers. Without a search they
// are added up from `counts`, one row per filing (sql.ts), never by
// counting articles; with one, from its ranked matches (at most SEARCH_LIMIT).
import type {Counts} from '../core/article.js';
import {searchOf, type ListFilter} from './list-filter.js';
import type {Ranked, RankedSearch} from './ranked-search.js';
import type {Statements} from './statements.js';

type Grouped = Counts & {key: string};

/** A filing (the sectors and editions some articles are filed under) and its counts. */
type Filing = {sectors: string[]; editions: string[]; total: number; unread: number};

const takesIn = (filter: ListFilter, filing: Filing) =>
	(!filter.sector || filing.sectors.includes(filter.sector)) && (!filter.edition || filing.editions.includes(filter.edition));

export class CountQueries {
	/** The filings as last read: every page and header asks, and they change only when the library does. */
	private kept: Filing[] | undefined;

	constructor(private readonly sql: Statements, private readonly search: RankedSearch) {}

	/** The library changed: the next question reads the counts again. */
	forget(): void {
		this.kept = undefined;
	}

	count(filter: ListFilter = {}): Counts {
		const search = searchOf(filter);
		if (search) {
			const [counts] = this.ofMatches(this.search.rank(search));
			return {total: counts?.total ?? 0, unread: counts?.unread ?? 0, ...(counts?.more ? {more: true} : {})};
		}

		const counts = {total: 0, unread: 0};
		for (const filing of this.filings()) {
			if (!takesIn(filter, filing)) continue;
			counts.total += filing.total;
			counts.unread += filing.unread;
		}

		return counts;
	}

	/** How many articles (and unread) each sector or edition holds under the rest of the filter. */
	countsBy(column: 'sector' | 'edition', filter: ListFilter): Map<string, Counts> {
		const others = {...filter, [column]: undefined};
		const search = searchOf(others);
		if (search) return new Map(this.ofMatches(this.search.rank(search), column).map(({key, ...counts}) => [key, counts]));
		const counts = new Map<string, Counts>();
		for (const filing of this.filings()) {
			if (!takesIn(others, filing)) continue;
			// An article filed under two sectors counts in each.
			for (const id of column === 'sector' ? filing.sectors : filing.editions) {
				const sum = counts.get(id) ?? {total: 0, unread: 0};
				counts.set(id, {total: sum.total + filing.total, unread: sum.unread + filing.unread});
			}
		}

		return counts;
	}

	private filings(): Filing[] {
		if (this.kept) return this.kept;
		const rows = this.sql.get('SELECT filing, total, unread FROM counts WHERE total > 0').all() as Array<{filing: string; total: number; unread: number}>;
		this.kept = rows.map(({filing, total, unread}) => {
			const [sectors, editions] = filing.split('|') as [string, string];
			return {sectors: JSON.parse(sectors) as string[], editions: JSON.parse(editions) as string[], total, unread};
		});
		return this.kept;
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
