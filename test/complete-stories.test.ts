// Summary-only stories completed from their pages after devnews fetch: a
// 500-item summary-only feed and its pages on 127.0.0.1. How many (the
// complete setting, --complete, 0 for none), two requests at a time to a
// host, Retry-After, Ctrl-C and a kill, a page's sector over the listing's.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {CLI, copyOfShippedData, isolatedEnv, runDevnews} from './helpers.js';

const ITEMS = 500;
/** Each page answers after this long, so requests overlap and a stop lands midway. */
const PAGE_MS = 40;

let server: FeedServer;
/** Pages asked for, in order, and the most at once. */
let asked: number[] = [];
let inFlight = 0;
let most = 0;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A page as the site's article template renders it: its title, metadata line, story and breadcrumb (Home › News › sector). */
export const sitePage = (title: string, sector: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<ul class="article-breadcrumb"><li><span itemprop="name">Home</span></li><li><span itemprop="name">News</span></li><li><span itemprop="name">${sector}</span></li></ul>
<article><h1 class="title">${title}</h1><h2 class="sub-title">What the page says the story is about.</h2>
<div class="metadata">Synthetic Desk | Updated: 02-03-2026 09:15 IST | Created: 02-03-2026 08:40 IST</div></article>
<section class="article-cont"><p>The whole synthetic story, as only its page has it.</p></section></body></html>`;

before(async () => {
	server = await startFeedServer();
	server.route(
		'/feed',
		(_request, response) => {
			const items = Array.from({length: ITEMS}, (_, index) => ({id: `p${index}`, title: `Synthetic story ${index}`, summary: `Only a summary of story ${index}.`, link: server.url(`/page/${index}`), date: minutesAgo(index + 1)}));
			response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8'}).end(rss2(items));
		},
	);
	for (let index = 0; index < ITEMS; index++) {
		server.route(`/page/${index}`, (_request, response) => {
			asked.push(index);
			most = Math.max(most, ++inFlight);
			setTimeout(() => {
				inFlight--;
				response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(storyPage().replace('Fixture Council Approves Harbour Bridge Repairs', `Synthetic story ${index}`));
			}, PAGE_MS);
		});
	}
});

after(async () => server.close());

function reset(): void {
	asked = [];
	inFlight = 0;
	most = 0;
}

function dataWithFeeds(urls: string[]): string {
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify(urls.map(url => ({url}))));
	return data;
}

function withSettings(settings: Record<string, unknown>): NodeJS.ProcessEnv {
	const env = isolatedEnv();
	fs.mkdirSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews'), {recursive: true});
	fs.writeFileSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json'), JSON.stringify(settings));
	return env;
}

type Listed = {id: string; title: string; kind: string; sectors: string[]};

async function listed(data: string, env: NodeJS.ProcessEnv): Promise<Listed[]> {
	const {stdout} = await runDevnews(['list', '--json', '--limit', '5000', '--data', data], env);
	return (JSON.parse(stdout) as Listed[]).filter(row => row.title.startsWith('Synthetic'));
}

/** The numbers of the synthetic stories held in full, in order. */
const fullOnes = (rows: Listed[]) =>
	rows
		.filter(row => row.kind === 'full')
		.map(row => Number(/\d+$/.exec(row.title)![0]))
		.sort((a, b) => a - b);

const range = (from: number, to: number) => Array.from({length: to - from}, (_, index) => from + index);

test('after a fetch the 50 newest summary-only stories are completed from their pages, two requests at a time', async () => {
	reset();
	const env = isolatedEnv();
	const data = dataWithFeeds([server.url('/feed')]);
	const fetched = await runDevnews(['fetch', '--data', data], env);
	assert.equal(fetched.code, 0, fetched.stderr);
	assert.match(fetched.stdout, /^1 feed: 500 new articles\.\nCompleted 50 of 50 summary-only stories from their pages\.\n$/m);
	assert.match(fetched.stderr, /^devnews: completing stories 5\/50…$/m, 'progress on stderr');
	assert.match(fetched.stderr, /^devnews: completing stories 50\/50…$/m);
	assert.deepEqual(fullOnes(await listed(data, env)), range(0, 50), 'the newest 50');
	assert.equal(asked.length, 50, 'each page asked for once');
	assert.equal(most, 2, 'two requests at a time to the one host');
});

test('the complete setting says how many, --complete N does this once, 0 turns it off', async () => {
	reset();
	const data = dataWithFeeds([server.url('/feed')]);
	const env = withSettings({complete: 5});
	assert.equal((await runDevnews(['fetch', '--data', data], env)).code, 0);
	assert.deepEqual(fullOnes(await listed(data, env)), range(0, 5));
	const once = await runDevnews(['fetch', '--complete', '7', '--data', data], env);
	assert.match(once.stdout, /^Completed 7 of 7 summary-only stories from their pages\.$/m);
	assert.deepEqual(fullOnes(await listed(data, env)), range(0, 12), 'the next newest 7');
	reset();
	const none = await runDevnews(['fetch', '--complete', '0', '--data', data], env);
	assert.equal(none.code, 0);
	assert.doesNotMatch(none.stdout + none.stderr, /omplet/);
	const off = withSettings({complete: 0});
	await runDevnews(['fetch', '--data', data], off);
	assert.deepEqual(asked, [], 'no page asked for');
	assert.deepEqual(fullOnes(await listed(data, off)), []);
});

test('a --complete or a complete setting that makes no sense is named in one line', async () => {
	const data = dataWithFeeds([server.url('/feed')]);
	for (const value of ['-1', '2.5', '1001', 'many']) {
		// eslint-disable-next-line no-await-in-loop -- one devnews at a time
		const ran = await runDevnews(['fetch', '--complete', value, '--data', data], isolatedEnv());
		assert.equal(ran.code, 2, value);
		assert.match(ran.stderr, /^devnews: --complete takes a whole number of stories, from 0 \(none\) to 1000, not .+\. See devnews --help\.\n$/, value);
		assert.equal(ran.stdout, '', 'nothing fetched');
	}

	reset();
	const env = withSettings({complete: 'all'});
	const ran = await runDevnews(['fetch', '--data', data], env);
	assert.match(ran.stderr, /config\.json: complete: expected a whole number of stories from 0 \(none\) to 1000, not "all"; using 50\.\n/);
	assert.equal(asked.length, 50, 'the default used');
});

for (const [signal, status] of [
	['SIGINT', 130],
	['SIGTERM', 143],
] as const) {
	test(`${signal} during the completion stops it with status ${status}; the stories completed are kept`, async () => {
		reset();
		const env = isolatedEnv();
		const data = dataWithFeeds([server.url('/feed')]);
		const child = spawn(process.execPath, [CLI, 'fetch', '--data', data], {env, stdio: ['ignore', 'pipe', 'pipe']});
		const done = new Promise<number | null>(resolve => child.on('close', resolve));
		let stderr = '';
		await new Promise<void>(resolve => {
			child.stderr.on('data', chunk => {
				stderr += chunk;
				if (/completing stories 10\/50/.test(stderr)) resolve();
			});
		});
		child.kill(signal);
		assert.equal(await done, status, stderr);
		const said = new RegExp(`stopped by ${signal}: completed (\\d+) of 50 summary-only stories \\(kept\\); the rest stay summaries until the next fetch\\.`).exec(stderr);
		assert.ok(said, stderr);
		const kept = fullOnes(await listed(data, env));
		assert.equal(kept.length, Number(said[1]), 'as many kept as it said');
		assert.ok(kept.length >= 10 && kept.length < 50, `${kept.length} kept`);
	});
}

test('a 429 with Retry-After holds every request to that host for as long; a longer ask leaves the stories for later', async () => {
	const other = await startFeedServer();
	try {
		const times: number[] = [];
		let refusedAt = 0;
		other.route('/feed', (_request, response) => {
			const items = range(0, 4).map(index => ({id: `r${index}`, title: `Synthetic retried ${index}`, link: other.url(`/page/${index}`), date: minutesAgo(index + 1)}));
			response.writeHead(200, {'content-type': 'application/rss+xml'}).end(rss2(items));
		});
		for (const index of range(0, 4)) {
			other.route(`/page/${index}`, (_request, response) => {
				times.push(Date.now());
				if (index === 0 && refusedAt === 0) {
					refusedAt = Date.now();
					response.writeHead(429, {'retry-after': '1'}).end();
					return;
				}

				response.writeHead(200, {'content-type': 'text/html'}).end(storyPage());
			});
		}

		const env = isolatedEnv();
		const data = dataWithFeeds([other.url('/feed')]);
		const ran = await runDevnews(['fetch', '--data', data], env);
		assert.match(ran.stdout, /^Completed 4 of 4 summary-only stories from their pages\.$/m, ran.stderr);
		assert.equal(times.length, 5, 'the refused page asked for again');
		// Two may come within the second: the one asked with it, under way already, and one
		// begun as that finished, before the 429 reached devnews. Without the hold, the other
		// two pages and the refused one asked again would come within it too.
		const early = times.filter(time => time > refusedAt && time - refusedAt < 950);
		assert.ok(early.length <= 2, `${early.length} asked within a second of the 429: ${early.map(time => time - refusedAt).join(', ')} ms after`);

		other.route('/feed', (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml'}).end(rss2(range(0, 4).map(index => ({id: `h${index}`, title: `Synthetic held ${index}`, link: other.url(`/held/${index}`), date: minutesAgo(index + 1)}))));
		});
		let heldAsked = 0;
		for (const index of range(0, 4)) {
			other.route(`/held/${index}`, (_request, response) => {
				heldAsked++;
				response.writeHead(503, {'retry-after': '3600'}).end();
			});
		}

		const started = Date.now();
		const held = await runDevnews(['fetch', '--data', dataWithFeeds([other.url('/feed')])], isolatedEnv());
		// Waited out (even cut to a minute), the fetch would take a minute at least.
		assert.ok(Date.now() - started < 45_000, `an hour is not waited for (${Date.now() - started} ms)`);
		assert.match(held.stdout, /^Completed 0 of 4 summary-only stories from their pages; 4 left for the next refresh, as their site asked for a pause \(Retry-After\) of over a minute\.$/m);
		assert.equal(heldAsked, 2, 'no page asked for once the site asked for an hour');
	} finally {
		await other.close();
	}
});

test("a page's sector replaces the one its listing gave; a newer item whose page is elsewhere takes no one's turn", async () => {
	const other = await startFeedServer();
	try {
		other.route('/feed', (_request, response) => {
			response
				.writeHead(200, {'content-type': 'application/rss+xml'})
				.end(
					rss2([
						{id: 's0', title: 'Synthetic story linked elsewhere', link: 'https://example.com/elsewhere', date: minutesAgo(1)},
						{id: 's1', title: 'Synthetic hospital story', categories: ['Politics'], link: other.url('/story'), date: minutesAgo(2)},
					]),
				);
		});
		other.route('/story', (_request, response) => {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(sitePage('Synthetic hospital story', 'Health'));
		});
		const env = isolatedEnv();
		const data = dataWithFeeds([other.url('/feed')]);
		await runDevnews(['fetch', '--complete', '0', '--data', data], env);
		const hospital = async () => (await listed(data, env)).filter(row => row.title === 'Synthetic hospital story').map(row => [row.kind, row.sectors]);
		assert.deepEqual(await hospital(), [['summary', ['politics']]], 'the listing says politics');
		await runDevnews(['fetch', '--complete', '1', '--data', data], env);
		assert.deepEqual(await hospital(), [['full', ['health']]], 'the page says health');
	} finally {
		await other.close();
	}
});
