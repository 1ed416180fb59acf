// The bookmarks as React state, read from the store and re-read after each
// change, here or in another process (reload), so the ★ marks and the
// bookmarks view follow the file.
import {useCallback, useMemo, useState} from 'react';
import type {Bookmark, BookmarkSnapshot, BookmarkStore} from '../bookmarks/bookmark-store.js';

export type Bookmarks = {
	list: Bookmark[];
	ids: Set<string>;
	/** Resolves to true when the story is bookmarked afterwards. */
	toggle: (snapshot: BookmarkSnapshot) => Promise<boolean>;
	/** Puts back a removed bookmark as it was. */
	restore: (bookmark: Bookmark) => Promise<void>;
	/** Reads the file again (another process changed it); the screen draws again only if the bookmarks differ. */
	reload: () => void;
};

const sameBookmarks = (a: Bookmark[], b: Bookmark[]): boolean => JSON.stringify(a) === JSON.stringify(b);

export function useBookmarks(store: BookmarkStore): Bookmarks {
	const [list, setList] = useState(() => store.list());
	const ids = useMemo(() => new Set(list.map(bookmark => bookmark.id)), [list]);
	const reload = useCallback(() => {
		const read = store.list();
		setList(current => (sameBookmarks(current, read) ? current : read));
	}, [store]);
	const toggle = useCallback(
		async (snapshot: BookmarkSnapshot) => {
			const added = await store.toggle(snapshot);
			reload();
			return added;
		},
		[store, reload],
	);
	const restore = useCallback(
		async (bookmark: Bookmark) => {
			await store.restore(bookmark);
			reload();
		},
		[store, reload],
	);
	return {list, ids, toggle, restore, reload};
}
