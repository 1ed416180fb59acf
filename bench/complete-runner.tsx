// The in-process half of the completion benchmark (complete.ts), run in a
// process of its own, bundled in production mode like the CLI:
//  1. pages per second: summary-only items of a feed served on 127.0.0.1
//     fetched into a new library, then completed from their pages
//     (feeds/complete-stories.ts), with no screen;
//  2. j/k (key → frame) in the browser while the same completion runs after
//     r, beside the same presses before it, on another new library that
//     holds the feed's items already (a list long enough to move in).
// It prints one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {App} from '../source/app.js';
import {BookmarkStore} from '../source/bookmarks/bookmark-store.js';
import {ConfigFile} from '../source/config/config-file.js';
import {DEFAULT_SETTINGS} from '../source/config/settings.js';
import {completeStories} from '../source/feeds/complete-stories.js';
import {FeedList} from '../source/feeds/feed-list.js';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {refreshFeeds} from '../source/feeds/refresh.js';
import {Library} from '../source/library/store.js';
import {percentile, type Spread} from './report.js';
import {renderInTerminal} from './terminal.js';

type Options = {feed: string; pages: number; data: string; cols: number; rows: number; presses: number};

export type CompletionResult = {
	pages: number;
	/** Completed with no screen: pages a second, and the seconds all took. */
	headless: {seconds: number; pagesPerSecond: number};
	/** In the browser after r: j/k before the refresh and while the completion runs, and its pages a second. */
	browser: {quiet: Spread; completing: Spread; seconds: number; pagesPerSecond: number};
};

const options = JSON.parse(process.argv[2]!) as Options;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-complete-'));

/** A new library of the shipped data, in a folder of its own. */
function newLibrary(name: string): Library {
	const {library} = Library.open(path.join(folder, `${name}.sqlite`));
	library.syncData(options.data);
	return library;
}

const spread = (ms: number[]): Spread => ({median: percentile(ms, 50), p99: percentile(ms, 99), presses: ms.length});
const summaryOnly = (library: Library) => library.newestSummaryOnly(1).length;

// 1. With no screen.
const headlessLibrary = newLibrary('headless');
await refreshFeeds([{url: options.feed}], headlessLibrary, DEFAULT_REFRESH);
let started = performance.now();
const done = await completeStories(headlessLibrary, {count: options.pages, limits: DEFAULT_REFRESH});
if (done.completed !== options.pages) throw new Error(`completed ${done.completed} of ${options.pages} pages: ${JSON.stringify(done.failed[0])}`);
const headlessSeconds = (performance.now() - started) / 1000;
headlessLibrary.close();

// 2. In the browser.
const library = newLibrary('browser');
await refreshFeeds([{url: options.feed}], library, DEFAULT_REFRESH);
const fetchedBefore = library.lastRefresh();
const {config} = ConfigFile.open(path.join(folder, 'config'));
const {move, pressDue, close} = await renderInTerminal(
	<App
		library={library}
		bookmarkStore={new BookmarkStore(config)}
		feeds={new FeedList(config, [{url: options.feed}])}
		config={config}
		settings={{...DEFAULT_SETTINGS, complete: options.pages}}
		outside={{openLink: async () => ({ok: true}), copy: async () => ({ok: true}), hyperlinks: false}}
	/>,
	options.cols,
	options.rows,
);
// Down a screen and back up, again and again, as a person scanning the list.
const reach = options.rows - 2;
const swing = (index: number) => (Math.floor(index / reach) % 2 === 0 ? 'j' : 'k');

const quietMs: number[] = [];
for (let index = 0; index < options.presses; index++) quietMs.push(await pressDue(swing(index))); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
await move('r');
// The refresh first (its own cost is npm run bench's "keys during a refresh"); then the completion, timed.
while (library.lastRefresh() === fetchedBefore) await delay(5); // eslint-disable-line no-await-in-loop -- polling the library
started = performance.now();
const completingMs: number[] = [];
for (let index = 0; summaryOnly(library) > 0; index++) completingMs.push(await pressDue(swing(index))); // eslint-disable-line no-await-in-loop -- one key at a time, each timed
const browserSeconds = (performance.now() - started) / 1000;
close();
library.close();
fs.rmSync(folder, {recursive: true, force: true});

const result: CompletionResult = {
	pages: options.pages,
	headless: {seconds: headlessSeconds, pagesPerSecond: options.pages / headlessSeconds},
	browser: {quiet: spread(quietMs), completing: spread(completingMs), seconds: browserSeconds, pagesPerSecond: options.pages / browserSeconds},
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
