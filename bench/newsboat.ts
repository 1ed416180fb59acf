// newsboat, the terminal feed reader devnews is measured against: loaded
// once with the same synthetic items (served as RSS from 127.0.0.1 and
// fetched with `newsboat -x reload`), kept under bench/.cache, and started
// in a pseudo-terminal exactly as devnews is. The items come as most feeds
// send them, with a summary: the lighter load for newsboat (with whole
// stories it reads its cache for seconds before its first frame), while
// devnews's library holds every story in full.
import {execFile, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {Taxonomy} from '../source/core/taxonomy.js';
import {CACHE} from './corpus.js';
import {serveSyntheticFeeds} from './feeds.js';
import type {Launch} from './pty.js';
import {GENERATOR_VERSION} from './synthetic.js';

const ITEMS_PER_FEED = 1000;

/** newsboat's version, or undefined when it is not installed. */
export async function newsboatVersion(): Promise<string | undefined> {
	try {
		const {stdout} = await promisify(execFile)('newsboat', ['-v']);
		return /newsboat (\S+)/.exec(stdout)?.[1] ?? stdout.split('\n')[0];
	} catch {
		return undefined;
	}
}

type Prepared = {dir: string; urls: string; cache: string; config: string; env: NodeJS.ProcessEnv};

function prepared(items: number, perFeed: number): Prepared {
	const layout = perFeed === ITEMS_PER_FEED ? '' : `-${perFeed}-a-feed`;
	return filesIn(path.join(CACHE, `newsboat-${items}${layout}-gen${GENERATOR_VERSION}`));
}

function filesIn(dir: string): Prepared {
	return {
		dir,
		urls: path.join(dir, 'urls'),
		cache: path.join(dir, 'cache.db'),
		config: path.join(dir, 'config'),
		// newsboat keeps its history and lock beside HOME's dot-folders; keep them here.
		env: {...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config-home'), XDG_DATA_HOME: path.join(dir, 'data-home')},
	};
}

/** Loads newsboat's cache with `items` synthetic items, `perFeed` to a feed, unless already loaded. */
export async function ensureNewsboat(items: number, taxonomy: Taxonomy, log: (line: string) => void, perFeed = ITEMS_PER_FEED): Promise<Prepared> {
	const files = prepared(items, perFeed);
	const done = path.join(files.dir, 'complete');
	if (fs.existsSync(done)) return files;
	fs.rmSync(files.dir, {recursive: true, force: true});
	const started = performance.now();
	const feeds = await serveSyntheticFeeds(taxonomy, {feeds: Math.ceil(items / perFeed), perFeed: Math.min(items, perFeed), fullText: false});
	try {
		await loadNewsboat(files, feeds.urls);
	} finally {
		await feeds.server.close();
	}

	fs.writeFileSync(done, new Date().toISOString());
	log(`  loaded newsboat with ${items.toLocaleString('en')} synthetic items in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	return files;
}

/** A newsboat of its own in `dir` (a new folder), loaded from the feeds at `urls` (served by this process). */
export async function newsboatOnFeeds(dir: string, urls: string[]): Promise<Prepared> {
	const files = filesIn(dir);
	await loadNewsboat(files, urls);
	return files;
}

async function loadNewsboat(files: Prepared, urls: string[]): Promise<void> {
	fs.mkdirSync(files.dir, {recursive: true});
	fs.writeFileSync(files.urls, `${urls.join('\n')}\n`);
	// j and k move the selection, as in devnews (newsboat's own j and k go to the next and previous feed).
	fs.writeFileSync(files.config, 'reload-threads 4\nshow-read-feeds yes\nbind-key j down\nbind-key k up\n');
	// Asynchronously: the feeds are served from this process.
	const code = await new Promise<number | null>((resolve, reject) => {
		const child = spawn('newsboat', ['-u', files.urls, '-c', files.cache, '-C', files.config, '-x', 'reload'], {env: files.env, stdio: 'ignore'});
		child.on('error', reject);
		child.on('close', resolve);
	});
	if (code !== 0) throw new Error(`newsboat -x reload exited with ${code}`);
}

/** How to start newsboat on its loaded cache; its first frame is the feed list. */
export function newsboatLaunch(files: Prepared): Launch {
	return {
		command: 'newsboat',
		args: ['-u', files.urls, '-c', files.cache, '-C', files.config],
		env: files.env,
		cwd: files.dir,
		shows: screen => screen.includes('Synthetic feed 1'),
		timeoutMs: 120_000,
	};
}
