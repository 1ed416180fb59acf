// devnews's config.json: a small JSON file a person can read (bookmarks,
// feeds, settings), written with conf. Changes are read-modify-writes under
// an inter-process lock, so two devnews processes never lose each other's.
// Reading is a plain JSON read of the file, fresh each time, so start-up
// does not load conf (and its schema validator) or the lock: they are
// loaded on the first change.
import fs from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import {configDir} from '../paths.js';
import {readFailure, readRegularFile} from '../regular-file.js';

type Stored = Record<string, unknown>;

export type OpenedConfig = {config: ConfigFile; warning?: string};

const CONFIG_NAME = 'config';

/** How often the file is looked at where the system cannot tell devnews of changes (fs.watch fails). */
const WATCH_POLL_MS = 1000;

/** Changes that come together (a write, its rename, a lock) are told once, this long after the last. */
const WATCH_SETTLE_MS = 100;

type Read = {object: Stored} | {wrong: string} | {unreadable: string};

/**
 * The file's JSON. A byte order mark before it, which some editors write
 * (Notepad did until 2019), is no part of it: JSON.parse refused the file
 * for it, and the file was moved aside as not JSON.
 */
const parseJson = (text: string): unknown => JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);

/** What JSON value `value` is, in words: "an array", "null", "a number". */
function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

/** The file's settings object, or what is wrong with it (missing: an empty object). */
function readFile(file: string): Read {
	let text: string;
	try {
		text = readRegularFile(file);
	} catch (error) {
		// No file (or no folder for it): nothing saved yet.
		if (['ENOENT', 'ENOTDIR'].includes(readFailure(error))) return {object: {}};
		return {unreadable: readFailure(error)};
	}

	let value: unknown;
	try {
		value = parseJson(text);
	} catch (error) {
		return {wrong: `was not valid JSON (${(error as Error).message})`};
	}

	// Valid JSON, but a settings file is one object of names and values.
	return value && typeof value === 'object' && !Array.isArray(value) ? {object: value as Stored} : {wrong: `holds ${kindOf(value)}, not a settings object`};
}

/** The file's object, or undefined when it is missing or not a JSON object. */
function readObject(file: string): Stored | undefined {
	const read = readFile(file);
	return 'object' in read ? read.object : undefined;
}

/**
 * A config file that is not a JSON object is moved aside, never emptied:
 * whatever the user saved in it can still be recovered by hand. What it
 * is instead is said (not JSON, or JSON but an array or null).
 */
function moveAside(file: string, wrong: string): string {
	const aside = `${file}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
	fs.renameSync(file, aside);
	return `Config file ${file} ${wrong}; moved it to ${aside}; starting with no bookmarks or feeds of yours.`;
}

export class ConfigFile {
	/** Opens config.json in `dir`; never throws, so browsing works whatever the folder's state. */
	static open(dir: string = configDir()): OpenedConfig {
		const file = path.join(dir, `${CONFIG_NAME}.json`);
		const read = readFile(file);
		// One that cannot be read (its permissions, a pipe in its place) is left as it is, and not written over.
		if ('unreadable' in read) {
			return {config: new ConfigFile(dir, file, false), warning: `Config file ${file} cannot be read (${read.unreadable}); browsing without your bookmarks and feeds, and saving nothing.`};
		}

		try {
			const warning = 'wrong' in read ? moveAside(file, read.wrong) : undefined;
			fs.mkdirSync(dir, {recursive: true});
			fs.accessSync(dir, fs.constants.W_OK);
			return {config: new ConfigFile(dir, file, true), warning};
		} catch (error) {
			return {
				config: new ConfigFile(dir, file, false),
				warning: `Config is read-only: cannot write ${file} (${readFailure(error)}). Browsing still works.`,
			};
		}
	}

	readonly file: string;
	readonly writable: boolean;
	private readonly dir: string;
	private conf: Conf<Stored> | undefined;

	private constructor(dir: string, file: string, writable: boolean) {
		this.dir = dir;
		this.file = file;
		this.writable = writable;
	}

	/**
	 * Calls `listener` soon after the file changes, whoever changed it (another
	 * devnews, a person's editor); returns the stop. The folder is watched, not
	 * the file, since a save replaces the file (conf writes a new one and
	 * renames it over); where the system cannot watch, the file is looked at
	 * once a second.
	 */
	watch(listener: () => void): () => void {
		let settle: NodeJS.Timeout | undefined;
		const changed = () => {
			clearTimeout(settle);
			settle = setTimeout(listener, WATCH_SETTLE_MS);
		};

		const name = path.basename(this.file);
		const poll = () => {
			fs.watchFile(this.file, {interval: WATCH_POLL_MS, persistent: false}, changed);
			return () => fs.unwatchFile(this.file, changed);
		};

		let stop: () => void;
		try {
			const watcher = fs.watch(this.dir, {persistent: false}, (_event, file) => {
				// Some systems do not say which file changed.
				if (file === null || file === name) changed();
			});
			stop = () => watcher.close();
			watcher.on('error', () => {
				watcher.close();
				stop = poll();
			});
		} catch {
			stop = poll();
		}

		return () => {
			clearTimeout(settle);
			stop();
		};
	}

	/** Every value in the file, read fresh: another devnews may have changed it. One read for many values. */
	values(): Readonly<Stored> {
		return readObject(this.file) ?? {};
	}

	/** The value under `key`, read fresh: another devnews may have changed the file. */
	get(key: string): unknown {
		return this.values()[key];
	}

	/** Replaces the value under `key` with `change(current)`, under the lock, re-reading inside it. */
	async update(key: string, change: (current: unknown) => unknown): Promise<void> {
		if (!this.writable) throw new Error(`Cannot save to ${this.file}: it is not writable.`);
		let release: (() => Promise<void>) | undefined;
		try {
			const [{default: Conf}, {default: lockfile}] = await Promise.all([import('conf'), import('proper-lockfile')]);
			this.conf ??= new Conf<Stored>({cwd: this.dir, configName: CONFIG_NAME, projectSuffix: '', deserialize: parseJson as (text: string) => Stored});
			release = await lockfile.lock(this.file, {
				realpath: false,
				stale: 10_000,
				retries: {retries: 50, minTimeout: 10, maxTimeout: 100},
			});
			this.conf.set(key, change(this.conf.get(key)));
		} catch (error) {
			throw new Error(`Cannot save to ${this.file}: ${readFailure(error)}.`);
		} finally {
			await release?.();
		}
	}
}
