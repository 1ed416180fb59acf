// devnews feeds add: a feed's address, a web page's (its feed links are
// added: autodiscovery, each only once it answers as a feed and passes the
// address rule pages do), or none with --sector (the site's own JSON
// listing of that sector in the edition given, Global Edition unless said). Each feed gets a line saying what
// came of it: added, its sector or edition changed, or already listed.
import pLimit from 'p-limit';
import {SITE_ORIGIN} from '../core/devdiscourse.js';
import {feedLinks, isWebPage, type FoundFeed} from '../feeds/discover.js';
import {normalizeFeedUrl, SECTOR_FROM_LINK, type Feed} from '../feeds/feed-list.js';
import {readFeed} from '../feeds/feed-parser.js';
import {fetchLimited} from '../feeds/http.js';
import {addressGuard} from '../feeds/page-guard.js';
import type {RefreshOptions} from '../feeds/limits.js';
import {sectorListingUrl} from '../feeds/site-api.js';
import {isWebUrl} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {CommandError, print, UsageError, warn, type CommandContext} from './context.js';
import {listedAs} from './feed-commands.js';

/** The site's listing of the sector (and edition) the flags name. */
function siteListing(context: CommandContext): Feed {
	const {sectors, editions} = context.taxonomy;
	const sector = sectors.find(entry => entry.id === context.filter.sector);
	const edition = editions.find(entry => entry.id === (context.filter.edition ?? 'global'));
	if (!sector?.siteId || !edition?.siteId) throw new UsageError('devnews feeds add with no address needs a --sector of the site (and, if not the Global Edition, an --edition).');
	return {url: sectorListingUrl(SITE_ORIGIN, sector.siteId, String(edition.siteId)), title: `Devdiscourse ${sector.name}, ${edition.name}`, sector: sector.id, edition: edition.id};
}

/**
 * Why a feed the page at `page` links to cannot be added (it does not
 * answer, is no feed devnews reads, or is on an address off the public
 * internet that the page's own is not on); undefined when it can. A page
 * could otherwise have devnews fetch, from then on, a feed on this machine
 * or its network (a router, a cloud metadata service), and its items' pages
 * as that feed's own.
 */
async function refusal(url: string, page: string, options: RefreshOptions): Promise<string | undefined> {
	try {
		const fetched = await fetchLimited(url, {}, options, {guard: addressGuard(page)});
		if (fetched.status !== 'ok') return undefined;
		if (isWebPage(fetched.text, fetched.contentType)) return 'a web page, not a feed';
		return notAFeed(fetched.text, fetched.url);
	} catch (error) {
		const {message} = error as Error;
		return message.startsWith('refused: ') ? `${message}; to add it all the same, give its address yourself` : message;
	}
}

/** Why `text` is no feed devnews reads; undefined when it is one. */
function notAFeed(text: string, url: string): string | undefined {
	try {
		readFeed(text, url);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

/** The feeds a page links to that answer as feeds, fetched within the same limits as any; a line for each left out. */
async function answeringFeeds(page: string, found: FoundFeed[], options: RefreshOptions): Promise<FoundFeed[]> {
	const limit = pLimit(Math.max(1, options.concurrency));
	const refusals = await Promise.all(found.map(async feed => limit(async () => refusal(feed.url, page, options))));
	for (const [index, reason] of refusals.entries()) {
		if (reason) warn(`not added: ${found[index]!.url}, which ${page} links to: ${reason}`);
	}

	const answering = found.filter((_, index) => refusals[index] === undefined);
	if (answering.length === 0) throw new CommandError(sanitizeLine(`none of the feeds ${page} links to answers as a feed; nothing added.`));
	return answering;
}

/** The feeds an address stands for: itself, or the feeds a page links to that answer. Unreachable, it is taken as given. */
async function feedsAt(url: string, options: RefreshOptions): Promise<FoundFeed[]> {
	let fetched;
	try {
		fetched = await fetchLimited(url, {}, options);
	} catch (error) {
		warn(`could not look at ${url} (${(error as Error).message}); added as given: devnews feeds check tries it later.`);
		return [{url}];
	}

	if (fetched.status !== 'ok') return [{url}];
	if (!isWebPage(fetched.text, fetched.contentType)) {
		// Kept, as an address that does not answer is: it may be a feed that is broken today. But said, or "Added" reads as all is well.
		const unread = notAFeed(fetched.text, fetched.url);
		if (unread) warn(`${url} answers, but not as a feed devnews reads (${unread}); added as given: devnews feeds check tries it later.`);
		return [{url}];
	}

	const found = feedLinks(fetched.text, fetched.url);
	if (found.length === 0) throw new CommandError(`${sanitizeLine(url)} is a web page that names no feed (no <link rel="alternate">): give the feed's own address.`);
	return answeringFeeds(url, found, options);
}

/** What adding `feed` did to the list it was `before`: added, its sector or edition set, or nothing. */
function outcome(feed: Feed, before: Feed | undefined, taxonomy: Taxonomy): string {
	const merged = {...before, ...feed};
	const named = `${merged.url}${merged.title ? ` (${merged.title})` : ''}`;
	if (!before) return `Added ${named}`;
	const changes = [
		feed.sector !== undefined && feed.sector !== before.sector ? `its sector set to ${listedAs(feed.sector, taxonomy.sectors, "each item's own")}` : undefined,
		feed.edition !== undefined && feed.edition !== before.edition ? `its edition set to ${listedAs(feed.edition, taxonomy.editions, "each item's own")}` : undefined,
	].filter(Boolean);
	return changes.length > 0 ? `Updated ${named}: ${changes.join(', ')}` : `Already listed: ${named}`;
}

export async function addFeeds(context: CommandContext, address: string | undefined, options: RefreshOptions): Promise<void> {
	const flags = {...(context.filter.sector ? {sector: context.filter.sector} : {}), ...(context.filter.edition ? {edition: context.filter.edition} : {})};
	let feeds: Feed[];
	if (address === undefined && context.filter.sector && context.filter.sector !== SECTOR_FROM_LINK) {
		feeds = [siteListing(context)];
	} else {
		if (!address || !isWebUrl(address)) throw new UsageError('devnews feeds add needs an http(s) feed URL (or a page that links to its feeds), or --sector for the site\'s own listing.');
		feeds = (await feedsAt(address, options)).map(found => ({...found, ...flags, url: normalizeFeedUrl(found.url)}));
	}

	const before = new Map(context.feeds.list().map(feed => [normalizeFeedUrl(feed.url), feed]));
	// A title the list gives a feed already (the user's own, an import's) stays: a page's name for it, or the listing's, is for a feed with none.
	const adding = feeds.map(({title, ...feed}) => (title === undefined || before.get(normalizeFeedUrl(feed.url))?.title ? feed : {...feed, title}));
	await context.feeds.add(adding);
	for (const feed of adding) print(sanitizeLine(outcome(feed, before.get(normalizeFeedUrl(feed.url)), context.taxonomy)));
}
