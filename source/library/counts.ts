// How many articles a list holds, and how many of them are unread: for the
// header, and per sector, edition or source for the pickers. Without a
// search they are added up from `counts`, one row per filing (sql.ts),
// never by counting articles; with one, from its ranked matches (at most
// SEARCH_LIMIT).
import type {Counts} from '../core/article.js';
import {searchOf, type ListFilter} from './list-filter.js';
import type {Ranked} from './ranked-search.js';
import type {SearchMatches} from './search-matches.js';
import type {Statements} from './statements.js';

type Grouped = Counts & {key: string};

/** What the pickers count by. */
export type CountColumn = 'sector' | 'edition' | 'source';

/** A filing (the source, sectors and editions some articles are filed under) and its counts. */
type Filing = {source: string; sectors: string[]; editions: string[]; total: number; unread: number};

const takesIn = (filter: ListFilter, filing: Filing) =>
	(!filter.sector || filing.sectors.includes(filter.sector)) && (!filter.edition || filing.editions.includes(filter.edition)) && (!filter.source || filing.source === filter.source);

const keysOf = (filing: Filing, column: CountColumn): string[] => (column === 'sector' ? filing.sectors : column === 'edition' ? filing.editions : [filing.source]);

/** Counts as an unread-only list has them: its unread are all it holds. */
const shown = (counts: Counts, filter: ListFilter): Counts => (filter.unreadOnly ? {...counts, total: counts.unread} : counts);

export class CountQueries {
	/** The filings as last read: every page and header asks, and they change only when the library does. */
	private kept: Filing[] | undefined;

	constructor(private readonly sql: Statements, private readonly search: SearchMatches) {}

	/** The library changed: the next question reads the counts again. */
	forget(): void {
		this.kept = undefined;
	}

	count(filter: ListFilter = {}): Counts {
		const search = searchOf(filter);
		if (search) {
			const [counts] = this.ofMatches(this.search.matches(search));
			return {total: counts?.total ?? 0, unread: counts?.unread ?? 0, ...(counts?.more ? {more: true} : {})};
		}

		const counts = {total: 0, unread: 0};
		for (const filing of this.filings()) {
			if (!takesIn(filter, filing)) continue;
			counts.total += filing.total;
			counts.unread += filing.unread;
		}

		return shown(counts, filter);
	}

	/** How many articles (and unread) each sector, edition or source holds under the rest of the filter. */
	countsBy(column: CountColumn, filter: ListFilter): Map<string, Counts> {
		const others = {...filter, [column]: undefined};
		const search = searchOf(others);
		if (search) return new Map(this.ofMatches(this.search.matches(search), column).map(({key, ...counts}) => [key, counts]));
		const counts = new Map<string, Counts>();
		for (const filing of this.filings()) {
			if (!takesIn(others, filing)) continue;
			// An article filed under two sectors counts in each.
			for (const key of keysOf(filing, column)) {
				const sum = counts.get(key) ?? {total: 0, unread: 0};
				counts.set(key, {total: sum.total + filing.total, unread: sum.unread + filing.unread});
			}
		}

		return new Map([...counts].map(([key, sum]) => [key, shown(sum, filter)]));
	}

	private filings(): Filing[] {
		if (this.kept) return this.kept;
		const sources = new Map(this.sql.get('SELECT number, url FROM sources').raw().all() as Array<[number, string]>);
		const rows = this.sql.get('SELECT filing, total, unread FROM counts WHERE total > 0').all() as Array<{filing: string; total: number; unread: number}>;
		this.kept = rows.map(({filing, total, unread}) => {
			const [source, sectors, editions] = filing.split('|') as [string, string, string];
			return {source: sources.get(Number(source)) ?? '', sectors: JSON.parse(sectors) as string[], editions: JSON.parse(editions) as string[], total, unread};
		});
		return this.kept;
	}

	/** Counts of ranked matches, in all or per sector, edition or source (an article with two sectors counts in each). */
	private ofMatches(ranked: Ranked, column?: CountColumn): Grouped[] {
		const matches = JSON.stringify(ranked.rowids);
		const key = column === undefined ? "''" : column === 'source' ? 'a.origin' : 'f.value';
		const from = column === 'sector' ? 'articles a, json_each(a.sectors) f' : column === 'edition' ? 'articles a, json_each(a.editions) f' : 'articles a';
		const rows = this.sql
			.get(`SELECT ${key} AS key, count(*) AS total, coalesce(sum(a.read = 0), 0) AS unread FROM ${from} WHERE a.rowid IN (SELECT value FROM json_each(?)) GROUP BY ${key}`)
			.all(matches) as Grouped[];
		return rows.map(row => ({...row, ...(ranked.more ? {more: true} : {})}));
	}
}
