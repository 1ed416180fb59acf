// devnews's config.json, kept with conf: a small JSON file a person can
// read (bookmarks, feeds, settings). Changes are read-modify-writes under an
// inter-process lock, so two devnews processes never lose each other's.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import lockfile from 'proper-lockfile';
import {configDir} from '../paths.js';

type Stored = Record<string, unknown>;

export type OpenedConfig = {config: ConfigFile; warning?: string};

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
	return `Config file ${file} was not valid JSON; moved it to ${aside}; starting with no bookmarks or feeds of yours.`;
}

export class ConfigFile {
	/** Opens config.json in `dir`; never throws, so browsing works whatever the folder's state. */
	static open(dir: string = configDir()): OpenedConfig {
		const file = path.join(dir, `${CONFIG_NAME}.json`);
		try {
			const warning = moveAsideIfCorrupt(file);
			const conf = new Conf<Stored>({cwd: dir, configName: CONFIG_NAME, projectSuffix: ''});
			return {config: new ConfigFile(file, conf), warning};
		} catch (error) {
			return {
				config: new ConfigFile(file, undefined),
				warning: `Config is read-only: cannot write ${file} (${errorCode(error)}). Browsing still works.`,
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

	/** The value under `key`, read fresh: another devnews may have changed the file. */
	get(key: string): unknown {
		if (this.conf) return this.conf.get(key);
		try {
			return (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Stored)[key];
		} catch {
			return undefined;
		}
	}

	/** Replaces the value under `key` with `change(current)`, under the lock, re-reading inside it. */
	async update(key: string, change: (current: unknown) => unknown): Promise<void> {
		const {conf} = this;
		if (!conf) throw new Error(`Cannot save to ${this.file}: it is not writable.`);
		let release: (() => Promise<void>) | undefined;
		try {
			release = await lockfile.lock(this.file, {
				realpath: false,
				stale: 10_000,
				retries: {retries: 50, minTimeout: 10, maxTimeout: 100},
			});
			conf.set(key, change(conf.get(key)));
		} catch (error) {
			throw new Error(`Cannot save to ${this.file}: ${errorCode(error)}.`);
		} finally {
			await release?.();
		}
	}
}
