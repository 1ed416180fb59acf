// Two devnews on one library and one config (two browsers, or a browser and
// devnews fetch): what one does, the other shows within about a second.
import assert from 'node:assert/strict';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {test} from 'node:test';
import type {Article} from '../source/core/article.js';
import {Library} from '../source/library/store.js';
import {openBookmarks, SHIPPED, SHIPPED_DATA, tempDir, until} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

const DAY = 24 * 60 * 60 * 1000;
const FEED = 'https://example.com/other-process.xml';

/** A feed item `daysOld` days old (newer than the shipped stories when 0). */
const item = (id: string, daysOld: number): Article => ({
	id,
	title: `Other process ${id}`,
	createdAt: new Date(Date.now() - daysOld * DAY).toISOString(),
	countries: [],
	sectors: ['health'],
	editions: ['global'],
	body: [],
	kind: 'headline',
	source: FEED,
});

function openLibrary(cacheDir: string): Library {
	const {library} = Library.open(path.join(cacheDir, 'library.sqlite'));
	library.syncData(SHIPPED_DATA);
	return library;
}

test('a library sees what another connection wrote (adds, prunes, read marks), and not its own writes', () => {
	const cache = tempDir('devnews-cache');
	const here = openLibrary(cache);
	const other = openLibrary(cache);
	assert.equal(here.followOthers(), false, 'nothing happened yet');
	assert.equal(here.count().total, SHIPPED.full + SHIPPED.headlines);

	here.setRead('3710216', true);
	assert.equal(here.followOthers(), false, 'its own write is no news to itself');
	const before = here.view();

	other.upsert(Array.from({length: 20}, (_, index) => item(`old-${index}`, 40)), FEED);
	assert.equal(here.view(), before, 'what is drawn from the view is not read again until told');
	assert.equal(here.followOthers(), true);
	assert.notEqual(here.view(), before, 'the views read again');
	assert.equal(here.count().total, 29);

	other.setReadMany(other.rowidsOf(Array.from({length: 20}, (_, index) => `old-${index}`)), true);
	assert.equal(here.followOthers(), true);
	assert.equal(here.count().unread, 8);
	assert.equal(other.prune(30, new Set()), 20);
	assert.equal(here.followOthers(), true);
	assert.deepEqual(here.count(), {total: 9, unread: 8});
	assert.equal(here.followOthers(), false, 'told once');
	here.close();
	other.close();
});

test('the config file is watched: another process’s bookmark is told within a second; stopping the watch stops it', async () => {
	const dir = tempDir('devnews-config');
	const here = await openBookmarks(dir);
	const other = await openBookmarks(dir);
	let told = 0;
	const stop = here.config.watch(() => told++);
	await other.store.add({id: 'x', title: 'From elsewhere'});
	await until(() => told > 0, 'the watch told of the change', 2000);
	assert.deepEqual(here.store.list().map(bookmark => bookmark.id), ['x']);
	stop();
	const seen = told;
	await other.store.remove('x');
	await delay(400);
	assert.equal(told, seen, 'not told once stopped');
});

test('two browsers on one library and config: a bookmark, a read mark, news added and pruned by one show in the other, its selection on its story', async () => {
	const cacheDir = tempDir('devnews-cache');
	const configDir = tempDir('devnews-config');
	const first = await renderApp({cacheDir, configDir, width: 100, height: 20});
	const second = await renderApp({cacheDir, configDir, width: 100, height: 20});
	assert.match(second.frame(), /9 articles · 9 unread/);

	// The second browser's selection: the third story.
	await second.press(KEYS.down, KEYS.down);
	const selected = () => second.frame().split('\n').find(line => line.startsWith('›')) ?? '';
	const story = selected().replace(/^›\s*\S*\s*/, '').slice(0, 30);
	assert.ok(story.length > 10, second.frame());

	// The first bookmarks its first story and reads it (Enter marks it read).
	await first.press('b');
	await first.waitFor(/Bookmarked: /);
	await second.waitFor(/★/, 3000);
	await first.press(KEYS.enter);
	await second.waitFor(/9 articles · 8 unread/, 3000);

	// Another process (devnews fetch, say) adds twenty new stories above the selection, then prunes them.
	const other = openLibrary(cacheDir);
	other.upsert(Array.from({length: 20}, (_, index) => item(`new-${index}`, 0)), FEED);
	await second.waitFor(/29 articles · 28 unread/, 3000);
	assert.ok(selected().includes(story), `the selection stays on its story:\n${second.frame()}`);
	other.setReadMany(other.rowidsOf(Array.from({length: 20}, (_, index) => `new-${index}`)), true);
	assert.equal(other.prune(0, new Set()), 20);
	await second.waitFor(/9 articles · 8 unread/, 3000);
	assert.ok(selected().includes(story), `and after the prune:\n${second.frame()}`);
	other.close();
	first.ui.unmount();
	second.ui.unmount();
});

test('a story open here that another devnews prunes stays open, as it was, until the reader leaves it; the list then has it no more', async () => {
	const cacheDir = tempDir('devnews-cache');
	const other = openLibrary(cacheDir);
	other.upsert([{...item('pruned', 40), kind: 'full', body: ['The paragraph being read.']}], FEED);
	const browser = await renderApp({cacheDir, width: 80, height: 16});
	await browser.press(KEYS.enter);
	await browser.waitFor(/The paragraph being read\./);
	const before = browser.library.view();
	assert.equal(other.prune(30, new Set()), 1, 'opening it marked it read, so it goes');
	await until(() => browser.library.view() !== before, 'the browser saw the prune');
	await delay(50); // the frame drawn for it
	assert.match(browser.frame(), /The paragraph being read\./);
	await browser.press(KEYS.escape);
	await browser.waitFor(/9 articles · 9 unread/, 3000);
	assert.doesNotMatch(browser.frame(), /Other process pruned/);
	other.close();
	browser.ui.unmount();
});
