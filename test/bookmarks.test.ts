import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {CLI, copyOfShippedData, isolatedEnv, openBookmarks, tempDir, writeArticle} from './helpers.js';

/** A home for a spawned devnews, and the folder its config.json is in ($XDG_CONFIG_HOME/devnews). */
function devnewsHome() {
	const home = tempDir('devnews-home');
	return {env: isolatedEnv(home), configDir: path.join(home, 'config', 'devnews')};
}
const snapshot = (id: string) => ({id, title: `Title ${id}`, url: `https://e.com/${id}`, sector: 'politics', edition: 'global'});

test('add, has, toggle and remove; newest first', async () => {
	const {store, config, warning} = await openBookmarks(tempDir('devnews-config'));
	assert.equal(warning, undefined);
	assert.equal(config.writable, true);
	await store.add(snapshot('a'));
	await new Promise(resolve => setTimeout(resolve, 5));
	await store.add(snapshot('b'));
	assert.deepEqual(store.list().map(bookmark => bookmark.id), ['b', 'a']);
	assert.ok(store.has('a'));
	assert.equal(await store.toggle(snapshot('a')), false);
	assert.ok(!store.has('a'));
	assert.equal(await store.toggle(snapshot('a')), true);
	assert.equal(await store.remove('b'), true);
	assert.equal(await store.remove('b'), false);
	assert.deepEqual(store.list().map(bookmark => bookmark.id), ['a']);
});

test('bookmarks persist in a readable JSON file, seen by another process', async () => {
	const {env, configDir: dir} = devnewsHome();
	await (await openBookmarks(dir)).store.add(snapshot('kept'));
	const file = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {bookmarks: Record<string, {title: string}>};
	assert.equal(file.bookmarks['kept']?.title, 'Title kept');
	const child = spawnSync(process.execPath, [CLI, 'bookmarks', '--json'], {env, encoding: 'utf8'});
	assert.equal(child.status, 0, child.stderr);
	assert.deepEqual((JSON.parse(child.stdout) as Array<{id: string}>).map(bookmark => bookmark.id), ['kept']);
});

test('an entry that does not parse is skipped, not deleted', async () => {
	const dir = tempDir('devnews-config');
	fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({bookmarks: {odd: {id: 'odd'}}, theme: 'mine'}));
	const {store} = await openBookmarks(dir);
	assert.deepEqual(store.list(), []);
	await store.add(snapshot('new'));
	const file = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {bookmarks: Record<string, unknown>; theme: string};
	assert.deepEqual(file.bookmarks['odd'], {id: 'odd'});
	assert.equal(file.theme, 'mine', 'other settings survive');
});

test('a config that is not valid JSON is moved aside, never emptied', async () => {
	const dir = tempDir('devnews-config');
	const file = path.join(dir, 'config.json');
	fs.writeFileSync(file, '{not json');
	const {store, warning} = await openBookmarks(dir);
	assert.match(warning ?? '', new RegExp(`${file.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} was not valid JSON \\(.*\\); moved it to .*config\\.json\\.corrupt-`));
	const backup = fs.readdirSync(dir).find(name => name.startsWith('config.json.corrupt-'));
	assert.ok(backup);
	assert.equal(fs.readFileSync(path.join(dir, backup), 'utf8'), '{not json');
	assert.deepEqual(store.list(), []);
	await store.add(snapshot('after'));
	assert.deepEqual((await openBookmarks(dir)).store.list().map(bookmark => bookmark.id), ['after']);
});

test('an unwritable folder: open does not throw, changes say why they fail', async () => {
	const blocker = path.join(tempDir('devnews-config'), 'a-file');
	fs.writeFileSync(blocker, '');
	const dir = path.join(blocker, 'devnews');
	const {store, config, warning} = await openBookmarks(dir);
	assert.match(warning ?? '', /Config is read-only: cannot write .*a-file\/devnews\/config\.json \(ENOTDIR\)\. Browsing still works\./);
	assert.equal(config.writable, false);
	assert.deepEqual(store.list(), []);
	await assert.rejects(store.add(snapshot('x')), /a-file\/devnews\/config\.json/);
});

test('two processes adding at the same moment lose none', async () => {
	const {env, configDir: dir} = devnewsHome();
	const data = copyOfShippedData();
	const names = (prefix: string) => Array.from({length: 25}, (_, index) => `${prefix}-${index}`);
	// Synthetic articles to bookmark, 25 for each process.
	const synthetic = [...names('left'), ...names('right')].map(id => ({id, title: `Synthetic ${id}`, kind: 'headline', synthetic: true}));
	writeArticle(data, 'synthetic.json', synthetic);
	assert.equal(spawnSync(process.execPath, [CLI, 'list', '--data', data], {env}).status, 0, 'the library is built once, so the race is on the bookmarks file');
	const run = (prefix: string) =>
		new Promise<number | null>(resolve => {
			// Each id is one locked read-modify-write of the file, so the two processes' writes interleave.
			spawn(process.execPath, [CLI, 'bookmark', ...names(prefix), '--data', data], {env, stdio: 'ignore'}).on('exit', resolve);
		});
	assert.deepEqual(await Promise.all([run('left'), run('right')]), [0, 0]);
	const ids = (await openBookmarks(dir)).store.list().map(bookmark => bookmark.id);
	assert.equal(ids.length, 50);
	for (let index = 0; index < 25; index++) {
		assert.ok(ids.includes(`left-${index}`) && ids.includes(`right-${index}`), String(index));
	}
});
