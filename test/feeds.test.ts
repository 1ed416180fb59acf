// Feeds into the library, against a server on 127.0.0.1 that the tests
// start: three formats, conditional GET, gzip, charsets, and every failure.
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {fetchFullStory} from '../source/feeds/full-story.js';
import {fetchLimited} from '../source/feeds/http.js';
import {parseFeed} from '../source/feeds/parse-feed.js';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {refreshFeeds, type FeedResult} from '../source/feeds/refresh.js';
import {articleLink} from '../source/core/devdiscourse.js';
import {itemId} from '../source/feeds/to-article.js';
import {Library} from '../source/library/store.js';
import {atom, billionLaughs, rss1, rss2, serveXml, startFeedServer, storyPage, type FeedServer, type FixtureItem} from './feed-server.js';
import {LEAKED_CALL_ID, SHIPPED_DATA, tempDir} from './helpers.js';
import {articlePage, devNewsItem, googleNewsSitemap, secondSlug, siteJson, SITE_STORIES, type SiteStory} from './site-render.js';

let server: FeedServer;
const items = (prefix: string, count: number): FixtureItem[] =>
	Array.from({length: count}, (_, index) => ({id: `${prefix}-${index}`, title: `Synthetic ${prefix} item ${index}`, date: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString()}));

const fast = {...DEFAULT_REFRESH, timeoutMs: 800, maxBytes: 200_000};

before(async () => {
	server = await startFeedServer();
	server.route('/rss2', serveXml(rss2(items('rss2', 5)), {etag: '"v1"'}));
	server.route('/atom', serveXml(atom(items('atom', 3)), {lastModified: 'Fri, 02 Jan 2026 03:04:05 GMT', contentType: 'application/atom+xml'}));
	server.route('/rss1', serveXml(rss1(items('rss1', 2))));
	server.route('/gzip', serveXml(rss2(items('gzip', 4)), {gzip: true}));
	server.route(
		'/latin1',
		serveXml(Buffer.from(rss2([{id: 'l1', title: 'Café in São Paulo'}]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1'), {contentType: 'application/xml'}),
	);
	server.route('/latin1-header', serveXml(Buffer.from(rss2([{id: 'l2', title: 'Zürich façade'}]).replace('<?xml version="1.0" encoding="UTF-8"?>', ''), 'latin1'), {contentType: 'text/xml; charset=ISO-8859-1'}));
	server.route('/loop', (_request, response) => {
		response.writeHead(302, {location: '/loop'}).end();
	});
	server.route('/moved', (_request, response) => {
		response.writeHead(301, {location: '/rss1'}).end();
	});
	server.route('/hang', (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.write('<?xml version="1.0"?><rss><channel>');
	});
	server.route('/big', serveXml(rss2(Array.from({length: 2000}, (_, index) => ({id: `big-${index}`, title: `Big ${index}`, summary: 'x'.repeat(200)})))));
	server.route('/bomb', serveXml(billionLaughs()));
	server.route('/malformed', serveXml('<rss><channel><item><title>unclosed</item></channel></rss>'));
	server.route('/error', (_request, response) => {
		response.writeHead(500).end('oops');
	});
	server.route(
		'/hostile',
		serveXml(rss2([{id: 'h1', title: '<b>Bold</b> \u001B]0;pwned\u0007 &amp; <i>more</i>', summary: '<p>Para <script>alert(1)</script>one</p><p>two</p>'}])),
	);
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html; charset=utf-8'}));
	server.route('/with-page', serveXml(rss2([{id: 'p1', title: 'Fixture council approves bridge repairs', summary: 'Only a summary in the feed.', link: server.url('/story')}])));
});

after(async () => server.close());

function openLibrary(file = path.join(tempDir('devnews-cache'), 'library.sqlite')) {
	const {library} = Library.open(file);
	library.syncData(SHIPPED_DATA);
	return {library, file};
}

const byUrl = (results: FeedResult[], route: string) => results.find(result => result.url === server.url(route));

test('RSS 2.0, RSS 1.0 and Atom feeds land in the library, gzip and other charsets included', async () => {
	const {library} = openLibrary();
	const feeds = ['/rss2', '/rss1', '/atom', '/gzip', '/latin1', '/latin1-header', '/moved'].map(route => ({url: server.url(route), edition: 'global'}));
	const results = await refreshFeeds(feeds, library, fast);
	for (const result of results) assert.equal(result.status, 'updated', JSON.stringify(result));
	// /moved redirects to /rss1: its two items are its own (an item's identity is its feed's), so they count again.
	assert.equal(library.count({}).total, 9 + 5 + 2 + 3 + 4 + 1 + 1 + 2);
	assert.equal(library.count({query: 'Café São Paulo'}).total, 1, 'ISO-8859-1 from the XML declaration');
	assert.equal(library.count({query: 'Zürich façade'}).total, 1, 'ISO-8859-1 from the Content-Type header');
	const atomRow = library.page({query: 'atom item 2'}, 0, 1)[0];
	assert.equal(atomRow?.title, 'Synthetic atom item 2');
	assert.equal(library.article(atomRow!.id)?.byline, 'Synthetic Desk');
	// An Atom entry with <updated> alone says when it last changed, not when it was published.
	assert.equal(library.article(atomRow!.id)?.updatedAt, '2026-01-01T00:02:00.000Z');
	assert.equal(library.article(atomRow!.id)?.createdAt, undefined);
	assert.equal(atomRow?.updatedAt, '2026-01-01T00:02:00.000Z', 'the row sorts by it, and says which time it is');
	assert.ok(library.lastRefresh());
});

test('a refresh in which no feed answered is not the last refresh: the header keeps the time of the one before', async () => {
	const {library} = openLibrary();
	await refreshFeeds([{url: server.url('/rss2')}], library, fast);
	const before = library.lastRefresh();
	assert.ok(before);
	const closed = await startFeedServer();
	const gone = closed.url('/feed');
	await closed.close();
	const results = await refreshFeeds([{url: gone}, {url: server.url('/nowhere')}], library, fast);
	assert.deepEqual(results.map(({status}) => status), ['failed', 'failed']);
	assert.equal(library.lastRefresh(), before);
	// One feed answering is a refresh, though others failed.
	await new Promise(resolve => setTimeout(resolve, 5));
	await refreshFeeds([{url: gone}, {url: server.url('/rss2')}], library, fast);
	assert.ok(library.lastRefresh()! > before);
});

test('a second refresh sends conditional requests, costs no parsing on 304, and adds nothing twice', async () => {
	const {library} = openLibrary();
	const feeds = [{url: server.url('/rss2')}, {url: server.url('/atom')}, {url: server.url('/rss1')}];
	await refreshFeeds(feeds, library, fast);
	const before = library.count({}).total;
	const second = await refreshFeeds(feeds, library, fast);
	assert.equal(byUrl(second, '/rss2')?.status, 'not-modified');
	assert.equal(byUrl(second, '/atom')?.status, 'not-modified');
	assert.deepEqual(byUrl(second, '/rss1'), {url: server.url('/rss1'), status: 'updated', items: 2, added: 0}, 'no validators: fetched again, nothing new');
	assert.equal(library.count({}).total, before);
	assert.equal(server.requests.get('/rss2')?.at(-1)?.ifNoneMatch, '"v1"');
	assert.equal(server.requests.get('/atom')?.at(-1)?.ifModifiedSince, 'Fri, 02 Jan 2026 03:04:05 GMT');
	assert.ok(library.feedState(server.url('/rss2')).lastSuccess);
});

test("an item seen again updates its row; another feed's item with the same guid or a Devdiscourse-shaped link replaces nothing", async () => {
	const {library} = openLibrary();
	server.route('/same-a', serveXml(rss2([{id: 'shared', title: 'First title', link: 'https://example.com/shared'}])));
	server.route('/same-b', serveXml(rss2([{id: 'shared', title: 'Second title', link: 'https://example.com/shared'}])));
	await refreshFeeds([{url: server.url('/same-a')}], library, fast);
	server.route('/same-a', serveXml(rss2([{id: 'shared', title: 'First title, corrected', link: 'https://example.com/shared'}])));
	await refreshFeeds([{url: server.url('/same-a')}], library, fast);
	assert.equal(library.count({query: 'corrected'}).total, 1, 'seen again in its own feed: updated');
	await refreshFeeds([{url: server.url('/same-b')}], library, fast);
	assert.deepEqual(library.page({query: 'title'}, 0, 5).map(row => row.title).sort(), ['First title, corrected', 'Second title'], 'two feeds, two articles');
	server.route('/mimic', serveXml(rss2([{id: 'x', title: 'Synthetic impostor', summary: 'Not the leaked call.', link: server.url('/article/politics/3710216-leaked-call')}])));
	await refreshFeeds([{url: server.url('/mimic')}], library, fast);
	const story = library.article(LEAKED_CALL_ID);
	assert.equal(story?.title, 'Leaked Call Sparks Controversy Over US-Russia Ukraine Peace Talks', "the shipped story keeps its title");
	assert.equal(story?.body.length, 3);
	assert.equal(library.count({query: 'impostor'}).total, 1, 'the item is listed as its own article');
});

test('hung, oversized, bombing, malformed, looping and failing feeds each end within their limits with one reason; the others land', async () => {
	const {library} = openLibrary();
	const routes = ['/hang', '/big', '/bomb', '/malformed', '/loop', '/error', '/rss2', '/atom'];
	const started = Date.now();
	const results = await refreshFeeds(routes.map(route => ({url: server.url(route)})), library, {...fast, concurrency: 8});
	const elapsed = Date.now() - started;
	assert.ok(elapsed < 5000, `took ${elapsed} ms`);
	const reason = (route: string) => {
		const result = byUrl(results, route);
		assert.equal(result?.status, 'failed', route);
		return (result as {reason: string}).reason;
	};

	assert.match(reason('/hang'), /no complete answer within 0\.8 s/);
	assert.match(reason('/big'), /over the 200,000-byte limit/, 'a count, with its thousands separated');
	assert.match(reason('/bomb'), /entity-expansion bomb/);
	assert.match(reason('/malformed'), /malformed XML/);
	assert.match(reason('/loop'), /more than 5 redirects/);
	assert.match(reason('/error'), /HTTP 500/);
	assert.equal(byUrl(results, '/rss2')?.status, 'updated');
	assert.equal(byUrl(results, '/atom')?.status, 'updated');
	assert.equal(library.count({}).total, 9 + 5 + 3);
	assert.match(library.feedState(server.url('/bomb')).lastError ?? '', /bomb/);
});

test('titles lose their HTML but keep their text; summaries become plain paragraphs', async () => {
	const {library} = openLibrary();
	await refreshFeeds([{url: server.url('/hostile')}], library, fast);
	const row = library.page({query: 'Bold'}, 0, 1)[0];
	assert.ok(row);
	assert.match(row.title, /^Bold .*& more$/);
	assert.doesNotMatch(row.title, /<b>|<i>/);
	assert.equal(library.article(row.id)?.summary, 'Para one two');
});

test('a summary-only item gets its full story from its page, kept for reading offline', async () => {
	const {library, file} = openLibrary();
	await refreshFeeds([{url: server.url('/with-page'), sector: 'politics', edition: 'global'}], library, fast);
	const id = library.page({query: 'bridge repairs'}, 0, 1)[0]!.id;
	const summaryOnly = library.article(id)!;
	assert.equal(summaryOnly.kind, 'summary', 'a summary without its story is called what it is');
	assert.deepEqual(summaryOnly.body, []);
	const full = await fetchFullStory(summaryOnly, fast);
	library.upsert([full], full.source);
	library.close();

	const {library: reopened} = Library.open(file);
	const kept = reopened.article(id)!;
	assert.equal(kept.kind, 'full');
	assert.equal(kept.body.length, 3);
	assert.match(kept.body[0]!, /The city council voted on Monday/);
	assert.equal(kept.extractedFrom, server.url('/story'));
	assert.equal(kept.byline, 'Test News Desk');
	assert.equal(kept.location, 'Lisbon');
	assert.equal(kept.updatedAt, '2026-03-02T09:15:00+05:30');
	assert.deepEqual(kept.countries, ['Portugal']);
	assert.equal(kept.credit, '(With inputs from agencies.)');
	assert.equal(reopened.count({query: 'corroded cables'}).total, 0, 'the standfirst is not the body');
	assert.equal(reopened.count({query: 'suspension cables'}).total, 1, 'the extracted body is searchable');
});

test('every charset label is decoded as the WHATWG Encoding Standard says: latin1, iso-8859-1 and us-ascii mean windows-1252', async () => {
	// "It’s “quoted” – €100" in windows-1252: the quotes, the dash and the euro are bytes 0x80–0x9F, C1 controls in ISO-8859-1.
	const cp1252 = Buffer.from([0x49, 0x74, 0x92, 0x73, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x80, 0x31, 0x30, 0x30]);
	const feed = (declaration: string) => Buffer.concat([Buffer.from(`<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>c</title><item><title>`), cp1252, Buffer.from('</title></item></channel></rss>')]);
	for (const label of ['latin1', 'ISO-8859-1', 'us-ascii', 'windows-1252', 'cp1252']) {
		server.route(`/cp1252-header-${label}`, serveXml(feed(''), {contentType: `application/rss+xml; charset=${label}`}));
		server.route(`/cp1252-declared-${label}`, serveXml(feed(` encoding="${label}"`), {contentType: 'application/xml'}));
		for (const route of [`/cp1252-header-${label}`, `/cp1252-declared-${label}`]) {
			const fetched = await fetchLimited(server.url(route), {}, fast); // eslint-disable-line no-await-in-loop -- one route at a time, named in the message
			assert.equal(fetched.status, 'ok');
			assert.equal(parseFeed((fetched as {text: string}).text).items[0]?.title, 'It’s “quoted” – €100', route);
		}
	}

	server.route('/unknown-charset', serveXml(feed(''), {contentType: 'text/xml; charset=x-no-such-charset'}));
	await assert.rejects(fetchLimited(server.url('/unknown-charset'), {}, fast), /unknown charset "x-no-such-charset"/);
	const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss2([{id: 'b1', title: 'Zürich'}]))]);
	server.route('/bom', serveXml(bom, {contentType: 'text/xml; charset=windows-1252'}));
	const withBom = await fetchLimited(server.url('/bom'), {}, fast);
	assert.equal(parseFeed((withBom as {text: string}).text).items[0]?.title, 'Zürich', 'a byte order mark wins over the label, as the standard says');

	// A refresh decodes each feed on the parser's thread, by the same rules; a charset it cannot read fails that feed alone, named.
	const {library} = openLibrary();
	const results = await refreshFeeds(['/cp1252-header-latin1', '/unknown-charset', '/bom'].map(route => ({url: server.url(route)})), library, fast);
	assert.deepEqual(
		results.map(result => result.status),
		['updated', 'failed', 'updated'],
	);
	assert.match((results[1] as {reason: string}).reason, /^unknown charset "x-no-such-charset"$/);
	assert.equal(library.page({source: server.url('/cp1252-header-latin1')}, 0, 1)[0]?.title, 'It’s “quoted” – €100');
	assert.equal(library.page({source: server.url('/bom')}, 0, 1)[0]?.title, 'Zürich');
});

test('a body arrives whole and exact, whatever length its headers give: none (sent in pieces), or a compressed one shorter than the text', async () => {
	// About 150 KB of text, past the room first made for a body of unknown length.
	const feed = rss2(items('whole', 600));
	server.route('/in-pieces', (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8'});
		for (let start = 0; start < feed.length; start += 10_000) response.write(feed.slice(start, start + 10_000));
		response.end();
	});
	server.route('/compressed', serveXml(feed, {gzip: true}));
	for (const route of ['/in-pieces', '/compressed']) {
		const fetched = await fetchLimited(server.url(route), {}, fast); // eslint-disable-line no-await-in-loop -- one route at a time, named in the message
		assert.equal((fetched as {text: string}).text, feed, route);
	}
});

test('fetching refuses non-web links and names the limits it hit', async () => {
	await assert.rejects(fetchLimited('file:///etc/passwd'), /not an http\(s\) link/);
	await assert.rejects(fetchLimited(server.url('/nowhere'), {}, fast), /HTTP 404/);
	const closed = await startFeedServer();
	const gone = closed.url('/feed');
	await closed.close();
	await assert.rejects(fetchLimited(gone, {}, fast), /ECONNREFUSED/);
});

test('feed formats parse into one shape; a document that is not a feed says so', () => {
	assert.equal(parseFeed(rss2(items('x', 2))).items.length, 2);
	assert.equal(parseFeed(atom(items('y', 1))).items[0]?.link, 'https://example.org/atom/y-0');
	assert.equal(parseFeed(rss1(items('z', 1))).items[0]?.guid, 'https://example.net/rdf/z-0');
	assert.throws(() => parseFeed('<html><body>hello</body></html>'), /not an RSS or Atom feed/);
	assert.throws(() => parseFeed(billionLaughs()), /entity-expansion bomb/);
});

test("from the site's own feeds, Devdiscourse links give the article number as id and their label; elsewhere an id is the feed's own", () => {
	const link = 'https://www.devdiscourse.com/article/health/3710999-some-story';
	const siteFeed = 'https://www.devdiscourse.com/RSS/GoogleNews';
	assert.equal(itemId({link, title: 't'}, siteFeed), '3710999');
	assert.deepEqual(articleLink(link), {label: 'health', number: '3710999'});
	assert.match(itemId({link, title: 't'}, 'https://example.com/feed'), /^item-[0-9a-f]{20}$/, "a link's shape is not trusted from another host");
	assert.match(itemId({guid: 'urn:1', title: 't'}, siteFeed), /^item-[0-9a-f]{20}$/);
	assert.notEqual(itemId({guid: 'urn:1', title: 't'}, 'https://a.example/feed'), itemId({guid: 'urn:1', title: 't'}, 'https://b.example/feed'), "one feed's guid is not another's");
	const mimic = {link: 'http://127.0.0.1:1/article/x/3710216-leaked', title: 'Not the leaked call'};
	assert.notEqual(itemId(mimic, 'http://127.0.0.1:1/feed'), '3710216', "a feed elsewhere cannot take the shipped story's id");
});

test('a page replaces what a listing or a sitemap left provisional: the label after the site\'s agency-wire redirect, the stated sector for a guessed one, the page\'s times', async () => {
	const [blog, , clinic] = SITE_STORIES;
	const address = (story: SiteStory, label = story.newsLabels ?? 'agency-wire') => `/article/${label}/${secondSlug(story)}`;
	for (const story of [blog!, clinic!]) {
		server.route(address(story), (_request, response) => response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(articlePage(story, server.url(''))));
		// ArticleController: a story with a label is at its labelled address; /article/agency-wire/… redirects there.
		server.route(address(story, 'agency-wire'), (_request, response) => response.writeHead(301, {location: address(story)}).end());
	}

	server.route('/api/DevNews/GetDevNews/1/Global%20Edition', serveXml(siteJson([devNewsItem(clinic!)]), {contentType: 'application/json; charset=utf-8'}));
	server.route('/RSS/GoogleNews', serveXml(googleNewsSitemap([blog!], server.url('')), {contentType: 'application/xml; charset=utf-8'}));
	const {library} = openLibrary();
	await refreshFeeds([{url: server.url('/api/DevNews/GetDevNews/1/Global%20Edition')}, {url: server.url('/RSS/GoogleNews')}], library, fast);

	const listed = library.page({query: 'clinic budget'}, 0, 1)[0]!;
	assert.deepEqual([listed.createdAt, listed.updatedAt, library.article(listed.id)?.label], [undefined, '2025-11-26T02:45:00.000Z', undefined], 'GetDevNews: ModifiedOn, no label');
	const clinicFull = await fetchFullStory(library.article(listed.id)!, fast);
	library.upsert([clinicFull], clinicFull.source);
	const clinicRow = library.page({query: 'clinic budget'}, 0, 1)[0]!;
	assert.equal(library.article(listed.id)?.label, 'health', 'the label of the address the redirect led to');
	assert.equal(library.article(listed.id)?.url, server.url(address(clinic!)), 'and that address kept as its link');
	assert.equal(clinicRow.createdAt, '2025-11-26T08:00:00+05:30', 'the page\'s Created');
	assert.deepEqual([clinicRow.sectors, clinicRow.sectorsGuessed], [['politics'], undefined], 'still the stated sector, not the label\'s');

	const sitemapRow = library.page({query: 'solar grids'}, 0, 1)[0]!;
	assert.deepEqual([sitemapRow.sectors, sitemapRow.sectorsGuessed], [['technology'], true], 'a sitemap states no sector: the label\'s is a guess');
	const blogFull = await fetchFullStory(library.article(sitemapRow.id)!, fast);
	library.upsert([blogFull], blogFull.source);
	const blogRow = library.page({query: 'solar grids'}, 0, 1)[0]!;
	assert.deepEqual([blogRow.sectors, blogRow.sectorsGuessed], [['science-environment', 'technology'], undefined], 'the page states both: the guess goes');
	assert.equal(library.article(sitemapRow.id)?.location, 'Washington DC');
	library.close();
});
