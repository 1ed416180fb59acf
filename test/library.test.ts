import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {loadDataDir} from '../source/library/load-data.js';
import {Library} from '../source/library/store.js';
import {copyOfShippedData, LEAKED_CALL_ID, SHIPPED, SHIPPED_DATA, tempDir, writeArticle} from './helpers.js';

function openLibrary(dataDir = SHIPPED_DATA) {
	const {library, warning} = Library.open(path.join(tempDir('devnews-cache'), 'library.sqlite'));
	assert.equal(warning, undefined);
	const errors = library.syncData(dataDir);
	return {library, errors};
}

test('the shipped data is the seed page: one full story and eight headlines, all valid', () => {
	const {articles, errors, taxonomy} = loadDataDir(SHIPPED_DATA);
	assert.deepEqual(errors, []);
	assert.equal(articles.filter(article => article.kind === 'full').length, SHIPPED.full);
	assert.equal(articles.filter(article => article.kind === 'headline').length, SHIPPED.headlines);
	assert.equal(articles.filter(article => article.section === 'trending').length, 4);
	assert.equal(articles.filter(article => article.section === 'opinion').length, 4);
	assert.ok(articles.every(article => !article.synthetic), 'no synthetic article is shipped');
	assert.ok(articles.filter(article => article.kind === 'headline').every(article => article.body.length === 0 && !article.summary));
	assert.ok(taxonomy.sectors.some(sector => sector.id === 'politics'));
	assert.ok(taxonomy.editions.some(edition => edition.id === 'india'));
	const story = articles.find(article => article.id === LEAKED_CALL_ID);
	assert.equal(story?.location, 'Moscow');
	assert.equal(story?.credit, '(With inputs from agencies.)');
});

test('lists by sector and edition, newest first, with counts per sector and edition', () => {
	const {library} = openLibrary();
	assert.deepEqual(library.count({}), {total: SHIPPED.full + SHIPPED.headlines, unread: SHIPPED.full + SHIPPED.headlines});
	assert.equal(library.count({edition: 'india'}).total, SHIPPED.india);
	assert.equal(library.count({edition: 'global'}).total, SHIPPED.global);
	const politicsGlobal = library.page({sector: 'politics', edition: 'global'}, 0, 10);
	assert.deepEqual(politicsGlobal.map(row => row.id), [LEAKED_CALL_ID]);
	assert.equal(library.page({}, 0, 1)[0]?.id, LEAKED_CALL_ID, 'the dated story comes before undated headlines');
	const bySector = library.countsBy('sector', {edition: 'global'});
	assert.deepEqual(bySector.get('politics'), {total: 1, unread: 1});
	assert.equal(bySector.get('headlines')?.total, 1);
	const byEdition = library.countsBy('edition', {});
	assert.equal(byEdition.get('india')?.total, 3);
	assert.equal(byEdition.get('other')?.total, 4, 'the opinion pieces carry no edition');
});

test('pages are windows: offset and limit, never the whole corpus', () => {
	const {library} = openLibrary();
	const all = library.page({}, 0, 100).map(row => row.id);
	assert.deepEqual(library.page({}, 3, 2).map(row => row.id), all.slice(3, 5));
});

test('full-text search finds words in titles, summaries and bodies, best matches first', () => {
	const {library} = openLibrary();
	assert.deepEqual(library.page({query: 'preliminary agreement'}, 0, 10).map(row => row.id), [LEAKED_CALL_ID], 'a phrase only in the body');
	assert.deepEqual(library.page({query: 'Bloomberg'}, 0, 10).map(row => row.id), [LEAKED_CALL_ID]);
	assert.equal(library.count({query: 'leaked CALL'}).total, 1, 'any case');
	assert.equal(library.count({query: 'refin'}).total, 1, 'the last word matches as a prefix, for search as you type');
	assert.equal(library.count({query: 'power'}).total, 2);
	assert.equal(library.count({query: 'power', edition: 'india'}).total, 2);
	assert.equal(library.count({query: 'power', edition: 'global'}).total, 0);
});

test('search text is never FTS or SQL syntax: special characters find nothing or plain words, never an error', () => {
	const {library} = openLibrary();
	for (const query of ['"', "'", '%', '_', '*', 'AND', 'NEAR(', 'title:x', '(', ')', '-', '^', `'); DROP TABLE articles; --`, '"unbalanced', 'a OR', '\\', '{}', '漢字']) {
		assert.doesNotThrow(() => library.page({query}, 0, 10), query);
		assert.doesNotThrow(() => library.count({query}), query);
	}

	assert.equal(library.count({query: "J&K's"}).total, 1);
	assert.equal(library.count({query: '"Ushakov" AND'}).total, 1, 'AND is a word here (the story has "and"), and the quote is ignored');
	assert.equal(library.count({}).total, 9, 'nothing was dropped');
});

test('read state and reading position are kept per article', () => {
	const {library} = openLibrary();
	library.setRead(LEAKED_CALL_ID, true);
	library.setPosition(LEAKED_CALL_ID, 0.5);
	assert.deepEqual(library.reading(LEAKED_CALL_ID), {read: true, position: 0.5});
	assert.equal(library.count({}).unread, 8);
	assert.equal(library.page({}, 0, 1)[0]?.read, true);
});

test('a bad data file is named with its field, and everything else still loads', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'broken-json.json', '{"id": "x", ');
	writeArticle(data, 'bad-field.json', {id: 'bad', title: 'Bad', kind: 'full', body: ['text'], createdAt: 'last tuesday', source: 'data'});
	writeArticle(data, 'bad-kind.json', {id: 'bad2', title: 'Bad', kind: 'rumour', body: [], source: 'data'});
	const {library, errors} = openLibrary(data);
	assert.equal(errors.length, 3);
	assert.match(errors.find(line => line.includes('broken-json.json')) ?? '', /broken-json\.json: not valid JSON/);
	assert.match(errors.find(line => line.includes('bad-field.json')) ?? '', /bad-field\.json: createdAt: expected an ISO 8601 time/);
	assert.match(errors.find(line => line.includes('bad-kind.json')) ?? '', /bad-kind\.json: kind: /);
	assert.equal(library.count({}).total, 9, 'the good files all loaded');
});

test('a duplicate id is reported against the file that repeats it', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'zz-duplicate.json', {id: LEAKED_CALL_ID, title: 'Copy', kind: 'headline', source: 'data'});
	const {errors} = loadDataDir(data);
	assert.equal(errors.length, 1);
	assert.match(errors[0]!, /zz-duplicate\.json: id: "3710216" is already used by .*3710216\.json/);
});

test('data is imported again only when its files change, and errors are reported every time', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'bad.json', '[');
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	const first = Library.open(file).library;
	assert.equal(first.syncData(data).length, 1);
	first.close();
	const second = Library.open(file).library;
	assert.equal(second.syncData(data).length, 1, 'the remembered error is reported again');
	fs.rmSync(path.join(data, 'articles', 'bad.json'));
	writeArticle(data, 'new.json', {id: 'new', title: 'A new headline', kind: 'headline', source: 'data'});
	assert.deepEqual(second.syncData(data), []);
	assert.equal(second.count({}).total, 10);
	assert.equal(second.article('new')?.title, 'A new headline');
});

test('an unknown sector or edition is listed under Other', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'odd.json', {id: 'odd', title: 'Odd one', kind: 'headline', sector: 'astrology', edition: 'mars', source: 'data'});
	const {library} = openLibrary(data);
	const row = library.page({query: 'Odd one'}, 0, 1)[0];
	assert.equal(row?.sector, 'other');
	assert.equal(row?.edition, 'other');
	assert.equal(library.article('odd')?.sector, 'astrology', 'the article keeps what its data said');
});

test('a damaged library file is moved aside and rebuilt; an unwritable folder falls back to memory', () => {
	const dir = tempDir('devnews-cache');
	const file = path.join(dir, 'library.sqlite');
	fs.writeFileSync(file, 'this is not a database, just text that is long enough to have a header'.repeat(20));
	const damaged = Library.open(file);
	assert.match(damaged.warning ?? '', /was damaged; moved it to .*library\.sqlite\.corrupt-/);
	assert.equal(damaged.library.syncData(SHIPPED_DATA).length, 0);
	assert.equal(damaged.library.count({}).total, 9);
	assert.equal(fs.readdirSync(dir).filter(name => name.includes('.corrupt-')).length, 1);

	const blocker = path.join(tempDir('devnews-cache'), 'a-file');
	fs.writeFileSync(blocker, '');
	const unwritable = Library.open(path.join(blocker, 'library.sqlite'));
	assert.match(unwritable.warning ?? '', /in memory only: cannot write .*a-file/);
	unwritable.library.syncData(SHIPPED_DATA);
	assert.equal(unwritable.library.count({}).total, 9);
});
