// The ingest's two halves apart, in one process and one thread, with
// nothing else running: reading N of the ingest's feeds into articles (as
// the parser's thread does), then writing them into a new library as
// `devnews fetch` does (a feed at a time, in its steps). What a `devnews
// fetch` costs beyond these is the threads sharing the cores, the log's
// copying, and the downloads.
//
//   node --import tsx bench/ingest-writes.ts [FEEDS]    (default 10, of 1,000 items each)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadDataDir} from '../source/data/load-data.js';
import {feedArticles} from '../source/feeds/feed-parser.js';
import {Library} from '../source/library/store.js';
import {SHIPPED_DATA} from './corpus.js';
import {ensureFeedFiles, INGEST_FEEDS, INGEST_PER_FEED} from './ingest.js';

const feeds = Math.min(INGEST_FEEDS, Number(process.argv[2] ?? 10));
const items = feeds * INGEST_PER_FEED;
const {dir} = ensureFeedFiles(loadDataDir(SHIPPED_DATA).taxonomy);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-ingest-writes-'));
try {
	const {library} = Library.open(path.join(scratch, 'library.sqlite'));
	library.syncData(SHIPPED_DATA);
	// As in a fetch, the log is copied into the database elsewhere (here: not at all), not by the writes.
	library.checkpointsHere(false);
	const taxonomy = library.taxonomy();
	const urls = Array.from({length: feeds}, (_, feed) => `http://127.0.0.1/ingest-${feed}.xml`);

	const readStarted = performance.now();
	const read = urls.map((url, feed) => feedArticles(fs.readFileSync(path.join(dir, `feed-${feed}.xml`), 'utf8'), {url, sector: 'technology', edition: 'global'}, taxonomy).articles);
	const readMs = performance.now() - readStarted;

	const cpu = process.cpuUsage();
	const writeStarted = performance.now();
	/* eslint-disable no-await-in-loop -- a feed at a time, as a fetch writes them */
	for (const [feed, articles] of read.entries()) await library.upsertInSteps(articles, urls[feed]!, 100);
	/* eslint-enable no-await-in-loop */
	const writeMs = performance.now() - writeStarted;
	const {user, system} = process.cpuUsage(cpu);
	const log = fs.statSync(path.join(scratch, 'library.sqlite-wal')).size;
	library.close();

	const perItem = (ms: number) => `${((ms / items) * 1000).toFixed(0)} µs an item`;
	console.log(`${feeds} feeds × ${INGEST_PER_FEED.toLocaleString('en')} items, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`);
	console.log(`read into articles: ${readMs.toFixed(0)} ms, ${perItem(readMs)}`);
	console.log(`written: ${writeMs.toFixed(0)} ms, ${perItem(writeMs)} (CPU ${(user / 1000).toFixed(0)} ms user, ${(system / 1000).toFixed(0)} ms system); ${(log / items / 1024).toFixed(1)} KB of log an item`);
} finally {
	fs.rmSync(scratch, {recursive: true, force: true});
}
