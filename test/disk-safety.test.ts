// A full disk and a read-only cache folder, made real with small tmpfs
// mounts (which needs root; elsewhere these tests are skipped and say so).
// devnews says what failed in one line, keeps the library whole, and the
// browser goes on.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, test} from 'node:test';
import Database from 'better-sqlite3';
import {rss2, serveXml, startFeedServer} from './feed-server.js';
import {copyOfShippedData, isolatedEnv, runDevnews, SHIPPED, tempDir} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

const mounts: string[] = [];

/** A tmpfs of `size` mounted on a new folder, or undefined where mounting is not allowed. */
function tmpfs(size: string): string | undefined {
	const dir = tempDir('devnews-tmpfs');
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], {stdio: 'ignore'});
	} catch {
		return undefined;
	}

	mounts.push(dir);
	return dir;
}

after(() => {
	for (const dir of mounts) execFileSync('umount', [dir]);
});

const canMount = process.getuid?.() === 0;
const skip = canMount ? false : 'mounting a tmpfs needs root';

/** Fills what is left of the file system under `dir` with one file. */
function fill(dir: string): void {
	const filler = path.join(dir, 'filler');
	const chunk = Buffer.alloc(64 * 1024);
	const fd = fs.openSync(filler, 'w');
	try {
		for (;;) fs.writeSync(fd, chunk);
	} catch {
		// ENOSPC: full.
	} finally {
		fs.closeSync(fd);
	}
}

test('a full disk: fetch fails with one line, the library stays whole and readable; the browser says so and goes on', {skip}, async () => {
	const disk = tmpfs('4m');
	if (!disk) return;
	const server = await startFeedServer();
	try {
		const items = Array.from({length: 3000}, (_, index) => ({id: `x${index}`, title: `Synthetic item ${index}`, summary: 'Synthetic. '.repeat(60), date: new Date(Date.now() - index * 60_000).toISOString()}));
		server.route('/big', serveXml(rss2(items)));
		const data = copyOfShippedData();
		fs.writeFileSync(path.join(data, 'feeds.json'), JSON.stringify([{url: server.url('/big')}]));
		const env = {...isolatedEnv(), XDG_CACHE_HOME: disk};
		assert.equal((await runDevnews(['list', '--data', data], env)).code, 0);
		const fetched = await runDevnews(['fetch', '--data', data], env);
		assert.equal(fetched.code, 1);
		assert.match(fetched.stderr, /disk is full/);
		assert.doesNotMatch(fetched.stderr, /\n\s+at /, 'no stack trace');
		const file = path.join(disk, 'devnews', 'library.sqlite');
		const db = new Database(file, {readonly: true});
		assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
		db.close();
		const listed = await runDevnews(['list', '--data', data], env);
		assert.equal(listed.code, 0, listed.stderr);
		assert.match(listed.stdout, /Leaked Call Sparks Controversy/);
	} finally {
		await server.close();
	}

	const browserDisk = tmpfs('2m');
	if (!browserDisk) return;
	const {frame, press, waitFor, ui, library} = await renderApp({width: 80, height: 20, cacheDir: browserDisk});
	fill(browserDisk);
	await press('u');
	await waitFor(/failed: database or disk is full/);
	await press('j');
	assert.match(frame(), /› .*Hungary/, 'keys still work');
	ui.unmount();
	library.close();
});

test('a cache folder devnews cannot write: a copy of the library is read, and fetch says nothing would be kept', {skip}, async () => {
	const disk = tmpfs('8m');
	if (!disk) return;
	const env = {...isolatedEnv(), XDG_CACHE_HOME: disk};
	assert.equal((await runDevnews(['bookmark', '3710216'], env)).code, 0);
	execFileSync('mount', ['-o', 'remount,ro', disk]);
	const listed = await runDevnews(['list', '--json'], env);
	assert.equal(listed.code, 0, listed.stderr);
	assert.equal((JSON.parse(listed.stdout) as unknown[]).length, SHIPPED.full + SHIPPED.headlines);
	assert.match(listed.stderr, /cannot be written .*reading a copy/);
	const fetched = await runDevnews(['fetch'], env);
	assert.equal(fetched.code, 1);
	assert.match(fetched.stderr, /Not fetching: the library cannot be written/);
	assert.doesNotMatch(fetched.stderr, /\n\s+at /);
	const read = await runDevnews(['read', '3710216'], env);
	assert.equal(read.code, 0, read.stderr);
	assert.match(read.stdout, /According to Bloomberg News/);
});

test('browser: a library locked by another process makes a key fail with a message, never a crash', async () => {
	const {frame, press, waitFor, ui, library, libraryFile} = await renderApp({width: 80, height: 20, busyTimeoutMs: 200});
	const holder = new Database(libraryFile);
	holder.exec('BEGIN IMMEDIATE');
	try {
		await press(KEYS.enter);
		await waitFor(/failed: database is locked/);
		assert.match(frame(), /Leaked Call Sparks Controversy/, 'the story is open all the same');
		await press(KEYS.escape, 'j');
		assert.match(frame(), /› .*Hungary/, 'keys still work');
	} finally {
		holder.exec('ROLLBACK');
		holder.close();
	}

	ui.unmount();
	library.close();
});

test('browser: a library that fails while a screen is drawn shows one message, notes the damage, and any key quits', async () => {
	const {frame, press, waitFor, ui, library, libraryFile} = await renderApp({width: 80, height: 20});
	// The library found damaged by the next read (as SQLite says of a damaged page).
	library.page = () => {
		throw Object.assign(new Error('database disk image is malformed'), {code: 'SQLITE_CORRUPT'});
	};
	await press('/'); // the search line takes a row, so the list is read again
	await waitFor(/The library could not be read/);
	assert.match(frame().replaceAll('\n', ' '), /database disk image is malformed\. devnews moves it aside and makes a new one at the next start/);
	assert.doesNotMatch(frame(), /\n\s+at /, 'no stack trace');
	assert.ok(fs.existsSync(`${libraryFile}.damaged`), 'the next start knows');
	assert.ok(ui.stdin.listenerCount('readable') > 0, 'the app waits for a key');
	await press('x');
	assert.equal(ui.stdin.listenerCount('readable'), 0, 'any key quits');
	ui.unmount();
	library.close();
});
