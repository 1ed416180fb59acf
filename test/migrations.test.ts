// A library made by an earlier devnews opens with everything the user had;
// one made by a newer devnews is refused and left alone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import type {Article} from '../source/core/article.js';
import {SEARCH_LIMIT} from '../source/library/ranked-search.js';
import {Library} from '../source/library/store.js';
import {SCHEMA_VERSION} from '../source/library/sql.js';
import {LEAKED_CALL_ID, ROOT, SHIPPED_DATA, tempDir} from './helpers.js';

/** A library file written by the release before this one (schema 4), with a user's state in it (see test/fixtures/README.md). */
const V4_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'library-v4.sqlite');
const FEED = 'https://example.com/synthetic-feed.xml';

/** `count` feed items with `word` in their titles, dated a day apart going back from `newest`. */
function titled(word: string, count: number, newest: number): Article[] {
	return Array.from({length: count}, (_, index) => ({
		id: `older-${index}`,
		title: `${word}: older item ${index}`,
		body: [],
		countries: [],
		sectors: [],
		editions: [],
		kind: 'headline',
		source: FEED,
		createdAt: new Date(newest - (index + 1) * 86_400_000).toISOString(),
	}));
}

function copyOfFixture(): string {
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	fs.copyFileSync(V4_FIXTURE, file);
	return file;
}

test('a library from the previous release keeps every read mark, position, fetched story and feed validator', () => {
	const file = copyOfFixture();
	const {library, warning} = Library.open(file);
	assert.equal(warning, undefined);
	library.syncData(SHIPPED_DATA);

	assert.deepEqual(library.reading('item-fedcba9876543210fedc'), {read: true, position: 0.5});
	assert.deepEqual(library.reading(LEAKED_CALL_ID), {read: true, position: 0.25}, 'the shipped story, imported again, keeps its read mark');
	assert.deepEqual(library.reading('item-0123456789abcdef0123'), {read: false, position: 0});

	const fetched = library.article('item-fedcba9876543210fedc');
	assert.equal(fetched?.kind, 'full');
	assert.deepEqual(fetched?.body, ['Synthetic paragraph one, from the page.', 'Synthetic paragraph two.']);
	assert.equal(fetched?.extractedFrom, 'https://example.com/synthetic/2');
	assert.deepEqual(fetched?.sectors, ['business'], 'what the feed said is kept as it was');

	const feed = library.feedState(FEED);
	assert.equal(feed.etag, '"synthetic-etag"');
	assert.equal(feed.lastModified, 'Fri, 21 Nov 2025 10:00:00 GMT');
	assert.equal(feed.lastSuccess, 1763719200000);
	assert.equal(library.feedState('https://example.com/broken.xml').lastError, 'HTTP 500 Internal Server Error');
	assert.equal(library.lastRefresh(), 1763719200000);

	// Filed again under the site's taxonomy: "business" is Economy & Business's alias;
	// "india" names no edition; "headlines" is a label that names no sector.
	assert.deepEqual(library.page({query: 'fetched in full'}, 0, 1)[0]?.sectors, ['economy-business']);
	assert.deepEqual(library.page({query: 'fetched in full'}, 0, 1)[0]?.editions, ['other']);
	assert.deepEqual(library.page({query: 'undated headlines'}, 0, 1)[0]?.sectors, ['other']);
	assert.equal(library.count({sector: 'economy-business'}).total, 2);
	assert.equal(library.count({sector: 'health', edition: 'global'}).total, 1);
	assert.equal(library.count({query: 'Synthetic paragraph'}).total, 1, 'the full-text index was rebuilt');
	assert.equal(library.count({}).total, 9 + 4);
	assert.equal(library.count({}).unread, 9 + 4 - 2);
	assert.equal(library.page({}, library.count({}).total - 1, 1)[0]?.createdAt, undefined, 'undated sorts last');
	// Search finds title matches by their time: the newest of them, fetched before, comes before a thousand older ones fetched after.
	library.upsert(titled('Synthetic', SEARCH_LIMIT + 10, Date.parse('2025-11-20T00:00:00Z')), FEED);
	assert.equal(library.page({query: 'synthetic'}, 0, 1)[0]?.id, 'item-fedcba9876543210fedc');
	library.close();

	const db = new Database(file, {readonly: true});
	assert.equal(db.pragma('user_version', {simple: true}), SCHEMA_VERSION);
	assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
	db.close();
});

test('a migration stopped half-way (killed) is done again whole on the next start', () => {
	const file = copyOfFixture();
	// The migration runs in one transaction: a process killed inside it leaves the file at schema 4.
	const db = new Database(file);
	assert.throws(() =>
		db.transaction(() => {
			db.exec('ALTER TABLE articles RENAME TO articles_before_5');
			throw new Error('killed');
		})(),
	);
	assert.equal(db.pragma('user_version', {simple: true}), 4);
	db.close();
	const {library} = Library.open(file);
	library.syncData(SHIPPED_DATA);
	assert.deepEqual(library.reading('item-fedcba9876543210fedc'), {read: true, position: 0.5});
});

test('a library of schema 5 gets its title index from its articles, keeping read marks, and its search finds by time', () => {
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	const {library} = Library.open(file);
	library.syncData(SHIPPED_DATA);
	const newest = Date.UTC(2026, 0, 1);
	library.upsert([{...titled('Numbat', 1, newest + 86_400_000)[0]!, id: 'newest'}], FEED);
	library.upsert(titled('Numbat', SEARCH_LIMIT + 10, newest), FEED);
	library.setRead('newest', true);
	library.close();
	// Schema 5 was this one without the title index.
	const db = new Database(file);
	db.exec('DROP TABLE titles_fts');
	db.pragma('user_version = 5');
	db.close();

	const {library: migrated} = Library.open(file);
	migrated.syncData(SHIPPED_DATA);
	assert.equal(migrated.page({query: 'numbat'}, 0, 1)[0]?.id, 'newest');
	assert.equal(migrated.count({query: 'numbat'}).more, true);
	assert.equal(migrated.count({query: 'Ukraine'}).total, 1, 'the shipped story is found by its title');
	assert.deepEqual(migrated.reading('newest'), {read: true, position: 0});
	migrated.close();
});

test('a library from a newer devnews is refused with one line, and left as it was', () => {
	const file = copyOfFixture();
	const db = new Database(file);
	db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
	db.close();
	const before = fs.readFileSync(file);
	assert.throws(() => Library.open(file), new RegExp(`was written by a newer devnews \\(library version ${SCHEMA_VERSION + 1}; this one reads up to ${SCHEMA_VERSION}\\)`));
	assert.deepEqual(fs.readFileSync(file), before, 'not a byte changed');
	assert.ok(!fs.readdirSync(path.dirname(file)).some(name => name.includes('corrupt')), 'not taken for damage');
});

test('a library of schema 6 keeps every mark, and its stories say what their sources meant: a listing\'s time as an update, no "agency-wire" label, a label\'s sector as a guess', () => {
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	const {library} = Library.open(file);
	library.syncData(SHIPPED_DATA);
	const listing = 'https://www.devdiscourse.com/api/Search/GetSectorNews/19/Global%20Edition/1';
	const edition = 'https://www.devdiscourse.com/api/Search/GetEditionNews/Global%20Edition/Global%20Edition';
	const sitemap = 'https://www.devdiscourse.com/RSS/GoogleNews';
	const summary = (id: string, fields: Partial<Article>): Article => ({id, title: `Synthetic test article ${id}`, summary: 'Synthetic.', body: [], countries: [], sectors: [], editions: [], kind: 'summary', source: '', ...fields});
	// As schema 6's devnews stored them: the listings' createdOn as createdAt, "agency-wire" as a label.
	library.upsert([summary('9000041', {createdAt: '2025-11-26T06:26:41.473Z', sectors: ['19'], label: 'agency-wire', url: 'https://www.devdiscourse.com/article/agency-wire/9000041-x'})], listing);
	library.upsert([summary('9000042', {createdAt: '2025-11-26T05:00:00.000Z', label: 'politics'})], edition);
	library.upsert([summary('9000043', {createdAt: '2025-11-26T04:00:00.000Z', label: 'health'})], sitemap);
	library.setRead('9000041', true);
	library.close();
	const db = new Database(file);
	db.exec('ALTER TABLE articles DROP COLUMN time_kind');
	db.exec('ALTER TABLE articles DROP COLUMN sectors_guessed');
	db.pragma('user_version = 6');
	db.close();

	const {library: migrated} = Library.open(file);
	migrated.syncData(SHIPPED_DATA);
	const fromListing = migrated.article('9000041')!;
	assert.equal(fromListing.createdAt, undefined, 'GetSectorNews gave ModifiedOn: not a creation time');
	assert.equal(fromListing.updatedAt, '2025-11-26T06:26:41.473Z');
	assert.equal(fromListing.label, undefined, '"agency-wire" states no label');
	assert.equal(migrated.article('9000042')?.listedAt, '2025-11-26T05:00:00.000Z', 'GetEditionNews gave CreatedOn: a listing time');
	assert.equal(migrated.article('9000043')?.createdAt, '2025-11-26T04:00:00.000Z', 'the sitemap\'s publication time stays the creation');
	const rows = migrated.page({}, 0, 100);
	const row = (id: string) => rows.find(candidate => candidate.id === id);
	assert.deepEqual([row('9000041')?.updatedAt, row('9000041')?.createdAt, row('9000041')?.read], ['2025-11-26T06:26:41.473Z', undefined, true], 'the row says which time it sorts by; the read mark is kept');
	assert.equal(row('9000042')?.listedAt, '2025-11-26T05:00:00.000Z');
	assert.deepEqual([row('9000043')?.sectors, row('9000043')?.sectorsGuessed], [['health'], true], 'filed under the label\'s sector, as a guess');
	assert.equal(row('9000041')?.sectorsGuessed, undefined, 'a listing\'s sector is stated');
	assert.deepEqual(migrated.page({sector: 'health'}, 0, 10).map(health => health.id), ['9000043'], 'still found by its sector, as before');
	migrated.close();
});
