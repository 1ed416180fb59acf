import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {loadDataDir} from '../source/data/load-data.js';
import {SEARCH_LIMIT} from '../source/library/ranked-search.js';
import {Library} from '../source/library/store.js';
import {syntheticArticle} from '../bench/synthetic.js';
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
	assert.equal(taxonomy.sectors.length, 15, 'the site\'s fifteen sectors');
	assert.equal(taxonomy.editions.length, 12, 'the site\'s twelve editions');
	assert.ok(taxonomy.sectors.some(sector => sector.id === 'economy-business' && sector.name === 'Economy & Business' && sector.siteId === 1));
	assert.ok(taxonomy.editions.some(edition => edition.id === 'south-asia' && edition.name === 'South Asia'));
	assert.ok(!taxonomy.editions.some(edition => edition.id === 'india'), 'India is a country, not an edition');
	assert.equal(taxonomy.labels['politics'], 'politics');
	assert.equal(taxonomy.labels['headlines'], null, 'a label that names no sector');
	const story = articles.find(article => article.id === LEAKED_CALL_ID);
	assert.equal(story?.location, 'Moscow');
	assert.equal(story?.credit, '(With inputs from agencies.)');
	assert.equal(story?.label, 'politics');
	assert.deepEqual(story?.editions, [], 'the page shows no edition');
	const trending = articles.filter(article => article.section === 'trending');
	assert.deepEqual(
		trending.map(article => article.countries),
		[[], ['India'], ['India'], ['India']],
		'trending tags are countries ("Global" is none), not editions',
	);
	assert.ok(articles.every(article => article.editions.length === 0 && article.sectors.length === 0), 'sectors come only from labels, by the rule in labels.json');
});

test('lists by sector and edition, newest first, with counts per sector and edition', () => {
	const {library} = openLibrary();
	assert.deepEqual(library.count({}), {total: SHIPPED.full + SHIPPED.headlines, unread: SHIPPED.full + SHIPPED.headlines});
	assert.equal(library.count({sector: 'politics'}).total, SHIPPED.politics, 'the leaked call: its link\'s label is "politics"');
	assert.equal(library.count({sector: 'technology'}).total, SHIPPED.technology);
	assert.equal(library.count({edition: 'global'}).total, 0, 'no shipped entry claims an edition');
	const politics = library.page({sector: 'politics', edition: 'other'}, 0, 10);
	assert.deepEqual(politics.map(row => row.id), [LEAKED_CALL_ID]);
	assert.equal(library.page({}, 0, 1)[0]?.id, LEAKED_CALL_ID, 'the dated story comes before undated headlines');
	const bySector = library.countsBy('sector', {edition: 'other'});
	assert.deepEqual(bySector.get('politics'), {total: 1, unread: 1});
	assert.equal(bySector.get('other')?.total, 7, 'a "headlines" label names no sector');
	const byEdition = library.countsBy('edition', {});
	assert.deepEqual([...byEdition.keys()], ['other']);
	assert.equal(byEdition.get('other')?.total, 9);
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
	assert.equal(library.count({query: 'power', sector: 'other'}).total, 2);
	assert.equal(library.count({query: 'power', sector: 'politics'}).total, 0);
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
	fs.rmSync(path.join(dataFolder(data).articles, 'bad.json'));
	writeArticle(data, 'new.json', {id: 'new', title: 'A new headline', kind: 'headline', source: 'data'});
	assert.deepEqual(second.syncData(data), []);
	assert.equal(second.count({}).total, 10);
	assert.equal(second.article('new')?.title, 'A new headline');
});

test('an unknown sector or edition is listed under Other; names and aliases are filed under their ids', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'odd.json', {id: 'odd', title: 'Odd one', kind: 'headline', sector: 'astrology', edition: 'mars', source: 'data'});
	writeArticle(data, 'named.json', {id: 'named', title: 'Named one', kind: 'headline', sectors: ['Economy & Business', 'tech'], editions: ['South Asia'], source: 'data'});
	const {library} = openLibrary(data);
	const row = library.page({query: 'Odd one'}, 0, 1)[0];
	assert.deepEqual(row?.sectors, ['other']);
	assert.deepEqual(row?.editions, ['other']);
	assert.deepEqual(library.article('odd')?.sectors, ['astrology'], 'the article keeps what its data said');
	const named = library.page({query: 'Named one'}, 0, 1)[0];
	assert.deepEqual(named?.sectors, ['economy-business', 'technology'], 'several sectors, by name and alias');
	assert.deepEqual(named?.editions, ['south-asia']);
	assert.equal(library.count({sector: 'technology'}).total, 2, 'listed under each of its sectors');
	assert.equal(library.count({sector: 'economy-business', edition: 'south-asia'}).total, 1);
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
	assert.equal(unwritable.library.persistent, false);
	unwritable.library.syncData(SHIPPED_DATA);
	assert.equal(unwritable.library.count({}).total, 9);
});

/** A library holding the shipped data and `count` synthetic articles (generated, marked synthetic). */
function syntheticLibrary(count: number) {
	const {library} = openLibrary();
	const taxonomy = library.taxonomy();
	library.upsert(Array.from({length: count}, (_, index) => syntheticArticle(index, taxonomy, count)), 'synthetic');
	return library;
}

test('a window far down the list is the same rows whichever end it is read from', () => {
	const library = syntheticLibrary(300);
	for (const filter of [{}, {sector: 'politics'}, {edition: 'south-asia'}, {sector: 'health', edition: 'global'}]) {
		const all = library.page(filter, 0, 10_000).map(row => row.id);
		assert.equal(all.length, library.count(filter).total);
		for (const offset of [0, 1, Math.floor(all.length / 2), all.length - 20, all.length - 3, all.length].filter(offset => offset >= 0)) {
			assert.deepEqual(library.page(filter, offset, 10).map(row => row.id), all.slice(offset, offset + 10), `${JSON.stringify(filter)} at ${offset}`);
		}
	}
});

test('counts follow new articles, read marks and articles moving between sectors', () => {
	const library = syntheticLibrary(120);
	const taxonomy = library.taxonomy();
	const brute = (filter: {sector?: string; edition?: string}) => {
		const rows = library.page(filter, 0, 10_000);
		return {total: rows.length, unread: rows.filter(row => !row.read).length};
	};

	library.setRead('synthetic-3', true);
	library.setRead('synthetic-3', true);
	library.setRead('synthetic-4', true);
	library.setRead('synthetic-4', false);
	const moved = {...syntheticArticle(5, taxonomy, 120), sectors: ['economy-business', 'health'], editions: ['west-africa'], title: 'Moved synthetic article'};
	library.upsert([moved], 'synthetic');
	for (const filter of [{}, {sector: 'economy-business'}, {sector: 'health'}, {edition: 'west-africa'}, {sector: 'economy-business', edition: 'west-africa'}, {sector: syntheticArticle(3, taxonomy, 120).sectors[0]}]) {
		assert.deepEqual(library.count(filter), brute(filter), JSON.stringify(filter));
	}

	const bySector = library.countsBy('sector', {});
	assert.equal([...bySector.values()].reduce((sum, counts) => sum + counts.total, 0), library.count({}).total + 1, 'the moved article counts in both its sectors');
});

test('a feed sending again a summary of a story held in full never replaces the story', () => {
	const {library} = openLibrary();
	const feed = 'https://www.devdiscourse.com/RSS/GoogleNews';
	const summary = {id: LEAKED_CALL_ID, title: 'Leaked call (feed title)', summary: 'Short.', countries: [], sectors: [], editions: [], body: [], kind: 'headline' as const, source: feed};
	assert.deepEqual(library.upsert([summary], feed), {added: 0, updated: 0, refused: 0}, 'nothing new to keep');
	const story = library.article(LEAKED_CALL_ID);
	assert.equal(story?.kind, 'full');
	assert.equal(story?.body.length, 3);
	assert.equal(story?.title, 'Leaked Call Sparks Controversy Over US-Russia Ukraine Peace Talks');
	assert.equal(library.count({}).total, 9);
});

test('a search matching more than it ranks says so, and filters by sector and edition', () => {
	const library = syntheticLibrary(SEARCH_LIMIT + 50);
	const common = library.count({query: 'the'});
	assert.equal(common.total, SEARCH_LIMIT);
	assert.equal(common.more, true);
	assert.equal(library.page({query: 'the'}, 0, 5).length, 5);
	const politics = library.page({query: 'the', sector: 'politics'}, 0, 10_000);
	assert.ok(politics.length > 0 && politics.every(row => row.sectors.includes('politics')));
	const rare = library.count({query: 'Moved'});
	assert.equal(rare.more, undefined);
	const bySector = library.countsBy('sector', {query: 'the', sector: 'politics'});
	assert.equal(bySector.get('politics')?.more, true, 'pickers say a count is a lower bound');
	assert.equal(library.count({query: 'xsectorpolitics'}).total, 0, 'the sector terms are not searchable words');
});

test('search ranks stories with the words in their title first, then the rest, newest first', () => {
	const {library} = openLibrary();
	const base = {countries: [], kind: 'full' as const, source: 'synthetic', synthetic: true, sectors: ['health'], editions: ['global']};
	library.upsert(
		[
			{...base, id: 'old-title', title: 'Synthetic: quokka census results', body: ['Older, with the word in its title.'], createdAt: '2024-01-01T00:00:00Z'},
			{...base, id: 'new-body', title: 'Synthetic: wildlife counts', body: ['A newer story that names the quokka only here.'], createdAt: '2026-01-01T00:00:00Z'},
			{...base, id: 'newer-title', title: 'Synthetic: quokka numbers rise', body: ['Newest title match.'], createdAt: '2026-06-01T00:00:00Z'},
			{...base, id: 'older-body', title: 'Synthetic: island notes', body: ['An old quokka sighting.'], createdAt: '2023-01-01T00:00:00Z'},
		],
		'synthetic',
	);
	assert.deepEqual(library.page({query: 'quokka'}, 0, 10).map(row => row.id), ['newer-title', 'old-title', 'new-body', 'older-body']);
	assert.deepEqual(library.page({query: 'quo'}, 0, 10).map(row => row.id), ['newer-title', 'old-title', 'new-body', 'older-body'], 'three letters match as a prefix');
	assert.equal(library.count({query: 'qu'}).total, 0, 'two letters are a whole word, not a prefix');
});

test('paging down window by window gives the same rows as reading the whole list, with ties in time', () => {
	const {library} = openLibrary();
	const base = {countries: [], body: [], kind: 'headline' as const, source: 'synthetic', synthetic: true, sectors: ['health'], editions: ['south-asia']};
	library.upsert(
		Array.from({length: 90}, (_, index) => ({
			...base,
			id: `tie-${String(index).padStart(3, '0')}`,
			title: `Synthetic headline ${index}`,
			// Thirty share one time, thirty another, thirty are undated.
			...(index < 60 ? {createdAt: index < 30 ? '2026-01-01T00:00:00Z' : '2025-06-01T00:00:00Z'} : {}),
		})),
		'synthetic',
	);
	for (const filter of [{}, {sector: 'health'}, {sector: 'health', edition: 'south-asia'}]) {
		const all = library.page(filter, 0, 10_000).map(row => row.id);
		for (let offset = 0; offset < all.length / 2; offset += 7) {
			assert.deepEqual(library.page(filter, offset, 7).map(row => row.id), all.slice(offset, offset + 7), `${JSON.stringify(filter)} at ${offset}`);
		}

		// And back up, one row at a time.
		for (let offset = Math.floor(all.length / 2); offset >= 0; offset--) {
			assert.deepEqual(library.page(filter, offset, 7).map(row => row.id), all.slice(offset, offset + 7), `${JSON.stringify(filter)} at ${offset}, upwards`);
		}
	}
});
