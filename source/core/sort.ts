// The orders a list can be read in: newest first, oldest first, or unread
// first (newest first within each). A search is ranked, whatever the order.

export const SORTS = ['newest', 'oldest', 'unread'] as const;

export type Sort = (typeof SORTS)[number];

/** How the header and the status line name an order. */
export const SORT_NAMES: Record<Sort, string> = {newest: 'newest first', oldest: 'oldest first', unread: 'unread first'};

/** The order after `sort`, going round. */
export const nextSort = (sort: Sort): Sort => SORTS[(SORTS.indexOf(sort) + 1) % SORTS.length]!;
