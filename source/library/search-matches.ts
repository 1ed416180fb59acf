// A search's matches as a list shows them: ranked under the sector and
// edition by the full-text index (ranked-search.ts), then narrowed to one
// source and to the unread where the filter asks. The index knows neither,
// so they are looked up for the ranked matches alone (at most SEARCH_LIMIT).
import type {ListFilter} from './list-filter.js';
import type {Ranked, RankedSearch} from './ranked-search.js';
import type {Statements} from './statements.js';

export type SearchFilter = ListFilter & {query: string};

export class SearchMatches {
	constructor(private readonly sql: Statements, private readonly search: RankedSearch) {}

	/** The ranked matches of the filter's search, best first. */
	matches(filter: SearchFilter): Ranked {
		const ranked = this.search.rank(filter);
		if (!filter.source && !filter.unreadOnly) return ranked;
		const kept = new Set(
			this.sql
				.get('SELECT rowid FROM articles WHERE rowid IN (SELECT value FROM json_each(@rowids)) AND (@source IS NULL OR origin = @source) AND (@unreadOnly = 0 OR read = 0)')
				.pluck()
				.all({rowids: JSON.stringify(ranked.rowids), source: filter.source ?? null, unreadOnly: filter.unreadOnly ? 1 : 0}) as number[],
		);
		return {rowids: ranked.rowids.filter(rowid => kept.has(rowid)), more: ranked.more};
	}

	/** Whether the search found more matches than it ranks (SEARCH_LIMIT). */
	hasMore(filter: SearchFilter): boolean {
		return this.search.rank(filter).more;
	}
}
