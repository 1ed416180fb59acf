// The open story and its lines at the current width. Only this one body is
// read from the library; a bookmark whose article left the library still
// opens, from its snapshot.
import {useMemo} from 'react';
import type {Article, Taxonomy} from '../core/article.js';
import {readerLines, type ReaderLine} from '../core/layout.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import type {Library} from '../library/store.js';

function snapshotArticle(bookmark: Bookmark): Article {
	return {...bookmark, countries: [], body: [], kind: 'headline', source: 'bookmark'};
}

export function useStory(library: Library, bookmarks: Bookmark[], id: string | undefined, taxonomy: Taxonomy, width: number): {article?: Article; lines: ReaderLine[]} {
	const article = useMemo(() => {
		if (!id) return undefined;
		const snapshot = bookmarks.find(bookmark => bookmark.id === id);
		return library.article(id) ?? (snapshot ? snapshotArticle(snapshot) : undefined);
	}, [id, library, bookmarks]);
	const lines = useMemo(() => (article ? readerLines(article, taxonomy, width) : []), [article, taxonomy, width]);
	return {article, lines};
}
