// How much of the library's file SQLite keeps in memory: the browser's
// connection keeps BROWSING_CACHE_KB, so a long session paging through a
// large library does not fill SQLite's 16 MB; every other command keeps
// SQLite's own cache (a fetch writes faster with it).
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {BROWSING_CACHE_KB, openWritable} from '../source/library/database.js';
import {tempDir} from './helpers.js';

const cacheSize = (options: Parameters<typeof openWritable>[1]) => {
	const db = openWritable(path.join(tempDir('devnews-cache'), 'library.sqlite'), options);
	try {
		return db.pragma('cache_size', {simple: true}) as number;
	} finally {
		db.close();
	}
};

test('the browser\'s library keeps at most BROWSING_CACHE_KB of its pages in memory; other commands SQLite\'s 16 MB', () => {
	assert.equal(cacheSize({cacheKb: BROWSING_CACHE_KB}), -BROWSING_CACHE_KB);
	assert.ok(BROWSING_CACHE_KB <= 2048);
	assert.equal(cacheSize({}), -16_000);
});
