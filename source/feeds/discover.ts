// Feed autodiscovery: a web page names its feeds in its head, as
// <link rel="alternate" type="application/rss+xml" href="…"> (Devdiscourse's
// layout does, on every page). `devnews feeds add` given a page adds those.
import {parseHTML} from 'linkedom';
import {isWebUrl} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);

export type FoundFeed = {url: string; title?: string};

/** Whether a fetched document is a web page rather than a feed. */
export const isWebPage = (text: string, contentType = ''): boolean => /html/i.test(contentType) || /^\s*(?:<!doctype html|<html)/i.test(text);

/** The feeds a page links to, as absolute http(s) addresses, each once, in the page's order. */
export function feedLinks(html: string, pageUrl: string): FoundFeed[] {
	const {document} = parseHTML(html);
	const found = new Map<string, FoundFeed>();
	for (const link of document.querySelectorAll('link[rel][href]')) {
		const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
		if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
		let url: string;
		try {
			url = new URL(link.getAttribute('href')!, pageUrl).href;
		} catch {
			continue;
		}

		if (!isWebUrl(url) || found.has(url)) continue;
		// The page's own words, untrusted: a title is kept as one plain line, as an imported file's are.
		const title = sanitizeLine(link.getAttribute('title') ?? '').trim();
		found.set(url, {url, ...(title ? {title} : {})});
	}

	return [...found.values()];
}
