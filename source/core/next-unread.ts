// The next unread story of a list held whole (a search's ranked matches,
// the bookmarks view): after the story `fromId` in the list's order (before
// it, backwards; from the top with none), going round the end once. A list
// read a window at a time finds it in the library (list-queries.ts).

/** The next unread story, where it is in its list, and whether the search went round the end to find it. */
export type UnreadFound = {id: string; index: number; wrapped: boolean};

export function nextUnreadIn(rows: ReadonlyArray<{id: string; read: boolean}>, fromId: string | undefined, backwards = false): UnreadFound | undefined {
	const at = fromId === undefined ? -1 : rows.findIndex(row => row.id === fromId);
	const order = backwards ? [...rows.keys()].reverse() : [...rows.keys()];
	const after = order.filter(index => at === -1 || (backwards ? index < at : index > at));
	const index = after.find(candidate => !rows[candidate]!.read) ?? order.find(candidate => !rows[candidate]!.read && candidate !== at);
	return index === undefined ? undefined : {id: rows[index]!.id, index, wrapped: !after.includes(index)};
}
