// Pages on a network where this machine resolves no outside names and only
// the proxy does: opening a story goes through the proxy without a local
// lookup of the site's hosts; another name this machine cannot resolve is
// left to the proxy; a name it resolves to an address that is not public is
// still refused. The proxy is on 127.0.0.1 and resolves the names itself
// (to the test server there); the resolver here fails every lookup.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, afterEach, before, test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {fetchFullStory} from '../source/feeds/full-story.js';
import {DEFAULT_LIMITS} from '../source/feeds/limits.js';
import type {Resolve} from '../source/feeds/public-address.js';
import {rss2, serveXml, startFeedServer, storyPage, summaryItem, type FeedServer} from './feed-server.js';
import {copyOfShippedData, isolatedEnv, ROOT, runDevnews} from './helpers.js';
import {startProxy, type Proxy} from './proxy-server.js';

let site: FeedServer;
let proxy: Proxy;
let port: string;
const limits = {...DEFAULT_LIMITS, timeoutMs: 3000};
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(PROXY_VARIABLES.map(name => [name, process.env[name]]));

before(async () => {
	site = await startFeedServer();
	port = new URL(site.url('/')).port;
	site.route('/article/politics/3710999-synthetic-bridge', serveXml(storyPage(), {contentType: 'text/html'}));
	site.route(
		'/rss',
		serveXml(rss2([{id: 'p1', title: 'Synthetic bridge story behind a proxy', summary: 'Only a summary in the feed.', link: `http://www.devdiscourse.com:${port}/article/politics/3710999-synthetic-bridge`}])),
	);
	proxy = await startProxy({'www.devdiscourse.com': '127.0.0.1', 'news.example': '127.0.0.1'});
	for (const name of PROXY_VARIABLES) delete process.env[name];
	process.env.HTTP_PROXY = proxy.url;
});

afterEach(() => {
	proxy.targets.length = 0;
});

after(async () => {
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}

	await proxy.close();
	await site.close();
});

/** A resolver that fails every lookup, as on a network whose DNS answers no outside name, and remembers what it was asked. */
function failingResolver(): Resolve & {asked: string[]} {
	const asked: string[] = [];
	const resolve = async (hostname: string) => {
		asked.push(hostname);
		throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'});
	};

	return Object.assign(resolve, {asked});
}


test("a story on the site's host opens through the proxy with every local lookup failing, and none is made", async () => {
	const resolve = failingResolver();
	const page = `http://www.devdiscourse.com:${port}/article/politics/3710999-synthetic-bridge`;
	const full = await fetchFullStory(summaryItem(page, 'https://www.devdiscourse.com/RSS/GoogleNews'), limits, resolve);
	assert.equal(full.kind, 'full');
	assert.match(full.body.join('\n'), /The city council voted on Monday/);
	assert.deepEqual(proxy.targets, [`www.devdiscourse.com:${port}`], 'fetched through the proxy');
	assert.deepEqual(resolve.asked, [], 'the site is public: no lookup here');
});

test('another host only the proxy can resolve is left to the proxy', async () => {
	const resolve = failingResolver();
	const full = await fetchFullStory(summaryItem(`http://news.example:${port}/article/politics/3710999-synthetic-bridge`, `http://news.example:${port}/rss`), limits, resolve);
	assert.equal(full.kind, 'full');
	assert.deepEqual(proxy.targets, [`news.example:${port}`]);
	assert.deepEqual(resolve.asked, ['news.example'], 'asked once, ahead of the proxy');
});

test('a lookup that gets no answer (a resolver that never replies) holds the story up for a moment only', {timeout: 10_000}, async () => {
	const silent: Resolve = async () => new Promise(() => undefined);
	const started = performance.now();
	const full = await fetchFullStory(summaryItem(`http://news.example:${port}/article/politics/3710999-synthetic-bridge`, `http://news.example:${port}/rss`), limits, silent);
	assert.equal(full.kind, 'full');
	assert.ok(performance.now() - started < limits.timeoutMs, 'within the fetch\'s own time');
	assert.deepEqual(proxy.targets, [`news.example:${port}`]);
});

test('through the proxy, a name this machine resolves to an address that is not public is refused, and the proxy is not asked', async () => {
	const resolve: Resolve = async () => [
		{address: '93.184.216.34', family: 4},
		{address: '::ffff:a9fe:a9fe', family: 6},
	];
	await assert.rejects(
		fetchFullStory(summaryItem(`http://news.example:${port}/article/politics/3710999-synthetic-bridge`, `http://news.example:${port}/rss`), limits, resolve),
		/^Error: refused: news\.example is at ::ffff:a9fe:a9fe, not a public address$/,
	);
	assert.deepEqual(proxy.targets, []);
});

test('devnews read of a summary-only item from the site opens its story through HTTP_PROXY, every lookup of this machine failing', async () => {
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify([{url: `http://www.devdiscourse.com:${port}/rss`}]));
	const noDns = pathToFileURL(path.join(ROOT, 'test', 'no-dns.mjs')).href;
	const env = {...isolatedEnv(), HTTP_PROXY: proxy.url, NODE_OPTIONS: `--import=${noDns}`};
	// --complete 0: the story is left for devnews read to fetch.
	const fetched = await runDevnews(['fetch', '--complete', '0', '--data', data], env);
	assert.equal(fetched.code, 0, fetched.stderr);
	assert.equal(fetched.stderr, '', 'a feed through the proxy makes no lookup either');
	const [found] = JSON.parse((await runDevnews(['search', 'proxy', '--json', '--data', data], env)).stdout) as Array<{id: string}>;
	const read = await runDevnews(['read', found!.id, '--data', data], env);
	assert.equal(read.code, 0, read.stderr);
	assert.equal(read.stderr, '', 'no lookup, and no failure');
	assert.match(read.stdout, /The city council voted on Monday/);
	assert.deepEqual(proxy.targets, [`www.devdiscourse.com:${port}`, `www.devdiscourse.com:${port}`], 'the feed, then the page');
});
