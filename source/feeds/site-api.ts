// The JSON listings Devdiscourse's own pages call, read as a source beside
// RSS and Atom (see docs/devdiscourse.md, "JSON APIs"). Their shapes follow
// the site's API controllers: camelCase keys (PascalCase when an answer
// comes from the site's cache), times in UTC without a zone, a sector as
// the site's number, an edition as its name. The per-sector listings are:
//   /api/Search/GetSectorNews/{sector}/{edition}/{page}   (with label and summary)
//   /api/DevNews/GetSectorDevNews/{edition}/{sector}/{page}
// and /api/DevNews/GetDevNews/{page}/{edition} lists a whole edition.
// Each value is taken as what the controller fills it from, which is not
// always what its name says (docs/devdiscourse.md, "Which field comes from where").
import {NO_LABEL} from '../core/devdiscourse.js';
import {FeedError, type FeedItem, type ParsedFeed} from './parse-feed.js';

type Entry = Record<string, unknown>;

/** The listing an address calls: its action's name, as the site's routes spell it. */
function listingAction(url: string): string | undefined {
	try {
		return new URL(url).pathname.split('/').find(segment => /^get[a-z]+$/i.test(segment))?.toLowerCase();
	} catch {
		return undefined;
	}
}

/**
 * The listings whose `createdOn` is the story's ModifiedOn, the page's
 * "Updated": GetSectorNews (SearchApiController), GetSectorDevNews and
 * GetDevNews (DevNewsApiController). GetEditionNews and GetLatestNews fill
 * it from CreatedOn, a time the page never shows (it shows PublishedOn as
 * "Created"); so does any listing devnews does not know.
 */
const MODIFIED_ON = new Set(['getsectornews', 'getsectordevnews', 'getdevnews']);

/** A sector number and an edition name as a listing's address gives them. */
export function listingPlace(url: string): {sector?: string; edition?: string} {
	let segments: string[];
	try {
		segments = new URL(url).pathname.split('/').filter(Boolean).map(segment => decodeURIComponent(segment));
	} catch {
		return {};
	}

	const at = (name: string) => segments.findIndex(segment => segment.toLowerCase() === name.toLowerCase());
	const sectorNews = at('GetSectorNews');
	if (sectorNews !== -1) return {sector: segments[sectorNews + 1], edition: segments[sectorNews + 2]};
	const sectorDevNews = at('GetSectorDevNews');
	if (sectorDevNews !== -1) return {edition: segments[sectorDevNews + 1], sector: segments[sectorDevNews + 2]};
	const devNews = at('GetDevNews');
	if (devNews !== -1) return {edition: segments[devNews + 2]};
	return {};
}

/** The listing's address for a sector (the site's number) in an edition (its name), first page. */
export function sectorListingUrl(origin: string, sector: number | string, edition: string): string {
	return `${origin}/api/Search/GetSectorNews/${encodeURIComponent(String(sector))}/${encodeURIComponent(edition)}/1`;
}

/** A key in either case the site writes it: "newsId" or "NewsId". */
function field(entry: Entry, ...names: string[]): unknown {
	for (const name of names) {
		for (const key of [name, name.charAt(0).toUpperCase() + name.slice(1)]) {
			if (entry[key] !== undefined && entry[key] !== null) return entry[key];
		}
	}

	return undefined;
}

const string = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

const csv = (value: unknown): string[] =>
	(string(value) ?? '')
		.split(',')
		.map(part => part.trim())
		.filter(Boolean);

/** The last part of the site's links, "{number}-{title}" as DevNews.GenerateSecondSlug makes it (only the number counts). */
function articleSlug(number: string, title: string): string {
	return `${number}-${title}`
		.replaceAll(/[^\p{ASCII}]/gu, '')
		.toLowerCase()
		.replaceAll(/[^a-z0-9\s-]/g, '')
		.replaceAll(/\s+/g, ' ')
		.trim()
		.slice(0, 130)
		.trim()
		.replaceAll(/\s/g, '-');
}

/** The site's times are UTC written without a zone ("2025-11-26T06:26:41.4733333"). */
function utc(value: unknown): string | undefined {
	const time = string(value);
	if (!time) return undefined;
	return /(?:Z|[+-]\d{2}:?\d{2})$/.test(time) ? time : `${time}Z`;
}

type Listing = {origin: string; place: {sector?: string; edition?: string}; modifiedOn: boolean};

function entryItem(entry: Entry, {origin, place, modifiedOn}: Listing): FeedItem | undefined {
	const number = string(field(entry, 'newsId', 'newId', 'id'));
	const title = string(field(entry, 'title'));
	// GetLatestNews and GetEditionNews have a GUID `id`; the article's number is `newId` there.
	if (!number || !/^\d+$/.test(number) || !title) return undefined;
	// GetSectorDevNews and GetDevNews carry no label, and a story may have none: the
	// link is then the site's own for none, which redirects to the labelled address.
	const label = string(field(entry, 'label'));
	// Where a listing's `sector` holds sector numbers (GetSectorDevNews, GetDevNews) they are the article's
	// sectors; GetSectorNews puts the article's type there, GetLatestNews its summary.
	const sectors = csv(field(entry, 'sector')).every(part => /^\d+$/.test(part)) ? csv(field(entry, 'sector')) : [];
	const regions = csv(field(entry, 'region'));
	return {
		guid: number,
		link: `${origin}/article/${label ?? NO_LABEL}/${articleSlug(number, title)}`,
		title,
		summary: string(field(entry, 'subtitle')),
		...(modifiedOn ? {updated: utc(field(entry, 'createdOn'))} : {listed: utc(field(entry, 'createdOn'))}),
		countries: csv(field(entry, 'country')),
		sectors: sectors.length > 0 ? sectors : place.sector ? [place.sector] : [],
		editions: regions.length > 0 ? regions : place.edition ? [place.edition] : [],
	};
}

/** Whether a response is JSON (the site's API) rather than XML. */
export const looksLikeJson = (text: string): boolean => /^\s*[[{]/.test(text);

/** A listing's answer as feed items; FeedError when it is not one. */
export function parseSiteListing(text: string, url: string): ParsedFeed {
	let answer: unknown;
	try {
		answer = JSON.parse(text);
	} catch (error) {
		throw new FeedError(`not a feed, and not JSON either: ${(error as Error).message}`);
	}

	// GetEditionNews wraps its list: {news: […]}, or {News: […]} from the site's cache.
	const entries = Array.isArray(answer) ? answer : answer && typeof answer === 'object' ? field(answer as Entry, 'news') : undefined;
	if (!Array.isArray(entries)) throw new FeedError('JSON, but not one of the site\'s article listings (expected a list of articles)');
	const listing: Listing = {origin: new URL(url).origin, place: listingPlace(url), modifiedOn: MODIFIED_ON.has(listingAction(url) ?? '')};
	return {format: 'Devdiscourse JSON listing', items: entries.flatMap(entry => (entry && typeof entry === 'object' ? (entryItem(entry as Entry, listing) ?? []) : []))};
}
