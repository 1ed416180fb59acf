// The feeds devnews reads, kept under "feeds" in config.json. Until the
// user changes the list, it is the defaults shipped in data/feeds.json.
import fs from 'node:fs';
import * as z from 'zod/mini';
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

const KEY = 'feeds';

/** The shipped default feeds; a bad file is reported, not fatal. */
export function loadDefaultFeeds(dataDir: string): {feeds: Feed[]; error?: string} {
	const file = dataFolder(dataDir).feeds;
	try {
		const parsed = z.array(feedSchema).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
		if (parsed.success) return {feeds: parsed.data};
		return {feeds: [], error: `${file}: ${describeIssue(parsed.error)}`};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {feeds: []};
		return {feeds: [], error: `${file}: ${(error as Error).message}`};
	}
}

export class FeedList {
	private readonly config: ConfigFile;
	private readonly defaults: Feed[];

	constructor(config: ConfigFile, defaults: Feed[]) {
		this.config = config;
		this.defaults = defaults;
	}

	/** The user's list, or the defaults when there is none yet. Entries that do not parse are skipped. */
	list(): Feed[] {
		const stored = this.config.get(KEY);
		if (!Array.isArray(stored)) return this.defaults;
		return stored.flatMap(value => {
			const parsed = feedSchema.safeParse(value);
			return parsed.success ? [parsed.data] : [];
		});
	}

	private async change(edit: (feeds: Feed[]) => Feed[]): Promise<void> {
		await this.config.update(KEY, current => edit(Array.isArray(current) ? (current as Feed[]) : [...this.defaults]));
	}

	/** Adds feeds, or updates the sector and edition of ones already listed. Returns how many were new. */
	async add(feeds: Feed[]): Promise<number> {
		let added = 0;
		await this.change(current => {
			const next = [...current];
			for (const feed of feeds) {
				const index = next.findIndex(existing => existing.url === feed.url);
				if (index === -1) {
					next.push(feed);
					added++;
				} else {
					next[index] = {...next[index], ...feed};
				}
			}

			return next;
		});
		return added;
	}

	/** False when the feed was not listed. */
	async remove(url: string): Promise<boolean> {
		let removed = false;
		await this.change(current => {
			const next = current.filter(feed => feed.url !== url);
			removed = next.length !== current.length;
			return next;
		});
		return removed;
	}
}
