// OPML, the format feed readers exchange subscription lists in. Sector and
// edition travel in OPML 2.0's category attribute ("/sector/politics,
// /edition/global"), which other readers ignore.
import {XMLBuilder, XMLParser} from 'fast-xml-parser';
import {isWebUrl} from '../terminal/links.js';
import type {Feed} from './feed-list.js';
import {assertWellFormed, ENTITY_LIMITS, FeedError} from './parse-feed.js';

type Outline = Record<string, unknown> & {outline?: Outline[]};

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	processEntities: ENTITY_LIMITS,
	htmlEntities: true,
	isArray: name => name === 'outline',
});

function categories(value: unknown): {sector?: string; edition?: string} {
	const found: {sector?: string; edition?: string} = {};
	for (const path of String(value ?? '').split(',')) {
		const [, kind, id] = path.trim().split('/');
		if ((kind === 'sector' || kind === 'edition') && id) found[kind] = id;
	}

	return found;
}

/** Every outline with an http(s) xmlUrl, at any depth. */
export function parseOpml(xml: string): Feed[] {
	if (/<!ENTITY/i.test(xml)) throw new FeedError('refused: OPML with entity declarations');
	assertWellFormed(xml, 'OPML');
	let document: Record<string, unknown>;
	try {
		document = parser.parse(xml) as Record<string, unknown>;
	} catch (error) {
		throw new FeedError(`cannot parse OPML: ${(error as Error).message}`);
	}

	const body = (document['opml'] as {body?: Outline} | undefined)?.body;
	if (!body) throw new FeedError('not an OPML document (no <opml><body>)');
	const feeds: Feed[] = [];
	const walk = (outlines: Outline[] = []) => {
		for (const outline of outlines) {
			const url = outline['@xmlUrl'];
			if (typeof url === 'string' && isWebUrl(url)) {
				const title = outline['@title'] ?? outline['@text'];
				feeds.push({url, ...(typeof title === 'string' && title !== url ? {title} : {}), ...categories(outline['@category'])});
			}

			walk(outline.outline);
		}
	};

	walk(body.outline);
	return feeds;
}

export function buildOpml(feeds: Feed[]): string {
	const builder = new XMLBuilder({ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true});
	const outline = feeds.map(feed => ({
		'@type': 'rss',
		'@text': feed.title ?? feed.url,
		...(feed.title ? {'@title': feed.title} : {}),
		'@xmlUrl': feed.url,
		...(feed.sector || feed.edition
			? {'@category': [feed.sector && `/sector/${feed.sector}`, feed.edition && `/edition/${feed.edition}`].filter(Boolean).join(',')}
			: {}),
	}));
	return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({opml: {'@version': '2.0', head: {title: 'devnews feeds'}, body: {outline}}}) as string}`;
}
