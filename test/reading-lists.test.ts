// The lists a day's reading goes through: oldest or unread first, unread
// only, one source's, the next unread, and a whole list marked read and
// put back. Each is checked against the order a person would expect,
// worked out here from the articles themselves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import type {Article} from '../source/core/article.js';
import {dataFolder} from '../source/data/data-folder.js';
import {Library, type ListFilter} from '../source/library/store.js';
import {fuzzParameters} from './fuzz.js';
import {copyOfShippedData, tempDir} from './helpers.js';

const FEED_A = 'http://127.0.0.1:1/a.xml';
const FEED_B = 'http://127.0.0.1:1/b.xml';

/** A synthetic story, dated `minutes` after a fixed hour (undated where null). */
function story(id: string, minutes: number | null, sectors: string[] = ['politics']): Article {
	return {
		id,
		title: `Synthetic story ${id}`,
		createdAt: minutes === null ? undefined : new Date(Date.UTC(2025, 10, 26, 6, minutes)).toISOString(),
		countries: [],
		sectors,
		editions: ['global'],
		body: ['Synthetic text, generated for a test.'],
		kind: 'full',
		source: 'synthetic',
		synthetic: true,
	};
}

/** A library with the shipped taxonomy and no articles. */
function emptyLibrary(): Library {
	const data = copyOfShippedData();
	const articles = dataFolder(data).articles;
	for (const file of fs.readdirSync(articles)) fs.rmSync(path.join(articles, file));
	const {library} = Library.open(path.join(tempDir('devnews-cache'), 'library.sqlite'));
	library.syncData(data);
	return library;
}

/** The library with feed A's stories a0…a5 (a0 oldest) and feed B's b0…b3, in technology, with a3 and b1 read. */
function twoFeeds(): Library {
	const library = emptyLibrary();
	library.upsert([0, 1, 2, 3, 4, 5].map(minute => story(`a${minute}`, minute * 2)), FEED_A);
	library.upsert([0, 1, 2, 3].map(minute => ({...story(`b${minute}`, minute * 2 + 1, ['technology']), source: FEED_B})), FEED_B);
	library.setRead('a3', true);
	library.setRead('b1', true);
	return library;
}

const ids = (library: Library, filter: ListFilter) => library.page(filter, 0, 100).map(row => row.id);

test('a list reads newest first, oldest first, or unread first, and unread only, in pages that agree with the whole', () => {
	const library = twoFeeds();
	assert.deepEqual(ids(library, {}), ['a5', 'a4', 'b3', 'a3', 'b2', 'a2', 'b1', 'a1', 'b0', 'a0']);
	assert.deepEqual(ids(library, {sort: 'oldest'}), ['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'a5']);
	assert.deepEqual(ids(library, {sort: 'unread'}), ['a5', 'a4', 'b3', 'b2', 'a2', 'a1', 'b0', 'a0', 'a3', 'b1']);
	assert.deepEqual(ids(library, {unreadOnly: true}), ['a5', 'a4', 'b3', 'b2', 'a2', 'a1', 'b0', 'a0']);
	assert.deepEqual(library.count({unreadOnly: true}), {total: 8, unread: 8});
	for (const filter of [{sort: 'unread'}, {sort: 'oldest'}, {unreadOnly: true}] as ListFilter[]) {
		const whole = ids(library, filter);
		// Windows of three, read in any order, make the same list; and each row is where indexOf says.
		for (const offset of [6, 0, 3, 9]) assert.deepEqual(library.page(filter, offset, 3).map(row => row.id), whole.slice(offset, offset + 3));
		for (const [index, id] of whole.entries()) assert.equal(library.indexOf(filter, id), index, `${JSON.stringify(filter)}: ${id}`);
		assert.deepEqual([...library.rows(filter)].map(row => row.id), whole);
	}

	assert.equal(library.indexOf({unreadOnly: true}, 'a3'), undefined, 'a read story is not in the unread list');
});

test('a source is a list of its own, with counts per source, and narrows by sector within it', () => {
	const library = twoFeeds();
	assert.deepEqual(ids(library, {source: FEED_B}), ['b3', 'b2', 'b1', 'b0']);
	assert.deepEqual(library.count({source: FEED_A}), {total: 6, unread: 5});
	const bySource = library.countsBy('source', {});
	assert.deepEqual(bySource.get(FEED_A), {total: 6, unread: 5});
	assert.deepEqual(bySource.get(FEED_B), {total: 4, unread: 3});
	assert.deepEqual(library.countsBy('source', {sector: 'technology'}).get(FEED_A), undefined, 'feed A has no technology');
	assert.deepEqual(ids(library, {source: FEED_A, sector: 'technology'}), []);
	assert.deepEqual(ids(library, {source: FEED_B, sector: 'technology', sort: 'oldest'}), ['b0', 'b1', 'b2', 'b3']);
	assert.equal(library.indexOf({source: FEED_B, sector: 'technology'}, 'b1'), 2);
	assert.deepEqual(ids(library, {source: 'http://127.0.0.1:1/never-fetched.xml'}), [], 'a source the library never held is an empty list');
	assert.deepEqual(library.countsBy('sector', {source: FEED_B}).get('technology'), {total: 4, unread: 3});
});

test('the next and previous unread follow the list\'s order and go round once', () => {
	const library = twoFeeds();
	const next = (filter: ListFilter, from?: string, backwards = false) => library.nextUnread(filter, from, backwards);
	assert.deepEqual(next({}, undefined), {id: 'a5', index: 0, wrapped: false});
	assert.deepEqual(next({}, 'a3'), {id: 'b2', index: 4, wrapped: false});
	assert.deepEqual(next({}, 'b2'), {id: 'a2', index: 5, wrapped: false});
	assert.deepEqual(next({}, 'a1', true), {id: 'a2', index: 5, wrapped: false}, 'b1 is read');
	assert.deepEqual(next({}, 'a5', true), {id: 'a0', index: 9, wrapped: true}, 'from the first, back round to the last');
	assert.deepEqual(next({}, 'a0'), {id: 'a5', index: 0, wrapped: true}, 'from the last, round to the first');
	assert.deepEqual(next({sort: 'oldest'}, 'a1'), {id: 'a2', index: 4, wrapped: false}, 'b1 is read');
	assert.deepEqual(next({source: FEED_B}, 'b2'), {id: 'b0', index: 3, wrapped: false});
	// Unread first: the next unread after a story read just now (it moved down among the read) is the next older unread.
	library.setRead('b2', true);
	assert.deepEqual(next({sort: 'unread'}, 'b2'), {id: 'a2', index: 3, wrapped: false});
	assert.deepEqual(next({unreadOnly: true}, 'b2'), {id: 'a2', index: 3, wrapped: false}, 'from a story no longer in the unread list');
	for (const id of ['a5', 'b3', 'a4', 'a2', 'b0', 'a1', 'a0']) library.setRead(id, true);
	assert.equal(next({}, 'a5'), undefined, 'nothing unread');
});

test('marking a list read changes only that list, and undoing it puts back exactly what it changed', () => {
	const library = twoFeeds();
	const before = ids(library, {unreadOnly: true});
	const changed = library.setReadMany(library.unreadIn({source: FEED_B}), true);
	assert.equal(changed.length, 3, 'b1 was read already');
	assert.deepEqual(library.count({source: FEED_B}), {total: 4, unread: 0});
	assert.deepEqual(library.count({source: FEED_A}), {total: 6, unread: 5});
	assert.deepEqual(ids(library, {unreadOnly: true}), ['a5', 'a4', 'a2', 'a1', 'a0'], 'a3 was read before');
	assert.equal(library.setReadMany(changed, false).length, 3);
	assert.deepEqual(ids(library, {unreadOnly: true}), before);
	assert.equal(library.reading('b1').read, true, 'the undo leaves what was read before as it was');
	assert.equal(library.setReadMany(library.unreadIn({query: 'synthetic', sector: 'technology'}), true).length, 3, 'a search\'s matches, under its sector');
	assert.deepEqual(library.count({}), {total: 10, unread: 5});
});

test('unread marks, counts and every list agree with the articles after any sequence of marks (property)', () => {
	fc.assert(
		fc.property(
			fc.array(
				fc.oneof(
					fc.record({mark: fc.constantFrom('a0', 'a2', 'a5', 'b1', 'b3'), read: fc.boolean()}),
					fc.record({markAll: fc.constantFrom<ListFilter>({}, {source: FEED_A}, {sector: 'technology'}, {unreadOnly: true, source: FEED_B})}),
				),
				{maxLength: 12},
			),
			steps => {
				const library = twoFeeds();
				for (const step of steps) {
					if ('mark' in step) library.setRead(step.mark, step.read);
					else library.setReadMany(library.unreadIn(step.markAll), true);
				}

				const all = ids(library, {});
				const unread = all.filter(id => !library.reading(id).read);
				assert.deepEqual(ids(library, {unreadOnly: true}), unread);
				assert.deepEqual(ids(library, {sort: 'unread'}), [...unread, ...all.filter(id => !unread.includes(id))]);
				assert.deepEqual(library.count({}), {total: all.length, unread: unread.length});
				assert.equal(library.count({source: FEED_B}).unread, unread.filter(id => id.startsWith('b')).length);
			},
		),
		fuzzParameters({numRuns: 40}),
	);
});
