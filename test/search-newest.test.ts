// A search shows the newest stories with the words in their title first,
// by the stories' own times, whatever order they were added in (a refresh
// writes feeds in the order they answer, not by date); and the index never
// keeps a story at a time it no longer has, or one that is gone.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import type {Article} from '../source/core/article.js';
import {SEARCH_LIMIT} from '../source/library/ranked-search.js';
import {Library} from '../source/library/store.js';
import {SHIPPED_DATA, tempDir} from './helpers.js';

const FEED = 'https://example.com/synthetic-feed.xml';
const DAY = 24 * 60 * 60 * 1000;

function openLibrary() {
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	const {library} = Library.open(file);
	library.syncData(SHIPPED_DATA);
	return {library, file};
}

function item(id: string, title: string, time: number | undefined, body = 'Synthetic story text.'): Article {
	return {id, title, body: [body], countries: [], sectors: ['health'], editions: ['global'], kind: 'full', source: FEED, synthetic: true, ...(time === undefined ? {} : {createdAt: new Date(time).toISOString()})};
}

/** How many entries the title index holds for a word, read from the file (whose index is checked whole first). */
function titleEntries(file: string, word: string): number {
	const db = new Database(file);
	try {
		db.exec("INSERT INTO titles_fts (titles_fts) VALUES ('integrity-check')");
		return db.prepare('SELECT count(*) FROM titles_fts WHERE titles_fts MATCH ?').pluck().get(`title : "${word}"`) as number;
	} finally {
		db.close();
	}
}

test('the newest title match comes first by its time, though it was added before thousands of older ones', () => {
	const {library} = openLibrary();
	const newest = Date.UTC(2026, 5, 1);
	library.upsert([item('newest', 'Synthetic: quokka census, the newest', newest)], FEED);
	// Then older ones, feed after feed, each feed's dates running backwards
	// and the feeds' ranges interleaved, as a refresh writes them.
	const older: Article[] = [];
	for (let feed = 0; feed < 6; feed++) {
		const batch = Array.from({length: 500}, (_, index) => item(`older-${feed}-${index}`, `Synthetic: quokka report ${feed}-${index}`, newest - (1 + index * 6 + feed) * DAY / 10));
		library.upsert(batch, FEED);
		older.push(...batch);
	}

	// A story newer than all of them holds the word in its text only: it comes after every title match.
	library.upsert([item('body-only', 'Synthetic: wildlife notes', newest + DAY, 'A quokka, named in the story only.')], FEED);

	const first = library.page({query: 'quokka'}, 0, SEARCH_LIMIT);
	assert.equal(first[0]?.id, 'newest');
	const expected = ['newest', ...[...older].sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!)).map(article => article.id)].slice(0, SEARCH_LIMIT);
	assert.deepEqual(
		first.map(row => row.id),
		expected,
		'the 1,000 newest title matches by their times, newest first',
	);
	assert.deepEqual(library.count({query: 'quokka'}), {total: SEARCH_LIMIT, unread: SEARCH_LIMIT, more: true});
	assert.equal(library.page({query: 'quokka', sector: 'health', edition: 'global'}, 0, 1)[0]?.id, 'newest', 'under a sector and edition too');
	assert.equal(library.page({query: 'quo'}, 0, 1)[0]?.id, 'newest', 'and by a prefix, as typed');
});

test('a word in a few titles and many stories: the title matches by time, then the others, with exact counts', () => {
	const {library} = openLibrary();
	const start = Date.UTC(2026, 0, 1);
	// The title matches are added first, the oldest last; the other matches after them.
	library.upsert([item('title-b', 'Synthetic: numbat sighting', start + 2 * DAY), item('title-c', 'Synthetic: numbat count', start + DAY), item('title-a', 'Synthetic: numbat habitat', start + 3 * DAY)], FEED);
	library.upsert(
		Array.from({length: 40}, (_, index) => item(`text-${index}`, `Synthetic: notes ${index}`, start + (index % 7) * DAY, 'A numbat in the story text.')),
		FEED,
	);
	const ids = library.page({query: 'numbat'}, 0, 100).map(row => row.id);
	assert.deepEqual(ids.slice(0, 3), ['title-a', 'title-b', 'title-c']);
	assert.equal(ids.length, 43);
	assert.deepEqual(library.count({query: 'numbat'}), {total: 43, unread: 43});
	assert.equal(library.searchHasMore({query: 'numbat'}), false);
});

test('a story whose time changes is found at its new time, once; one removed is found no more', () => {
	const {library, file} = openLibrary();
	const base = Date.UTC(2025, 0, 1);
	library.upsert([item('moving', 'Synthetic: wombat burrow', base + 10 * DAY), item('staying', 'Synthetic: wombat tracks', base + 5 * DAY)], FEED);
	assert.deepEqual(library.page({query: 'wombat'}, 0, 10).map(row => row.id), ['moving', 'staying']);

	// The feed gives the story an earlier time, then the same time again with a new title.
	library.upsert([item('moving', 'Synthetic: wombat burrow', base + DAY)], FEED);
	assert.deepEqual(library.page({query: 'wombat'}, 0, 10).map(row => row.id), ['staying', 'moving']);
	library.upsert([item('moving', 'Synthetic: wombat burrow, corrected', base + DAY)], FEED);
	assert.deepEqual(library.page({query: 'wombat'}, 0, 10).map(row => row.id), ['staying', 'moving']);
	assert.equal(titleEntries(file, 'wombat'), 2, 'no entry at an old time or with an old title');
	assert.equal(titleEntries(file, 'corrected'), 1);

	// An undated time, and a time again.
	library.upsert([item('moving', 'Synthetic: wombat burrow, corrected', undefined)], FEED);
	assert.deepEqual(library.page({query: 'wombat'}, 0, 10).map(row => row.id), ['staying', 'moving']);
	library.upsert([item('moving', 'Synthetic: wombat burrow, corrected', base + 20 * DAY)], FEED);
	assert.deepEqual(library.page({query: 'wombat'}, 0, 10).map(row => row.id), ['moving', 'staying']);
	assert.equal(titleEntries(file, 'wombat'), 2);

	// Old news leaves (read, and dated long before the kept days): the index lets it go too.
	library.setRead('moving', true);
	library.setRead('staying', true);
	assert.equal(library.prune(30, new Set()), 2);
	assert.equal(titleEntries(file, 'wombat'), 0);
	assert.deepEqual(library.count({query: 'wombat'}), {total: 0, unread: 0});
	library.close();
});
