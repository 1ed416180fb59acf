// A bookmark stands in for its article once the library no longer holds
// it: in the bookmarks list as a row, and in the reader as a headline.
import {BOOKMARK_SOURCE, type Article, type ArticleRow} from '../core/article.js';
import {statedLabel} from '../core/devdiscourse.js';
import {OTHER} from '../core/taxonomy.js';
import type {Bookmark} from './bookmark-store.js';

/** The bookmarks view's row for a bookmark whose article left the library: its headline is all devnews holds. */
export function bookmarkRow(bookmark: Bookmark, read: boolean): ArticleRow {
	return {
		id: bookmark.id,
		title: bookmark.title,
		url: bookmark.url,
		sectors: [bookmark.sector ?? OTHER],
		editions: [bookmark.edition ?? OTHER],
		countries: [],
		createdAt: bookmark.createdAt,
		kind: 'headline',
		read,
	};
}

/** The article shown for a bookmark whose article left the library: its snapshot, as a headline. */
export function bookmarkArticle(bookmark: Bookmark): Article {
	const {sector, edition, savedAt, ...snapshot} = bookmark;
	// The label its link states: with no sector kept (a guessed one is not), the reader guesses it again, as a guess.
	const label = statedLabel(snapshot.url);
	return {...snapshot, ...(label ? {label} : {}), sectors: sector ? [sector] : [], editions: edition ? [edition] : [], countries: [], body: [], kind: 'headline', source: BOOKMARK_SOURCE};
}
