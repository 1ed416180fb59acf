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
	assert.equal(library.count({}), SHIPPED.full + SHIPPED.headlines);
	assert.equal(library.count({edition: 'india'}), SHIPPED.india);
	assert.equal(library.count({edition: 'global'}), SHIPPED.global);
	const politicsGlobal = library.page({sector: 'politics', edition: 'global'}, 0, 10);
	assert.deepEqual(politicsGlobal.map(row => row.id), [LEAKED_CALL_ID]);
	assert.equal(library.page({}, 0, 1)[0]?.id, LEAKED_CALL_ID, 'the dated story comes before undated headlines');
	const bySector = library.countsBy('sector', {edition: 'global'});
	assert.equal(bySector.get('politics'), 1);
	assert.equal(bySector.get('headlines'), 1);
	const byEdition = library.countsBy('edition', {});
	assert.equal(byEdition.get('india'), 3);
	assert.equal(byEdition.get('other'), 4, 'the opinion pieces carry no edition');
});

test('pages are windows: offset and limit, never the whole corpus', () => {
	const {library} = openLibrary();
	const all = library.page({}, 0, 100).map(row => row.id);
	assert.deepEqual(library.page({}, 3, 2).map(row => row.id), all.slice(3, 5));
});

test('the title filter is a plain substring: LIKE wildcards and quotes match literally', () => {
	const {library} = openLibrary();
	assert.equal(library.count({title: 'leaked CALL'}), 1);
	assert.equal(library.count({title: '%'}), 0);
	assert.equal(library.count({title: '_'}), 0);
	assert.equal(library.count({title: "J&K's"}), 1);
	assert.equal(library.count({title: `'); DROP TABLE articles; --`}), 0);
	assert.equal(library.count({}), 9);
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
	assert.equal(library.count({}), 9, 'the good files all loaded');
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
	assert.equal(second.count({}), 10);
	assert.equal(second.article('new')?.title, 'A new headline');
});

test('an unknown sector or edition is listed under Other', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'odd.json', {id: 'odd', title: 'Odd one', kind: 'headline', sector: 'astrology', edition: 'mars', source: 'data'});
	const {library} = openLibrary(data);
	const row = library.page({title: 'Odd one'}, 0, 1)[0];
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
	assert.equal(damaged.library.count({}), 9);
	assert.equal(fs.readdirSync(dir).filter(name => name.includes('.corrupt-')).length, 1);

	const blocker = path.join(tempDir('devnews-cache'), 'a-file');
	fs.writeFileSync(blocker, '');
	const unwritable = Library.open(path.join(blocker, 'library.sqlite'));
	assert.match(unwritable.warning ?? '', /in memory only: cannot write .*a-file/);
	unwritable.library.syncData(SHIPPED_DATA);
	assert.equal(unwritable.library.count({}), 9);
});
