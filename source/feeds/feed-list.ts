// The feeds devnews reads, kept under "feeds" in config.json. Until the
// user changes the list, it is the defaults shipped in data/feeds.json.
import * as z from 'zod/mini';
import {readRegularFile} from '../regular-file.js';
import {describeIssue} from '../validation.js';
import type {ConfigFile} from '../config/config-file.js';
import {dataFolder} from '../data/data-folder.js';
import {isWebUrl} from '../terminal/links.js';

/** `from-link`: take each item's sector from its Devdiscourse link (/article/<sector>/…). */
export const SECTOR_FROM_LINK = 'from-link';

const feedSchema = z.object({
	url: z.string().check(z.refine(isWebUrl, 'expected an http(s) link')),
	title: z.optional(z.string()),
	sector: z.optional(z.string()),
	edition: z.optional(z.string()),
});

export type Feed = z.infer<typeof feedSchema>;

/** The feeds a file imports (OPML, a list of addresses), and a warning line for each thing of it not kept. */
export type ImportedFeeds = {feeds: Feed[]; warnings: string[]};

/**
 * A feed's URL in one form, so that the ways of writing one address are one
 * feed: WHATWG URL parsing lower-cases the scheme and host and drops a
 * default port; the fragment (never sent) and a trailing slash go too. The
 * query is left as it is: it is the server's to read. Not a web URL: as given.
 */
export function normalizeFeedUrl(url: string): string {
	if (!isWebUrl(url)) return url;
	const parsed = new URL(url);
	parsed.hash = '';
	if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
	return parsed.href;
}

/** The feeds by normalised URL, in order; a later entry for the same feed adds its fields to the earlier one. */
export function mergeByUrl(feeds: Iterable<Feed>, into = new Map<string, Feed>()): Map<string, Feed> {
	for (const feed of feeds) {
		const url = normalizeFeedUrl(feed.url);
		into.set(url, {...into.get(url), ...feed, url});
	}

	return into;
}

const KEY = 'feeds';

/** An entry of the stored list that add and remove can merge by its address: an object with a url (a feed, or one with a field that is wrong). */
const isFeedEntry = (value: unknown): value is Feed => typeof value === 'object' && value !== null && typeof (value as {url?: unknown}).url === 'string';

/** The shipped default feeds; a bad file is reported, not fatal. */
export function loadDefaultFeeds(dataDir: string): {feeds: Feed[]; error?: string} {
	const file = dataFolder(dataDir).feeds;
	try {
		const parsed = z.array(feedSchema).safeParse(JSON.parse(readRegularFile(file)));
		if (parsed.success) return {feeds: parsed.data};
		return {feeds: [], error: `${file}: ${describeIssue(parsed.error)}`};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {feeds: []};
		return {feeds: [], error: `${file}: ${(error as Error).message}`};
	}
}

/**
 * One line for a feed list that is not a list, or one per entry of it that
 * is kept in the file but not fetched (a bare address, a url that is not
 * http(s)), naming it and what is wrong: to be said after the file's name.
 */
export function feedListProblems(config: ConfigFile): string[] {
	const stored = config.get(KEY);
	if (stored === undefined) return [];
	if (!Array.isArray(stored)) return [`${KEY}: expected a list of feeds, e.g. [{"url": "https://example.com/rss"}], not ${JSON.stringify(stored)}; fetching the shipped feeds, and adding none, until it is one.`];
	return stored.flatMap((value, index) => {
		const parsed = feedSchema.safeParse(value);
		return parsed.success ? [] : [`${KEY}.${index}: ${describeIssue(parsed.error)}; kept in the file, not fetched (a feed is {"url": "https://…"}, with a title, sector and edition if you like).`];
	});
}

export class FeedList {
	private readonly config: ConfigFile;
	private readonly defaults: Feed[];

	constructor(config: ConfigFile, defaults: Feed[]) {
		this.config = config;
		this.defaults = defaults;
	}

	/** The user's list, or the defaults when there is none yet. Entries that do not parse are skipped (feedListProblems says why). */
	list(): Feed[] {
		const stored = this.config.get(KEY);
		if (!Array.isArray(stored)) return this.defaults;
		return stored.flatMap(value => {
			const parsed = feedSchema.safeParse(value);
			return parsed.success ? [parsed.data] : [];
		});
	}

	/**
	 * Changes the stored list in one write under the lock; nothing is written
	 * when `stop` has fired by then. `edit` gets the entries that are feeds
	 * (an object with a url); any other entry a person wrote (a bare address,
	 * null) is kept as it is, after them, never merged with another or taken apart.
	 */
	private async change(edit: (feeds: Feed[]) => Feed[], stop?: AbortSignal): Promise<void> {
		await this.config.update(KEY, current => {
			if (stop?.aborted) throw new Error('stopped before anything was written');
			if (current !== undefined && !Array.isArray(current)) throw new Error(`${KEY} is ${JSON.stringify(current)}, not a list of feeds: fix or remove it first`);
			const written: unknown[] = current ?? [...this.defaults];
			return [...edit(written.filter(value => isFeedEntry(value))), ...written.filter(value => !isFeedEntry(value))];
		});
	}

	/**
	 * Adds feeds, or adds the fields of ones already listed (URL variants
	 * included) to them. Returns how many were new. One pass over each list,
	 * by normalised URL: a search of the list per feed took minutes for 100,000.
	 */
	async add(feeds: Feed[], stop?: AbortSignal): Promise<number> {
		let added = 0;
		await this.change(current => {
			const merged = mergeByUrl(current);
			const before = merged.size;
			mergeByUrl(feeds, merged);
			added = merged.size - before;
			return [...merged.values()];
		}, stop);
		return added;
	}

	/** False when the feed was not listed. */
	async remove(url: string): Promise<boolean> {
		let removed = false;
		const unwanted = normalizeFeedUrl(url);
		await this.change(current => {
			const next = current.filter(feed => normalizeFeedUrl(feed.url) !== unwanted);
			removed = next.length !== current.length;
			return next;
		});
		return removed;
	}
}
