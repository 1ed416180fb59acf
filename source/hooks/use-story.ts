// The open story and its lines at the current width. Only this one body is
// read from the library; a bookmark whose article left the library still
// opens, from its snapshot.
import {useMemo, useState} from 'react';
import {isFromFeed, type Article} from '../core/article.js';
import {sourceTitle, type Source} from '../core/pickers.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {readerLines, type ReaderExtras, type ReaderLine} from '../core/layout.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import {bookmarkArticle} from '../bookmarks/snapshot.js';
import type {Library, LibraryView} from '../library/store.js';
import type {Action, State} from '../core/state.js';

/** What the reader says beside a story: the feed it came from (by its title), and why its full text was not fetched, if it was not. */
export function readerExtras(article: Article, sources: Source[], fetchError?: string): ReaderExtras {
	return {fetchError, source: isFromFeed(article) ? sourceTitle(article.source, sources) : undefined};
}

/** The article to show for `id`: the library's, else the bookmark's snapshot. */
export function findStory(library: Library, bookmarks: Bookmark[], id: string): Article | undefined {
	const bookmark = bookmarks.find(entry => entry.id === id);
	// A bookmark's article may have left the library: its snapshot is shown, and the miss is no sign of damage.
	return library.article(id, !bookmark) ?? (bookmark ? bookmarkArticle(bookmark) : undefined);
}

export function useStory(
	view: LibraryView,
	bookmarks: Bookmark[],
	reader: State['reader'],
	taxonomy: Taxonomy,
	width: number,
	sources: Source[],
	dispatch: (action: Action) => void,
): {article?: Article; lines: ReaderLine[]} {
	const id = reader?.id;
	const fetchError = reader?.fetchError;
	const found = useMemo(() => (id ? findStory(view.library, bookmarks, id) : undefined), [id, view, bookmarks]);
	// A story another devnews removed (pruned) while it is open here stays open, as last read, until the reader leaves it.
	const [shown, setShown] = useState(found);
	if (found && found !== shown) setShown(found);
	const article = found ?? (shown?.id === id ? shown : undefined);
	const lines = useMemo(() => (article ? readerLines(article, taxonomy, width, readerExtras(article, sources, fetchError)) : []), [article, taxonomy, width, sources, fetchError]);
	// The story's length changes with the width, when its full text arrives, or when fetching it failed:
	// the state learns it in this render, so its scroll never points past the end.
	if (reader && article && reader.lineCount !== lines.length) dispatch({type: 'storyLength', lineCount: lines.length, width});
	return {article, lines};
}
