// The rows on screen: one page out of the library (or the bookmarks), at
// the list's scroll position, and how many there are in all.
import {useMemo} from 'react';
import type {ArticleRow} from '../core/article.js';
import {listHeight, type State} from '../core/state.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import type {Counts, Library, ListFilter} from '../library/store.js';
import {useDebounced} from './use-debounced.js';

export type ListData = {filter: ListFilter; counts: Counts; rows: ArticleRow[]; selected?: ArticleRow};

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 150;

export function useList(library: Library, bookmarks: Bookmark[], state: State): ListData {
	const query = useDebounced(state.query, SEARCH_DEBOUNCE_MS);
	const version = state.libraryVersion;
	const filter = useMemo(
		() => ({sector: state.sector, edition: state.edition, query: query || undefined}),
		[state.sector, state.edition, query],
	);
	const height = listHeight(state);
	const {top, selected} = state.positions[state.mode];
	const counts = useMemo(() => {
		if (state.mode !== 'bookmarks') return library.count(filter);
		const unread = bookmarks.filter(bookmark => !library.reading(bookmark.id).read).length;
		return {total: bookmarks.length, unread};
	}, [state.mode, bookmarks, library, filter, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version: the library changed
	const rows = useMemo(
		() =>
			state.mode === 'bookmarks'
				? bookmarks.slice(top, top + height).map(
						(bookmark): ArticleRow => ({
							id: bookmark.id,
							title: bookmark.title,
							url: bookmark.url,
							sector: bookmark.sector ?? 'other',
							edition: bookmark.edition ?? 'other',
							createdAt: bookmark.createdAt,
							kind: 'full',
							read: library.reading(bookmark.id).read,
						}),
					)
				: library.page(filter, top, height),
		[state.mode, bookmarks, library, filter, top, height, version], // eslint-disable-line react-hooks/exhaustive-deps
	);
	return {filter, counts, rows, selected: rows[selected - top]};
}
