// The bookmarks as React state, read from the store and re-read after each
// change, so the ★ marks and the bookmarks view follow the file.
import {useCallback, useMemo, useState} from 'react';
import type {Bookmark, BookmarkSnapshot, BookmarkStore} from '../bookmarks/bookmark-store.js';

export type Bookmarks = {
	list: Bookmark[];
	ids: Set<string>;
	/** Resolves to true when the story is bookmarked afterwards. */
	toggle: (snapshot: BookmarkSnapshot) => Promise<boolean>;
};

export function useBookmarks(store: BookmarkStore): Bookmarks {
	const [list, setList] = useState(() => store.list());
	const ids = useMemo(() => new Set(list.map(bookmark => bookmark.id)), [list]);
	const toggle = useCallback(
		async (snapshot: BookmarkSnapshot) => {
			const added = await store.toggle(snapshot);
			setList(store.list());
			return added;
		},
		[store],
	);
	return {list, ids, toggle};
}
