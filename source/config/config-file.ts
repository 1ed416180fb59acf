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

type Stored = Record<string, unknown>;

export type OpenedConfig = {config: ConfigFile; warning?: string};

const CONFIG_NAME = 'config';

function errorCode(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** The file's object, or undefined when it is missing or not a JSON object. */
function readObject(file: string): Stored | undefined {
	try {
		const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A config file that is not a JSON object is moved aside, never emptied:
 * whatever the user saved in it can still be recovered by hand.
 */
function moveAsideIfCorrupt(file: string): string | undefined {
	if (!fs.existsSync(file) || readObject(file)) return undefined;
	const aside = `${file}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
	fs.renameSync(file, aside);
	return `Config file ${file} was not valid JSON; moved it to ${aside}; starting with no bookmarks or feeds of yours.`;
}

export class ConfigFile {
	/** Opens config.json in `dir`; never throws, so browsing works whatever the folder's state. */
	static open(dir: string = configDir()): OpenedConfig {
		const file = path.join(dir, `${CONFIG_NAME}.json`);
		try {
			const warning = moveAsideIfCorrupt(file);
			fs.mkdirSync(dir, {recursive: true});
			fs.accessSync(dir, fs.constants.W_OK);
			return {config: new ConfigFile(dir, file, true), warning};
		} catch (error) {
			return {
				config: new ConfigFile(dir, file, false),
				warning: `Config is read-only: cannot write ${file} (${errorCode(error)}). Browsing still works.`,
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

	/** The value under `key`, read fresh: another devnews may have changed the file. */
	get(key: string): unknown {
		return readObject(this.file)?.[key];
	}

	/** Replaces the value under `key` with `change(current)`, under the lock, re-reading inside it. */
	async update(key: string, change: (current: unknown) => unknown): Promise<void> {
		if (!this.writable) throw new Error(`Cannot save to ${this.file}: it is not writable.`);
		let release: (() => Promise<void>) | undefined;
		try {
			const [{default: Conf}, {default: lockfile}] = await Promise.all([import('conf'), import('proper-lockfile')]);
			this.conf ??= new Conf<Stored>({cwd: this.dir, configName: CONFIG_NAME, projectSuffix: ''});
			release = await lockfile.lock(this.file, {
				realpath: false,
				stale: 10_000,
				retries: {retries: 50, minTimeout: 10, maxTimeout: 100},
			});
			this.conf.set(key, change(this.conf.get(key)));
		} catch (error) {
			throw new Error(`Cannot save to ${this.file}: ${errorCode(error)}.`);
		} finally {
			await release?.();
		}
	}
}
