// What a list shows: a sector, an edition, a source, a search, or any of
// them; all of it or its unread stories only; in which order.
import type {Sort} from '../core/sort.js';

export type ListFilter = {
	sector?: string;
	edition?: string;
	/** One source's articles: a feed's URL, or 'data' for the data folder's. */
	source?: string;
	/** Full-text search over title, summary and body; results come ranked. */
	query?: string;
	/** Unread stories only. */
	unreadOnly?: boolean;
	/** Newest first unless said (a search is ranked, whatever this says). */
	sort?: Sort;
};

/** The filter's search, when it has words (spaces alone are no search). */
export function searchOf(filter: ListFilter): (ListFilter & {query: string}) | undefined {
	const query = filter.query?.trim();
	return query ? {...filter, query} : undefined;
}
