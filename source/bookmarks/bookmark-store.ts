// Bookmarks, kept with conf in config.json: a small JSON file a person can
// read, keyed by article id. Each bookmark is a snapshot (title, link,
// sector, edition, time) so it outlives its article in the library.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import lockfile from 'proper-lockfile';
import {z} from 'zod';
import {configDir} from '../paths.js';

const bookmarkSchema = z.object({
	id: z.string().min(1),
	title: z.string(),
	url: z.string().optional(),
	sector: z.string().optional(),
	edition: z.string().optional(),
	createdAt: z.string().optional(),
	savedAt: z.string(),
});

export type Bookmark = z.infer<typeof bookmarkSchema>;
export type BookmarkSnapshot = Omit<Bookmark, 'savedAt'>;

type Stored = {bookmarks: Record<string, unknown>};

export type OpenResult = {store: BookmarkStore; warning?: string};

const CONFIG_NAME = 'config';

function errorCode(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * A config file that is not a JSON object is moved aside, never emptied:
 * whatever the user saved in it can still be recovered by hand.
 */
function moveAsideIfCorrupt(file: string): string | undefined {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}

	try {
		const value: unknown = JSON.parse(text);
		if (value && typeof value === 'object' && !Array.isArray(value)) return undefined;
	} catch {}

	const aside = `${file}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
	fs.renameSync(file, aside);
	return `Bookmarks file ${file} was not valid JSON; moved it to ${aside}; starting with no bookmarks.`;
}

export class BookmarkStore {
	/** Opens the bookmarks in `dir`; never throws, so browsing works whatever the config folder's state. */
	static open(dir: string = configDir()): OpenResult {
		const file = path.join(dir, `${CONFIG_NAME}.json`);
		let warning: string | undefined;
		try {
			warning = moveAsideIfCorrupt(file);
			const conf = new Conf<Stored>({
				cwd: dir,
				configName: CONFIG_NAME,
				projectSuffix: '',
				defaults: {bookmarks: {}},
			});
			return {store: new BookmarkStore(file, conf), warning};
		} catch (error) {
			return {
				store: new BookmarkStore(file, undefined),
				warning: `Bookmarks are read-only: cannot write ${file} (${errorCode(error)}). Browsing still works.`,
			};
		}
	}

	readonly file: string;
	private readonly conf: Conf<Stored> | undefined;

	private constructor(file: string, conf: Conf<Stored> | undefined) {
		this.file = file;
		this.conf = conf;
	}

	get writable(): boolean {
		return this.conf !== undefined;
	}

	// Read fresh every time: another devnews may have changed the file.
	private raw(): Record<string, unknown> {
		if (this.conf) return {...this.conf.get('bookmarks')};
		try {
			const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Stored>;
			return {...stored.bookmarks};
		} catch {
			return {};
		}
	}

	/** Newest first. An entry that does not parse is skipped here, but kept in the file. */
	list(): Bookmark[] {
		return Object.values(this.raw())
			.flatMap(value => {
				const parsed = bookmarkSchema.safeParse(value);
				return parsed.success ? [parsed.data] : [];
			})
			.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
	}

	has(id: string): boolean {
		return bookmarkSchema.safeParse(this.raw()[id]).success;
	}

	ids(): Set<string> {
		return new Set(this.list().map(bookmark => bookmark.id));
	}

	/**
	 * Read-modify-write under an inter-process lock, re-reading inside it,
	 * so two devnews bookmarking at once lose neither change.
	 */
	private async update(change: (bookmarks: Record<string, unknown>) => void): Promise<void> {
		const {conf} = this;
		if (!conf) throw new Error(`Cannot save bookmarks: ${this.file} is not writable.`);
		let release: (() => Promise<void>) | undefined;
		try {
			release = await lockfile.lock(this.file, {
				realpath: false,
				stale: 10_000,
				retries: {retries: 50, minTimeout: 10, maxTimeout: 100},
			});
			const bookmarks = {...conf.get('bookmarks')};
			change(bookmarks);
			conf.set('bookmarks', bookmarks);
		} catch (error) {
			throw new Error(`Cannot save bookmarks to ${this.file}: ${errorCode(error)}.`);
		} finally {
			await release?.();
		}
	}

	async add(snapshot: BookmarkSnapshot): Promise<void> {
		await this.update(bookmarks => {
			bookmarks[snapshot.id] = {...snapshot, savedAt: new Date().toISOString()};
		});
	}

	/** False when it was not bookmarked. */
	async remove(id: string): Promise<boolean> {
		let removed = false;
		await this.update(bookmarks => {
			removed = id in bookmarks;
			delete bookmarks[id];
		});
		return removed;
	}

	/** True when it is bookmarked afterwards. */
	async toggle(snapshot: BookmarkSnapshot): Promise<boolean> {
		let added = false;
		await this.update(bookmarks => {
			added = !(snapshot.id in bookmarks);
			if (added) bookmarks[snapshot.id] = {...snapshot, savedAt: new Date().toISOString()};
			else delete bookmarks[snapshot.id];
		});
		return added;
	}
}
