// The data contract (see README "Data"): what one article is, and the
// smaller row the list screens page through.
import {pageHostRefusal} from '../feeds/page-hosts.js';

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

/** Whether an article came from a feed (not the shipped data, not a bookmark's snapshot). */
export function isFromFeed(article: Article): boolean {
	return article.source !== 'data' && article.source !== 'bookmark';
}

/** A feed item that came with a summary only, and has a page devnews may fetch the story from (see feeds/page-hosts.ts). */
export function needsFullStory(article: Article): boolean {
	return article.kind === 'headline' && isFromFeed(article) && pageHostRefusal(article.url, article.source) === undefined;
}
