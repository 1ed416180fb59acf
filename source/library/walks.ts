// How a list is read out of `listings` (sql.ts): as one or two walks of a
// list in time order. Newest first walks it backwards, oldest first
// forwards; unread first is its unread walk, then its read walk (the index
// on `unread` makes each an index walk); unread only, the unread walk
// alone. A source's list narrowed to a sector or an edition is walked with
// its articles' filing checked as it goes: a source holds thousands of
// stories, not millions, and every source × sector list would double the
// library's size.
import type {Counts} from '../core/article.js';
import type {ListFilter} from './list-filter.js';
import {listKey, sourceListKey} from './sql.js';

export type Walk = {
	list: string;
	/** Only the unread (true) or only the read (false) of the list; all where undefined. */
	unread?: boolean;
	/** Within a source's list: only this sector's or edition's. */
	sector?: string;
	edition?: string;
	newestFirst: boolean;
	/** How many rows the walk holds. */
	size: number;
};

/**
 * The walks that read the filter's list, in order. `source` is the number
 * of the filter's source (-1 for one the library never held); `counts`,
 * the list's, unread or not.
 */
export function walksOf(filter: ListFilter, source: number | undefined, counts: Counts): Walk[] {
	const base =
		source === undefined
			? {list: listKey(filter)}
			: {list: sourceListKey(source), ...(filter.sector ? {sector: filter.sector} : {}), ...(filter.edition ? {edition: filter.edition} : {})};
	const newestFirst = filter.sort !== 'oldest';
	if (filter.unreadOnly) return [{...base, unread: true, newestFirst, size: counts.unread}];
	if (filter.sort === 'unread') {
		return [
			{...base, unread: true, newestFirst, size: counts.unread},
			{...base, unread: false, newestFirst, size: counts.total - counts.unread},
		];
	}

	return [{...base, newestFirst, size: counts.total}];
}

/** What remembers a walk's windows (anchors.ts). */
export const walkKey = (walk: Walk): string => JSON.stringify([walk.list, walk.unread ?? null, walk.sector ?? null, walk.edition ?? null, walk.newestFirst]);

/** Whether a walk's key is of the unread or the read of a list, whose rows a read mark moves. */
export const isReadWalk = (key: string): boolean => (JSON.parse(key) as unknown[])[1] !== null;

/**
 * The walk's rows: from where (`withArticles`: joined to their articles,
 * to read them), which, and the values its placeholders take.
 */
export function walkWhere(walk: Walk, withArticles = true): {from: string; where: string; parameters: Record<string, string | number>} {
	const narrowed = walk.sector !== undefined || walk.edition !== undefined;
	const where = ['l.list = @list'];
	const parameters: Record<string, string | number> = {list: walk.list};
	if (walk.unread !== undefined) {
		where.push('l.unread = @unread');
		parameters['unread'] = walk.unread ? 1 : 0;
	}

	// A filing's lists are JSON arrays of ids, and no id holds a quote: '"politics"' is found only as that id.
	if (walk.sector !== undefined) {
		where.push('instr(a.sectors, @sector) > 0');
		parameters['sector'] = JSON.stringify(walk.sector);
	}

	if (walk.edition !== undefined) {
		where.push('instr(a.editions, @edition) > 0');
		parameters['edition'] = JSON.stringify(walk.edition);
	}

	// The unread walk by its own index (the planner, not knowing how many are
	// unread, may take the list's and skip the read); the articles after the
	// list's entries (CROSS JOIN keeps that order), and only where needed.
	const listings = walk.unread === undefined ? 'listings l' : 'listings l INDEXED BY listings_unread';
	return {from: withArticles || narrowed ? `${listings} CROSS JOIN articles a ON a.rowid = l.article` : listings, where: where.join(' AND '), parameters};
}

/** The walk's order (`reverse`: from its other end), as the index on (list, [unread,] sort_time, id DESC) reads it without sorting. */
export function walkOrder(walk: Walk, reverse = false): string {
	return walk.newestFirst !== reverse ? 'l.sort_time DESC, l.id' : 'l.sort_time, l.id DESC';
}

/**
 * The rows at or after, after, or before the row @time, @id in the walk's
 * order: newest first, a later row is older, or as old and after it by id.
 */
export function walkPosition(walk: Walk, position: 'atOrAfter' | 'after' | 'before'): string {
	const later = walk.newestFirst ? '<' : '>';
	const earlier = walk.newestFirst ? '>' : '<';
	switch (position) {
		case 'atOrAfter':
			return `l.sort_time ${later}= @time AND (l.sort_time ${later} @time OR l.id ${earlier}= @id)`;
		case 'after':
			return `l.sort_time ${later}= @time AND (l.sort_time ${later} @time OR l.id ${earlier} @id)`;
		case 'before':
			return `l.sort_time ${earlier}= @time AND (l.sort_time ${earlier} @time OR l.id ${later} @id)`;
	}
}
