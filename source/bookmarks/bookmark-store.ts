// Bookmarks, kept under "bookmarks" in config.json, keyed by article id.
// Each is a snapshot (title, link, sector, edition, time) so it outlives
// its article in the library.
import * as z from 'zod/mini';
import type {ArticleRef} from '../core/article.js';
import type {ConfigFile} from '../config/config-file.js';
import {describeIssue} from '../validation.js';

const bookmarkSchema = z.object({
	id: z.string().check(z.minLength(1)),
	title: z.string(),
	url: z.optional(z.string()),
	sector: z.optional(z.string()),
	edition: z.optional(z.string()),
	createdAt: z.optional(z.string()),
	savedAt: z.string(),
});

export type Bookmark = z.infer<typeof bookmarkSchema>;

/** What a bookmark keeps of its article. */
export type BookmarkSnapshot = ArticleRef;

/**
 * The bookmarks as written: an object of bookmarks by id (what devnews
 * writes), or a list of them (what a person or another tool may write).
 * Either is read, and a change keeps the shape it finds.
 */
type Entries = Record<string, unknown> | unknown[];

const KEY = 'bookmarks';

const isEntries = (value: unknown): value is Entries => typeof value === 'object' && value !== null;

/** Whether the entry written is the bookmark of `id` (a list's entries are found by their id). */
const isOf = (value: unknown, id: string): boolean => isEntries(value) && (value as {id?: unknown}).id === id;

/** `entries` without `id`'s bookmark, in the same shape. */
function without(entries: Entries, id: string): Entries {
	if (Array.isArray(entries)) return entries.filter(value => !isOf(value, id));
	const {[id]: _removed, ...others} = entries;
	return others;
}

/** `entries` with `bookmark` (in place of an older one of its id), in the same shape. */
function withBookmark(entries: Entries, bookmark: Bookmark): Entries {
	const others = without(entries, bookmark.id);
	return Array.isArray(others) ? [...others, bookmark] : {...others, [bookmark.id]: bookmark};
}

export class BookmarkStore {
	private readonly config: ConfigFile;

	constructor(config: ConfigFile) {
		this.config = config;
	}

	get file(): string {
		return this.config.file;
	}

	/** What is written under "bookmarks", as [where, entry] pairs ("bookmarks.ID" or "bookmarks.2"). */
	private written(value = this.config.get(KEY)): Array<[string, unknown]> {
		return isEntries(value) ? Object.entries(value).map(([key, entry]) => [`${KEY}.${key}`, entry]) : [];
	}

	/** Newest first. An entry that does not parse is skipped here, but kept in the file (problems() says why). */
	list(): Bookmark[] {
		const byId = new Map<string, Bookmark>();
		for (const [, value] of this.written()) {
			const parsed = bookmarkSchema.safeParse(value);
			if (parsed.success) byId.set(parsed.data.id, parsed.data);
		}

		return [...byId.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
	}

	/** One line per entry that is kept in the file but not listed, naming it and what it lacks. */
	problems(): string[] {
		const value = this.config.get(KEY);
		if (value === undefined) return [];
		if (!isEntries(value)) return [`${KEY}: expected an object of bookmarks by id, not ${JSON.stringify(value)}; no bookmarks are listed or saved until it is one.`];
		return this.written(value).flatMap(([where, entry]) => {
			const parsed = bookmarkSchema.safeParse(entry);
			return parsed.success ? [] : [`${where}: ${describeIssue(parsed.error)}; kept in the file, not listed (a bookmark needs an id, a title and savedAt).`];
		});
	}

	has(id: string): boolean {
		return this.list().some(bookmark => bookmark.id === id);
	}

	/** Changes the bookmarks under the config's lock; refuses to write over a "bookmarks" that is not a list of them. */
	private async change(edit: (entries: Entries) => Entries): Promise<void> {
		await this.config.update(KEY, current => {
			if (current !== undefined && !isEntries(current)) throw new Error(`${KEY} is ${JSON.stringify(current)}, not a list of bookmarks: fix or remove it first`);
			return edit(current ?? {});
		});
	}

	async add(snapshot: BookmarkSnapshot): Promise<void> {
		await this.change(entries => withBookmark(entries, {...snapshot, savedAt: new Date().toISOString()}));
	}

	/** False when it was not bookmarked. */
	async remove(id: string): Promise<boolean> {
		let removed = false;
		await this.change(entries => {
			const left = without(entries, id);
			removed = Object.keys(left).length !== Object.keys(entries).length;
			return left;
		});
		return removed;
	}

	/** Puts back a bookmark as it was, savedAt and all (the undo of its removal). */
	async restore(bookmark: Bookmark): Promise<void> {
		await this.change(entries => withBookmark(entries, bookmark));
	}

	/** True when it is bookmarked afterwards. */
	async toggle(snapshot: BookmarkSnapshot): Promise<boolean> {
		let added = false;
		await this.change(entries => {
			const left = without(entries, snapshot.id);
			added = Object.keys(left).length === Object.keys(entries).length;
			return added ? withBookmark(entries, {...snapshot, savedAt: new Date().toISOString()}) : left;
		});
		return added;
	}
}
