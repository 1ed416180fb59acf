// The rows on screen: one page out of the library (or the bookmarks), at
// the list's scroll position, and how many there are in all.
import {useMemo} from 'react';
import type {ArticleRow} from '../core/article.js';
import {listHeight, type State} from '../core/state.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import type {Library, ListFilter} from '../library/store.js';

export type ListData = {filter: ListFilter; count: number; rows: ArticleRow[]; selected?: ArticleRow};

function bookmarkRow(bookmark: Bookmark): ArticleRow {
	return {
		id: bookmark.id,
		title: bookmark.title,
		url: bookmark.url,
		sector: bookmark.sector ?? 'other',
		edition: bookmark.edition ?? 'other',
		createdAt: bookmark.createdAt,
		kind: 'full',
	};
}

export function useList(library: Library, bookmarks: Bookmark[], state: State): ListData {
	const filter = useMemo(
		() => ({sector: state.sector, edition: state.edition, title: state.query || undefined}),
		[state.sector, state.edition, state.query],
	);
	const height = listHeight(state);
	const {top, selected} = state.positions[state.mode];
	const count = useMemo(
		() => (state.mode === 'bookmarks' ? bookmarks.length : library.count(filter)),
		[state.mode, bookmarks, library, filter],
	);
	const rows = useMemo(
		() =>
			state.mode === 'bookmarks'
				? bookmarks.slice(top, top + height).map(bookmark => bookmarkRow(bookmark))
				: library.page(filter, top, height),
		[state.mode, bookmarks, library, filter, top, height],
	);
	return {filter, count, rows, selected: rows[selected - top]};
}
