// Shared test set-up: temporary folders for config, cache and data, so no
// test touches the user's files; and copies of the shipped data to alter.
import {spawn} from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {DATA_FOLDER, dataFolder} from '../source/data/data-folder.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHIPPED_DATA = path.join(ROOT, DATA_FOLDER);
export const CLI = path.join(ROOT, 'dist', 'devnews.cjs');

/**
 * Waits until `done()` holds, or fails after `ms` saying `what` never came
 * (a function, to describe the state at that moment): what another process
 * or thread does is seen when it is seen, not after a fixed sleep.
 */
export async function until(done: () => boolean, what: string | (() => string), ms = 3000): Promise<void> {
	const started = Date.now();
	while (!done()) {
		if (Date.now() - started > ms) throw new Error(`never: ${typeof what === 'string' ? what : what()}`);
		await delay(10); // eslint-disable-line no-await-in-loop -- polling
	}
}

export function tempDir(label = 'devnews'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

/** A copy of the shipped data folder that a test may change. */
export function copyOfShippedData(): string {
	const dir = path.join(tempDir('devnews-data'), 'data');
	fs.cpSync(SHIPPED_DATA, dir, {recursive: true});
	return dir;
}

export function writeArticle(dataDir: string, name: string, article: unknown): void {
	fs.writeFileSync(path.join(dataFolder(dataDir).articles, name), typeof article === 'string' ? article : JSON.stringify(article, undefined, 2));
}

/** Environment for a spawned devnews: its own config and cache, never the user's. */
export function isolatedEnv(home = tempDir('devnews-home')): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, 'config'),
		XDG_CACHE_HOME: path.join(home, 'cache'),
		NO_COLOR: '1',
	};
	delete env['FORCE_COLOR'];
	return env;
}

export const LEAKED_CALL_ID = '3710216';

/**
 * The shipped data as the seed page gives it: one full story, eight
 * headlines; three trending stories tagged India (a country); the sectors
 * their links' labels name (politics, technology); no editions.
 */
export const SHIPPED = {full: 1, headlines: 8, india: 3, politics: 1, technology: 1};

/** The bookmarks kept in config folder `dir`, as devnews opens them. */
export async function openBookmarks(dir: string) {
	const {ConfigFile} = await import('../source/config/config-file.js');
	const {BookmarkStore} = await import('../source/bookmarks/bookmark-store.js');
	const {config, warning} = ConfigFile.open(dir);
	return {store: new BookmarkStore(config), config, warning};
}

export type Ran = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/** Runs the built devnews without blocking this process, so servers the test started can answer it. */
export function runDevnews(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
	});
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago), for a connection that is refused. */
export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	await new Promise(resolve => {
		server.close(resolve);
	});
	return port;
}
