// devnews feeds add: a feed's address, a web page's (its feed links are
// added: autodiscovery), or none with --sector (the site's own JSON listing
// of that sector in the edition given, Global Edition unless said).
import {SITE_ORIGIN} from '../core/devdiscourse.js';
import {feedLinks, isWebPage} from '../feeds/discover.js';
import {normalizeFeedUrl, SECTOR_FROM_LINK, type Feed} from '../feeds/feed-list.js';
import {fetchLimited} from '../feeds/http.js';
import type {RefreshOptions} from '../feeds/limits.js';
import {sectorListingUrl} from '../feeds/site-api.js';
import {isWebUrl} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {CommandError, print, UsageError, warn, type CommandContext} from './context.js';

/** The site's listing of the sector (and edition) the flags name. */
function siteListing(context: CommandContext): Feed {
	const {sectors, editions} = context.taxonomy;
	const sector = sectors.find(entry => entry.id === context.filter.sector);
	const edition = editions.find(entry => entry.id === (context.filter.edition ?? 'global'));
	if (!sector?.siteId || !edition?.siteId) throw new UsageError('devnews feeds add with no address needs a --sector of the site (and, if not the Global Edition, an --edition).');
	return {url: sectorListingUrl(SITE_ORIGIN, sector.siteId, String(edition.siteId)), title: `Devdiscourse ${sector.name}, ${edition.name}`, sector: sector.id, edition: edition.id};
}

/** The feeds an address stands for: itself, or the feeds a page links to. Unreachable, it is taken as given. */
async function feedsAt(url: string, options: RefreshOptions): Promise<Array<{url: string; title?: string}>> {
	let fetched;
	try {
		fetched = await fetchLimited(url, {}, options);
	} catch (error) {
		warn(`could not look at ${sanitizeLine(url)} (${sanitizeLine((error as Error).message)}); added as given: devnews feeds check tries it later.`);
		return [{url}];
	}

	if (fetched.status !== 'ok' || !isWebPage(fetched.text, fetched.contentType)) return [{url}];
	const found = feedLinks(fetched.text, fetched.url);
	if (found.length === 0) throw new CommandError(`${sanitizeLine(url)} is a web page that names no feed (no <link rel="alternate">): give the feed's own address.`);
	return found;
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

	const added = await context.feeds.add(feeds);
	for (const feed of feeds) print(sanitizeLine(`${added > 0 ? 'Added' : 'Updated'} ${feed.url}${feed.title ? ` (${feed.title})` : ''}`));
}
