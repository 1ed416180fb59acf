// Bookmarks, kept under "bookmarks" in config.json, keyed by article id.
// Each is a snapshot (title, link, sector, edition, time) so it outlives
// its article in the library.
import * as z from 'zod/mini';
import type {ArticleRef} from '../core/article.js';
import type {ConfigFile} from '../config/config-file.js';

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

type Entries = Record<string, unknown>;

const KEY = 'bookmarks';

export class BookmarkStore {
	private readonly config: ConfigFile;

	constructor(config: ConfigFile) {
		this.config = config;
	}

	get file(): string {
		return this.config.file;
	}

	private entries(): Entries {
		const value = this.config.get(KEY);
		return value && typeof value === 'object' ? (value as Entries) : {};
	}

	/** Newest first. An entry that does not parse is skipped here, but kept in the file. */
	list(): Bookmark[] {
		return Object.values(this.entries())
			.flatMap(value => {
				const parsed = bookmarkSchema.safeParse(value);
				return parsed.success ? [parsed.data] : [];
			})
			.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
	}

	has(id: string): boolean {
		return bookmarkSchema.safeParse(this.entries()[id]).success;
	}

	private async change(edit: (entries: Entries) => void): Promise<void> {
		await this.config.update(KEY, current => {
			const entries = {...(current && typeof current === 'object' ? (current as Entries) : {})};
			edit(entries);
			return entries;
		});
	}

	async add(snapshot: BookmarkSnapshot): Promise<void> {
		await this.change(entries => {
			entries[snapshot.id] = {...snapshot, savedAt: new Date().toISOString()};
		});
	}

	/** False when it was not bookmarked. */
	async remove(id: string): Promise<boolean> {
		let removed = false;
		await this.change(entries => {
			removed = id in entries;
			delete entries[id];
		});
		return removed;
	}

	/** True when it is bookmarked afterwards. */
	async toggle(snapshot: BookmarkSnapshot): Promise<boolean> {
		let added = false;
		await this.change(entries => {
			added = !(snapshot.id in entries);
			if (added) entries[snapshot.id] = {...snapshot, savedAt: new Date().toISOString()};
			else delete entries[snapshot.id];
		});
		return added;
	}
}
