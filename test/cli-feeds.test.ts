// devnews feeds, fetch, search and read of a fetched item, as spawned
// processes against a feed server on 127.0.0.1 (never the default feeds).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, serveXml, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {startProxy} from './proxy-server.js';
import {closedPort, copyOfShippedData, isolatedEnv, ROOT, runDevnews, tempDir} from './helpers.js';

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

const devnews = runDevnews;

/** A data folder whose default feeds are the test server's. */
function dataWithFeeds(feeds: unknown[]): string {
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify(feeds));
	return data;
}

test('feeds lists the shipped defaults; add, remove and their messages', async () => {
	const env = isolatedEnv();
	const listed = await devnews(['feeds'], env);
	assert.match(listed.stdout, /^https:\/\/www\.devdiscourse\.com\/RSS\/GoogleNews\n {2}Devdiscourse: the last two days \(Google News sitemap\) · /m);
	assert.match(listed.stdout, /^https:\/\/www\.devdiscourse\.com\/api\/Search\/GetSectorNews\/19\/Global%20Edition\/1\n {2}Devdiscourse Politics, Global Edition · /m);
	const url = server.url('/feed');
	assert.match((await devnews(['feeds', 'add', url, '--sector', 'Politics', '--edition', 'South Asia'], env)).stdout, /Added http/);
	const json = JSON.parse((await devnews(['feeds', '--json'], env)).stdout) as Array<{url: string; sector?: string; edition?: string}>;
	assert.deepEqual(json.find(feed => feed.url === url), {url, sector: 'politics', edition: 'south-asia'});
	assert.ok(json.some(feed => feed.url === 'https://www.devdiscourse.com/RSS/GoogleNews'), 'the defaults stay, now in the config');
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
	await devnews(['feeds', 'add', server.url('/feed'), '--sector', 'politics', '--edition', 'South Asia'], first);
	const opml = (await devnews(['feeds', 'export'], first)).stdout;
	assert.match(opml, /<opml version="2\.0">/);
	assert.match(opml, /category="\/sector\/politics,\/edition\/south-asia"/);
	const file = path.join(tempDir('devnews-opml'), 'feeds.opml');
	fs.writeFileSync(file, opml);
	const second = isolatedEnv();
	await devnews(['feeds', 'remove', 'https://www.devdiscourse.com/RSS/GoogleNews'], second);
	assert.match((await devnews(['feeds', 'import', file], second)).stdout, /Imported 18 feeds from .*feeds\.opml \(2 new\)/);
	const a = JSON.parse((await devnews(['feeds', '--json'], first)).stdout) as Array<{url: string}>;
	const b = JSON.parse((await devnews(['feeds', '--json'], second)).stdout) as Array<{url: string}>;
	assert.deepEqual(b.map(feed => feed.url).sort(), a.map(feed => feed.url).sort());
	const broken = path.join(tempDir('devnews-opml'), 'broken.opml');
	fs.writeFileSync(broken, '<html/>');
	const failed = await devnews(['feeds', 'import', broken], second);
	assert.equal(failed.code, 1);
	assert.match(failed.stderr, /broken\.opml: not an OPML document/);
	// A file that is not there, or a folder, is said in words.
	const missing = await devnews(['feeds', 'import', path.join(path.dirname(broken), 'missing.opml')], second);
	assert.equal(missing.code, 1);
	assert.match(missing.stderr, /^devnews: Cannot read .*missing\.opml: no such file \(ENOENT\)\.$/m);
	assert.match((await devnews(['feeds', 'import', path.dirname(broken)], second)).stderr, /: a folder, not a file \(EISDIR\)\.$/m);
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
	assert.match((await devnews(['feeds', '--data', data], env)).stdout, /\/feed\n.*last fetched \d\d-\d\d-\d{4} \d\d:\d\d IST/);
	assert.match((await devnews(['fetch', '--data', data, '--concurrency', '0'], env)).stderr, /--concurrency takes a whole number of feeds at once, from 1 to 64, not 0\./);
});

test('search finds a word anywhere in a story; special characters are plain text', async () => {
	const env = isolatedEnv();
	const found = await devnews(['search', 'preliminary', 'agreement'], env);
	assert.equal(found.code, 0);
	assert.match(found.stdout, /^Leaked Call Sparks Controversy/);
	const json = JSON.parse((await devnews(['search', 'Witkoff', '--json'], env)).stdout) as Array<{id: string}>;
	assert.deepEqual(json.map(row => row.id), ['3710216']);
	for (const query of ['"', 'NEAR(', '*', "'; DROP TABLE articles; --"]) {
		const result = await devnews(['search', query], env); // eslint-disable-line no-await-in-loop -- one devnews at a time, as a user types them
		assert.equal(result.code, 0, query);
		assert.equal(result.stderr, '', query);
	}

	assert.match((await devnews(['search'], env)).stderr, /needs words to look for/);
});

test('read of a summary-only item fetches its story, and shows it again with the server gone', async () => {
	const env = isolatedEnv();
	const data = dataWithFeeds([{url: server.url('/feed'), sector: 'politics', edition: 'global'}]);
	// Left summary-only by the fetch, for read to complete.
	await devnews(['fetch', '--complete', '0', '--data', data], env);
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
	assert.match(summaryOnly.stdout, /Summary only — fetching the story from its page failed: /, 'the reader says what failed');
	assert.match(summaryOnly.stderr, /fetching the story from its page failed/);
	assert.match(summaryOnly.stdout, /(\| |^)From: Synthetic RSS 2\.0 feed$/m, 'and which feed the story came from, by its own title as the browser\'s reader names it');
	const listed = await devnews(['search', 'ferry', '--data', data], env);
	assert.match(listed.stdout, / · summary only · id /, 'a summary is called what it is, not a headline');
	assert.equal((JSON.parse((await devnews(['search', 'ferry', '--json', '--data', data], env)).stdout) as Array<{kind: string}>)[0]!.kind, 'summary');
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
});

test('feeds check says, a line a source, what answers and with what, and what to do about the rest', async () => {
	const env = isolatedEnv();
	server.route('/sitemap', serveXml(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'devdiscourse', 'google-news-sitemap.xml'), 'utf8').replaceAll('HOST', server.url('')), {contentType: 'application/xml; charset=utf-8'}));
	server.route('/page', serveXml(`<html><head><link rel="alternate" type="application/rss+xml" href="${server.url('/feed')}"></head><body></body></html>`, {contentType: 'text/html'}));
	const refused = `http://127.0.0.1:${await closedPort()}/refused.xml`;
	// A feed with no items answers all the same: the summary says it answered, not that it gave items.
	server.route('/empty', serveXml(rss2([])));
	const data = dataWithFeeds([{url: server.url('/feed')}, {url: server.url('/sitemap')}, {url: server.url('/page')}, {url: server.url('/missing')}, {url: refused}, {url: server.url('/empty')}]);
	const checked = await devnews(['feeds', 'check', '--data', data], env);
	assert.equal(checked.code, 1);
	assert.match(checked.stdout, /^ok {6}http:\/\/127\.0\.0\.1:\d+\/feed: RSS 2\.0, 2 items$/m);
	assert.match(checked.stdout, /^ok {6}http:\/\/127\.0\.0\.1:\d+\/sitemap: news sitemap, 3 items$/m);
	assert.match(checked.stderr, /^devnews: failed {2}http:\/\/127\.0\.0\.1:\d+\/page: a web page, not a feed — it links to http:\/\/127\.0\.0\.1:\d+\/feed; devnews feeds add/m);
	assert.match(checked.stderr, /^devnews: failed {2}http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404 Not Found — the address does not exist \(any more\): devnews feeds remove it$/m);
	assert.match(checked.stderr, new RegExp(`^devnews: failed {2}${refused.replaceAll('.', '\\.')}: ECONNREFUSED — nothing answers there`, 'm'));
	assert.match(checked.stdout, /^ok {6}http:\/\/127\.0\.0\.1:\d+\/empty: RSS 2\.0, 0 items$/m);
	assert.match(checked.stdout, /^3 of 6 sources answered\.$/m);
	assert.doesNotMatch(checked.stderr, /\n\s+at /);
});

test('feeds check tells a server in trouble, a slow source and a big one apart, each with what to do', async () => {
	server.route('/trouble', (_request, response) => {
		response.writeHead(503, 'Service Unavailable').end();
	});
	server.route('/slow-check', (_request, response) => {
		setTimeout(() => serveXml(rss2([{id: 's', title: 'Synthetic slow item'}]))(_request, response), 1500);
	});
	const data = dataWithFeeds([{url: server.url('/trouble')}, {url: server.url('/slow-check')}]);
	const checked = await devnews(['feeds', 'check', '--data', data, '--timeout', '1'], isolatedEnv());
	assert.equal(checked.code, 1);
	assert.match(checked.stderr, /\/trouble: HTTP 503 Service Unavailable — the site had a problem: try again later$/m);
	assert.match(checked.stderr, /\/slow-check: no complete answer within 1 s — too slow: try again, or give more time with --timeout$/m);
	const big = await devnews(['feeds', 'check', '--data', dataWithFeeds([{url: server.url('/feed')}]), '--max-bytes', '100'], isolatedEnv());
	assert.match(big.stderr, /\/feed: response is .*100-byte limit — too big: raise --max-bytes if you trust it$/m);
});

test('every request goes through the proxy HTTP_PROXY names, and none where NO_PROXY covers the host', async () => {
	const proxy = await startProxy();
	try {
		const data = dataWithFeeds([{url: server.url('/feed')}]);
		// The feed's request alone: no stories completed from their pages after it.
		const proxied = await devnews(['fetch', '--complete', '0', '--data', data], {...isolatedEnv(), HTTP_PROXY: proxy.url});
		assert.equal(proxied.code, 0, proxied.stderr);
		assert.match(proxied.stdout, /2 new articles/);
		const feedHost = new URL(server.url('/feed')).host;
		assert.deepEqual(proxy.targets, [feedHost], 'the feed was fetched through the proxy');
		const direct = await devnews(['fetch', '--complete', '0', '--data', data], {...isolatedEnv(), HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1'});
		assert.equal(direct.code, 0, direct.stderr);
		assert.match(direct.stdout, /2 new articles/);
		assert.deepEqual(proxy.targets, [feedHost], 'NO_PROXY: straight to the host, not through the proxy');
	} finally {
		await proxy.close();
	}
});

test('feeds check with no network: the shipped sources each get one line, and it exits 1 without a stack trace', async () => {
	// Every request sent to a proxy that is not there: no answer from anywhere, and nothing leaves this machine.
	const nowhere = `http://127.0.0.1:${await closedPort()}`;
	const env = {...isolatedEnv(), HTTPS_PROXY: nowhere, HTTP_PROXY: nowhere};
	const checked = await devnews(['feeds', 'check', '--timeout', '5'], env);
	assert.equal(checked.code, 1);
	const lines = checked.stderr.split('\n').filter(line => line.startsWith('devnews: failed'));
	assert.equal(lines.length, 17, checked.stderr);
	assert.ok(lines.some(line => /GetSectorNews\/10\/Global%20Edition\/1 \(Agro-Forestry · Global Edition\): /.test(line)), 'a listing says which sector and edition it gives');
	assert.doesNotMatch(checked.stderr, /\n\s+at /);
	assert.match(checked.stdout, /0 of 17 sources answered\./);
});

test("feeds add: a page's feed links are found and added; with only --sector, the site's own listing of it", async () => {
	const env = isolatedEnv();
	const html = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'devdiscourse', 'home-with-feed-links.html'), 'utf8').replaceAll('HOST', server.url(''));
	server.route('/home', serveXml(html, {contentType: 'text/html; charset=utf-8'}));
	server.route('/rss/website', serveXml(rss2([{id: 'w1', title: 'Synthetic website feed item'}])));
	const added = await devnews(['feeds', 'add', server.url('/home'), '--edition', 'South Asia'], env);
	assert.equal(added.code, 0, added.stderr);
	assert.match(added.stdout, new RegExp(`^Added ${server.url('/rss/website').replaceAll('.', '\\.')} \\(Devdiscourse News\\)$`, 'm'));
	const listing = await devnews(['feeds', 'add', '--sector', 'health', '--edition', 'South Asia'], env);
	assert.equal(listing.code, 0, listing.stderr);
	assert.match(listing.stdout, /^Added https:\/\/www\.devdiscourse\.com\/api\/Search\/GetSectorNews\/2\/South%20Asia\/1 \(Devdiscourse Health, South Asia\)$/m);
	const listed = (await devnews(['feeds'], env)).stdout;
	assert.match(listed, /\/rss\/website\n {2}Devdiscourse News · sectors from each item · South Asia · never fetched/);
	assert.match(listed, /GetSectorNews\/2\/South%20Asia\/1\n {2}Devdiscourse Health, South Asia · Health · South Asia · never fetched/);
	const nothing = await devnews(['feeds', 'add', server.url('/story')], env);
	assert.equal(nothing.code, 1);
	assert.match(nothing.stderr, /is a web page that names no feed/);
});

test('feeds import of newsboat\'s urls file adds its feeds, with their ~titles and the sector a tag names, and says what it skipped', async () => {
	const env = isolatedEnv();
	const file = path.join(tempDir('devnews-urls'), 'urls');
	fs.writeFileSync(file, '# synthetic feeds\nhttp://127.0.0.1:9/synthetic-a politics "~Synthetic A"\nhttp://127.0.0.1:9/synthetic-b "no such sector"\n"query:Unread:unread = \\"yes\\""\n');
	const imported = await devnews(['feeds', 'import', file], env);
	assert.equal(imported.code, 0, imported.stderr);
	assert.match(imported.stdout, /^Imported 2 feeds from .*urls \(2 new\)\.$/m);
	assert.match(imported.stderr, /urls: line 3: tag "no such sector" names no sector or edition, not kept/);
	assert.match(imported.stderr, /urls: line 4: skipped, a newsboat query: source, which devnews cannot fetch/);
	const listed = (await devnews(['feeds'], env)).stdout;
	assert.match(listed, /synthetic-a\n {2}Synthetic A · Politics/);
	assert.match(listed, /synthetic-b\n {2}/);
});
