// npm run bench: how devnews's start, keys, memory, search and ingest hold
// up as its library grows from ten articles to a million, beside a bare Ink
// app and newsboat measured the same way in the same run. Prints one table
// and the targets as ratios, and writes bench/results.json.
//
//   npm run bench -- [--sizes 10,10000,100000,1000000] [--runs 5] [--presses 500] [--byte-presses 50]
//   npm run bench -- --only bytes [--byte-presses 50]     bytes per key beside newsboat, alone
//   npm run bench -- --only search [--sizes 10000,1000000]  search by title words, alone
//   npm run bench -- --only startup [--runs 5]               commands and first frame beside their floors, alone
//   npm run bench -- --only complete [--presses 500]        completing summary-only stories from their pages, alone
//   npm run bench -- --only ingest                         devnews fetch beside newsboat -x reload, alone
//   npm run bench -- --only memory|paste [--sizes ...]      RSS after 3,000 keys, or a 10,000-character paste, alone
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import stripAnsi from 'strip-ansi';
import {loadDataDir} from '../source/data/load-data.js';
import {CACHE, ROOT, SHIPPED_DATA, ensureLibrary, libraryFile} from './corpus.js';
import {serveSyntheticFeeds} from './feeds.js';
import {bytesPerKey, type ListKeys} from './bytes.js';
import {ensureNewsboat, newsboatLaunch, newsboatOnFeeds, newsboatVersion} from './newsboat.js';
import {completionTargets, measureCompletion, printCompletion} from './complete.js';
import {ingestTargets, measureIngest, printIngest} from './ingest.js';
import {measureRetention} from './retention.js';
import {measureMemory, memoryTargets, printMemory} from './memory.js';
import {measurePaste, pasteTargets, printPaste} from './paste.js';
import {measureTitleSearch} from './search.js';
import {measureStartup, printStartup, startupTargets} from './startup.js';
import {firstFrame, type Launch} from './pty.js';
import {bytesTargets, checkTargets, printBytes, printSearch, printTable, searchTargets} from './table.js';
import type {BytesResult, FirstFrameResult, Results, RunnerResult, SizeResult} from './report.js';
import {percentile} from './report.js';

const {values} = parseArgs({
	options: {
		sizes: {type: 'string', default: '10,10000,100000,1000000'},
		runs: {type: 'string', default: '5'},
		presses: {type: 'string', default: '500'},
		'byte-presses': {type: 'string', default: '50'},
		only: {type: 'string'},
	},
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const presses = Number(values.presses);
const bytePresses = Number(values['byte-presses']);
if (sizes.some(size => !Number.isInteger(size) || size < 1) || !(runs >= 1) || !(presses >= 2) || !(bytePresses >= 2) || (values.only && !['bytes', 'search', 'startup', 'complete', 'ingest', 'memory', 'paste'].includes(values.only))) {
	throw new Error('usage: npm run bench -- [--sizes 10,10000,...] [--runs N] [--presses N] [--byte-presses N] [--only bytes|search|startup|complete|ingest|memory|paste]');
}

const NEWSBOAT_ITEMS = 100_000;
const INGEST_FEEDS = 20;
const INGEST_PER_FEED = 500;
// Ingested items are numbered far past any library's own synthetic articles.
const INGEST_FIRST = 50_000_000;
// The refresh keys are timed during: 15,000 summary items, numbered past the ingested ones.
const REFRESH_FEEDS = 30;
const REFRESH_FIRST = 60_000_000;
const TERMINAL = {cols: 80, rows: 24};
// Bytes per key: devnews and newsboat on the same feeds, served from
// 127.0.0.1 (3 of 1,000 items, each with its whole story, so that opening
// one fetches no page), with headlines of up to 30
// characters and of 60 to 120, at three terminal sizes.
const BYTES_FEEDS = 3;
const BYTES_PER_FEED = 1000;
const BYTES_TITLES = [
	{titles: 'short' as const, titleLength: 30},
	{titles: 'long' as const, titleLength: undefined},
];
const BYTES_TERMINALS = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 60},
];
const DEVNEWS_KEYS: ListKeys = {toList: [], down: 'j', up: 'k', pageDown: '\u001B[6~', open: '\r', back: 'q'};
// newsboat opens on its feed list: Enter shows the first feed's items; j and k are bound to down and up there (bench/newsboat.ts), and q leaves an item.
const NEWSBOAT_KEYS: ListKeys = {toList: ['\r'], down: 'j', up: 'k', pageDown: '\u001B[6~', open: '\r', back: 'q'};

const log = (line: string) => process.stderr.write(`${line}\n`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		// Ink shows the cursor again on exit, on stderr: only the words go through.
		child.stderr.on('data', chunk => process.stderr.write(stripAnsi(String(chunk))));
		child.on('error', reject);
		child.on('close', code => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
	});
}

const BUILD = path.join(ROOT, 'bench', '.build');
const {taxonomy} = loadDataDir(SHIPPED_DATA);
const version = await newsboatVersion();

// Every program gets a config folder of its own, empty: no bookmarks.
const config = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-config-'));
const devnewsEnv = (cacheHome: string): NodeJS.ProcessEnv => ({...process.env, XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: config, NODE_ENV: 'production'});
/** The first frame of the list: its footer and its first row (a title cut to the column). */
const showsList = (title: string) => (screen: string) => screen.includes('↑↓ move') && screen.includes(title.slice(0, 24));

async function newestTitle(env: NodeJS.ProcessEnv, args: string[] = []): Promise<string> {
	const out = await run(process.execPath, [path.join(ROOT, 'dist', 'devnews.cjs'), 'list', '--limit', '1', '--json', ...args], env);
	return (JSON.parse(out) as Array<{title: string}>)[0]!.title;
}

/**
 * devnews on the feeds at `urls` alone: a data folder of its own listing
 * them (no shipped stories), fetched into a library of its own. Its
 * terminal is xterm-256color as newsboat's is; devnews takes that for a
 * terminal that erases in the background colour but may not repeat a
 * character (REP), while newsboat's curses takes it for xterm, which does.
 */
async function devnewsOnFeeds(dir: string, urls: string[]): Promise<Launch> {
	const data = path.join(dir, 'data');
	fs.cpSync(SHIPPED_DATA, data, {recursive: true});
	fs.rmSync(path.join(data, 'articles'), {recursive: true});
	fs.mkdirSync(path.join(data, 'articles'));
	fs.writeFileSync(path.join(data, 'feeds.json'), JSON.stringify(urls.map(url => ({url, sector: 'technology', edition: 'global'}))));
	const env = devnewsEnv(path.join(dir, 'cache'));
	await run(process.execPath, [path.join(ROOT, 'dist', 'devnews.cjs'), 'fetch', '--data', data], env);
	return {command: path.join(ROOT, 'dist', 'devnews.cjs'), args: ['--data', data], env, shows: showsList(await newestTitle(env, ['--data', data]))};
}

/** Bytes per key at each terminal size and title length, devnews and newsboat in turn, on the same feeds. */
async function measureBytes(): Promise<BytesResult> {
	const terminals: BytesResult['terminals'] = [];
	for (const {titles, titleLength} of BYTES_TITLES) {
		/* eslint-disable no-await-in-loop -- one program at a time, on a quiet machine */
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-bytes-'));
		const feeds = await serveSyntheticFeeds(taxonomy, {feeds: BYTES_FEEDS, perFeed: BYTES_PER_FEED, fullText: true, ready: true, fresh: true, titleLength});
		try {
			log(`  ${titles} titles: ${BYTES_FEEDS} feeds of ${BYTES_PER_FEED} items from 127.0.0.1 into devnews${version ? ' and newsboat' : ''}…`);
			const devnews = await devnewsOnFeeds(path.join(dir, 'devnews'), feeds.urls);
			// The same in a terminal known to be xterm (which sets XTERM_VERSION): REP as well.
			const devnewsInXterm = {...devnews, env: {...devnews.env, XTERM_VERSION: 'XTerm(390)'}};
			const newsboat = version ? newsboatLaunch(await newsboatOnFeeds(path.join(dir, 'newsboat'), feeds.urls)) : undefined;
			for (const {columns, rows} of BYTES_TERMINALS) {
				// Pages down within one feed of newsboat's, whose list ends there.
				const pages = Math.min(bytePresses, Math.floor(BYTES_PER_FEED / rows) - 1);
				log(`  bytes per key at ${columns}×${rows}, ${titles} titles, ${bytePresses} presses of j/k and open/back, ${pages} of PgDn…`);
				terminals.push({
					columns,
					rows,
					titles,
					pages,
					devnews: await bytesPerKey(devnews, DEVNEWS_KEYS, columns, rows, {presses: bytePresses, pages}),
					devnewsInXterm: await bytesPerKey(devnewsInXterm, DEVNEWS_KEYS, columns, rows, {presses: bytePresses, pages}),
					newsboat: newsboat ? await bytesPerKey(newsboat, NEWSBOAT_KEYS, columns, rows, {presses: bytePresses, pages}) : undefined,
				});
			}
		} finally {
			await feeds.server.close();
			fs.rmSync(dir, {recursive: true, force: true});
		}
		/* eslint-enable no-await-in-loop */
	}

	return {feeds: BYTES_FEEDS, perFeed: BYTES_PER_FEED, presses: bytePresses, terminals};
}

if (values.only === 'search') {
	// In this process: the search is the library's work alone, bundled or not.
	const {Library} = await import('../source/library/store.js');
	const bySize = sizes.map(size => {
		const {library} = Library.open(libraryFile(ensureLibrary(size, log)));
		log(`  search by title words at ${size.toLocaleString('en')} articles…`);
		const titleSearch = measureTitleSearch(library, TERMINAL.rows - 2);
		library.close();
		return {size, titleSearch};
	});
	process.stdout.write(printSearch(bySize, searchTargets(bySize)));
	process.exit(0);
}

/** Completing summary-only stories from their pages: its runner built like the CLI, then measured (bench/complete.ts). */
async function completion() {
	await run(process.execPath, ['scripts/build.mjs', 'bench/complete-runner.tsx', path.join(BUILD, 'complete')]);
	log(`completing summary-only stories from their pages, j/k meanwhile (${presses} quiet presses)…`);
	return measureCompletion(path.join(BUILD, 'complete', 'complete-runner.js'), TERMINAL, presses);
}

if (values.only === 'complete') {
	const result = await completion();
	process.stdout.write(printCompletion(result, completionTargets(result)));
	process.exit(0);
}

if (values.only === 'bytes') {
	log('building devnews…');
	await run(process.execPath, ['scripts/build.mjs']);
	const bytes = await measureBytes();
	process.stdout.write(printBytes(bytes, bytesTargets(bytes)));
	fs.rmSync(config, {recursive: true, force: true});
	process.exit(0);
}

if (values.only === 'ingest') {
	log('building devnews…');
	await run(process.execPath, ['scripts/build.mjs']);
	process.stdout.write(printIngest(await measureIngest(path.join(ROOT, 'dist', 'devnews.cjs'), taxonomy, version, log)));
	fs.rmSync(config, {recursive: true, force: true});
	process.exit(0);
}

/** devnews on each library, started as a person starts it, and the first frame it shows. */
async function devnewsLaunches(): Promise<Array<{size: number; launch: Launch}>> {
	const launches: Array<{size: number; launch: Launch}> = [];
	for (const size of sizes) {
		const home = ensureLibrary(size, log);
		// eslint-disable-next-line no-await-in-loop -- one at a time
		launches.push({size, launch: {command: path.join(ROOT, 'dist', 'devnews.cjs'), args: [], env: devnewsEnv(home), shows: showsList(await newestTitle(devnewsEnv(home)))}});
	}

	return launches;
}

const MEMORY_KEYS = 3000;
async function measureInput(launches: Array<{size: number; launch: Launch}>, only?: 'memory' | 'paste') {
	log(`RSS after ${MEMORY_KEYS.toLocaleString('en')} keys, and a 10,000-character paste into the search, at each size…`);
	const memory = only === 'paste' ? undefined : await measureMemory(launches, MEMORY_KEYS, TERMINAL.cols, TERMINAL.rows);
	const {Library} = await import('../source/library/store.js');
	const withLibraries = launches.map(entry => ({...entry, openLibrary: () => Library.open(libraryFile(ensureLibrary(entry.size, log))).library}));
	const paste = only === 'memory' ? undefined : await measurePaste(withLibraries, TERMINAL.cols, TERMINAL.rows);
	return {memory, paste};
}

if (values.only === 'memory' || values.only === 'paste') {
	log('building devnews…');
	await run(process.execPath, ['scripts/build.mjs']);
	const {memory, paste} = await measureInput(await devnewsLaunches(), values.only);
	process.stdout.write([memory && printMemory(memory, memoryTargets(memory)), paste && printPaste(paste, pasteTargets(paste))].filter(Boolean).join('\n'));
	fs.rmSync(config, {recursive: true, force: true});
	process.exit(0);
}

log('building devnews, the bare Ink app and the in-process runner (production bundles)…');
await run(process.execPath, ['scripts/build.mjs']);
await run(process.execPath, ['scripts/build.mjs', 'bench/hello.tsx', path.join(BUILD, 'hello'), '--bare']);
const helloLaunch: Launch = {command: path.join(BUILD, 'hello', 'hello.js'), args: [], env: process.env, shows: screen => screen.includes('Hello from Ink'), ...TERMINAL};
/** devnews on the shipped data, in a cache folder of its own (`home`). */
const shippedLaunch = (home: string): Launch => ({command: path.join(ROOT, 'dist', 'devnews.cjs'), args: [], env: devnewsEnv(home), shows: showsList('Leaked Call Sparks'), ...TERMINAL});

if (values.only === 'startup') {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-startup-'));
	log(`start-up: commands beside node -e 0, first frame beside bare Ink, ${runs} runs in turns…`);
	process.stdout.write(printStartup(await measureStartup(ROOT, helloLaunch, shippedLaunch(home), devnewsEnv(home), runs)));
	fs.rmSync(home, {recursive: true, force: true});
	fs.rmSync(config, {recursive: true, force: true});
	process.exit(0);
}

await run(process.execPath, ['scripts/build.mjs', 'bench/runner.tsx', path.join(BUILD, 'runner')]);

log('preparing libraries (kept in bench/.cache between runs)…');
const homes = new Map(sizes.map(size => [size, ensureLibrary(size, log)]));
const newsboat = version && sizes.includes(NEWSBOAT_ITEMS) ? await ensureNewsboat(NEWSBOAT_ITEMS, taxonomy, log) : undefined;
const shippedHome = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-shipped-'));

const launches: Array<{key: string; launch: Launch}> = [
	{key: 'hello', launch: helloLaunch},
	{key: 'shipped', launch: shippedLaunch(shippedHome)},
];
const sized = await devnewsLaunches();
for (const {size, launch} of sized) launches.push({key: String(size), launch});

if (newsboat) launches.push({key: 'newsboat', launch: newsboatLaunch(newsboat)});

log(`start → first frame: ${launches.map(({key}) => key).join(', ')}; one warm-up and ${runs} timed runs each, taken in turns…`);
const frames = new Map<string, Array<{ms: number; rssMb: number}>>(launches.map(({key}) => [key, []]));
for (let round = 0; round <= runs; round++) {
	for (const {key, launch} of launches) {
		// eslint-disable-next-line no-await-in-loop -- one program at a time, on a quiet machine
		const frame = await firstFrame({...launch, ...TERMINAL});
		if (round > 0) frames.get(key)!.push(frame);
	}
}

const summary = (key: string): FirstFrameResult => {
	const all = frames.get(key)!;
	return {medianMs: percentile(all.map(frame => frame.ms), 50), runsMs: all.map(frame => frame.ms), rssMb: percentile(all.map(frame => frame.rssMb), 50)};
};

log(`start-up: commands beside node -e 0, first frame beside bare Ink, ${runs} runs in turns…`);
const startup = await measureStartup(ROOT, helloLaunch, shippedLaunch(shippedHome), devnewsEnv(shippedHome), runs);

log('bytes per key, beside newsboat…');
const bytes = await measureBytes();

log(`keys, memory, search and ingest in process (${presses} presses of each kind)…`);
// Ingest: news feeds' items carry a summary (the story is fetched from its
// page when opened); some feeds carry the whole story, which costs more.
// Either way they are newer than what the library holds.
const feeds = await serveSyntheticFeeds(taxonomy, {feeds: INGEST_FEEDS, perFeed: INGEST_PER_FEED, first: INGEST_FIRST, fullText: false, ready: true, fresh: true});
const fullTextFeeds = await serveSyntheticFeeds(taxonomy, {feeds: INGEST_FEEDS, perFeed: INGEST_PER_FEED, first: INGEST_FIRST + INGEST_FEEDS * INGEST_PER_FEED, fullText: true, ready: true, fresh: true});
const refreshFeeds = await serveSyntheticFeeds(taxonomy, {feeds: REFRESH_FEEDS, perFeed: INGEST_PER_FEED, first: REFRESH_FIRST, fullText: false, ready: true, fresh: true});
// Nothing the refresh keeps is old enough for the prune after it, whenever the benchmark runs.
fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({keepDays: 100_000}));
const results: SizeResult[] = [];
try {
	for (const [size, home] of homes) {
		log(`  ${size.toLocaleString('en')} articles…`);
		const options = {library: home, config, ...TERMINAL, presses, feeds: feeds.urls, fullTextFeeds: fullTextFeeds.urls, refreshFeeds: refreshFeeds.urls};
		// eslint-disable-next-line no-await-in-loop -- one program at a time, on a quiet machine
		const out = await run(path.join(BUILD, 'runner', 'runner.js'), [JSON.stringify(options)], devnewsEnv(home));
		results.push({size, firstFrame: summary(String(size)), runner: JSON.parse(out) as RunnerResult});
	}
} finally {
	await feeds.server.close();
	await fullTextFeeds.server.close();
	await refreshFeeds.server.close();
}

const {memory, paste} = await measureInput(sized);

// Retention's removal beside adding: the same articles in, then out.
const RETENTION_SIZE = 100_000;
log(`adding and removing ${RETENTION_SIZE.toLocaleString('en')} articles…`);
const retention = measureRetention(RETENTION_SIZE);
const completed = await completion();

log('ingest beside newsboat…');
const ingest = await measureIngest(path.join(ROOT, 'dist', 'devnews.cjs'), taxonomy, version, log);

const cpus = os.cpus();
const report: Results = {
	date: new Date().toISOString(),
	machine: {cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: os.type()},
	helloInk: summary('hello'),
	shippedData: summary('shipped'),
	sizes: results,
	newsboat: newsboat ? {items: NEWSBOAT_ITEMS, version: version!, firstFrame: summary('newsboat')} : {skipped: version ? `--sizes has no ${NEWSBOAT_ITEMS}` : 'newsboat is not installed (apt-get install newsboat)'},
	bytes,
	retention,
	completion: completed,
	ingest,
	memory,
	paste,
	startup,
	ratios: [],
};
report.ratios = [...checkTargets(report), ...completionTargets(completed), ...ingestTargets(ingest), ...memoryTargets(memory!), ...pasteTargets(paste!), ...startupTargets(startup)];
fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(report, undefined, 2)}\n`);
process.stdout.write(`${printTable(report)}\n${printMemory(memory!)}\n${printPaste(paste!)}`);
process.stdout.write(printCompletion(completed, completionTargets(completed)));
process.stdout.write(printIngest(ingest));
process.stdout.write(printStartup(startup));
fs.rmSync(config, {recursive: true, force: true});
fs.rmSync(shippedHome, {recursive: true, force: true});
log(`libraries kept in ${path.relative(ROOT, CACHE)}; results in bench/results.json`);
