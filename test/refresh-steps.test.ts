// A refresh writes each feed in steps, between which the browser answers
// keys: what a key reads in between is whole articles, counted; the views
// are told of the news a few times a second, and once more at the end; and
// a feed whose writing has begun is written whole, though the refresh is
// stopped meanwhile.
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {Article} from '../source/core/article.js';
import {refreshFeeds} from '../source/feeds/refresh.js';
import {Library} from '../source/library/store.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from './feed-server.js';
import {SHIPPED, SHIPPED_DATA, tempDir} from './helpers.js';

const FEED = 'https://example.com/synthetic-feed.xml';
const ITEMS = 3000;
const shipped = SHIPPED.full + SHIPPED.headlines;

let server: FeedServer;
before(async () => {
	server = await startFeedServer();
	server.route('/many', serveXml(rss2(Array.from({length: ITEMS}, (_, index) => ({id: `many-${index}`, title: `Synthetic item ${index}`, summary: 'A synthetic summary. '.repeat(8)})))));
});
after(async () => server.close());

function openLibrary() {
	const {library} = Library.open(path.join(tempDir('devnews-cache'), 'library.sqlite'));
	library.syncData(SHIPPED_DATA);
	return library;
}

const item = (index: number): Article => ({id: `step-${index}`, title: `Synthetic item ${index}`, summary: 'A synthetic summary.', body: [], countries: [], sectors: [], editions: [], kind: 'headline', source: FEED, createdAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString()});

test('between the steps of a write, the event loop runs and reads whole articles; the views are told a few times, and at the end', async () => {
	const library = openLibrary();
	const seen: Array<{total: number; listed: number}> = [];
	const told: number[] = [];
	library.subscribe(() => told.push(performance.now()));
	const turns = setInterval(() => {
		// What a key would read while the write goes on: the count and the rows agree.
		seen.push({total: library.count({}).total, listed: library.page({}, 0, 10_000).length});
	}, 1);
	const written = library.upsertInSteps(Array.from({length: ITEMS}, (_, index) => item(index)), FEED);
	const firstView = library.view();
	const result = await written;
	clearInterval(turns);

	assert.deepEqual(result, {added: ITEMS, updated: 0, refused: 0});
	assert.ok(seen.some(({total}) => total > shipped && total < shipped + ITEMS), `the loop ran while the write was under way (${JSON.stringify(seen.slice(0, 5))}…)`);
	assert.ok(
		seen.every(({total, listed}) => total === listed),
		'counts and lists agree at every turn',
	);
	assert.notEqual(library.view(), firstView);
	assert.ok(told.length >= 2, 'told during the write and at its end');
	// A tenth of a second apart at least, but the last (a timer may run a millisecond early by this clock).
	const gaps = told.slice(1, -1).map((time, index) => time - told[index]!);
	assert.ok(gaps.every(gap => gap >= 99), `told at most every 100 ms, not at every step: ${gaps.map(gap => gap.toFixed(0)).join(', ')}`);
	assert.equal(library.count({}).total, shipped + ITEMS);
	library.close();
});

test('a refresh stopped while a feed is being written writes that feed whole', async () => {
	const library = openLibrary();
	const stop = new AbortController();
	// Stopped as the first step lands: the feed is under way.
	library.subscribe(() => stop.abort());
	const [result] = await refreshFeeds([{url: server.url('/many')}], library, undefined, undefined, stop.signal);
	assert.equal(result?.status, 'updated');
	assert.equal(library.count({}).total, shipped + ITEMS);
	library.close();
});
