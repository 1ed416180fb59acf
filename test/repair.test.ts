// Damage to the library's file gives no wrong answer: it is found (by the
// error a statement meets, by a lookup that misses an id the table holds,
// by the check in the background) and repaired, losing as little as can be,
// and the user is told once what was done (library/repair.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import {syntheticArticle} from '../bench/synthetic.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {Library} from '../source/library/store.js';
import {copyOfShippedData, isolatedEnv, LEAKED_CALL_ID, runDevnews, SHIPPED, SHIPPED_DATA, tempDir, writeArticle} from './helpers.js';
import {damagePage, pages, rootPage} from './damage.js';
import {renderApp} from './render-app.js';

const ID_INDEX = 'sqlite_autoindex_articles_1';

/** A library at `file` with the shipped data imported, the log copied in. */
function shippedLibrary(): string {
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	const {library} = Library.open(file);
	library.syncData(SHIPPED_DATA);
	library.close();
	return file;
}

test('the issue: the id index\'s root page overwritten in part; devnews list shows the id, devnews read repairs the index and prints the story', async () => {
	const env = isolatedEnv();
	const listed = await runDevnews(['list'], env);
	assert.match(listed.stdout, new RegExp(`id ${LEAKED_CALL_ID}`));
	const file = path.join(env['XDG_CACHE_HOME']!, 'devnews', 'library.sqlite');
	const root = rootPage(file, ID_INDEX);
	// Garbage over the end of the page, where its cells are.
	damagePage(file, root, page => page.fill(0x41, page.length - 300));

	const read = await runDevnews(['read', LEAKED_CALL_ID], env);
	assert.equal(read.code, 0, read.stderr);
	assert.match(read.stdout, /Leaked Call Sparks Controversy/);
	assert.equal(read.stderr, `devnews: Library ${file} had damaged indexes; rebuilt them from its tables, nothing lost.\n`, 'told once, in one line');
	assert.ok(!fs.readdirSync(path.dirname(file)).some(name => name.includes('corrupt')), 'nothing moved aside');
	assert.equal((await runDevnews(['read', LEAKED_CALL_ID], env)).stderr, '', 'repaired for good');
});

test('an index that answers wrong without an error (the id in its entry changed): read finds the article by the table, rebuilds the index, prints the story', async () => {
	const env = isolatedEnv();
	await runDevnews(['list'], env);
	const file = path.join(env['XDG_CACHE_HOME']!, 'devnews', 'library.sqlite');
	damagePage(file, rootPage(file, ID_INDEX), page => {
		const at = page.indexOf(LEAKED_CALL_ID);
		assert.ok(at > 0, 'the id is on the index\'s page');
		page.write('3710299', at);
	});

	const read = await runDevnews(['read', LEAKED_CALL_ID], env);
	assert.equal(read.code, 0, read.stderr);
	assert.match(read.stdout, /Leaked Call Sparks Controversy/);
	assert.match(read.stderr, /had damaged indexes; rebuilt them from its tables, nothing lost\./);
	const missing = await runDevnews(['read', 'no-such-id'], env);
	assert.match(missing.stderr, /No article with id "no-such-id"/, 'an id the library never held is still not found');
	assert.doesNotMatch(missing.stderr, /rebuilt/);
});

test('a damaged page of the articles table: every readable row is copied into a new file, read marks kept, stories whose rows were lost written again, the damaged file kept', () => {
	const data = copyOfShippedData();
	const {taxonomy} = loadTaxonomy(SHIPPED_DATA);
	const size = 3000;
	writeArticle(data, 'synthetic.json', Array.from({length: size}, (_, index) => syntheticArticle(index, taxonomy, size)));
	const file = path.join(tempDir('devnews-cache'), 'library.sqlite');
	const first = Library.open(file).library;
	first.syncData(data);
	const ids = [...first.rows({})].map(row => row.id);
	for (const [index, id] of ids.entries()) {
		if (index % 3 === 0) first.setRead(id, true);
		if (index % 5 === 0) first.setPosition(id, 0.5);
	}

	const before = new Map(ids.map(id => [id, first.reading(id)]));
	first.close();

	// A leaf page of the articles table in the middle, overwritten with noise.
	const leaves = pages(file, 'articles').filter(page => page.pagetype === 'leaf');
	const damaged = leaves[Math.floor(leaves.length / 2)]!;
	damagePage(file, damaged.pageno, page => {
		for (let offset = 0; offset < page.length; offset++) page[offset] = (offset * 131 + 17) % 256;
	});

	const {library} = Library.open(file);
	const told: string[] = [];
	library.onRepaired(line => told.push(line));
	library.syncData(data);
	const {before: found, repair, after} = library.checkup();
	assert.ok(found.problems.length > 0);
	assert.equal(repair?.action, 'recovered');
	assert.deepEqual(after?.problems, []);
	assert.equal(told.length, 1);
	assert.match(told[0]!, /was damaged; copied what could be read \(3,009 articles; nothing readable lost\) into a new file; the damaged one is kept as .*library\.sqlite\.corrupt-/);
	assert.ok(fs.existsSync(repair!.aside!), 'the damaged file is kept');

	assert.deepEqual(new Set([...library.rows({})].map(row => row.id)), new Set(ids), 'every article is there');
	const changed = ids.filter(id => JSON.stringify(library.reading(id)) !== JSON.stringify(before.get(id)));
	assert.ok(changed.length <= damaged.ncell, `only the read marks on the damaged page are lost (${changed.length} of at most ${damaged.ncell})`);
	assert.ok(library.article(ids[0]!) && library.article(ids.at(-1)!), 'stories read');
	const word = library.article(ids.at(-1)!)!.title.split(' ').find(part => /^\w{5,}$/.test(part))!;
	assert.ok([...library.rows({query: word})].length > 0, `the full-text index is filled again (${word})`);
	library.close();
});

test('devnews doctor: a sound library is reported sound; a damaged one is repaired, with what was found and done', async () => {
	const env = isolatedEnv();
	const sound = await runDevnews(['doctor'], env);
	assert.equal(sound.code, 0, sound.stderr);
	assert.match(sound.stdout, /checked: every page, row and index entry/);
	assert.match(sound.stdout, new RegExp(`held: ${SHIPPED.full + SHIPPED.headlines} articles`));
	assert.match(sound.stdout, /found: nothing wrong \(\d+\.\d s\)/);

	const file = path.join(env['XDG_CACHE_HOME']!, 'devnews', 'library.sqlite');
	// Damage no read meets: an entry of the id index that names another id.
	damagePage(file, rootPage(file, ID_INDEX), page => page.write('3710299', page.indexOf(LEAKED_CALL_ID)));
	const repaired = await runDevnews(['doctor', '--json'], env);
	assert.equal(repaired.code, 0, repaired.stderr);
	const report = JSON.parse(repaired.stdout) as {problems: string[]; repair: {action: string}; after: {problems: string[]}; sound: boolean};
	assert.ok(report.problems.some(problem => problem.includes(ID_INDEX)), report.problems.join('\n'));
	assert.equal(report.repair.action, 'rebuilt');
	assert.deepEqual(report.after.problems, []);
	assert.equal(report.sound, true);
	assert.match((await runDevnews(['doctor'], env)).stdout, /found: nothing wrong/);
});

test('the check in the background finds damage no read has met, and the browser says in one line what was repaired', async () => {
	const file = shippedLibrary();
	damagePage(file, rootPage(file, ID_INDEX), page => page.fill(0x41, page.length - 300));
	const {frame, waitFor, ui, library} = await renderApp({cacheDir: path.dirname(file)});
	await waitFor(/had damaged indexes; rebuilt\s+them/, 15_000);
	assert.match(frame(), /Leaked Call/);
	assert.equal(new Database(file, {readonly: true}).pragma('quick_check', {simple: true}), 'ok');
	ui.unmount();
	library.close();
});
