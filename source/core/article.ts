// The data contract (see README "Data"): what one article is, and the
// smaller row the list screens page through.

export type ArticleKind = 'full' | 'headline';

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
	sector?: string;
	edition?: string;
	section?: string;
	imageNote?: string;
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
	/** Taxonomy id, or OTHER when the article's sector is not in the taxonomy. */
	sector: string;
	edition: string;
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
	sector?: string;
	edition?: string;
	createdAt?: string;
};

/** The reference to an article or a list row; OTHER (no known sector or edition) is left out. */
export function articleRef(item: Article | ArticleRow): ArticleRef {
	const known = (id: string | undefined) => (id === OTHER ? undefined : id);
	return {id: item.id, title: item.title, url: item.url, sector: known(item.sector), edition: known(item.edition), createdAt: item.createdAt};
}

/** How many articles a list, a picker entry or the header counts; `more` when a search found more than it ranked. */
export type Counts = {total: number; unread: number; more?: boolean};

/** A sector or an edition, as listed in data/sectors.json and data/editions.json. */
export type TaxonomyEntry = {
	id: string;
	name: string;
	order: number;
};

export type Taxonomy = {
	sectors: TaxonomyEntry[];
	editions: TaxonomyEntry[];
};

/** The bucket for articles whose sector or edition is missing or unknown. */
export const OTHER = 'other';

export function taxonomyName(entries: TaxonomyEntry[], id: string | undefined): string {
	if (!id || id === OTHER) return 'Other';
	return entries.find(entry => entry.id === id)?.name ?? 'Other';
}

/** The `source` of an article from the data folder (`source` is otherwise the feed's URL). */
export const DATA_SOURCE = 'data';

/** The `source` of an article shown from its bookmark's snapshot, when the library no longer holds it. */
export const BOOKMARK_SOURCE = 'bookmark';

/** Whether an article came from a feed (not the shipped data, not a bookmark's snapshot). */
export function isFromFeed(article: Article): boolean {
	return article.source !== DATA_SOURCE && article.source !== BOOKMARK_SOURCE;
}

/** A feed item that came with a summary only, and has a page to fetch the story from. */
export function needsFullStory(article: Article): boolean {
	return article.kind === 'headline' && isFromFeed(article) && /^https?:\/\//.test(article.url ?? '');
}
