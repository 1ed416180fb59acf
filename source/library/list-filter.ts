// What a list shows: a sector, an edition, a search, or any of them.

export type ListFilter = {
	sector?: string;
	edition?: string;
	/** Full-text search over title, summary and body; results come ranked. */
	query?: string;
};

/** The filter's search, when it has words (spaces alone are no search). */
export function searchOf(filter: ListFilter): (ListFilter & {query: string}) | undefined {
	const query = filter.query?.trim();
	return query ? {...filter, query} : undefined;
}
