// OPML, the format feed readers exchange subscription lists in. Sector and
// edition travel in OPML 2.0's category attribute ("/sector/politics,
// /edition/global"), which other readers ignore. A file from elsewhere is
// untrusted: titles lose control characters and escape sequences, URLs are
// normalised (variants of one feed are one feed), and a category must name
// a sector or edition devnews knows.
import {XMLBuilder, XMLParser} from 'fast-xml-parser';
import type {Taxonomy} from '../core/taxonomy.js';
import {isWebUrl} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {mergeByUrl, normalizeFeedUrl, SECTOR_FROM_LINK, type Feed, type ImportedFeeds} from './feed-list.js';
import {FeedError} from './feed-error.js';
import {assertWellFormed, ENTITY_LIMITS} from './xml-validation.js';

type Outline = Record<string, unknown> & {outline?: Outline[]};

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	processEntities: ENTITY_LIMITS,
	htmlEntities: true,
	isArray: name => name === 'outline',
});

/** A title fit to store and show: one line of plain text, or nothing. */
function cleanTitle(value: unknown): string | undefined {
	return typeof value === 'string' ? sanitizeLine(value).trim() || undefined : undefined;
}

type KnownIds = {sector: Set<string>; edition: Set<string>};

function knownIds(taxonomy: Taxonomy): KnownIds {
	return {sector: new Set([...taxonomy.sectors.map(entry => entry.id), SECTOR_FROM_LINK]), edition: new Set(taxonomy.editions.map(entry => entry.id))};
}

/** Sector and edition from the category attribute, each only when the taxonomy knows it; `warn` names the rest. */
function categories(value: unknown, known: KnownIds, warn: (problem: string) => void): {sector?: string; edition?: string} {
	const found: {sector?: string; edition?: string} = {};
	for (const path of String(value ?? '').split(',')) {
		const [, kind, id, ...rest] = path.trim().split('/');
		if ((kind !== 'sector' && kind !== 'edition') || id === undefined) continue;
		const wanted = [id, ...rest].join('/').toLowerCase();
		if (known[kind].has(wanted)) found[kind] = wanted;
		else warn(`unknown ${kind} "${sanitizeLine(wanted)}", dropped`);
	}

	return found;
}

/** Every outline with an http(s) xmlUrl, at any depth, one per feed; and a warning line for each other xmlUrl and each category dropped. */
export function parseOpml(xml: string, taxonomy: Taxonomy): ImportedFeeds {
	if (/<!ENTITY/i.test(xml)) throw new FeedError('refused: OPML with entity declarations');
	assertWellFormed(xml, 'OPML');
	let document: Record<string, unknown>;
	try {
		document = parser.parse(xml) as Record<string, unknown>;
	} catch (error) {
		throw new FeedError(`cannot parse OPML: ${(error as Error).message}`);
	}

	// An empty <body/> (a list with no feeds, as feeds export writes it) parses as "".
	const body = (document['opml'] as {body?: Outline | ''} | undefined)?.body;
	if (body === undefined) throw new FeedError('not an OPML document (no <opml><body>)');
	const known = knownIds(taxonomy);
	const feeds: Feed[] = [];
	const warnings: string[] = [];
	// Folders nest outlines; walked with a stack, so no depth overflows the call stack.
	const pending: Outline[] = [...((body === '' ? undefined : body.outline) ?? [])].reverse();
	for (let outline = pending.pop(); outline; outline = pending.pop()) {
		const url = outline['@xmlUrl'];
		const title = cleanTitle(outline['@title']) ?? cleanTitle(outline['@text']);
		if (typeof url === 'string' && isWebUrl(url)) {
			const normalized = normalizeFeedUrl(url);
			const named = title ? `"${title}" (${normalized})` : normalized;
			const found = categories(outline['@category'], known, problem => warnings.push(`outline ${named}: ${problem}`));
			feeds.push({url: normalized, ...(title && title !== normalized && title !== url ? {title} : {}), ...found});
		} else if (url !== undefined) {
			// A podcast app's feed: or a relative address: said, as a urls file's line that is none is, not dropped unseen.
			warnings.push(`outline ${title ? `"${title}"` : 'without a title'}: skipped, its xmlUrl "${sanitizeLine(String(url)).slice(0, 80)}" is not a web address`);
		}

		if (Array.isArray(outline.outline)) pending.push(...[...outline.outline].reverse());
	}

	return {feeds: [...mergeByUrl(feeds).values()], warnings};
}

/** The list as OPML 2.0; every attribute escaped, titles without control characters (XML 1.0 allows none). */
export function buildOpml(feeds: Feed[]): string {
	const builder = new XMLBuilder({ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true});
	const outline = feeds.flatMap(feed => {
		if (!isWebUrl(feed.url)) return [];
		const title = cleanTitle(feed.title);
		return {
			'@type': 'rss',
			'@text': title ?? feed.url,
			...(title ? {'@title': title} : {}),
			'@xmlUrl': feed.url,
			...(feed.sector || feed.edition
				? {'@category': [feed.sector && `/sector/${feed.sector}`, feed.edition && `/edition/${feed.edition}`].filter(Boolean).join(',')}
				: {}),
		};
	});
	return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({opml: {'@version': '2.0', head: {title: 'devnews feeds'}, body: {outline}}}) as string}`;
}
