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

export type ListData = {filter: ListFilter; counts: Counts; rows: ArticleRow[]; selected?: ArticleRow};

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 150;

export function useList(view: LibraryView, bookmarks: Bookmark[], state: State, dispatch: (action: Action) => void): ListData {
	const query = useDebounced(state.query, SEARCH_DEBOUNCE_MS);
	const {sector, edition, mode} = state;
	const filter = useMemo(() => ({sector, edition, query: query || undefined}), [sector, edition, query]);
	const height = listHeight(state);
	const {top, selected} = state.positions[mode];
	const counts = useMemo(() => {
		if (mode !== 'bookmarks') return view.library.count(filter);
		const unread = bookmarks.filter(bookmark => !view.library.reading(bookmark.id).read).length;
		return {total: bookmarks.length, unread};
	}, [mode, bookmarks, view, filter]);
	const rows = useMemo(
		() =>
			mode === 'bookmarks'
				? bookmarks.slice(top, top + height).map(bookmark => bookmarkRow(bookmark, view.library.reading(bookmark.id).read))
				: view.library.page(filter, top, height),
		[mode, bookmarks, view, filter, top, height],
	);
	const row = rows[selected - top];

	// When the library changes under the list (a refresh landing news above
	// the selection), the selected article stays selected, where it now is.
	const [seen, setSeen] = useState({view, filter, mode, id: row?.id});
	if (seen.view !== view || seen.filter !== filter || seen.mode !== mode || seen.id !== row?.id) {
		setSeen({view, filter, mode, id: row?.id});
		const moved = seen.view !== view && seen.filter === filter && seen.mode === mode && mode === 'articles' && seen.id !== undefined && seen.id !== row?.id;
		const index = moved ? view.library.indexOf(filter, seen.id!) : undefined;
		if (index !== undefined) dispatch({type: 'follow', index, count: counts.total});
	}

	return {filter, counts, rows, selected: row};
}
