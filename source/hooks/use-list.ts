// The rows on screen: one page out of the library (or the bookmarks), at
// the list's scroll position, and how many there are in all.
import {useMemo, useState} from 'react';
import type {ArticleRow, Counts} from '../core/article.js';
import {listHeight} from '../core/screen-rows.js';
import type {Action, State} from '../core/state.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import {bookmarkRow} from '../bookmarks/snapshot.js';
import type {LibraryView, ListFilter} from '../library/store.js';
import {useDebounced} from './use-debounced.js';

export type ListData = {
	counts: Counts;
	rows: ArticleRow[];
	selected?: ArticleRow;
	/** The whole list, where it is held in memory (the bookmarks view): what its next unread and marks read go through. */
	held?: ArticleRow[];
	/** The selection was moved to follow its story in this render (the list changed under it). */
	followed: boolean;
};

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 150;

/** The list's filter as the state says it, with the search as last typed (debounced). */
export function useListFilter(state: State): ListFilter {
	const query = useDebounced(state.query, SEARCH_DEBOUNCE_MS);
	const {sector, edition, source, unreadOnly, sort} = state;
	return useMemo(() => ({sector, edition, source, query: query || undefined, unreadOnly, sort}), [sector, edition, source, query, unreadOnly, sort]);
}

/**
 * The bookmarks view's rows, newest bookmark first: each as the library
 * holds it (read, and what text it has), else from its snapshot; unread
 * only when the list is. Bookmarks are a person's few, read whole.
 */
function bookmarkRows(view: LibraryView, bookmarks: Bookmark[], unreadOnly: boolean): ArticleRow[] {
	const held = new Map(view.library.rowsById(bookmarks.map(bookmark => bookmark.id)).map(row => [row.id, row]));
	const rows = bookmarks.map(bookmark => held.get(bookmark.id) ?? bookmarkRow(bookmark, view.library.reading(bookmark.id).read));
	return unreadOnly ? rows.filter(row => !row.read) : rows;
}

export function useList(view: LibraryView, bookmarks: Bookmark[], state: State, filter: ListFilter, dispatch: (action: Action) => void): ListData {
	const {mode, unreadOnly} = state;
	const height = listHeight(state);
	const position = state.positions[mode];
	const {top, selected} = position;
	const marked = useMemo(() => (mode === 'bookmarks' ? bookmarkRows(view, bookmarks, unreadOnly) : undefined), [mode, view, bookmarks, unreadOnly]);
	const counts = useMemo(
		() => (marked ? {total: marked.length, unread: marked.filter(row => !row.read).length} : view.library.count(filter)),
		[marked, view, filter],
	);
	const rows = useMemo(() => (marked ? marked.slice(top, top + height) : view.library.page(filter, top, height)), [marked, view, filter, top, height]);
	const row = rows[selected - top];

	// When the library changes under the list (a refresh landing news above
	// the selection), the selected article stays selected, where it now is.
	// (Not when the selection was placed anew, even on the same row: n going
	// to a story it reads, an undo selecting the story it put back; nor when
	// the story moved as it was read or marked, unread first: the next one
	// takes its place under the selection, as in unread only.)
	const [seen, setSeen] = useState({view, filter, mode, position, id: row?.id, read: row?.read});
	if (seen.view !== view || seen.filter !== filter || seen.mode !== mode || seen.position !== position || seen.id !== row?.id) {
		setSeen({view, filter, mode, position, id: row?.id, read: row?.read});
		const moved =
			seen.view !== view &&
			seen.filter === filter &&
			seen.mode === mode &&
			seen.position === position &&
			mode === 'articles' &&
			seen.id !== undefined &&
			seen.id !== row?.id &&
			view.library.reading(seen.id).read === seen.read;
		const index = moved ? view.library.indexOf(filter, seen.id!) : undefined;
		if (index !== undefined) {
			dispatch({type: 'follow', index, count: counts.total});
			return {counts, rows, selected: row, held: marked, followed: true};
		}
	}

	return {counts, rows, selected: row, held: marked, followed: false};
}
