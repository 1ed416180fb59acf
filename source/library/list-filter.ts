// What a list shows: a sector, an edition, a search, or any of them.
// Turned into SQL here, once, for the article lists and their counts alike.

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

/** The WHERE clause of a sector and edition filter, for `articles` and `counts` alike, with `more` conditions. */
export function whereClause(filter: ListFilter, more: string[] = []): {sql: string; params: Record<string, string>} {
	const clauses: string[] = [...more];
	const params: Record<string, string> = {};
	if (filter.sector) {
		clauses.push('sector = @sector');
		params['sector'] = filter.sector;
	}

	if (filter.edition) {
		clauses.push('edition = @edition');
		params['edition'] = filter.edition;
	}

	return {sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params};
}
