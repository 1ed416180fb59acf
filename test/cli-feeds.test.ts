// devnews feeds, fetch, search and read of a fetched item, as spawned
// processes against a feed server on 127.0.0.1 (never the default feeds).
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {rss2, serveXml, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {CLI, copyOfShippedData, isolatedEnv, tempDir} from './helpers.js';

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
	server.route(
		'/feed',
		serveXml(
			rss2([
				{id: 'c1', title: 'Synthetic council approves bridge repairs', summary: 'Only a summary in the feed.', link: server.url('/story')},
				{id: 'c2', title: 'Synthetic harbour opens a ferry line', summary: 'Ferries will sail hourly.', link: server.url('/no-such-story')},
			]),
			{etag: '"e1"'},
		),
	);
	server.route('/broken', serveXml('<rss><channel><item>'));
});

after(async () => server.close());

/** Runs devnews without blocking this process, so the feed server can answer it. */
function devnews(args: string[], env: NodeJS.ProcessEnv) {
	return new Promise<{code: number | null; stdout: string; stderr: string}>(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

/** A data folder whose default feeds are the test server's. */
function dataWithFeeds(feeds: unknown[]): string {
	const data = copyOfShippedData();
	fs.writeFileSync(path.join(data, 'feeds.json'), JSON.stringify(feeds));
	return data;
}

test('feeds lists the shipped defaults; add, remove and their messages', async () => {
	const env = isolatedEnv();
	const listed = await devnews(['feeds'], env);
	assert.match(listed.stdout, /https:\/\/www\.devdiscourse\.com\/rss\n {2}Devdiscourse · sector from links · global · never fetched/);
	const url = server.url('/feed');
	assert.match((await devnews(['feeds', 'add', url, '--sector', 'Politics', '--edition', 'india'], env)).stdout, /Added http/);
	const json = JSON.parse((await devnews(['feeds', '--json'], env)).stdout) as Array<{url: string; sector?: string; edition?: string}>;
	assert.deepEqual(json.find(feed => feed.url === url), {url, sector: 'politics', edition: 'india'});
	assert.ok(json.some(feed => feed.url === 'https://www.devdiscourse.com/rss'), 'the defaults stay, now in the config');
	assert.match((await devnews(['feeds', 'remove', url], env)).stdout, /Removed/);
	const again = await devnews(['feeds', 'remove', url], env);
	assert.equal(again.code, 1);
	assert.match(again.stderr, /is not in the feed list/);
	const bad = await devnews(['feeds', 'add', 'javascript:alert(1)'], env);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /needs an http\(s\) feed URL/);
	assert.match((await devnews(['feeds', 'add', url, '--sector', 'from-link'], env)).stdout, /Added/);
});

test('feeds export writes OPML that feeds import reads back', async () => {
	const first = isolatedEnv();
	await devnews(['feeds', 'add', server.url('/feed'), '--sector', 'politics', '--edition', 'india'], first);
	const opml = (await devnews(['feeds', 'export'], first)).stdout;
	assert.match(opml, /<opml version="2\.0">/);
	assert.match(opml, /category="\/sector\/politics,\/edition\/india"/);
	const file = path.join(tempDir('devnews-opml'), 'feeds.opml');
	fs.writeFileSync(file, opml);
	const second = isolatedEnv();
	await devnews(['feeds', 'remove', 'https://www.devdiscourse.com/rss'], second);
	assert.match((await devnews(['feeds', 'import', file], second)).stdout, /Imported 6 feeds from .*feeds\.opml \(2 new\)/);
	const a = JSON.parse((await devnews(['feeds', '--json'], first)).stdout) as Array<{url: string}>;
	const b = JSON.parse((await devnews(['feeds', '--json'], second)).stdout) as Array<{url: string}>;
	assert.deepEqual(b.map(feed => feed.url).sort(), a.map(feed => feed.url).sort());
	const broken = path.join(tempDir('devnews-opml'), 'broken.opml');
	fs.writeFileSync(broken, '<html/>');
	const failed = await devnews(['feeds', 'import', broken], second);
	assert.equal(failed.code, 1);
	assert.match(failed.stderr, /broken\.opml: not an OPML document/);
});

test('fetch fills the library, one line per feed; failures name the URL; the second fetch is conditional', async () => {
	const env = isolatedEnv();
	const data = dataWithFeeds([{url: server.url('/feed'), sector: 'politics', edition: 'global'}, {url: server.url('/broken')}]);
	const first = await devnews(['fetch', '--data', data, '--timeout', '2'], env);
	assert.equal(first.code, 1, 'a feed failed');
	assert.match(first.stdout, /^ok {6}http:\/\/127\.0\.0\.1:\d+\/feed: 2 items, 2 new$/m);
	assert.match(first.stderr, /^devnews: failed {2}http:\/\/127\.0\.0\.1:\d+\/broken: malformed XML/m);
	assert.match(first.stdout, /2 feeds: 2 new articles, 1 failed\./);
	const second = await devnews(['fetch', '--data', data], env);
	assert.match(second.stdout, /\/feed: not modified/);
	const listed = JSON.parse((await devnews(['list', '--data', data, '--json', '--sector', 'politics'], env)).stdout) as Array<{title: string}>;
	assert.equal(listed.filter(row => row.title.startsWith('Synthetic')).length, 2, 'nothing added twice');
	assert.match((await devnews(['feeds', '--data', data], env)).stdout, /\/feed\n.*last fetched 20\d\d-/);
	assert.match((await devnews(['fetch', '--data', data, '--concurrency', '0'], env)).stderr, /--concurrency takes a number above 0/);
});

test('search finds a word anywhere in a story; special characters are plain text', async () => {
	const env = isolatedEnv();
	const found = await devnews(['search', 'preliminary', 'agreement'], env);
	assert.equal(found.code, 0);
	assert.match(found.stdout, /^Leaked Call Sparks Controversy/);
	const json = JSON.parse((await devnews(['search', 'Witkoff', '--json'], env)).stdout) as Array<{id: string}>;
	assert.deepEqual(json.map(row => row.id), ['3710216']);
	for (const query of ['"', 'NEAR(', '*', "'; DROP TABLE articles; --"]) {
		const result = await devnews(['search', query], env);
		assert.equal(result.code, 0, query);
		assert.equal(result.stderr, '', query);
	}

	assert.match((await devnews(['search'], env)).stderr, /needs words to look for/);
});

test('read of a summary-only item fetches its story, and shows it again with the server gone', async () => {
	const env = isolatedEnv();
	const data = dataWithFeeds([{url: server.url('/feed'), sector: 'politics', edition: 'global'}]);
	await devnews(['fetch', '--data', data], env);
	const id = (JSON.parse((await devnews(['search', 'bridge', '--json', '--data', data], env)).stdout) as Array<{id: string}>)[0]!.id;
	const online = await devnews(['read', id, '--data', data], env);
	assert.match(online.stdout, /The city council voted on Monday/);
	assert.match(online.stdout, /Full text extracted from http:\/\/127\.0\.0\.1:\d+\/story/);
	const ferry = (JSON.parse((await devnews(['search', 'ferry', '--json', '--data', data], env)).stdout) as Array<{id: string}>)[0]!.id;
	server.route('/story', (_request, response) => {
		response.destroy();
	});
	const offline = await devnews(['read', id, '--data', data], env);
	assert.equal(offline.code, 0);
	assert.match(offline.stdout, /The city council voted on Monday/, 'kept in the library');
	const summaryOnly = await devnews(['read', ferry, '--data', data], env);
	assert.match(summaryOnly.stdout, /Ferries will sail hourly\./);
	assert.match(summaryOnly.stdout, /Summary only — the full text was not fetched yet/);
	assert.match(summaryOnly.stderr, /full text not fetched yet/);
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
});
