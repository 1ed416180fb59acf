// Opens the library's SQLite file, whatever state it is in, and says in
// one line what it did when that was not the plain case:
// - made by an earlier devnews: migrated (migrations.ts), nothing lost;
// - made by a newer devnews: refused (LibraryError), the file untouched;
// - not a database, or damaged past repair (repair.ts, which an earlier run
//   could not do, left a marker): moved aside as library.sqlite.corrupt-<time>
//   and a new one made — it holds copies of the data folder and the feeds,
//   and bookmarks live in the config;
// - busy (another devnews writing): waited for, never taken for damage;
// - in a folder devnews cannot write: a copy is read, and nothing is saved;
// - unusable at all: kept in memory for this run.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {migrate} from './migrations.js';
import {SCHEMA_VERSION} from './sql.js';

/**
 * Pages of log after which a write copies the log into the database: 40 MB
 * rather than SQLite's 4 MB, as a refresh writes a few MB a feed and each
 * copy stalled it (a fifth of the time of a 10,000-item refresh). While a
 * refresh writes, another thread copies it instead (Library.checkpointsHere).
 */
export const WAL_AUTOCHECKPOINT = 10_000;

/**
 * better-sqlite3's addon, by its path. Given it, better-sqlite3 loads it
 * at once instead of asking the `bindings` package, which finds it by
 * trying a dozen paths from its caller's file (in the bundle, not
 * better-sqlite3's own); with better-sqlite3's JavaScript bundled too, a
 * start saves about 20 ms (a database opened in a bundled script: 150 ms
 * against 130, `node -e 0` 110). The build puts the addon in
 * build/Release whether it compiles it or downloads it.
 */
const ADDON = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');

/** Opens the SQLite database `file` with better-sqlite3 and `options`: every connection devnews makes is made here. */
export function connect(file: string, options: Database.Options = {}): Database.Database {
	return new Database(file, {...options, nativeBinding: ADDON});
}

/** A library devnews cannot use, with one line saying why and what to do. */
export class LibraryError extends Error {}

/** `persistent`: what is written is kept in the file (not in a copy or in memory, gone at exit). */
type OpenedDatabase = {db: Database.Database; warning?: string; persistent: boolean};

/** How long a write waits for another devnews's write to end. Writes are short (see article-writer.ts), so this is ample. */
const BUSY_TIMEOUT_MS = 10_000;

export type OpenOptions = {
	/** How long to wait for another process's write (tests shorten it). */
	busyTimeoutMs?: number;
	/** How much of the file SQLite keeps in memory, in KB; its build's 16 MB when not given (see BROWSING_CACHE_KB). */
	cacheKb?: number;
};

/**
 * The browser's page cache, in KB. A key reads a window of rows and a
 * story, a few dozen pages; SQLite keeps every page read up to its cache's
 * size (16 MB in better-sqlite3's build), and a session paging through a
 * large library filled it: 3 MB more after 3,000 keys at 100,000 articles,
 * never given back. Pages read again come from the system's file cache.
 */
export const BROWSING_CACHE_KB = 2048;

const codeOf = (error: unknown): string => (error as {code?: string}).code ?? '';

/** Whether an error says the file is not a database, or a damaged one. */
export const isCorruption = (error: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(error));

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(error));
const isReadOnly = (error: unknown) => /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(codeOf(error)) || ['EACCES', 'EROFS', 'EPERM'].includes(codeOf(error));

/** The marker an earlier run leaves beside a library it found damaged, so this run moves it aside. */
export const damageMarker = (file: string) => `${file}.damaged`;

function configure(db: Database.Database, busyTimeoutMs: number, cacheKb?: number): void {
	db.pragma(`busy_timeout = ${busyTimeoutMs}`);
	if (cacheKb !== undefined) db.pragma(`cache_size = -${cacheKb}`);
	db.pragma('journal_mode = WAL');
	// In WAL mode NORMAL loses no committed change on a crash of devnews,
	// only on a power cut, and spares an fsync per read mark.
	db.pragma('synchronous = NORMAL');
	db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
}

/** Brings the file's schema to this version, or refuses one from a newer devnews. */
function upgrade(db: Database.Database, file: string): void {
	const version = db.pragma('user_version', {simple: true}) as number;
	if (version > SCHEMA_VERSION) {
		throw new LibraryError(
			`${file} was written by a newer devnews (library version ${version}; this one reads up to ${SCHEMA_VERSION}). Update devnews, or move the file away to start a new library; it was left as it is.`,
		);
	}

	// IMMEDIATE: two devnews starting at once migrate the file once.
	if (version !== SCHEMA_VERSION) db.transaction(() => migrate(db, version)).immediate();
}

/** Where a damaged `file` is kept: beside it, named for now. */
export const asideName = (file: string) => `${file}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;

/** Renames a damaged `file` to library.sqlite.corrupt-<time> (returned), its log and marker gone, so a new one can be made. */
export function moveAside(file: string): string {
	const aside = asideName(file);
	fs.renameSync(file, aside);
	for (const companion of ['-wal', '-shm']) fs.rmSync(file + companion, {force: true});
	fs.rmSync(damageMarker(file), {force: true});
	return aside;
}

/** Opens (or makes) the library at `file` with this version's schema, for writing; throws what SQLite or the folder says when it cannot. */
export function openWritable(file: string, options: OpenOptions = {}): Database.Database {
	const db = connect(file);
	try {
		configure(db, options.busyTimeoutMs ?? BUSY_TIMEOUT_MS, options.cacheKb);
		upgrade(db, file);
		// A file SQLite could open only for reading says so here, not at the first read mark.
		// (Without taking a lock: another devnews may be writing, and reading must not wait for it.)
		if (!db.memory) {
			fs.accessSync(file, fs.constants.W_OK);
			fs.accessSync(path.dirname(file), fs.constants.W_OK);
		}

		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}

/** A copy of a library devnews may read but not write, in a folder of its own, for this run. */
function openCopy(file: string, options: OpenOptions): Database.Database {
	const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-library-')), path.basename(file));
	fs.copyFileSync(file, copy);
	process.once('exit', () => fs.rmSync(path.dirname(copy), {recursive: true, force: true}));
	return openWritable(copy, options);
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
	let warning: string | undefined;
	// Why the folder could not be made, if it could not: what opening the file then says ("the directory does not exist") is not.
	let folderFailure: unknown;
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		if (fs.existsSync(damageMarker(file)) && fs.existsSync(file)) {
			warning = `Library ${file} was found damaged; moved it to ${moveAside(file)} and made a new one.`;
		}
	} catch (error) {
		// A folder that cannot be made or written: the library is then kept in memory, below.
		folderFailure = error;
	}

	try {
		return {db: openWritable(file, options), warning, persistent: true};
	} catch (error) {
		if (error instanceof LibraryError) throw error;
		if (isBusy(error)) {
			throw new LibraryError(`${file} is busy: another devnews has been writing to it for over ${(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS) / 1000} s. Try again when it is done.`);
		}

		if (isCorruption(error)) {
			const aside = moveAside(file);
			return {db: openWritable(file, options), warning: `Library ${file} was damaged; moved it to ${aside} and made a new one.`, persistent: true};
		}

		if (isReadOnly(error) && fs.existsSync(file)) {
			try {
				return {db: openCopy(file, options), warning: `Library ${file} cannot be written (${codeOf(error)}): reading a copy; nothing read or fetched now is kept.`, persistent: false};
			} catch {
				// Not even readable: fall through to memory.
			}
		}

		return {db: openWritable(':memory:', options), warning: `Library kept in memory only: cannot write ${file} (${codeOf(folderFailure) || codeOf(error) || (error as Error).message}).`, persistent: false};
	}
}
