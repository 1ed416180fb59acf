// Turns a feed item into a library article: a stable id (so an item seen
// again updates its row), the sector and edition the feed is listed with,
// the label of a Devdiscourse link (which names a sector only where
// data/labels.json says so), plain text instead of HTML.
import {createHash} from 'node:crypto';
import {kindOf, type Article} from '../core/article.js';
import {articleLink, isSiteUrl} from '../core/devdiscourse.js';
import {plausibleTime} from '../core/time.js';
import {isWebUrl} from '../terminal/links.js';
import {SECTOR_FROM_LINK, type Feed} from './feed-list.js';
import {htmlParagraphs, htmlText} from './html-text.js';
import type {FeedItem} from './parse-feed.js';

/**
 * An item's identity, scoped to its source. From the site's own feeds, a
 * link to one of its articles is that article's number, like the shipped
 * data's (the same story from another of the site's feeds, or shipped,
 * meets it). Anything else is a hash of the feed's address with the item's
 * guid, else its link, else its title: no feed can take another feed's
 * story, or the shipped data's, by copying its guid or a link's shape.
 */
export function itemId(item: FeedItem, feedUrl: string, link = articleLink(item.link)): string {
	if (link && isSiteUrl(feedUrl) && isSiteUrl(item.link)) return link.number;
	const key = item.guid ?? item.link ?? item.title;
	return `item-${createHash('sha256').update(`${feedUrl}\n${key}`).digest('hex').slice(0, 20)}`;
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
	const link = articleLink(item.link);
	return {
		id: itemId(item, feed.url, link),
		url: isWebUrl(item.link) ? item.link : undefined,
		title,
		summary: summary && summary !== body[0] ? summary : undefined,
		byline: item.author ? htmlText(item.author) : undefined,
		createdAt: isoTime(item.published),
		// What the source says of the item itself comes first; else what the feed is listed with.
		countries: item.countries ?? [],
		sectors: item.sectors?.length ? item.sectors : feed.sector && feed.sector !== SECTOR_FROM_LINK ? [feed.sector] : [],
		editions: item.editions?.length ? item.editions : feed.edition ? [feed.edition] : [],
		...(item.tags ? {tags: item.tags} : {}),
		label: link?.label,
		body,
		kind: kindOf(body, summary),
		source: feed.url,
	};
}
