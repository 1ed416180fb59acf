// Reads RSS 2.0, RSS 1.0 (RDF), Atom and Google News sitemaps (the form
// of Devdiscourse's /RSS/GoogleNews) into one shape, item by item as the
// document is read (xml-events.ts), keeping of each item only the fields
// devnews uses: no tree of the whole document is built.
import {FeedError} from './feed-error.js';
import {readXml, type Attributes} from './xml-events.js';

export {FeedError} from './feed-error.js';

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
 * What was read of one item: the text of the first element by each name
 * (a name within a name as "author/name"), every text of the repeated ones
 * (categories), and what its attributes said (keys starting with "@").
 * A key present with no value is an element that was there but empty.
 */
type Fields = {text: Map<string, string | undefined>; lists: Map<string, string[]>};

/** How a format lays out its document: the element paths of its title and its items, and what an item's elements mean. */
type Layout = {
	format: FeedFormat;
	title?: readonly string[];
	item: readonly string[];
	/** The item's elements whose text is read: once (the first), or each time ('list'). */
	texts: ReadonlyMap<string, 'once' | 'list'>;
	/** What an element's attributes say, noted in `fields`; the item's own come with the key ''. */
	attributes?: (key: string, attributes: Attributes | undefined, fields: Fields) => void;
	toItem: (fields: Fields) => FeedItem;
};

/** Each value once, as written, and only when there is one. */
function categories(values: string[]): {categories?: string[]} {
	return values.length > 0 ? {categories: [...new Set(values)]} : {};
}

/** Notes `key` as `value` unless a first element already set it. */
function first(fields: Fields, key: string, value: string | undefined): void {
	if (!fields.text.has(key)) fields.text.set(key, value);
}

/** Adds `value` to the values of `key`, a repeated element. */
function add(fields: Fields, key: string, value: string): void {
	const values = fields.lists.get(key);
	if (values) values.push(value);
	else fields.lists.set(key, [value]);
}

const RSS_TEXTS = new Map<string, 'once' | 'list'>([
	['title', 'once'],
	['link', 'once'],
	['guid', 'once'],
	['description', 'once'],
	['content:encoded', 'once'],
	['dc:creator', 'once'],
	['author', 'once'],
	['pubDate', 'once'],
	['dc:date', 'once'],
	['category', 'list'],
	['dc:subject', 'list'],
]);

/**
 * An RSS item. Its guid is its link too when the link is missing and the
 * guid carries attributes without isPermaLink="false" (as devnews has
 * always read it: a bare guid is often a number, not an address).
 */
function rssItem({text, lists}: Fields): FeedItem {
	const guid = text.get('guid');
	return {
		guid,
		link: text.get('link') ?? (text.get('@guid') === 'link' ? guid : undefined),
		title: text.get('title') ?? '',
		summary: text.get('description'),
		content: text.get('content:encoded'),
		author: text.get('dc:creator') ?? text.get('author'),
		published: text.get('pubDate') ?? text.get('dc:date'),
		...categories([...(lists.get('category') ?? []), ...(lists.get('dc:subject') ?? [])]),
	};
}

function rssAttributes(key: string, attributes: Attributes | undefined, fields: Fields): void {
	if (key === 'guid') first(fields, '@guid', attributes && attributes['isPermaLink'] !== 'false' ? 'link' : 'not');
	// RSS 1.0's item names itself in rdf:about, which serves as its guid.
	else if (key === '' && attributes && Object.hasOwn(attributes, 'rdf:about')) fields.text.set('@about', attributes['rdf:about']);
}

const RSS_2: Layout = {format: 'RSS 2.0', title: ['rss', 'channel', 'title'], item: ['rss', 'channel', 'item'], texts: RSS_TEXTS, attributes: rssAttributes, toItem: rssItem};

const RSS_1: Layout = {
	format: 'RSS 1.0',
	title: ['rdf:RDF', 'channel', 'title'],
	item: ['rdf:RDF', 'item'],
	texts: RSS_TEXTS,
	attributes: rssAttributes,
	toItem: fields => ({...rssItem(fields), guid: fields.text.has('@about') ? fields.text.get('@about') : fields.text.get('link')}),
};

/** An entry's link is its first with rel="alternate" or no rel, else its first. */
function atomAttributes(key: string, attributes: Attributes | undefined, fields: Fields): void {
	if (key === 'link') {
		first(fields, '@link', attributes?.['href']);
		if (!attributes?.['rel'] || attributes['rel'] === 'alternate') first(fields, '@alternate', attributes?.['href']);
	} else if (key === 'category') {
		const term = attributes?.['term']?.trim();
		if (term) add(fields, 'category', term);
	}
}

const ATOM: Layout = {
	format: 'Atom',
	title: ['feed', 'title'],
	item: ['feed', 'entry'],
	texts: new Map([
		['id', 'once'],
		['title', 'once'],
		['summary', 'once'],
		['content', 'once'],
		['author/name', 'once'],
		['published', 'once'],
		['updated', 'once'],
	]),
	attributes: atomAttributes,
	toItem: ({text, lists}) => ({
		guid: text.get('id'),
		link: text.has('@alternate') ? text.get('@alternate') : text.get('@link'),
		title: text.get('title') ?? '',
		summary: text.get('summary'),
		content: text.get('content'),
		author: text.get('author/name'),
		published: text.get('published'),
		updated: text.get('updated'),
		...categories(lists.get('category') ?? []),
	}),
};

/**
 * A Google News sitemap entry: its link, title, publication time (the
 * site's PublishedOn, the page's "Created"), last change (lastmod, its
 * ModifiedOn, the page's "Updated") and keywords. It names no sector: the
 * link's label may suggest one (labels.json), as a guess.
 */
const NEWS_SITEMAP: Layout = {
	format: 'news sitemap',
	item: ['urlset', 'url'],
	texts: new Map([
		['loc', 'once'],
		['lastmod', 'once'],
		['news:news/news:title', 'once'],
		['news:news/news:publication_date', 'once'],
		['news:news/news:keywords', 'once'],
	]),
	toItem({text}) {
		const keywords = (text.get('news:news/news:keywords') ?? '')
			.split(',')
			.map(keyword => keyword.trim())
			.filter(Boolean);
		return {
			link: text.get('loc'),
			title: text.get('news:news/news:title') ?? '',
			published: text.get('news:news/news:publication_date'),
			updated: text.get('lastmod'),
			...(keywords.length > 0 ? {tags: keywords} : {}),
		};
	},
};

/** The layout by the document's root element. */
const LAYOUTS = new Map([
	['rss', RSS_2],
	['rdf:RDF', RSS_1],
	['feed', ATOM],
	['urlset', NEWS_SITEMAP],
]);

/** Whether the open elements are `path`. */
function isAt(open: string[], path: readonly string[] | undefined): boolean {
	return path !== undefined && open.length === path.length && path.every((name, index) => open[index] === name);
}

/** An element whose text is being read: where it is, and its text so far. */
type Reading = {depth: number; key: string; once: boolean; text: string};

export function parseFeed(xml: string): ParsedFeed {
	const open: string[] = [];
	const items: FeedItem[] = [];
	let layout: Layout | undefined;
	let title: string | undefined;
	let titleRead = false;
	let fields: Fields | undefined;
	let reading: Reading | undefined;

	const startReading = (key: string, once: boolean) => {
		reading = {depth: open.length, key, once, text: ''};
	};

	readXml(xml, {
		open(name, attributes) {
			open.push(name);
			if (open.length === 1) layout = LAYOUTS.get(name);
			if (!layout || reading) return;
			const itemDepth = layout.item.length;
			if (fields) {
				// Within an item: its own elements, and those one level within them ("author/name").
				const depth = open.length - itemDepth;
				if (depth > 2) return;
				const key = depth === 1 ? name : `${open[itemDepth]!}/${name}`;
				layout.attributes?.(key, attributes, fields);
				const kind = layout.texts.get(key);
				if (kind === 'list' || (kind === 'once' && !fields.text.has(key))) startReading(key, kind === 'once');
			} else if (open.length === itemDepth && isAt(open, layout.item)) {
				fields = {text: new Map(), lists: new Map()};
				layout.attributes?.('', attributes, fields);
			} else if (!titleRead && isAt(open, layout.title)) {
				startReading('title', true);
			}
		},
		text(text) {
			if (reading?.depth === open.length) reading.text += text;
		},
		close() {
			if (reading?.depth === open.length) {
				const value = reading.text.trim() || undefined;
				if (!fields) {
					title = value;
					titleRead = true;
				} else if (reading.once) {
					fields.text.set(reading.key, value);
				} else if (value) {
					add(fields, reading.key, value);
				}

				reading = undefined;
			} else if (fields && layout && open.length === layout.item.length) {
				items.push(layout.toItem(fields));
				fields = undefined;
			}

			open.pop();
		},
	});
	if (!layout) throw new FeedError('not an RSS or Atom feed, nor a news sitemap');
	return {format: layout.format, ...(layout.title ? {title} : {}), items};
}
