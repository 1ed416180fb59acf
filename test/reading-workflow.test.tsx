// A day's reading at the keyboard, as a newsboat user reads: from one
// unread story to the next, unread only, a whole view marked read and the
// mark undone, another order kept for the next start, a view per source,
// and keys, colours and line length of the user's own. What the screen
// shows after the keys, and what is on disk.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {rss2, serveXml, startFeedServer, type FeedServer, type FixtureItem} from './feed-server.js';
import {tempDir, until} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

let server: FeedServer;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const items = (prefix: string, count: number, newest: number): FixtureItem[] =>
	Array.from({length: count}, (_, index) => ({id: `${prefix}${index}`, title: `Synthetic ${prefix} story ${index}`, content: '<p>Synthetic text.</p>', date: minutesAgo(newest + index)}));
const refresh = {...DEFAULT_REFRESH, timeoutMs: 3000};

before(async () => {
	server = await startFeedServer();
	server.route('/alpha', serveXml(rss2(items('alpha', 3, 1), 'Synthetic Alpha Wire')));
	server.route('/beta', serveXml(rss2(items('beta', 2, 10), 'Synthetic Beta Daily')));
});

after(async () => server.close());

test('n goes to the next unread story, in the list and from a story (opening it); N and p go back, going round once', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 20});
	await press('n');
	assert.match(selectedLine(frame()), /Hungary Pledges/, 'from the first row, the next unread');
	await press(KEYS.enter);
	assert.match(frame(), /^Hungary Pledges Support for Serbia/m);
	await press('n');
	assert.match(frame(), /^Historic Expansion: EIL/m, 'n in a story opens the next unread');
	await press('N');
	assert.match(frame(), /^Leaked Call Sparks/m, 'N: Hungary was read on opening, so the one before it');
	await press('p');
	assert.match(frame(), /^Technology investments fail/m, 'p from the first unread goes round to the last');
	assert.match(frame(), /Went round to the last unread story\./);
	await press(KEYS.escape);
	assert.match(selectedLine(frame()), /Technology investments/, 'the list follows the stories opened');
	ui.unmount();
});

test('U shows unread stories only and says so; A marks the view read, and u or A as the next key undoes it', async () => {
	const {frame, press, ui, library} = await renderApp({width: 100, height: 20});
	await press(KEYS.enter, KEYS.escape, 'j', KEYS.enter, KEYS.escape);
	await press('U');
	assert.match(frame(), /devnews › All sectors · All editions · unread only +7 articles · never refreshed/);
	assert.doesNotMatch(frame(), /Leaked Call|Hungary/);
	await press('A');
	assert.match(frame(), /Marked 7 stories read — u or A undoes\./);
	assert.match(frame(), /No unread stories — U shows read ones too/);
	assert.equal(library.count({}).unread, 0);
	await press('u');
	assert.match(frame(), /Marked 7 stories unread again\./);
	assert.match(frame(), /unread only +7 articles · never refreshed/);
	assert.equal(library.reading('3710216').read, true, 'the undo leaves what was read before read');
	await press('A', 'A');
	assert.match(frame(), /Marked 7 stories unread again\./, 'A again undoes too');
	await press('A', 'j', 'u');
	assert.equal(library.count({}).unread, 0, 'once another key came between, u is mark read or unread again, with nothing selected');
	await press('U');
	assert.doesNotMatch(frame(), /unread only/);
	assert.match(frame(), /9 articles ·/);
	await press('u');
	assert.match(frame(), /Marked unread: Leaked Call/);
	ui.unmount();
});

test('S changes the order and keeps it for the next start; C marks everything read, everywhere', async () => {
	const configDir = tempDir('devnews-config');
	const first = await renderApp({width: 100, height: 20, configDir});
	await first.press('S');
	assert.match(first.frame(), /· oldest first/);
	assert.match(first.frame(), /Sorted oldest first\./);
	assert.doesNotMatch(selectedLine(first.frame()), /Leaked Call/, 'the dated story is no longer first');
	await first.press('S');
	assert.match(first.frame(), /· unread first/);
	await first.press('C');
	assert.match(first.frame(), /Marked 9 stories read everywhere — u or C undoes\./);
	first.ui.unmount();
	// The choice is saved under the config's lock, after the key: a quit waits for it, and so does the test.
	const savedSort = () => (fs.existsSync(path.join(configDir, 'config.json')) ? (JSON.parse(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')) as {sort?: string}).sort : undefined);
	await until(() => savedSort() === 'unread', () => `the order saved as "unread" (config.json has ${String(savedSort())})`, 5000);
	const second = await renderApp({width: 100, height: 20, configDir});
	assert.match(second.frame(), /· unread first/, 'the order chosen is the order at the next start');
	second.ui.unmount();
});

test('f picks a source by its title, with counts; the header names it; r refreshes it alone and R every feed', async () => {
	const feeds = [{url: server.url('/alpha'), title: 'Synthetic Alpha Wire'}, {url: server.url('/beta')}];
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 20, feeds, refresh});
	await press('R');
	await waitFor(/Refreshed 2 feeds: 5 new\./);
	await press('f');
	assert.match(frame(), /^Source — Enter picks, Esc cancels$/m);
	assert.match(frame(), /❯ All \(14 · 14 unread\)/);
	assert.match(frame(), /Synthetic Alpha Wire \(3 · 3 unread\)/);
	assert.match(frame(), /Synthetic Beta Daily \(2 · 2 unread\)/, 'a feed the list gives no title is named by its own <title>');
	assert.match(frame(), /Shipped with devnews \(9 · 9 unread\)/);
	await press('j', KEYS.enter);
	assert.match(frame(), /devnews › Synthetic Alpha Wire +3 articles · 3 unread/);
	assert.match(selectedLine(frame()), /Synthetic alpha story 0/);
	assert.doesNotMatch(frame(), /beta story|Leaked Call/);
	await press(KEYS.enter);
	assert.match(frame(), /From: Synthetic Alpha Wire/, 'the reader names the feed a story came from');
	await press(KEYS.escape);
	await press('r');
	await waitFor(/Refreshed Synthetic Alpha Wire: 0 new\./);
	await press(KEYS.escape);
	assert.match(frame(), /devnews › All sectors · All editions +14 articles/, 'Esc clears the source');
	ui.unmount();
});

test('news that lands above the window is announced, the selection stays put, and g shows it', async () => {
	// The old items made once: made again for the second serve, their times (minutes ago) could cross a minute and change their rows.
	const old = items('old', 12, 30);
	server.route('/grow', serveXml(rss2(old)));
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 12, feeds: [{url: server.url('/grow')}], refresh});
	await press('r');
	await waitFor(/Refreshed 1 feed: 12 new/);
	await press('g', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
	const selected = selectedLine(frame());
	assert.match(selected, /Synthetic old story 8/);
	server.route('/grow', serveXml(rss2([...items('new', 5, 1), ...old])));
	await press('r');
	await waitFor(/Refreshed 1 feed: 5 new\.\s· 5 new above — g to see them/);
	assert.equal(selectedLine(frame()), selected, 'the same story selected, on the same line');
	await press('g');
	assert.match(selectedLine(frame()), /Synthetic new story 0/);
	assert.doesNotMatch(frame(), /new above/);
	ui.unmount();
});

test('pickers take keys typed together and the list\'s keys: three Downs in one read move three, Up Enter picks the one above', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 30});
	await press('s');
	assert.match(frame(), /❯ All \(9/);
	// Keys in one read are applied one drawn screen at a time: wait for the last.
	await press(`${KEYS.down}${KEYS.down}${KEYS.down}`);
	await waitFor(/❯ Technology \(1/);
	await press('jj', 'k');
	await waitFor(/❯ Economy & Business \(0\)/);
	await press('G');
	assert.match(frame(), /❯ Other \(7/);
	await press(`${KEYS.up}${KEYS.enter}`);
	await waitFor(/devnews › WASH · All editions/);
	assert.match(frame(), /No stories in WASH — Esc clears the filters, s \/ e \/ f picks another\./);
	await press(KEYS.escape);
	assert.match(frame(), /devnews › All sectors · All editions +9 articles/, 'the hint\'s Esc does what it says');
	ui.unmount();
});

test('keys of the user\'s own: the keymap, the footer and the help follow them; a clash or a bad value is said at start', async () => {
	const settings = {keys: {'next-unread': ['x'], search: ['n', 'bogus'], 'force-quit': ['q'], 'copy-link': ['b']}, theme: 'neon'};
	const {frame, press, ui} = await renderApp({width: 120, height: 40, settings});
	// The status line wraps what it says: read it as one text.
	const said = frame().split('\n').slice(-8, -1).join(' ');
	assert.match(said, /config\.json: theme: expected "dark", "light", "16", "none", not "neon"; using "dark"\./);
	assert.match(said, /keys: search: "bogus" is not a key/);
	assert.match(said, /keys: force-quit is always Ctrl-c and cannot be changed/);
	assert.match(said, /keys: "b" now does copy-link instead of bookmark/);
	assert.match(said, /keys: bookmark has no key left/);
	assert.match(frame(), /x\/N unread/, 'the footer names the user\'s key');
	await press('x');
	assert.match(selectedLine(frame()), /Hungary/, 'x is next unread');
	await press('n', 'o', 'i', 'l');
	assert.match(frame(), /^\/oil/m, 'n starts a search');
	await press(KEYS.enter, KEYS.escape, '?');
	assert.match(frame(), /^x \/ N p +next \/ previous unread/m);
	assert.match(frame(), /^none +bookmark or unbookmark/m, 'a command left with no key says so');
	ui.unmount();
});

test('the reader\'s lines are at most textWidth long (80 unless set; 0 for the full width)', async () => {
	const capped = await renderApp({width: 160, height: 40, sector: 'politics'});
	await capped.press(KEYS.enter);
	const longest = (frame: string) => Math.max(...frame.split('\n').slice(1, -1).map(line => line.length));
	assert.ok(longest(capped.frame()) <= 80, `lines of at most 80 on a 160-column terminal (${longest(capped.frame())})`);
	capped.ui.unmount();
	const full = await renderApp({width: 160, height: 40, sector: 'politics', settings: {textWidth: 0}});
	await full.press(KEYS.enter);
	assert.ok(longest(full.frame()) > 100, 'the full width');
	full.ui.unmount();
});

test('o with no browser shows the whole link, wrapped; the bookmarks view keeps the headline mark', async () => {
	const {frame, press, ui} = await renderApp({width: 60, height: 20, openFails: 'no display to start a browser on'});
	await press(KEYS.enter, 'o');
	const screen = frame();
	assert.match(screen, /Could not open a browser \(no display to start a browser on\):/);
	const joined = screen.split('\n').slice(-6, -1).join('');
	assert.ok(joined.includes('https://www.devdiscourse.com/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks'), joined);
	await press(KEYS.escape, 'j', 'b');
	await press('B');
	assert.match(frame(), /›★•◦ Hungary Pledges/, 'a headline-only story bookmarked keeps its ◦');
	ui.unmount();
});

test('counts carry thousands separators in the header and the pickers', async () => {
	const {frame, press, waitFor, ui, library} = await renderApp({width: 100, height: 20});
	library.upsert(
		Array.from({length: 1200}, (_, index) => ({
			id: `synthetic-${index}`,
			title: `Synthetic story ${index}`,
			countries: [],
			sectors: ['health'],
			editions: [],
			body: ['Synthetic text.'],
			kind: 'full' as const,
			source: 'synthetic',
			synthetic: true,
		})),
		'synthetic',
	);
	await waitFor(/1,209 articles · 1,209 unread/);
	await press('s');
	assert.match(frame(), /Health \(1,200 · 1,200 unread\)/);
	await press(KEYS.escape, 'A');
	// Marked a batch at a time, the list answering keys meanwhile; then the undo offered.
	await waitFor(/Marked 1,209 stories read — u or A undoes\./);
	assert.equal(library.count({}).unread, 0);
	await press('u');
	await waitFor(/Marked 1,209 stories unread again\./);
	assert.equal(library.count({}).unread, 1209);
	ui.unmount();
});

test('in the bookmarks view, unread only, n goes to the next unread story the view shows, and A marks what it shows', async () => {
	const {frame, press, waitFor, ui, library} = await renderApp({width: 100, height: 20});
	await press('j', 'b');
	await waitFor(/Bookmarked: Hungary/);
	await press('j', 'b');
	await waitFor(/Bookmarked: Historic/);
	await press('j', 'b');
	await waitFor(/Bookmarked: How blockchain/);
	await press(KEYS.enter, KEYS.escape, 'B', 'U');
	assert.match(frame(), /devnews › Bookmarks · unread only/);
	assert.doesNotMatch(frame(), /How blockchain/, 'read, so not in an unread-only view');
	assert.match(selectedLine(frame()), /Historic Expansion/);
	await press('n');
	assert.match(selectedLine(frame()), /Hungary Pledges/, 'the next unread of the rows on screen');
	await press('A');
	await waitFor(/Marked 2 stories read — u or A undoes\./);
	assert.equal(library.count({}).unread, 6, 'the two bookmarks, and nothing else');
	ui.unmount();
});
