// The library survives what happens to processes and files: killed
// fetches, two fetches at once, a locked library, damaged pages. Each case
// ends in a consistent library and, at most, one line saying what failed.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import Database from 'better-sqlite3';
import {syntheticArticle} from '../bench/synthetic.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from './feed-server.js';
import {CLI, copyOfShippedData, isolatedEnv, LEAKED_CALL_ID, runDevnews, SHIPPED, SHIPPED_DATA, tempDir, writeArticle} from './helpers.js';

const FEEDS = 6;
const PER_FEED = 800;
let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	const now = Date.now();
	for (let feed = 0; feed < FEEDS; feed++) {
		const items = Array.from({length: PER_FEED}, (_, index) => ({
			id: `f${feed}-${index}`,
			title: `Synthetic item ${index} of feed ${feed}`,
			summary: `Synthetic summary ${index}: ${'words of a summary '.repeat(8)}`,
			date: new Date(now - (feed * PER_FEED + index) * 60_000).toISOString(),
		}));
		server.route(`/feed-${feed}`, serveXml(rss2(items)));
	}
});

after(async () => server.close());

/** A home whose data folder lists the test server's feeds. */
function homeWithFeeds(): {env: NodeJS.ProcessEnv; data: string; file: string} {
	const home = tempDir('devnews-home');
	const data = copyOfShippedData();
	fs.writeFileSync(path.join(data, 'feeds.json'), JSON.stringify(Array.from({length: FEEDS}, (_, feed) => ({url: server.url(`/feed-${feed}`)}))));
	return {env: isolatedEnv(home), data, file: path.join(home, 'cache', 'devnews', 'library.sqlite')};
}

/** The library file is whole, and everything kept about it agrees: counts with rows, every article with its story. */
function assertConsistent(file: string): number {
	const db = new Database(file);
	try {
		assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
		const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
		const unread = db.prepare('SELECT count(*) FROM articles WHERE read = 0').pluck().get() as number;
		assert.deepEqual(db.prepare('SELECT total(total) AS total, total(unread) AS unread FROM counts').get(), {total: articles, unread});
		assert.equal(db.prepare("SELECT count(*) FROM listings WHERE list = '*'").pluck().get(), articles);
		assert.equal(db.prepare('SELECT count(*) FROM articles a LEFT JOIN stories s ON s.article = a.rowid WHERE s.doc IS NULL').pluck().get(), 0, 'no article without its story');
		assert.equal(db.prepare('SELECT count(*) FROM stories s LEFT JOIN articles a ON a.rowid = s.article WHERE a.id IS NULL').pluck().get(), 0, 'no story without its article');
		db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
		return articles;
	} finally {
		db.close();
	}
}

/** A small seeded random number generator (mulberry32), so the kill points are the same in every run. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

test('devnews fetch killed (kill -9) at 20 points leaves a consistent library each time, and the next fetch completes it', async () => {
	const {env, data, file} = homeWithFeeds();
	const random = seeded(Number(process.env['DEVNEWS_TEST_SEED'] ?? 20_261_126));
	for (let point = 0; point < 20; point++) {
		const delay = 100 + Math.floor(random() * 1400);
		const child = spawn(process.execPath, [CLI, 'fetch', '--data', data], {env, stdio: 'ignore'});
		// eslint-disable-next-line no-await-in-loop -- one process at a time, killed at its point
		const ended = await new Promise<NodeJS.Signals | null>(resolve => {
			const timer = setTimeout(() => child.kill('SIGKILL'), delay);
			child.on('exit', (_code, signal) => {
				clearTimeout(timer);
				resolve(signal);
			});
		});
		if (fs.existsSync(file)) assertConsistent(file);
		assert.ok(ended === 'SIGKILL' || ended === null, `point ${point}`);
	}

	const finished = await runDevnews(['fetch', '--data', data], env);
	assert.equal(finished.code, 0, finished.stderr);
	assert.equal(assertConsistent(file), SHIPPED.full + SHIPPED.headlines + FEEDS * PER_FEED, 'every item once');
});

test('two devnews fetch at once: both finish, every item is kept once, no "database is locked"', async () => {
	const {env, data, file} = homeWithFeeds();
	await runDevnews(['list', '--data', data], env);
	const [first, second] = await Promise.all([runDevnews(['fetch', '--data', data], env), runDevnews(['fetch', '--data', data], env)]);
	assert.equal(first.code, 0, first.stderr);
	assert.equal(second.code, 0, second.stderr);
	assert.doesNotMatch(first.stderr + second.stderr, /locked|busy/i);
	assert.equal(assertConsistent(file), SHIPPED.full + SHIPPED.headlines + FEEDS * PER_FEED);
	const states = JSON.parse((await runDevnews(['feeds', '--json', '--data', data], env)).stdout) as Array<{lastSuccess?: number; lastError?: string}>;
	assert.ok(states.every(state => state.lastSuccess && !state.lastError), 'no stale state written over a good one');
});

test('damaged pages inside the library: it is moved aside and rebuilt; bookmarks and feeds export never needed it', async () => {
	const env = isolatedEnv();
	const data = copyOfShippedData();
	const {taxonomy} = loadTaxonomy(SHIPPED_DATA);
	writeArticle(data, 'synthetic.json', Array.from({length: 3000}, (_, index) => syntheticArticle(index, taxonomy, 3000)));
	assert.equal((await runDevnews(['bookmark', LEAKED_CALL_ID, '--data', data], env)).code, 0);
	const file = path.join(env['XDG_CACHE_HOME']!, 'devnews', 'library.sqlite');
	// Every page but the first (the header and the schema) overwritten with noise.
	const bytes = fs.readFileSync(file);
	const pageSize = bytes.readUInt16BE(16);
	const random = seeded(7);
	for (let offset = pageSize; offset < bytes.length; offset++) bytes[offset] = Math.floor(random() * 256);
	fs.writeFileSync(file, bytes);

	const bookmarks = await runDevnews(['bookmarks', '--json'], env);
	assert.equal(bookmarks.code, 0, bookmarks.stderr);
	assert.deepEqual((JSON.parse(bookmarks.stdout) as Array<{id: string}>).map(entry => entry.id), [LEAKED_CALL_ID]);
	const exported = await runDevnews(['feeds', 'export'], env);
	assert.equal(exported.code, 0, exported.stderr);
	assert.match(exported.stdout, /<opml/);

	const listed = await runDevnews(['list', '--json', '--data', data], env);
	assert.equal(listed.code, 0, listed.stderr);
	assert.match(listed.stderr, /damaged/);
	assert.doesNotMatch(listed.stderr, /\n\s+at /, 'no stack trace');
	assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 3000 + SHIPPED.full + SHIPPED.headlines);
	assert.ok(fs.readdirSync(path.dirname(file)).some(name => name.startsWith('library.sqlite.corrupt-')), 'the damaged file is kept aside');
	assertConsistent(file);
});

test('a library another process holds locked: read still prints the story and says the read mark was not saved; no stack trace', async () => {
	const env = isolatedEnv();
	assert.equal((await runDevnews(['list'], env)).code, 0);
	const file = path.join(env['XDG_CACHE_HOME']!, 'devnews', 'library.sqlite');
	const holder = new Database(file);
	holder.exec('BEGIN IMMEDIATE');
	try {
		const read = await runDevnews(['read', LEAKED_CALL_ID], env);
		assert.equal(read.code, 0);
		assert.match(read.stdout, /According to Bloomberg News/);
		assert.match(read.stderr, /^devnews: could not mark it read: database is locked\.\n$/);
	} finally {
		holder.exec('ROLLBACK');
		holder.close();
	}
});
