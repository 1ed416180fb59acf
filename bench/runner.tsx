// The in-process half of the benchmark, run once per library size in a
// process of its own, bundled in production mode like the CLI (see run.ts):
//  1. key → frame: the browser rendered by Ink, through the frame writer,
//     into an in-memory terminal; for each key press, the time from the key
//     reaching Ink's stdin to the writer's next write to the terminal;
//  2. memory (RSS) after the key run;
//  3. j/k while a refresh (the browser's r) writes feeds served on
//     127.0.0.1, beside the same presses without one;
//  4. search: the queries the list runs for a search, for 200 searches of
//     words of every frequency, and for words common and rare in titles;
//  5. ingest: feeds served by the benchmark on 127.0.0.1 fetched into the
//     library, then taken out again so the cached library stays as built.
// What a refresh or an ingest added is taken out again, so the cached
// library stays as built.
// It prints one JSON object.
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {ArticleWriter} from '../source/library/article-writer.js';
import {connect} from '../source/library/database.js';
import {Statements} from '../source/library/statements.js';
import {App} from '../source/app.js';
import {BookmarkStore} from '../source/bookmarks/bookmark-store.js';
import {ConfigFile} from '../source/config/config-file.js';
import {FeedList, type Feed} from '../source/feeds/feed-list.js';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {refreshFeeds} from '../source/feeds/refresh.js';
import {Library} from '../source/library/store.js';
import {keepHeapSteady} from '../source/steady-heap.js';
import {percentile, type KeyKind, type RunnerResult, type Spread} from './report.js';
import {searchQueries} from './queries.js';
import {renderInTerminal} from './terminal.js';
import {measureTitleSearch} from './search.js';

type Options = {library: string; config: string; cols: number; rows: number; presses: number; feeds: string[]; fullTextFeeds: string[]; refreshFeeds: string[]};

const options = JSON.parse(process.argv[2]!) as Options;

// Key presses as a terminal sends them.
const KEY = {down: 'j', up: 'k', pageDown: '\u001B[6~', top: 'g', bottom: 'G', enter: '\r', escape: '\u001B', sector: 's', search: '/'};

// The heap as the browser keeps it (runBrowser does this).
keepHeapSteady();
const {library} = Library.open(path.join(options.library, 'devnews', 'library.sqlite'));
const {config} = ConfigFile.open(options.config);
const asFeed = (url: string): Feed => ({url, sector: 'technology', edition: 'global'});
const bookmarkStore = new BookmarkStore(config);
const {stdout, press, move, pressDue, close} = await renderInTerminal(
	<App
		library={library}
		bookmarkStore={bookmarkStore}
		feeds={new FeedList(config, options.refreshFeeds.map(url => asFeed(url)))}
		config={config}
		outside={{openLink: async () => ({ok: true}), copy: async () => ({ok: true}), hyperlinks: false}}
	/>,
	options.cols,
	options.rows,
);

const REST_WAIT_MS = 20_000;

const count = library.count({}).total;
const page = options.rows - 2; // the list's rows: all but the header and the footer
const timings: Record<KeyKind, number[]> = {'j/k': [], PgDn: [], 'G/g': [], 'open/back': [], picker: [], 'filter keystroke': []};

// j/k: down the list and back up (scrolling it), turning at either end.
let selected = 0;
let step = 1;
for (let index = 0; index < options.presses; index++) {
	if (selected + step < 0 || selected + step >= count || (step === 1 && index === options.presses / 2)) step = -step;
	timings['j/k'].push(await press(step === 1 ? KEY.down : KEY.up)); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
	selected += step;
}

await move(KEY.top);
selected = 0;
// PgDn: a page at a time down the list; back to the top (untimed) at its end.
for (let index = 0; index < options.presses; index++) {
	if (selected === count - 1) {
		await move(KEY.top); // eslint-disable-line no-await-in-loop -- one key at a time
		selected = 0;
	}

	timings.PgDn.push(await press(KEY.pageDown)); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
	selected = Math.min(count - 1, selected + page);
}

// G/g: the bottom of the list and the top, in turn, from the top (paging may have ended at the bottom).
await move(KEY.top);
for (let index = 0; index < options.presses; index++) {
	timings['G/g'].push(await press(index % 2 === 0 ? KEY.bottom : KEY.top)); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
}

// open/back: the story under the selection (the newest) and back to the list.
const opened = library.page({}, 0, 1)[0]!.id;
for (let index = 0; index < options.presses; index++) {
	timings['open/back'].push(await press(index % 2 === 0 ? KEY.enter : KEY.escape)); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
}

// picker: the sector picker, opened and closed.
for (let index = 0; index < options.presses; index++) {
	timings.picker.push(await press(index % 2 === 0 ? KEY.sector : KEY.escape)); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
}

// filter keystroke: words typed into the search line, a letter at a time;
// after each word (untimed) its search is waited for and cleared.
const words = searchQueries(60).flatMap(query => query.split(' '));
for (let typed = 0, word = 0; typed < options.presses; word++) {
	await move(KEY.search); // eslint-disable-line no-await-in-loop -- one key at a time
	for (const letter of words[word % words.length]!) {
		if (typed++ >= options.presses) break;
		timings['filter keystroke'].push(await press(letter)); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
	}

	// The word's results, after the debounce (a search that changes nothing on screen draws no frame).
	await stdout.nextWrite(1000).catch(() => undefined); // eslint-disable-line no-await-in-loop -- one key at a time
	await move(KEY.escape); // eslint-disable-line no-await-in-loop -- one key at a time
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const rssAfterKeysMb = rssMb();
// V8 lets its heap grow during a burst of frames and gives the room back
// once the process is idle for a while (its memory reducer): wait for that,
// up to a bound, as a person reading a story would.
let rssAtRestMb = rssAfterKeysMb;
for (let waited = 0; waited < REST_WAIT_MS && rssAtRestMb > rssAfterKeysMb * 0.85; waited += 1000) {
	await delay(1000); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
	rssAtRestMb = rssMb();
}

// j/k while a refresh writes, beside the same presses without one (pressDue).
/** Down a screen and a half (or to the end of a shorter list) and back up, again and again; news landing above only moves the selection further from the ends. */
const reach = Math.max(1, Math.min(Math.floor(page * 1.5), count - 1));
const swing = (index: number) => (Math.floor(index / reach) % 2 === 0 ? KEY.down : KEY.up);
const file = path.join(options.library, 'devnews', 'library.sqlite');
const db = connect(file);
const lastRowid = () => (db.prepare('SELECT coalesce(max(rowid), 0) AS last FROM articles').get() as {last: number}).last;

/** Takes out what a refresh added after article `before`, the way retention takes articles out (lists, counts and the full-text index with them), and the feeds' state. */
function takeOut(before: number): void {
	const added = db.prepare('SELECT rowid FROM articles WHERE rowid > ?').pluck().all(before) as number[];
	new ArticleWriter(db, new Statements(db)).remove(added);
	db.transaction(() => {
		db.prepare("DELETE FROM feeds WHERE url LIKE 'http://127.0.0.1:%'").run();
		db.prepare("DELETE FROM meta WHERE key = 'feeds.lastRefresh'").run();
	})();
}

await move(KEY.top);
const quietMs: number[] = [];
for (let index = 0; index < options.presses; index++) quietMs.push(await pressDue(swing(index))); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
const beforeRefresh = lastRowid();
const lastRefresh = library.lastRefresh();
const refreshStarted = performance.now();
await move('r');
const refreshMs: number[] = [];
// Until the refresh is done (it notes when, last).
for (let index = 0; library.lastRefresh() === lastRefresh; index++) refreshMs.push(await pressDue(swing(index))); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
const refreshSeconds = (performance.now() - refreshStarted) / 1000;
const refreshItems = lastRowid() - beforeRefresh;

close();
library.setRead(opened, false);
library.setPosition(opened, 0);
takeOut(beforeRefresh);

const titleSearch = measureTitleSearch(library, page);

// Search: what the list asks for a search, its count and its first screen of rows.
const searchMs = searchQueries(200).map(query => {
	const started = performance.now();
	library.count({query});
	library.page({query}, 0, page);
	return performance.now() - started;
});

// Ingest: every served feed fetched into the library, as `devnews fetch`
// does; then the items are taken out again, as the library had them before.
async function ingest(urls: string[]): Promise<RunnerResult['ingest']> {
	const before = lastRowid();
	const feeds = urls.map(url => asFeed(url));
	const started = performance.now();
	const results = await refreshFeeds(feeds, library, DEFAULT_REFRESH);
	const seconds = (performance.now() - started) / 1000;
	const failed = results.filter(result => result.status === 'failed');
	if (failed.length > 0) throw new Error(`ingest: ${JSON.stringify(failed[0])}`);
	const items = results.reduce((sum, result) => sum + (result.status === 'updated' ? result.added : 0), 0);
	takeOut(before);
	return {items, seconds, itemsPerSecond: items / seconds};
}

const summaryIngest = await ingest(options.feeds);
const fullTextIngest = await ingest(options.fullTextFeeds);
db.close();
library.close();

const spread = (ms: number[]): Spread => ({median: percentile(ms, 50), p99: percentile(ms, 99), presses: ms.length});
const result: RunnerResult = {
	articles: count,
	keys: Object.fromEntries(Object.entries(timings).map(([kind, ms]) => [kind, spread(ms)])) as RunnerResult['keys'],
	rssAfterKeysMb,
	rssAtRestMb,
	search: {queries: searchMs.length, median: percentile(searchMs, 50), p95: percentile(searchMs, 95)},
	titleSearch,
	refreshKeys: {quiet: spread(quietMs), refreshing: spread(refreshMs), items: refreshItems, seconds: refreshSeconds},
	ingest: summaryIngest,
	fullTextIngest,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
