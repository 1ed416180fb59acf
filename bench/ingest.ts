// Ingest beside newsboat: `devnews fetch` and `newsboat -x reload`, four
// feeds at a time each, reading the same 100 feeds of 1,000 items (each
// with its whole story, about 1.7 KB of text) from 127.0.0.1 into an empty
// library or cache. Each program is timed from start to exit, and GNU time
// gives its peak resident set. The feeds' XML is written once under
// bench/.cache and streamed from disk, so the server holds none of it and
// costs the programs measured as little of the shared cores as it can.
//
//   npm run bench -- --only ingest
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Taxonomy} from '../source/core/taxonomy.js';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, startFeedServer, type FeedServer} from '../test/feed-server.js';
import {CACHE, ROOT, SHIPPED_DATA} from './corpus.js';
import {GENERATOR_VERSION, syntheticArticle} from './synthetic.js';
import type {Ratio} from './report.js';

export const INGEST_FEEDS = 100;
export const INGEST_PER_FEED = 1000;
// Numbered far past any library's own synthetic articles and the in-process ingest's.
const FIRST = 70_000_000;
const THREADS = 4;

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export type IngestRun = {seconds: number; itemsPerSecond: number; peakRssMb: number};
export type IngestResult = {feeds: number; perFeed: number; bodyKb: number; devnews: IngestRun; newsboat?: IngestRun & {version: string}};

/** Writes the feeds' XML under bench/.cache unless written; returns the folder and the items' mean story length in KB. */
export function ensureFeedFiles(taxonomy: Taxonomy): {dir: string; bodyKb: number} {
	const dir = path.join(CACHE, `ingest-${INGEST_FEEDS}x${INGEST_PER_FEED}-gen${GENERATOR_VERSION}`);
	const done = path.join(dir, 'complete');
	if (fs.existsSync(done)) return {dir, bodyKb: Number(fs.readFileSync(done, 'utf8'))};
	fs.rmSync(dir, {recursive: true, force: true});
	fs.mkdirSync(dir, {recursive: true});
	let bodyChars = 0;
	for (let feed = 0; feed < INGEST_FEEDS; feed++) {
		const items = Array.from({length: INGEST_PER_FEED}, (_, index) => {
			const number = FIRST + feed * INGEST_PER_FEED + index;
			const article = syntheticArticle(number, taxonomy, INGEST_FEEDS * INGEST_PER_FEED);
			const body = article.body.join('\n');
			bodyChars += body.length;
			return {
				id: article.id,
				title: article.title,
				summary: article.summary,
				content: article.body.map(paragraph => `<p>${escapeHtml(paragraph)}</p>`).join(''),
				link: article.url,
				// Newer than anything a library holds, a second apart, as a refresh brings news.
				date: new Date(Date.now() - 86_400_000 + (number - FIRST) * 100).toISOString(),
			};
		});
		fs.writeFileSync(path.join(dir, `feed-${feed}.xml`), rss2(items, `Ingest feed ${feed + 1}`));
	}

	const bodyKb = bodyChars / (INGEST_FEEDS * INGEST_PER_FEED) / 1000;
	fs.writeFileSync(done, bodyKb.toFixed(2));
	return {dir, bodyKb};
}

/** Serves the ingest's feeds from `dir` on 127.0.0.1: the server, and the feeds' addresses. */
export async function serveFeedFiles(dir: string): Promise<{server: FeedServer; urls: string[]}> {
	const server = await startFeedServer();
	const urls: string[] = [];
	for (let feed = 0; feed < INGEST_FEEDS; feed++) {
		const file = path.join(dir, `feed-${feed}.xml`);
		const route = `/ingest-${feed}.xml`;
		server.route(route, (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8', 'content-length': fs.statSync(file).size});
			fs.createReadStream(file).pipe(response);
		});
		urls.push(server.url(route));
	}

	return {server, urls};
}

/** A program's run under GNU time: seconds from start to exit, its CPU (user and system seconds), its peak RSS and what it printed. */
export type TimedRun = {seconds: number; userSeconds: number; systemSeconds: number; peakRssMb: number; stdout: string};

/** Runs a program to its end under GNU time. */
export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<TimedRun> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn('/usr/bin/time', ['-f', '%M %U %S', command, ...args], {env, cwd, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => {
			const seconds = (performance.now() - started) / 1000;
			const [rssKb, user, system] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
			if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
			else resolve({seconds, userSeconds: user!, systemSeconds: system!, peakRssMb: rssKb! / 1024, stdout});
		});
	});
}

/**
 * A new home (`scratch`) for `cli`, whose data folder is the shipped data's
 * with `urls` as its feeds, and its library already made from that data,
 * outside any time measured: a fetch into it starts from nothing fetched.
 * devnews is run as a user's is, the built file itself, so its first
 * line's flags for node apply.
 */
export async function devnewsHome(cli: string, urls: string[]): Promise<{scratch: string; data: string; env: NodeJS.ProcessEnv}> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-ingest-'));
	const data = path.join(scratch, 'data');
	fs.cpSync(SHIPPED_DATA, data, {recursive: true});
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify(urls.map(url => ({url, sector: 'technology', edition: 'global'}))));
	const env: NodeJS.ProcessEnv = {...process.env, HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_CACHE_HOME: path.join(scratch, 'cache'), NO_COLOR: '1', NODE_ENV: 'production'};
	await timed(cli, ['list', '--limit', '1', '--data', data], env, ROOT);
	return {scratch, data, env};
}

/** `devnews fetch`'s arguments for the ingest: its feeds THREADS at a time. */
export const fetchArguments = (data: string) => ['fetch', '--concurrency', String(THREADS), '--data', data];

const ingestRun = ({seconds, peakRssMb}: {seconds: number; peakRssMb: number}): IngestRun => ({seconds, peakRssMb, itemsPerSecond: (INGEST_FEEDS * INGEST_PER_FEED) / seconds});

/** Times `cli fetch` (the built devnews) into an empty library, then newsboat (when `newsboatVersion`) into an empty cache. */
export async function measureIngest(cli: string, taxonomy: Taxonomy, newsboatVersion: string | undefined, log: (line: string) => void): Promise<IngestResult> {
	const {dir, bodyKb} = ensureFeedFiles(taxonomy);
	const {server, urls} = await serveFeedFiles(dir);
	const {scratch, data, env} = await devnewsHome(cli, urls);
	try {
		log(`  devnews fetch: ${INGEST_FEEDS} feeds × ${INGEST_PER_FEED.toLocaleString('en')} items, ${THREADS} at a time…`);
		const devnews = await timed(cli, fetchArguments(data), env, ROOT);
		const summary = devnews.stdout.trim().split('\n').at(-1) ?? '';
		if (!summary.includes(`${(INGEST_FEEDS * INGEST_PER_FEED).toLocaleString('en')} new articles`)) throw new Error(`devnews fetch did not add every item: ${summary}`);
		if (!newsboatVersion) return {feeds: INGEST_FEEDS, perFeed: INGEST_PER_FEED, bodyKb, devnews: ingestRun(devnews)};

		const home = path.join(scratch, 'newsboat');
		fs.mkdirSync(home);
		fs.writeFileSync(path.join(home, 'urls'), `${urls.join('\n')}\n`);
		fs.writeFileSync(path.join(home, 'config'), `reload-threads ${THREADS}\n`);
		log(`  newsboat -x reload: the same feeds, reload-threads ${THREADS}…`);
		const newsboatEnv = {...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config-home'), XDG_DATA_HOME: path.join(home, 'data-home')};
		const newsboat = await timed('newsboat', ['-u', 'urls', '-c', 'cache.db', '-C', 'config', '-x', 'reload'], newsboatEnv, home);
		return {feeds: INGEST_FEEDS, perFeed: INGEST_PER_FEED, bodyKb, devnews: ingestRun(devnews), newsboat: {...ingestRun(newsboat), version: newsboatVersion}};
	} finally {
		await server.close();
		fs.rmSync(scratch, {recursive: true, force: true});
	}
}

/** The goals: at least twice newsboat's items a second, in no more memory at the peak. */
export function ingestTargets({devnews, newsboat}: IngestResult): Ratio[] {
	if (!newsboat) return [];
	const speed = devnews.itemsPerSecond / newsboat.itemsPerSecond;
	const memory = devnews.peakRssMb / newsboat.peakRssMb;
	return [
		{what: 'ingest items/s ÷ newsboat', value: speed, target: '≥ 2', met: speed >= 2},
		{what: 'ingest peak RSS ÷ newsboat', value: memory, target: '≤ 1', met: memory <= 1},
	];
}

export function printIngest(result: IngestResult, targets: Ratio[] = ingestTargets(result)): string {
	const {devnews, newsboat} = result;
	const row = (name: string, run: IngestRun) => `${name.padEnd(28)}${run.seconds.toFixed(1).padStart(8)} s${Math.round(run.itemsPerSecond).toLocaleString('en').padStart(12)}${run.peakRssMb.toFixed(0).padStart(10)} MB`;
	const lines = [
		`Ingest: ${result.feeds} feeds × ${result.perFeed.toLocaleString('en')} items with ${result.bodyKb.toFixed(1)} KB stories, from 127.0.0.1, ${THREADS} at a time`,
		`${''.padEnd(28)}${'time'.padStart(10)}${'items/s'.padStart(12)}${'peak RSS'.padStart(13)}`,
		row('devnews fetch', devnews),
		...(newsboat ? [row(`newsboat ${newsboat.version} -x reload`, newsboat)] : ['newsboat is not installed (apt-get install newsboat)']),
		...targets.map(ratio => `${ratio.what}: ${ratio.value.toFixed(2)} (goal ${ratio.target}) ${ratio.met ? 'met' : 'NOT MET'}`),
	];
	return `${lines.join('\n')}\n`;
}
