// Page fetches go only where the item's feed is, or to Devdiscourse: never to
// another host, and never to a loopback, link-local or private address unless
// the feed itself is on one. Addresses are checked as resolved, for every
// connection, so a name that answers differently the second time (DNS
// rebinding) and every redirect hop are covered. Servers here are on
// 127.0.0.1; names are resolved by a stand-in resolver the tests control.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {needsFullStory} from '../source/core/article.js';
import {readerLines} from '../source/core/layout.js';
import {fetchFullStory} from '../source/feeds/full-story.js';
import {fetchLimited} from '../source/feeds/http.js';
import {addressGuard} from '../source/feeds/page-guard.js';
import {isPublicAddress} from '../source/feeds/public-address.js';
import {DEFAULT_LIMITS} from '../source/feeds/limits.js';
import {serveXml, startFeedServer, storyPage, summaryItem, type FeedServer} from './feed-server.js';

let site: FeedServer;
let internal: FeedServer;
const limits = {...DEFAULT_LIMITS, timeoutMs: 2000};
const taxonomy = {sectors: [], editions: [], labels: {}};

before(async () => {
	site = await startFeedServer();
	internal = await startFeedServer();
	site.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
	site.route('/to-internal', (_request, response) => {
		response.writeHead(302, {location: internal.url('/admin')}).end();
	});
	site.route('/to-metadata', (_request, response) => {
		response.writeHead(302, {location: 'http://169.254.169.254/latest/meta-data/'}).end();
	});
	internal.route('/admin', serveXml(storyPage(), {contentType: 'text/html'}));
});

after(async () => {
	await site.close();
	await internal.close();
});


/** A resolver that answers from `answers`, each name's list used in turn (the last one kept). */
function resolver(answers: Record<string, string[][]>) {
	const asked = new Map<string, number>();
	return async (hostname: string) => {
		const turns = answers[hostname];
		if (!turns) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'});
		const turn = asked.get(hostname) ?? 0;
		asked.set(hostname, turn + 1);
		return turns[Math.min(turn, turns.length - 1)]!.map(address => ({address, family: address.includes(':') ? 6 : 4}));
	};
}

test('loopback, private, link-local and other special addresses are not public; ordinary ones are', () => {
	for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '::7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b::169.254.169.254', 'not an address']) {
		assert.equal(isPublicAddress(address), false, address);
	}

	for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34', '64:ff9b::5db8:d822']) assert.equal(isPublicAddress(address), true, address);
});

test('a page on the feed\'s own host (here 127.0.0.1, where the feed is) is fetched', async () => {
	const full = await fetchFullStory(summaryItem(site.url('/story'), site.url('/feed')), limits);
	assert.equal(full.kind, 'full');
});

test('a page on another host is refused with one line naming it, and nothing is asked of that host', async () => {
	const article = summaryItem(internal.url('/admin'), site.url('/feed'));
	assert.equal(needsFullStory(article), false, 'not promised either');
	await assert.rejects(fetchFullStory(article, limits), /^Error: refused: the page is on 127\.0\.0\.1:\d+, not on the feed's host 127\.0\.0\.1:\d+ or devdiscourse\.com$/);
	assert.equal(internal.requests.get('/admin'), undefined);
});

test('a redirect off the feed\'s host is refused at that hop', async () => {
	await assert.rejects(fetchFullStory(summaryItem(site.url('/to-internal'), site.url('/feed')), limits), /refused: the page is on 127\.0\.0\.1:\d+, not on the feed's host/);
	await assert.rejects(fetchFullStory(summaryItem(site.url('/to-metadata'), site.url('/feed')), limits), /refused: the page is on 169\.254\.169\.254, not on the feed's host/);
	assert.equal(internal.requests.get('/admin'), undefined);
});

test('a feed on a public name whose pages resolve to 127.0.0.1 (DNS rebinding) is refused; nothing is fetched', async () => {
	const port = new URL(site.url('/')).port;
	// The connection's lookup is asked first, then whether the feed's own name is local: it answers 127.0.0.1 to the one, a public address to the other.
	const rebinding = resolver({'news.example': [['127.0.0.1'], ['93.184.216.34']]});
	await assert.rejects(
		fetchFullStory(summaryItem(`http://news.example:${port}/story`, `http://news.example:${port}/feed`), limits, rebinding),
		/refused: news\.example is at 127\.0\.0\.1, not a public address/,
	);
	assert.equal(site.requests.get('/story')?.length, 1, 'only the first test fetched the story');
});

test('a name for a local feed may have its pages locally, and the connection goes to the address that was checked', async () => {
	const port = new URL(site.url('/')).port;
	const local = resolver({'feeds.internal.example': [['127.0.0.1']]});
	const full = await fetchFullStory(summaryItem(`http://feeds.internal.example:${port}/story`, `http://feeds.internal.example:${port}/feed`), limits, local);
	assert.equal(full.kind, 'full');
});

test('an item whose link is not a web link promises no full story', () => {
	for (const url of [undefined, 'javascript:alert(1)', 'file:///etc/passwd']) {
		const article = summaryItem(url, 'https://example.com/feed');
		assert.equal(needsFullStory(article), false, String(url));
		const text = readerLines(article, taxonomy, 300).map(line => line.text).join('\n');
		assert.doesNotMatch(text, /fetched when you open the story online/, String(url));
		assert.match(text, /Summary only/);
	}

	assert.equal(needsFullStory(summaryItem('https://example.com/a', 'https://example.com/feed')), true);
	assert.equal(needsFullStory(summaryItem('https://www.devdiscourse.com/article/health/1-x', 'https://example.com/feed')), true);
});

test('a feed a public page links to is refused on a name that resolves to this machine, and where a redirect takes it there', async () => {
	const port = new URL(site.url('/')).port;
	const names = resolver({'news.example': [['93.184.216.34']], 'feeds.example': [['127.0.0.1']]});
	const guard = addressGuard('https://news.example/page', names);
	await assert.rejects(fetchLimited(`http://feeds.example:${port}/story`, {}, limits, {guard}), /^Error: refused: feeds\.example is at 127\.0\.0\.1, not a public address$/);
	await assert.rejects(fetchLimited(site.url('/to-metadata'), {}, limits, {guard}), /^Error: refused: 127\.0\.0\.1 is not a public address$/, 'the first hop is refused already');
	const localPage = addressGuard(`http://127.0.0.1:${port}/page`, names);
	await assert.rejects(fetchLimited(site.url('/to-metadata'), {}, limits, {guard: localPage}), /^Error: refused: 169\.254\.169\.254 is not a public address$/, 'a local page may name feeds on its own host, not on others');
	assert.equal((await fetchLimited(site.url('/story'), {}, limits, {guard: localPage})).status, 'ok');
	const named = addressGuard(`http://localhost:${port}/page`, resolver({localhost: [['127.0.0.1']]}));
	assert.equal((await fetchLimited(`http://localhost:${port}/story`, {}, limits, {guard: named})).status, 'ok', 'a page on localhost may name a feed there');
	await assert.rejects(fetchLimited(`http://localhost:${port}/story`, {}, limits, {guard}), /^Error: refused: localhost names this machine or its local network, not a public host$/);
});
