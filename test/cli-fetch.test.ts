// devnews fetch as a person reads it: a host that cannot be reached is said
// once, not once a source; counts have thousands separators; devnews feeds
// shows when each was fetched in IST, as everywhere else. Feeds on 127.0.0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {after, before, test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from './feed-server.js';
import {closedPort, copyOfShippedData, isolatedEnv, runDevnews} from './helpers.js';
import {devNewsItem, googleNewsSitemap, siteJson, SITE_STORIES} from './site-render.js';

const MANY = 1234;

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	server.route('/feed', serveXml(rss2([{id: 'f1', title: 'Synthetic fetched item'}])));
	server.route('/many', serveXml(rss2(Array.from({length: MANY}, (_, index) => ({id: `m${index}`, title: `Synthetic item ${index} of many`})))));
});

after(async () => server.close());

function dataWithFeeds(urls: string[]): string {
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify(urls.map(url => ({url}))));
	return data;
}

test("every source of a host that cannot be reached: one line for the host; other failures keep their own", async () => {
	const host = `127.0.0.1:${await closedPort()}`;
	const unreachable = ['/a.xml', '/b.xml', '/c.xml'].map(route => `http://${host}${route}`);
	const data = dataWithFeeds([server.url('/feed'), ...unreachable, server.url('/missing')]);
	const fetched = await runDevnews(['fetch', '--data', data, '--timeout', '5'], isolatedEnv());
	assert.equal(fetched.code, 1);
	const failures = fetched.stderr.split('\n').filter(Boolean);
	assert.equal(failures.length, 2, fetched.stderr);
	assert.ok(failures.includes(`devnews: failed  ${host} cannot be reached (all 3 sources): ECONNREFUSED — nothing answers there: check the address, or try later`), fetched.stderr);
	assert.ok(failures.includes(`devnews: failed  ${server.url('/missing')}: HTTP 404 Not Found`), 'a failure of one source keeps its line');
	assert.match(fetched.stdout, /^ok {6}http:\/\/127\.0\.0\.1:\d+\/feed: 1 item, 1 new$/m);
	assert.match(fetched.stdout, /^5 feeds: 1 new article, 4 failed\.$/m);
});

test('a host with one source unreachable keeps the line naming its address', async () => {
	const refused = `http://127.0.0.1:${await closedPort()}/only.xml`;
	const fetched = await runDevnews(['fetch', '--data', dataWithFeeds([refused])], isolatedEnv());
	assert.equal(fetched.code, 1);
	assert.equal(fetched.stderr, `devnews: failed  ${refused}: ECONNREFUSED\n`);
});

test('counts have thousands separators; feeds shows the last fetch in IST', async () => {
	const env = isolatedEnv();
	const data = dataWithFeeds([server.url('/many')]);
	const fetched = await runDevnews(['fetch', '--data', data], env);
	assert.equal(fetched.code, 0, fetched.stderr);
	assert.match(fetched.stdout, /\/many: 1,234 items, 1,234 new\n/);
	assert.match(fetched.stdout, /^1 feed: 1,234 new articles\.$/m);
	const listed = (await runDevnews(['feeds', '--data', data], env)).stdout;
	assert.match(listed, /\/many\n {2}Synthetic RSS 2\.0 feed · sectors from each item · editions from each item · last fetched \d\d-\d\d-\d{4} \d\d:\d\d IST\n/);
	assert.doesNotMatch(listed, /\d{4}-\d\d-\d\dT/, 'no ISO times');
});

test('devnews list --json and read --json give no value a source did not state: a listing\'s time under its own name, a guessed sector under guessedSectors', async () => {
	const [blog, , clinic] = SITE_STORIES;
	server.route('/api/DevNews/GetDevNews/1/Global%20Edition', serveXml(siteJson([devNewsItem(clinic!)]), {contentType: 'application/json; charset=utf-8'}));
	server.route('/RSS/GoogleNews', serveXml(googleNewsSitemap([blog!], server.url('')), {contentType: 'application/xml; charset=utf-8'}));
	const data = dataWithFeeds([server.url('/api/DevNews/GetDevNews/1/Global%20Edition'), server.url('/RSS/GoogleNews')]);
	const env = isolatedEnv();
	assert.equal((await runDevnews(['fetch', '--data', data], env)).code, 0);
	const rows = JSON.parse((await runDevnews(['list', '--json', '--data', data, '--limit', '100'], env)).stdout) as Array<Record<string, unknown>>;
	const row = (words: RegExp) => rows.find(candidate => words.test(String(candidate['title'])))!;
	const listed = row(/Clinic budget/);
	assert.deepEqual([listed['createdAt'], listed['updatedAt'], listed['sectors'], listed['guessedSectors']], [undefined, '2025-11-26T02:45:00.000Z', ['politics'], undefined], 'GetDevNews: ModifiedOn as updatedAt, its stated sector');
	const fromSitemap = row(/Solar grids/);
	assert.deepEqual([fromSitemap['createdAt'], fromSitemap['sectors'], fromSitemap['guessedSectors']], ['2025-11-25T06:35:00.000Z', [], ['technology']], 'the label\'s sector only as a guess');
	const read = await runDevnews(['read', String(fromSitemap['id']), '--json', '--data', data], env);
	const article = JSON.parse(read.stdout) as Record<string, unknown>;
	assert.deepEqual([article['sectors'], article['guessedSectors'], article['label'], article['updatedAt']], [[], ['technology'], 'technology', '2025-11-26T04:10:41.000Z'], 'lastmod, to the second');
	const text = await runDevnews(['list', '--data', data, '--limit', '100'], env);
	assert.match(text.stdout, /Technology \(guessed from the link\)/);
	assert.match(text.stdout, /updated 26-11-2025 08:15 IST/, 'a listing\'s time is named');
});
