// Turns a feed item into a library article: a stable id (so an item seen
// again updates its row), the sectors and editions the item states (its
// source's fields, its categories) or else those the feed is listed with,
// the label a Devdiscourse link states (none for the site's "agency-wire";
// a label suggests a sector only as a guess, made when the article is
// filed), each time as what it is, plain text instead of HTML.
import {createHash} from 'node:crypto';
import {kindOf, type Article} from '../core/article.js';
import {articleLink, isSiteUrl, statedLabel} from '../core/devdiscourse.js';
import {resolveEdition, resolveSector, type Taxonomy} from '../core/taxonomy.js';
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

/**
 * The sector and edition ids an item's categories name, by the taxonomy's
 * ids, names and aliases. A category that names neither ("Breaking News",
 * "Opinion") is left out, so it never stands for a sector nor hides the
 * feed's. Read here, where the taxonomy is at hand, so that an article
 * holds only values that name a sector or an edition.
 */
function categoriesNamed(categories: string[] = [], taxonomy: Taxonomy): {sectors: string[]; editions: string[]} {
	const named = (resolve: (taxonomy: Taxonomy, value: string) => string | undefined) => [...new Set(categories.flatMap(category => resolve(taxonomy, category) ?? []))];
	return {sectors: named(resolveSector), editions: named(resolveEdition)};
}

export function toArticle(item: FeedItem, feed: Feed, taxonomy: Taxonomy): Article | undefined {
	const title = htmlText(item.title);
	if (!title) return undefined;
	const body = item.content ? htmlParagraphs(item.content) : [];
	const summary = item.summary ? htmlText(item.summary) : undefined;
	const link = articleLink(item.link);
	const named = categoriesNamed(item.categories, taxonomy);
	const sectors = [...(item.sectors ?? []), ...named.sectors];
	const editions = [...(item.editions ?? []), ...named.editions];
	return {
		id: itemId(item, feed.url, link),
		url: isWebUrl(item.link) ? item.link : undefined,
		title,
		summary: summary && summary !== body[0] ? summary : undefined,
		byline: item.author ? htmlText(item.author) : undefined,
		createdAt: isoTime(item.published),
		updatedAt: isoTime(item.updated),
		listedAt: isoTime(item.listed),
		// What the source says of the item itself comes first; else what the feed is listed with.
		countries: item.countries ?? [],
		sectors: sectors.length > 0 ? sectors : feed.sector && feed.sector !== SECTOR_FROM_LINK ? [feed.sector] : [],
		editions: editions.length > 0 ? editions : feed.edition ? [feed.edition] : [],
		...(item.tags ? {tags: item.tags} : {}),
		label: statedLabel(item.link),
		body,
		kind: kindOf(body, summary),
		source: feed.url,
	};
}
