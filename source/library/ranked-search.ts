// Full-text search that costs the same with ten articles or a million.
// Matches are ranked in two tiers: stories with every word in the title
// first, then the rest; newest first within each. BM25 was tried and
// dropped: it counts every article holding each word before it scores one
// (40 ms for "the" at a million articles, 113 ms for two common words),
// while walking FTS5's lists down their keys and stopping after
// SEARCH_LIMIT matches costs about a millisecond whatever the words. The
// title matches come from the title index, whose keys are times
// (search-schema.ts): the newest by their own time, whatever order they
// were added in. The rest come from the index of all the text, keyed by
// rowid: the most recently added. The ranked ids are kept, so moving
// through the results, opening one and coming back, or counting them for
// the header and the pickers, never runs the search again.
import type Database from 'better-sqlite3';
import type {ListFilter} from './list-filter.js';
import {searchTerms} from './search-query.js';
import {ROWID_OF_KEY} from './search-schema.js';

/** The most matches a search ranks; past it the result says there are more. */
export const SEARCH_LIMIT = 1000;

/** Article rowids, best match first; `more` when there were matches past SEARCH_LIMIT. */
export type Ranked = {rowids: number[]; more: boolean};

/** A search: its words as FTS5 terms, and the facet terms of its sector and edition filter. */
export type SearchTerms = {words: string; facets: string[]};

const NO_MATCHES: Ranked = {rowids: [], more: false};

// A few recent searches: the list, its counts and each picker ask for
// their own (with and without a sector or edition), all at once.
const CACHED_SEARCHES = 8;

function matchExpression(columns: string, {words, facets}: SearchTerms): string {
	return [`{${columns}} : (${words})`, ...facets.map(term => `facets : "${term}"`)].join(' AND ');
}

export class RankedSearch {
	private readonly inTitles: Database.Statement;
	private readonly matches: Database.Statement;
	private readonly times: Database.Statement;
	private readonly cache = new Map<string, Ranked>();

	constructor(db: Database.Database) {
		// FTS5 walks its lists down their keys and stops at the LIMIT: in the
		// title index newest first by time, in the other newest-added first.
		this.inTitles = db.prepare(`SELECT ${ROWID_OF_KEY} FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`).pluck();
		this.matches = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
		this.times = db.prepare('SELECT rowid, sort_time AS time FROM articles WHERE rowid IN (SELECT value FROM json_each(?))');
	}

	/** The ranked matches of a search under the filter's sector and edition. */
	rank(filter: ListFilter & {query: string}): Ranked {
		const terms = searchTerms(filter);
		// A query of symbols only has no words to find: no results, no error.
		return terms ? this.run(terms) : NO_MATCHES;
	}

	private run(terms: SearchTerms): Ranked {
		const key = JSON.stringify(terms);
		const cached = this.cache.get(key);
		if (cached) return cached;
		const inTitle = this.inTitles.all(matchExpression('title', terms), SEARCH_LIMIT + 1) as number[];
		let ranked: Ranked;
		if (inTitle.length > SEARCH_LIMIT) {
			ranked = {rowids: this.newestFirst(inTitle.slice(0, SEARCH_LIMIT)), more: true};
		} else {
			const limit = SEARCH_LIMIT + 1 + inTitle.length;
			const anywhere = this.matches.all(matchExpression('title summary body countries', terms), limit) as number[];
			const titled = new Set(inTitle);
			const rest = this.newestFirst(anywhere.filter(rowid => !titled.has(rowid)));
			const rowids = [...this.newestFirst(inTitle), ...rest];
			ranked = {rowids: rowids.slice(0, SEARCH_LIMIT), more: rowids.length > SEARCH_LIMIT || anywhere.length === limit};
		}

		if (this.cache.size >= CACHED_SEARCHES) this.cache.delete(this.cache.keys().next().value!);
		this.cache.set(key, ranked);
		return ranked;
	}

	/** Rowids ordered by the articles' own times, newest first (undated last). */
	private newestFirst(rowids: number[]): number[] {
		if (rowids.length < 2) return rowids;
		const times = new Map((this.times.all(JSON.stringify(rowids)) as Array<{rowid: number; time: number}>).map(row => [row.rowid, row.time]));
		return [...rowids].sort((a, b) => (times.get(b) ?? 0) - (times.get(a) ?? 0) || b - a);
	}

	/** Articles were added, changed or removed: every kept result may be wrong. */
	forget(): void {
		this.cache.clear();
	}
}
