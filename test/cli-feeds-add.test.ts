// devnews feeds add: what it says of a feed it already has, and a page's
// feeds added only once each answers as a feed; pages and feeds served on
// 127.0.0.1.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {rss2, serveXml, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {closedPort, isolatedEnv, runDevnews} from './helpers.js';
import {startProxy} from './proxy-server.js';

let server: FeedServer;

const page = (links: string[]) =>
	serveXml(`<!doctype html><html><head>${links.map(href => `<link rel="alternate" type="application/rss+xml" href="${href}">`).join('')}</head><body><p>Synthetic page</p></body></html>`, {contentType: 'text/html'});

before(async () => {
	server = await startFeedServer();
	server.route('/feed', serveXml(rss2([{id: 'f1', title: 'Synthetic feed item'}])));
	server.route('/second-feed', serveXml(rss2([{id: 's1', title: 'Synthetic second feed item'}])));
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
	server.route('/broken-feed', serveXml('<rss><channel><item>'));
});

after(async () => server.close());

test('a feed already listed: "Already listed", or "Updated" with what its flags changed', async () => {
	const env = isolatedEnv();
	const url = server.url('/feed');
	const add = async (...flags: string[]) => runDevnews(['feeds', 'add', url, ...flags], env);
	assert.equal((await add('--sector', 'politics')).stdout, `Added ${url}\n`);
	const again = await add();
	assert.equal(again.code, 0, again.stderr);
	assert.equal(again.stdout, `Already listed: ${url}\n`);
	assert.equal((await add('--sector', 'Politics')).stdout, `Already listed: ${url}\n`, 'the sector it has, by its name');
	assert.equal((await add('--sector', 'health', '--edition', 'South Asia')).stdout, `Updated ${url}: its sector set to Health, its edition set to South Asia\n`);
	assert.equal((await add('--edition', 'mena')).stdout, `Updated ${url}: its edition set to Middle East and North Africa\n`);
	const variant = await runDevnews(['feeds', 'add', url.replace('http://', 'HTTP://') + '/'], env);
	assert.equal(variant.stdout, `Already listed: ${url}\n`, 'another way of writing the same address');
});

test("a page's feeds are added only when each answers as a feed; one line for each that does not", async () => {
	const env = isolatedEnv();
	const refused = `http://127.0.0.1:${await closedPort()}/feed.xml`;
	server.route('/page', page([server.url('/feed'), server.url('/missing'), server.url('/story'), server.url('/broken-feed'), refused, server.url('/second-feed')]));
	const added = await runDevnews(['feeds', 'add', server.url('/page'), '--edition', 'global'], env);
	assert.equal(added.code, 0, added.stderr);
	assert.equal(added.stdout, `Added ${server.url('/feed')}\nAdded ${server.url('/second-feed')}\n`);
	const lines = added.stderr.split('\n').filter(Boolean);
	assert.equal(lines.length, 4, added.stderr);
	const pattern = (url: string) => url.replaceAll('.', '\\.');
	assert.match(lines[0]!, new RegExp(`^devnews: not added: ${pattern(server.url('/missing'))}, which ${pattern(server.url('/page'))} links to: HTTP 404 Not Found$`));
	assert.match(lines[1]!, /\/story, which .* links to: a web page, not a feed$/);
	assert.match(lines[2]!, /\/broken-feed, which .* links to: malformed XML/);
	assert.match(lines[3]!, /\/feed\.xml, which .* links to: ECONNREFUSED$/);
	const listed = JSON.parse((await runDevnews(['feeds', '--json'], env)).stdout) as Array<{url: string}>;
	const local = listed.map(feed => feed.url).filter(url => url.startsWith('http://127.0.0.1'));
	assert.deepEqual(local, [server.url('/feed'), server.url('/second-feed')]);
});

test('a page none of whose feeds answers adds nothing, and says why', async () => {
	const env = isolatedEnv();
	server.route('/dead-page', page([server.url('/missing')]));
	const before = (await runDevnews(['feeds', '--json'], env)).stdout;
	const added = await runDevnews(['feeds', 'add', server.url('/dead-page')], env);
	assert.equal(added.code, 1);
	assert.equal(added.stdout, '');
	assert.match(added.stderr, /not added: .*\/missing, which .* links to: HTTP 404 Not Found\n/);
	assert.match(added.stderr, /none of the feeds .*\/dead-page links to answers as a feed; nothing added\.\n$/);
	assert.equal((await runDevnews(['feeds', '--json'], env)).stdout, before, 'the list as it was');
});

test("a public page's feed links to this machine or a metadata address are not added, in any spelling; one line names each", async () => {
	const env = isolatedEnv();
	const port = new URL(server.url('/')).port;
	// The page is on a public name, which only the proxy resolves (to the server here); its feed on the site's host is added.
	const proxy = await startProxy({'news.example': '127.0.0.1', 'www.devdiscourse.com': '127.0.0.1'});
	const inward = [`http://2130706433:${port}/feed`, `http://[::ffff:127.0.0.1]:${port}/feed`, `http://0x7f.1:${port}/second-feed`, 'http://169.254.169.254/latest/meta-data/', `http://localhost:${port}/feed`];
	server.route('/public-page', page([...inward, `http://www.devdiscourse.com:${port}/feed`]));
	try {
		const added = await runDevnews(['feeds', 'add', `http://news.example:${port}/public-page`], {...env, HTTP_PROXY: proxy.url});
		assert.equal(added.code, 0, added.stderr);
		assert.equal(added.stdout, `Added http://www.devdiscourse.com:${port}/feed\n`);
		const lines = added.stderr.split('\n').filter(Boolean);
		const named = [`127.0.0.1:${port}/feed`, `[::ffff:7f00:1]:${port}/feed`, `127.0.0.1:${port}/second-feed`, '169.254.169.254/latest/meta-data/', `localhost:${port}/feed`];
		const refusals = [
			'127.0.0.1 is not a public address',
			'::ffff:7f00:1 is not a public address',
			'127.0.0.1 is not a public address',
			'169.254.169.254 is not a public address',
			'localhost names this machine or its local network, not a public host',
		];
		assert.deepEqual(
			lines,
			named.map((url, index) => `devnews: not added: http://${url}, which http://news.example:${port}/public-page links to: refused: ${refusals[index]!}; to add it all the same, give its address yourself`),
		);
		assert.deepEqual(proxy.targets, [`news.example:${port}`, `www.devdiscourse.com:${port}`], 'nothing asked of the inward addresses');
		const typed = await runDevnews(['feeds', 'add', `http://0x7f.1:${port}/second-feed`], env);
		assert.equal(typed.stdout, `Added ${server.url('/second-feed')}\n`, 'typed by the user, it is added');
	} finally {
		await proxy.close();
	}
});
