// What a reader met in a day beside newsboat, at the sizes terminals have:
// each test is a defect seen in tmux, what the screen shows after the keys.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from './feed-server.js';
import {KEYS, renderApp} from './render-app.js';

const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

let server: FeedServer;
before(async () => {
	server = await startFeedServer();
	server.route(
		'/scripts',
		serveXml(
			rss2([
				{id: 'ko', title: '합성 기사: 서울에서 열린 기술 박람회', content: '<p>합성 본문.</p>'},
				{id: 'ja', title: '合成記事：東京で開かれた会議', content: '<p>合成の本文。</p>'},
			]),
		),
	);
	server.route(
		'/two',
		serveXml(
			rss2([
				{id: 't1', title: 'Synthetic first story', content: '<p>Synthetic text one.</p>', date: new Date(Date.now() - 60_000).toISOString()},
				{id: 't2', title: 'Synthetic second story', content: '<p>Synthetic text two.</p>', date: new Date(Date.now() - 120_000).toISOString()},
			]),
		),
	);
	server.route('/untitled', serveXml(rss2([{id: 'u0', title: 'Synthetic untitled-feed story', content: '<p>Synthetic text.</p>'}], 'Synthetic Own Title')));
});

after(async () => server.close());

test('an empty list\'s hint is wrapped at 80 columns, not cut: its last keys are on screen', async () => {
	const {frame, press, ui} = await renderApp({width: 80, height: 24, sector: 'wash'});
	await press('U');
	const screen = frame().split('\n').join(' ').replaceAll(/\s+/g, ' ');
	assert.match(screen, /No unread stories in WASH — U shows read ones too, Esc clears the filters, s \/ e \/ f picks another\./);
	assert.doesNotMatch(frame(), /…/);
	ui.unmount();
});

test('/ then Esc before a word is typed leaves the selection where it was, not at the top', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 20});
	await press('j', 'j', 'j');
	const before = selectedLine(frame());
	assert.notEqual(before, '');
	await press('/', KEYS.escape);
	assert.doesNotMatch(frame(), /^\/▏/m, 'the search line is gone');
	assert.equal(selectedLine(frame()), before);
	ui.unmount();
});

test('at 40 columns a picker cuts a long source name, not its counts', async () => {
	const feeds = [{url: 'http://127.0.0.1:9/synthetic', title: 'A synthetic feed whose title runs far past forty columns'}];
	const {frame, press, ui} = await renderApp({width: 40, height: 12, feeds});
	await press('f');
	assert.match(frame(), /^ {2}A synthetic feed whose title [^\n]*… \(0\)$/m);
	assert.match(frame(), /^ {2}Shipped with devnews \(9 · 9 unread\)$/m);
	ui.unmount();
});

test('r in a source\'s view names it on the status line as the header does, by the feed\'s own title when the list gives none', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 20, feeds: [{url: server.url('/untitled')}], refresh: {...DEFAULT_REFRESH, timeoutMs: 3000}});
	await press('R');
	await waitFor(/Refreshed 1 feed: 1 new\./);
	await press('f', 'j', KEYS.enter);
	assert.match(frame(), /devnews › Synthetic Own Title +1 article/);
	await press('r');
	await waitFor(/Refreshed Synthetic Own Title: 0 new\./);
	ui.unmount();
});

test('a search in Korean or Japanese finds a title by a word\'s start: 서울 finds 서울에서, 東京 finds 東京で…', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 20, feeds: [{url: server.url('/scripts')}], refresh: {...DEFAULT_REFRESH, timeoutMs: 3000}});
	await press('R');
	await waitFor(/Refreshed 1 feed: 2 new\./);
	for (const [query, title] of [['서울', '서울에서 열린 기술'], ['서울 박람', '서울에서 열린 기술'], ['東京', '東京で開かれた']] as const) {
		await press(KEYS.escape, '/', query); // eslint-disable-line no-await-in-loop -- one search after another, as typed
		// The one story found, alone in the list (the search runs once typing pauses).
		await waitFor(new RegExp(`^devnews .* 1 article · 1 unread.*\\n/${query}▏\\n› .*${title}.*\\n\\n`)); // eslint-disable-line no-await-in-loop -- waiting for the debounced search
	}

	assert.doesNotMatch(frame(), /서울/);

	ui.unmount();
});

test('the bookmarks view shows no search line over bookmarks the search does not filter', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 20});
	await press('b', 'j', 'b', '/', 'Leaked');
	await waitFor(/ 1 article · 1 unread/);
	await press(KEYS.enter, 'B');
	assert.match(frame(), /^devnews › Bookmarks +2 articles/m);
	assert.match(frame(), /Hungary Pledges/, 'a bookmark the search does not match is listed');
	assert.doesNotMatch(frame(), /^\/Leaked/m);
	ui.unmount();
});

test('the reader\'s footer offers o open link only for a story that has a link', async () => {
	const {frame, press, ui} = await renderApp({width: 200, height: 24});
	const footer = () => frame().split('\n').at(-1) ?? '';
	await press(KEYS.enter);
	assert.match(frame(), /Leaked Call Sparks/);
	assert.match(footer(), /o open link/);
	await press('q', 'j', 'j', KEYS.enter);
	assert.match(frame(), /Historic Expansion/);
	assert.doesNotMatch(footer(), /open link/);
	ui.unmount();
});

test('n with no unread left in a view says how many are elsewhere, and in the list the key that shows them', async () => {
	const {frame, press, ui} = await renderApp({width: 200, height: 24, sector: 'politics'});
	await press(KEYS.enter);
	await press('n');
	assert.match(frame(), /No unread stories in this view; 8 elsewhere\./);
	await press('q', 'n');
	assert.match(frame(), /No unread stories in this view; 8 elsewhere — Esc clears the filters\./);
	await press(KEYS.escape, 'n');
	assert.match(frame(), /› •◦ Hungary Pledges Support/);
	ui.unmount();
});

test('n goes on from a source with no unread left to the next source that has some, as newsboat\'s n goes to the next feed', async () => {
	const feeds = [{url: server.url('/two'), title: 'Synthetic two'}];
	const {frame, press, waitFor, ui} = await renderApp({width: 200, height: 24, feeds, refresh: {...DEFAULT_REFRESH, timeoutMs: 3000}});
	await press('r');
	await waitFor(/Refreshed Synthetic two|Refreshed 1 feed/);
	await press('f', 'j', KEYS.enter);
	assert.match(frame(), /devnews › Synthetic two/);
	await press(KEYS.enter, 'n');
	assert.match(frame(), /Synthetic second story/);
	await press('n');
	assert.match(frame(), /On to Shipped with devnews: Synthetic two has no unread stories left\./);
	assert.match(frame(), /Leaked Call Sparks Controversy/);
	await press('q');
	assert.match(frame(), /devnews › Shipped with devnews/);
	ui.unmount();
});
