// The open story and its lines at the current width. Only this one body is
// read from the library; a bookmark whose article left the library still
// opens, from its snapshot.
import {useMemo} from 'react';
import type {Article, Taxonomy} from '../core/article.js';
import {readerLines, type ReaderLine} from '../core/layout.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import type {Library} from '../library/store.js';

export function snapshotArticle(bookmark: Bookmark): Article {
	return {...bookmark, countries: [], body: [], kind: 'headline', source: 'bookmark'};
}

/** The article to show for `id`: the library's, else the bookmark's snapshot. */
export function findStory(library: Library, bookmarks: Bookmark[], id: string): Article | undefined {
	const snapshot = bookmarks.find(bookmark => bookmark.id === id);
	return library.article(id) ?? (snapshot ? snapshotArticle(snapshot) : undefined);
}

export function useStory(library: Library, bookmarks: Bookmark[], id: string | undefined, taxonomy: Taxonomy, width: number, version: number): {article?: Article; lines: ReaderLine[]} {
	// eslint-disable-next-line react-hooks/exhaustive-deps -- version: the story may have been completed from its page
	const article = useMemo(() => (id ? findStory(library, bookmarks, id) : undefined), [id, library, bookmarks, version]);
	const lines = useMemo(() => (article ? readerLines(article, taxonomy, width) : []), [article, taxonomy, width]);
	return {article, lines};
}
