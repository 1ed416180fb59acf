// What a reader met in a second day beside newsboat, on the same local
// feeds: each test is a defect seen in tmux, what the screen shows after the keys.
import assert from 'node:assert/strict';
import type http from 'node:http';
import {after, before, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {SEARCH_DEBOUNCE_MS} from '../source/hooks/use-list.js';
import {rss2, serveXml, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {until} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

/** Where the reader's window starts, as a fraction of the story: "12–24/40 60%" is 12/40. */
const storyPlace = (frame: string): number => {
	const [, first, total] = /(\d+)–\d+\/(\d+) \d+%$/m.exec(frame) ?? [];
	return Number(first) / Number(total);
};

let server: FeedServer;
/** The slow page's request, held until the test answers it. */
let held: http.ServerResponse | undefined;
/** The slow feed's request, likewise. */
let heldFeed: http.ServerResponse | undefined;
/** A request never answered, and whether devnews has given it up: the hanging feed's, and the hanging page's. */
type Hanging = {closed: boolean};
let hanging: Hanging | undefined;
let hangingPage: Hanging | undefined;

/** A route that never answers: its request ends only when devnews gives it up. `asked` is given each one. */
function neverAnswers(asked: (one: Hanging) => void): (request: http.IncomingMessage, response: http.ServerResponse) => void {
	return (request, response) => {
		const one = {closed: false};
		asked(one);
		for (const side of [request, response]) {
			side.on('close', () => {
				one.closed = true;
			});
		}
	};
}

before(async () => {
	server = await startFeedServer();
	server.route('/slow', serveXml(rss2([{id: 'slow', title: 'Synthetic story with a slow page', link: server.url('/slow-page'), date: new Date().toISOString()}])));
	server.route('/slow-page', (_request, response) => {
		held = response;
	});
	server.route('/slow-feed', (_request, response) => {
		heldFeed = response;
	});
	server.route(
		'/hanging-feed',
		neverAnswers(one => {
			hanging = one;
		}),
	);
	server.route('/hanging-page-feed', serveXml(rss2([{id: 'hp', title: 'Synthetic story whose page never answers', summary: 'Synthetic summary.', link: server.url('/hanging-page'), date: new Date().toISOString()}])));
	server.route(
		'/hanging-page',
		neverAnswers(one => {
			hangingPage = one;
		}),
	);
	const paragraphs = Array.from({length: 12}, (_, index) => `<p>Paragraph ${index + 1} of a synthetic long story. ${'Synthetic words that wrap across lines. '.repeat(6)}</p>`);
	server.route('/long', serveXml(rss2([{id: 'long', title: 'Synthetic long story', content: paragraphs.join(''), date: new Date().toISOString()}])));
});

after(async () => server.close());

test('unread only, the last story read and left: the selection comes up to the row now last, and Enter opens it', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 24});
	await press('U', 'G');
	const last = selectedLine(frame());
	await press(KEYS.enter, KEYS.escape);
	assert.ok(!frame().includes(last.slice(5, 40)), 'the read story is gone from the list');
	assert.notEqual(selectedLine(frame()), '', 'a row is selected');
	await press(KEYS.enter);
	assert.match(frame(), /\d+%$/m, 'Enter opens the story');
	ui.unmount();
});

test('the last bookmark in the bookmarks view removed: the one above it is selected, and Enter opens it', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	await press('b', 'j', 'b', 'B', 'j', 'b');
	await waitFor(/ 1 article/);
	assert.match(selectedLine(frame()), /★/);
	await press(KEYS.enter);
	assert.match(frame(), /\d+%$/m, 'Enter opens the story');
	ui.unmount();
});

test('a resize keeps the reader where it was in the story, not at the same line number of the story wrapped anew', async () => {
	const {frame, press, waitFor, resize, ui} = await renderApp({width: 100, height: 30, feeds: [{url: server.url('/long')}], refresh: {...DEFAULT_REFRESH, timeoutMs: 3000}});
	await press('R');
	await waitFor(/Refreshed 1 feed: 1 new\./);
	await press('g', KEYS.enter, KEYS.pageDown, KEYS.pageDown);
	const before = storyPlace(frame());
	assert.ok(before > 0.3, `scrolled into the story: ${before}\n${frame()}`);
	await resize(40, 12);
	assert.ok(Math.abs(storyPlace(frame()) - before) < 0.05, `at 40 columns: ${storyPlace(frame())}, was ${before}`);
	await resize(100, 30);
	assert.ok(Math.abs(storyPlace(frame()) - before) < 0.05, `back at 100 columns: ${storyPlace(frame())}, was ${before}`);
	ui.unmount();
});

test('unread first, a story read and left: the selection stays at the top, on the next unread, not on the story gone to the read ones', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 24, settings: {sort: 'unread'}});
	const second = frame().split('\n')[2]!.slice(1);
	await press(KEYS.enter, KEYS.escape);
	assert.equal(selectedLine(frame()).slice(1), second);
	assert.doesNotMatch(frame(), /new above/);
	ui.unmount();
});

test('unread first, u on a story moves it to the read ones: the next unread is selected, and u again reads down the list', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 24, settings: {sort: 'unread'}});
	const [, , second, third] = frame().split('\n');
	await press('u');
	assert.equal(selectedLine(frame()).slice(1), second!.slice(1));
	assert.doesNotMatch(frame(), /new above/);
	await press('u');
	assert.equal(selectedLine(frame()).slice(1), third!.slice(1));
	ui.unmount();
});

test('b in the bookmarks view offers its undo: b again puts the bookmark back as it was, where it removed the next one', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	await press('b', 'j', 'b', 'j', 'b', 'B');
	await waitFor(/ 3 articles/);
	const lines = frame().split('\n').slice(1, 4);
	await press('j', 'b');
	await waitFor(/ 2 articles/);
	assert.match(frame(), /Removed bookmark: .* — b undoes\./);
	await press('u');
	assert.match(frame(), / 2 articles/, 'u marks, it does not undo a removed bookmark');
	await press('k', 'j', 'b');
	await waitFor(/ 1 article /);
	await press('b');
	await waitFor(/ 2 articles/);
	assert.match(frame(), /Bookmarked again: /);
	assert.equal(selectedLine(frame()).slice(4), lines[2]!.slice(4), 'back in its place, and selected');
	ui.unmount();
});

test('S in the bookmarks view says the bookmarks stay newest first, where it said "Sorted oldest first." and left them as they were', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	await press('b', 'j', 'j', 'b', 'B', 'j');
	await waitFor(/ 2 articles/);
	const before = frame().split('\n').slice(1, 3);
	await press('S');
	assert.doesNotMatch(frame(), /Sorted/);
	assert.match(frame(), /Bookmarks stay newest first; S orders the stories\./);
	assert.deepEqual(frame().split('\n').slice(1, 3), before, 'the selection stays where it was');
	ui.unmount();
});

test('B from a kept search, then Esc or q: back to the search where it was, where it cleared the search the bookmarks view does not show', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	// Three titles hold "how"; j selects the second. The search is run once typing pauses: its three rows are waited for.
	await press('/', ...'how', KEYS.enter);
	await waitFor(/^\/how {2}\(Esc clears\)$/m);
	await waitFor(/\b3 articles\b/);
	await press('j');
	const before = frame();
	assert.match(before, /^› .*How quantum tech/m);
	for (const key of [KEYS.escape, 'q']) {
		await press('B'); // eslint-disable-line no-await-in-loop -- keys in turn
		assert.match(frame(), /devnews › Bookmarks/);
		await press(key); // eslint-disable-line no-await-in-loop -- keys in turn
		assert.equal(frame(), before);
	}

	ui.unmount();
});

test('keys with newsboat\'s names for its commands are named the ones devnews has, and the commands listed once for names that are neither', async () => {
	const {withUserKeys} = await import('../source/core/user-keys.js');
	const {problems} = withUserKeys({'open-in-browser': ['O'], reload: ['r'], pagedown: ['ctrl-f'], 'toggle-article-read': ['N'], 'no-such-one': ['x'], 'nor-this': ['y']});
	assert.deepEqual(problems.slice(0, 4), [
		'keys: no command "open-in-browser": newsboat\'s open-in-browser is open-link here',
		'keys: no command "reload": newsboat\'s reload is refresh here',
		'keys: no command "pagedown": newsboat\'s pagedown is page-down here',
		'keys: no command "toggle-article-read": newsboat\'s toggle-article-read is toggle-read here',
	]);
	assert.match(problems[4]!, /^keys: no command "no-such-one" or "nor-this" \(commands: up, down, .*\)$/);
	assert.equal(problems.length, 5);
});

test('at 40 columns a long search being typed shows its end and the caret, where it cut what was being typed', async () => {
	const {frame, press, ui} = await renderApp({width: 40, height: 12});
	await press('/', 'synthetic story about the 東京 climate conference');
	assert.match(frame(), /^\/….*東京 climate conference▏$/m);
	await press(KEYS.enter);
	assert.match(frame(), /^\/synthetic story about the 東京 climate…$/m, 'kept, it reads from its start');
	ui.unmount();
});

test('a story\'s full text arriving after the reader left it leaves the status line as it is: A\'s undo stays on offer', async () => {
	const {frame, press, waitFor, ui, library} = await renderApp({
		width: 100,
		height: 24,
		feeds: [{url: server.url('/slow')}],
		refresh: {...DEFAULT_REFRESH, timeoutMs: 5000},
		settings: {complete: 0},
	});
	await press('R');
	await waitFor(/Refreshed 1 feed: 1 new\./);
	await press('g', KEYS.enter);
	await waitFor(/Fetching the full story…/);
	await until(() => held !== undefined, 'the reader asked for the page');
	await press(KEYS.escape, 'A');
	await waitFor(/Marked 9 stories read — u or A undoes\./);
	held!.writeHead(200, {'content-type': 'text/html'}).end(storyPage());
	await until(() => library.page({query: 'slow'}, 0, 1)[0]?.kind === 'full', 'the full text arrived');
	// The reader's fetch ends a few turns of the event loop after the library has the text.
	await delay(100);
	assert.match(frame(), /Marked 9 stories read — u or A undoes\./, 'the offer is still on screen');
	await press('u');
	assert.match(frame(), /Marked 9 stories unread again\./);
	ui.unmount();
});

test('keys pressed during a refresh say what they did beside its progress, and A\'s undo stays on offer when the refresh ends', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24, feeds: [{url: server.url('/slow-feed')}], refresh: {...DEFAULT_REFRESH, timeoutMs: 10_000}});
	await press('r');
	await waitFor(/Refreshing feeds 0\/1/);
	await press('A');
	await waitFor(/Marked 9 stories read — u or A undoes\./);
	assert.match(frame(), /Refreshing feeds 0\/1/);
	await until(() => heldFeed !== undefined, 'the refresh asked for the feed');
	heldFeed!.writeHead(200, {'content-type': 'application/rss+xml'}).end(rss2([{id: 'late', title: 'Synthetic story of a slow feed', content: '<p>Synthetic text.</p>'}]));
	await waitFor(/Refreshed 1 feed: 1 new\./);
	assert.match(frame(), /Marked 9 stories read — u or A undoes\./);
	await press('u');
	assert.match(frame(), /Marked 9 stories unread again\./);
	ui.unmount();
});

test('a search cleared, kept or still typed, brings the list back where it was before the search, not to its top', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 10});
	await press('j', 'j', 'j', 'j', 'j', 'j');
	const before = frame();
	await press('/', ...'serbia', KEYS.enter);
	await waitFor(/^\/serbia {2}\(Esc clears\)$/m);
	await waitFor(/ 1 article /);
	await press(KEYS.escape);
	await delay(SEARCH_DEBOUNCE_MS * 2);
	assert.equal(frame(), before, 'after a kept search');
	await press('/', 'u', 'n');
	await waitFor(/^\/un▏$/m);
	await press(KEYS.escape);
	await delay(SEARCH_DEBOUNCE_MS * 2);
	assert.equal(frame(), before, 'after a search left while it was typed');
	await press('/', 'u', KEYS.backspace);
	await waitFor(/^\/▏$/m);
	await press(KEYS.escape);
	await delay(SEARCH_DEBOUNCE_MS * 2);
	assert.equal(frame(), before, 'after a search rubbed out before it was left');
	ui.unmount();
});

test('r in the view of a source that is not one of the feeds (the shipped stories) says so and names R, where it refreshed every feed', async () => {
	server.route('/untouched', serveXml(rss2([{id: 'u', title: 'Synthetic story never asked for'}])));
	const {frame, press, ui} = await renderApp({width: 100, height: 24, feeds: [{url: server.url('/untouched')}], refresh: {...DEFAULT_REFRESH, timeoutMs: 3000}});
	await press('f', 'G', KEYS.enter);
	assert.match(frame(), /devnews › Shipped with devnews/);
	await press('r');
	assert.match(frame(), /Shipped with devnews is not one of your feeds — R refreshes every feed\./);
	await delay(200);
	assert.equal(server.requests.get('/untouched'), undefined, 'no feed was asked for');
	ui.unmount();
});

test('q during a refresh quits at once: the refresh\'s requests are given up, where devnews waited for them, its screen gone, up to their timeout', async () => {
	const {press, ui} = await renderApp({width: 100, height: 24, feeds: [{url: server.url('/hanging-feed')}], refresh: {...DEFAULT_REFRESH, timeoutMs: 60_000}});
	await press('r');
	await until(() => hanging !== undefined, 'the refresh asked for the feed');
	await press('q');
	await until(() => hanging!.closed, 'the feed\'s request was given up', 2000);
	ui.unmount();
});

test('a sector picked from inside a story shows that sector\'s list, where the story stayed open under a header naming the sector', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 24});
	await press(KEYS.enter);
	assert.match(frame(), /US-Russia Ukraine Peace Talks/);
	// The sector picker, "All" first: down to the first sector, Agro-Forestry, which holds none of the shipped stories.
	await press('s', 'j', KEYS.enter);
	const shown = frame();
	assert.match(shown, /^devnews › Agro-Forestry/);
	assert.match(shown, /^No stories in Agro-Forestry/m, 'its list');
	assert.doesNotMatch(shown, /Created:/, 'no story open');
	ui.unmount();
});

test('q while an open story\'s page is still loading quits at once: its request is given up, where devnews waited for it up to its timeout', async () => {
	// No completing in the background: the page is asked for by opening the story alone.
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24, feeds: [{url: server.url('/hanging-page-feed')}], settings: {complete: 0}, refresh: {...DEFAULT_REFRESH, timeoutMs: 60_000}});
	await press('r');
	await waitFor(/Refreshed 1 feed: 1 new\./);
	// It landed above the selection, at the top.
	await press('g');
	assert.match(selectedLine(frame()), /Synthetic story whose page never answers/);
	await press(KEYS.enter);
	await until(() => hangingPage !== undefined, 'the reader asked for the page');
	await press(KEYS.escape, 'q');
	await until(() => hangingPage!.closed, 'the page\'s request was given up', 2000);
	ui.unmount();
});

test('a refresh that removes old news counts its days as words count them: "older than 1 day"', async () => {
	server.route('/old-feed', serveXml(rss2([{id: 'old', title: 'Synthetic old story', content: '<p>Synthetic story, whole.</p>', date: '2020-01-02T03:04:05Z'}])));
	const {press, waitFor, ui} = await renderApp({width: 100, height: 24, feeds: [{url: server.url('/old-feed')}], settings: {keepDays: 1, complete: 0}});
	await press('r');
	await waitFor(/Refreshed 1 feed: 1 new\./);
	// Read, it is old news the next refresh removes (unread news fetched lately stays).
	await press('/', ...'synthetic old', KEYS.enter);
	await waitFor(/\b1 article\b/);
	await press('u', KEYS.escape, 'r');
	await waitFor(/Refreshed 1 feed: 0 new, 1 older than 1 day removed\./);
	ui.unmount();
});
