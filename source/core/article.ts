// The data contract (see README "Data"): what one article is, and the
// smaller row the list screens page through.
import {isGarbled} from './garbled-text.js';
import {pageHostRefusal} from './page-hosts.js';
import {fileArticle, OTHER, type Taxonomy} from './taxonomy.js';

/**
 * What text devnews holds of a story: all of it (`full`), the summary a
 * feed or listing gave (`summary`), or its headline alone (`headline`).
 */
export type ArticleKind = 'full' | 'summary' | 'headline';

export type Article = {
	id: string;
	url?: string;
	title: string;
	summary?: string;
	byline?: string;
	location?: string;
	createdAt?: string;
	updatedAt?: string;
	countries: string[];
	/** Sector ids (or names, aliases or labels a source used, resolved when filed); an article may have several. */
	sectors: string[];
	/** Edition ids, likewise; the site's article page shows none. */
	editions: string[];
	/** The label of its Devdiscourse link (/article/{label}/{number}-…): an editorial tag, not its sector. */
	label?: string;
	tags?: string[];
	section?: string;
	/** The site's disclaimer under an AI-generated illustration. */
	imageNote?: string;
	/** Any other caption under the article's picture. */
	imageCaption?: string;
	body: string[];
	credit?: string;
	kind: ArticleKind;
	source: string;
	/** The page the body was extracted from, when it did not come with the data or the feed. */
	extractedFrom?: string;
	synthetic?: boolean;
};

/** One line of a list: enough to draw a row and to open the story. */
export type ArticleRow = {
	id: string;
	title: string;
	url?: string;
	/** Taxonomy ids, or [OTHER] when none of the article's is in the taxonomy. */
	sectors: string[];
	editions: string[];
	countries: string[];
	createdAt?: string;
	kind: ArticleKind;
	section?: string;
	/** Opened before (or marked read with u). */
	read: boolean;
};

/**
 * What names an article outside the library: a bookmark's snapshot, and
 * what a link, a copy or a bookmark acts on. Enough to list and open it
 * after the article itself has left the library.
 */
export type ArticleRef = {
	id: string;
	title: string;
	url?: string;
	/** The first of its sectors and editions. */
	sector?: string;
	edition?: string;
	createdAt?: string;
};

/** The reference to an article or a list row, with its first sector and edition as the taxonomy files it (none known: left out). */
export function articleRef(item: Article | ArticleRow, taxonomy: Taxonomy): ArticleRef {
	const {sectors, editions} = fileArticle(taxonomy, {...item, label: 'label' in item ? item.label : undefined});
	const known = (ids: string[]) => ids.find(id => id !== OTHER);
	return {id: item.id, title: item.title, url: item.url, sector: known(sectors), edition: known(editions), createdAt: item.createdAt};
}

/** How many articles a list, a picker entry or the header counts; `more` when a search found more than it ranked. */
export type Counts = {total: number; unread: number; more?: boolean};

/** The `source` of an article from the data folder (`source` is otherwise the feed's URL). */
export const DATA_SOURCE = 'data';

/** The `source` of an article shown from its bookmark's snapshot, when the library no longer holds it. */
export const BOOKMARK_SOURCE = 'bookmark';

/** Whether an article came from a feed (not the shipped data, not a bookmark's snapshot). */
export function isFromFeed(article: Article): boolean {
	return article.source !== DATA_SOURCE && article.source !== BOOKMARK_SOURCE;
}

/** A feed item that came without its story (or with it garbled: garbled-text.ts), and has a page devnews may fetch the story from (see page-hosts.ts). */
export function needsFullStory(article: Article): boolean {
	return (article.kind !== 'full' || isGarbled(article)) && isFromFeed(article) && pageHostRefusal(article.url, article.source) === undefined;
}

/** The kind of what a source gave: its story, its summary, or its headline alone. */
export const kindOf = (body: string[], summary: string | undefined): ArticleKind => (body.length > 0 ? 'full' : summary ? 'summary' : 'headline');
