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
	/** When the story was published: the page's "Created" (the site's PublishedOn), or a feed's publication time. */
	createdAt?: string;
	/** When it was last changed: the page's "Updated" (the site's ModifiedOn, which most JSON listings call createdOn). */
	updatedAt?: string;
	/**
	 * A time a listing gave that the page shows nowhere: GetEditionNews and
	 * GetLatestNews call the site's CreatedOn (when the story was entered,
	 * before it was published) createdOn. Sorts a story nothing else dates.
	 */
	listedAt?: string;
	countries: string[];
	/**
	 * The sectors a source states (sector ids, or names, aliases or labels a
	 * source used, resolved when filed); an article may have several. Never
	 * a guess: one from the link's label is made when filing (taxonomy.ts).
	 */
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
	/** True when no source stated a sector and `sectors` is the one the link's label names (a guess). */
	sectorsGuessed?: boolean;
	createdAt?: string;
	/** The time the row sorts by when it is not `createdAt` (see storyTime): the story's update or listing time. */
	updatedAt?: string;
	listedAt?: string;
	kind: ArticleKind;
	section?: string;
	/** Opened before (or marked read with u). */
	read: boolean;
};

/** Which of a story's times dates it. */
export type TimeKind = 'created' | 'updated' | 'listed';

/**
 * The best time known of a story, and which it is: when it was published,
 * else when it last changed (which is on its page), else a listing's time.
 * Lists sort by it, and say which one they show.
 */
export function storyTime(item: Pick<Article, 'createdAt' | 'updatedAt' | 'listedAt'>): {at: string; kind: TimeKind} | undefined {
	if (item.createdAt) return {at: item.createdAt, kind: 'created'};
	if (item.updatedAt) return {at: item.updatedAt, kind: 'updated'};
	if (item.listedAt) return {at: item.listedAt, kind: 'listed'};
	return undefined;
}

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

/** The reference to an article or a list row, with its first sector and edition as the taxonomy files it (none known, or a sector only guessed: left out). */
export function articleRef(item: Article | ArticleRow, taxonomy: Taxonomy): ArticleRef {
	const {sectors, editions, sectorsGuessed} = fileArticle(taxonomy, {...item, label: 'label' in item ? item.label : undefined});
	const known = (ids: string[]) => ids.find(id => id !== OTHER);
	const guessed = sectorsGuessed || ('read' in item && item.sectorsGuessed === true);
	return {id: item.id, title: item.title, url: item.url, sector: guessed ? undefined : known(sectors), edition: known(editions), createdAt: item.createdAt};
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
