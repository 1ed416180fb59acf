// Old news leaves; bookmarks, the data folder's articles and unread news
// fetched lately stay. Dates outside reason sort as unknown, last.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import type {Article} from '../source/core/article.js';
import {Library} from '../source/library/store.js';
import {SHIPPED, SHIPPED_DATA, tempDir} from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const FEED = 'https://example.com/synthetic-feed.xml';

function library() {
	const {library: opened} = Library.open(path.join(tempDir('devnews-cache'), 'library.sqlite'));
	opened.syncData(SHIPPED_DATA);
	return opened;
}

const item = (id: string, createdAt?: string): Article => ({
	id,
	title: `Synthetic ${id}`,
	countries: [],
	sectors: ['health'],
	editions: ['global'],
	body: [],
	kind: 'headline',
	source: FEED,
	synthetic: true,
	...(createdAt ? {createdAt} : {}),
});

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

test('prune removes read news older than the kept days; bookmarks, shipped data and unread news fetched lately stay', () => {
	const opened = library();
	opened.upsert([item('old-read', daysAgo(40)), item('old-bookmarked', daysAgo(40)), item('old-unread', daysAgo(40)), item('recent', daysAgo(2)), item('undated')], FEED);
	opened.setRead('old-read', true);
	opened.setRead('old-bookmarked', true);
	assert.equal(opened.prune(30, new Set(['old-bookmarked'])), 1);
	const ids = opened.page({}, 0, 100).map(row => row.id);
	assert.ok(!ids.includes('old-read'));
	for (const kept of ['old-bookmarked', 'old-unread', 'recent', 'undated', '3710216']) assert.ok(ids.includes(kept), kept);
	assert.equal(opened.count({}).total, SHIPPED.full + SHIPPED.headlines + 4);
	assert.equal(opened.count({sector: 'health'}).total, 4, 'counts follow');
	assert.equal(opened.count({query: 'Synthetic'}).total, 4, 'and the full-text index');
	assert.equal(opened.prune(30, new Set()), 1, 'unbookmarked, it goes too');
});

test('dates far in the future sort as unknown, and undated articles sort after every dated one, however old', () => {
	const opened = library();
	opened.upsert([item('future', '2999-01-01T00:00:00Z'), item('old', '1912-04-15T00:00:00Z'), item('today', daysAgo(0))], FEED);
	const ids = opened.page({sector: 'health'}, 0, 10).map(row => row.id);
	assert.deepEqual(ids, ['today', 'old', 'future']);
	const all = opened.page({}, 0, 100).map(row => row.id);
	assert.ok(all.indexOf('old') < all.indexOf('3710367'), 'a 1912 story lists before an undated headline');
});

test('a failed fetch writes only its reason: a success another process recorded stays', () => {
	const opened = library();
	const url = 'https://example.com/feed.xml';
	opened.feedFetched(url, {etag: '"v2"', lastModified: 'Wed, 26 Nov 2025 10:00:00 GMT'}, 1000, 'Synthetic feed');
	opened.feedFailed(url, 'database is locked');
	assert.deepEqual(opened.feedState(url), {url, etag: '"v2"', lastModified: 'Wed, 26 Nov 2025 10:00:00 GMT', lastSuccess: 1000, lastError: 'database is locked', title: 'Synthetic feed'});
	opened.feedUnchanged(url, 2000);
	assert.deepEqual(opened.feedState(url), {url, etag: '"v2"', lastModified: 'Wed, 26 Nov 2025 10:00:00 GMT', lastSuccess: 2000, lastError: undefined, title: 'Synthetic feed'});
	opened.feedFetched(url, {}, 3000);
	assert.equal(opened.feedState(url).title, 'Synthetic feed', 'a fetch that gives no title keeps the one given before');
});
