// Measures `devnews fetch` against 20 synthetic feeds of 500 items each,
// served from 127.0.0.1: the first fetch (everything new) and the second
// (conditional requests, all 304). Prints wall time and peak RSS of each.
// Run: node --import tsx bench/fetch-feeds.ts   (after npm run build)
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, serveXml, startFeedServer} from '../test/feed-server.js';
import {CLI, copyOfShippedData, isolatedEnv} from '../test/helpers.js';

const FEEDS = 20;
const ITEMS = 500;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ms: number; maxRssKb: number; stdout: string}> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		// GNU time reports the peak resident set of the whole process.
		const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', () => {
			const maxRssKb = Number(stderr.trim().split('\n').at(-1));
			resolve({ms: performance.now() - started, maxRssKb, stdout});
		});
	});
}

const server = await startFeedServer();
const feeds = [];
for (let feed = 0; feed < FEEDS; feed++) {
	const items = Array.from({length: ITEMS}, (_, index) => ({
		id: `bench-${feed}-${index}`,
		title: `Synthetic benchmark item ${index} of feed ${feed}: a headline of ordinary length for a news story`,
		summary: `Synthetic summary ${index}. `.repeat(12),
		date: new Date(Date.UTC(2026, 0, 1) - (feed * ITEMS + index) * 60_000).toISOString(),
	}));
	server.route(`/feed-${feed}.xml`, serveXml(rss2(items, `Synthetic feed ${feed}`), {etag: `"feed-${feed}"`}));
	feeds.push({url: server.url(`/feed-${feed}.xml`), sector: 'technology', edition: 'global'});
}

const data = copyOfShippedData();
fs.writeFileSync(dataFolder(data).feeds, JSON.stringify(feeds));
const env = isolatedEnv(fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-')));
await run(['list', '--limit', '1', '--data', data], env); // build the library from data/ first

const first = await run(['fetch', '--data', data], env);
const second = await run(['fetch', '--data', data], env);
await server.close();
const last = (stdout: string) => stdout.trim().split('\n').at(-1);
console.log(`${FEEDS} feeds × ${ITEMS} items on ${os.cpus().length} cores, node ${process.version}`);
console.log(`first fetch:  ${first.ms.toFixed(0)} ms, peak RSS ${(first.maxRssKb / 1024).toFixed(1)} MB — ${last(first.stdout)}`);
console.log(`second fetch: ${second.ms.toFixed(0)} ms, peak RSS ${(second.maxRssKb / 1024).toFixed(1)} MB — ${last(second.stdout)}`);
console.log(`items/s, first fetch: ${((FEEDS * ITEMS) / (first.ms / 1000)).toFixed(0)}`);
