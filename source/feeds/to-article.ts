// Turns a feed item into a library article: a stable id (so an item seen
// again updates its row), the sector from the feed or from the link's path,
// plain text instead of HTML.
import {createHash} from 'node:crypto';
import type {Article} from '../core/article.js';
import {plausibleTime} from '../core/time.js';
import {isWebUrl} from '../terminal/links.js';
import type {Feed} from './feed-list.js';
import {htmlParagraphs, htmlText} from './html-text.js';
import type {FeedItem} from './parse-feed.js';

const DEVDISCOURSE_ARTICLE = /^https?:\/\/(?:www\.)?devdiscourse\.com\/article\/([a-z0-9-]+)\/(\d+)-/i;

/** The sector a Devdiscourse link names in its path: /article/<sector>/<number>-<slug>. */
export function sectorFromLink(link: string | undefined): string | undefined {
	return link ? DEVDISCOURSE_ARTICLE.exec(link)?.[1]?.toLowerCase() : undefined;
}

/**
 * Devdiscourse items are keyed by the site's article number, like the
 * shipped data; others by a hash of their guid, else their link.
 */
export function itemId(item: FeedItem): string {
	const number = item.link ? DEVDISCOURSE_ARTICLE.exec(item.link)?.[2] : undefined;
	if (number) return number;
	const key = item.guid ?? item.link ?? item.title;
	return `item-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

/** An RFC 822 or ISO 8601 time as ISO 8601 (UTC), or undefined when unreadable or implausible (see plausibleTime). */
export function isoTime(value: string | undefined, now = Date.now()): string | undefined {
	const time = plausibleTime(value, now);
	return time === undefined ? undefined : new Date(time).toISOString();
}

export function toArticle(item: FeedItem, feed: Feed): Article | undefined {
	const title = htmlText(item.title);
	if (!title) return undefined;
	const body = item.content ? htmlParagraphs(item.content) : [];
	const summary = item.summary ? htmlText(item.summary) : undefined;
	return {
		id: itemId(item),
		url: isWebUrl(item.link) ? item.link : undefined,
		title,
		summary: summary && summary !== body[0] ? summary : undefined,
		byline: item.author ? htmlText(item.author) : undefined,
		createdAt: isoTime(item.published),
		countries: [],
		sector: feed.sector === 'from-link' ? sectorFromLink(item.link) : feed.sector,
		edition: feed.edition,
		body,
		kind: body.length > 0 ? 'full' : 'headline',
		source: feed.url,
	};
}
