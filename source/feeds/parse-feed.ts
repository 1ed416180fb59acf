// Reads RSS 2.0, RSS 1.0 (RDF), Atom and Google News sitemaps (the form
// of Devdiscourse's /RSS/GoogleNews) into one shape. Parsing is done by
// fast-xml-parser with entity expansion bounded; a document that declares
// entities built from other entities (the "billion laughs" bomb) is
// refused before parsing, since no real feed needs them.
import {XMLParser, XMLValidator, type ProcessEntitiesOptions} from 'fast-xml-parser';
import {sanitizeLine} from '../terminal/sanitize.js';

export type FeedItem = {
	guid?: string;
	link?: string;
	title: string;
	/** The item's description or summary, as the feed gives it (often HTML). */
	summary?: string;
	/** Full content, when the feed carries it (content:encoded, Atom content). */
	content?: string;
	author?: string;
	/** When the item was published (RSS pubDate, Atom published, a news sitemap's publication_date). */
	published?: string;
	/** When it last changed (Atom updated, a sitemap's lastmod, the site's ModifiedOn in its JSON listings). */
	updated?: string;
	/** A time a listing gives that is neither (see site-api.ts). */
	listed?: string;
	/** The item's categories as the feed writes them (RSS <category>, Atom term, dc:subject): they may name its sectors and editions. */
	categories?: string[];
	/** What some sources say of an item beyond a feed's fields (the site's API, its sitemap). */
	countries?: string[];
	sectors?: string[];
	editions?: string[];
	tags?: string[];
};

/** The kinds of document devnews reads items from. */
type FeedFormat = 'RSS 2.0' | 'RSS 1.0' | 'Atom' | 'news sitemap' | 'Devdiscourse JSON listing';

export type ParsedFeed = {format: FeedFormat; title?: string; items: FeedItem[]};

/**
 * A document that is not a feed, with a message fit for one line after the
 * URL. Parsers quote the document in their messages (with its line breaks and
 * whatever control characters it holds), so the message is made one plain line.
 */
export class FeedError extends Error {
	constructor(message: string) {
		super(sanitizeLine(message));
	}
}

const MAX_ENTITY_DECLARATIONS = 20;

function refuseEntityBombs(xml: string): void {
	const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml)?.[1];
	if (!doctype) return;
	const declarations = doctype.match(/<!ENTITY[^>]*>/gi) ?? [];
	if (declarations.length > MAX_ENTITY_DECLARATIONS) throw new FeedError(`refused: ${declarations.length} entity declarations (entity-expansion bomb?)`);
	if (declarations.some(declaration => /&[\w.:-]+;/.test(declaration))) {
		throw new FeedError('refused: entities defined from other entities (entity-expansion bomb)');
	}
}

/**
 * Limits on what entities may expand to. They apply to the entities a
 * document declares itself (where bombs come from), not to the predefined
 * ones: a feed of escaped HTML holds tens of thousands of &lt; and &gt;, each
 * one character long. fast-xml-parser reads `appliesTo`; its types do not list it yet.
 */
export const ENTITY_LIMITS: ProcessEntitiesOptions & {appliesTo: 'external'} = {
	enabled: true,
	maxEntityCount: MAX_ENTITY_DECLARATIONS,
	maxTotalExpansions: 10_000,
	maxExpandedLength: 1_000_000,
	appliesTo: 'external',
};

/** Throws a FeedError naming the first mistake and its line when `xml` is not well-formed. */
export function assertWellFormed(xml: string, kind: string): void {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) throw new FeedError(`malformed ${kind}: ${valid.err.msg} (line ${valid.err.line})`);
}

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	textNodeName: '#text',
	removeNSPrefix: false,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	htmlEntities: true,
	processEntities: ENTITY_LIMITS,
	isArray: name => ['item', 'entry', 'link', 'category', 'dc:subject', 'url'].includes(name),
});

type Node = Record<string, unknown>;

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
	if (Array.isArray(value)) return text(value[0]);
	if (typeof value === 'object') return text((value as Node)['#text']);
	return undefined;
}

function list(value: unknown): unknown[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** Each category once, as written; `read` takes one's text (RSS) or its term (Atom). Only when there is one. */
function categories(values: unknown[], read: (value: unknown) => string | undefined): {categories?: string[]} {
	const found = [...new Set(values.flatMap(value => read(value) ?? []))];
	return found.length > 0 ? {categories: found} : {};
}

function rssItem(item: Node): FeedItem {
	const guid = item['guid'];
	return {
		guid: text(guid),
		link: text(item['link']) ?? (typeof guid === 'object' && (guid as Node)['@isPermaLink'] !== 'false' ? text(guid) : undefined),
		title: text(item['title']) ?? '',
		summary: text(item['description']),
		content: text(item['content:encoded']),
		author: text(item['dc:creator']) ?? text(item['author']),
		published: text(item['pubDate']) ?? text(item['dc:date']),
		...categories([...list(item['category']), ...list(item['dc:subject'])], text),
	};
}

function rdfItem(item: Node): FeedItem {
	return {...rssItem(item), guid: (item['@rdf:about'] as string | undefined) ?? text(item['link'])};
}

function atomLink(entry: Node): string | undefined {
	const links = list(entry['link']) as Node[];
	const alternate = links.find(link => !link['@rel'] || link['@rel'] === 'alternate') ?? links[0];
	return alternate?.['@href'] as string | undefined;
}

function atomEntry(entry: Node): FeedItem {
	const author = entry['author'] as Node | undefined;
	return {
		guid: text(entry['id']),
		link: atomLink(entry),
		title: text(entry['title']) ?? '',
		summary: text(entry['summary']),
		content: text(entry['content']),
		author: author ? text(author['name']) : undefined,
		published: text(entry['published']),
		updated: text(entry['updated']),
		...categories(list(entry['category']), category => (category && typeof category === 'object' ? text((category as Node)['@term']) : undefined)),
	};
}

/**
 * A Google News sitemap entry: its link, title, publication time (the
 * site's PublishedOn, the page's "Created"), last change (lastmod, its
 * ModifiedOn, the page's "Updated") and keywords. It names no sector: the
 * link's label may suggest one (labels.json), as a guess.
 */
function sitemapEntry(url: Node): FeedItem {
	const news = (url['news:news'] ?? {}) as Node;
	const keywords = (text(news['news:keywords']) ?? '')
		.split(',')
		.map(keyword => keyword.trim())
		.filter(Boolean);
	return {
		link: text(url['loc']),
		title: text(news['news:title']) ?? '',
		published: text(news['news:publication_date']),
		updated: text(url['lastmod']),
		...(keywords.length > 0 ? {tags: keywords} : {}),
	};
}

export function parseFeed(xml: string): ParsedFeed {
	refuseEntityBombs(xml);
	assertWellFormed(xml, 'XML');
	let document: Node;
	try {
		document = parser.parse(xml) as Node;
	} catch (error) {
		throw new FeedError(`cannot parse: ${(error as Error).message}`);
	}

	const rss = document['rss'] as Node | undefined;
	if (rss) {
		const channel = (rss['channel'] ?? {}) as Node;
		return {format: 'RSS 2.0', title: text(channel['title']), items: list(channel['item']).map(item => rssItem(item as Node))};
	}

	const rdf = document['rdf:RDF'] as Node | undefined;
	if (rdf) {
		const channel = (rdf['channel'] ?? {}) as Node;
		return {format: 'RSS 1.0', title: text(channel['title']), items: list(rdf['item']).map(item => rdfItem(item as Node))};
	}

	const feed = document['feed'] as Node | undefined;
	if (feed) return {format: 'Atom', title: text(feed['title']), items: list(feed['entry']).map(entry => atomEntry(entry as Node))};
	const urlset = document['urlset'] as Node | undefined;
	if (urlset) return {format: 'news sitemap', items: list(urlset['url']).map(url => sitemapEntry(url as Node))};
	throw new FeedError('not an RSS or Atom feed, nor a news sitemap');
}
