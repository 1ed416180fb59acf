// The browser as a user sees it: what the screen shows after keys.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {copyOfShippedData, openBookmarks, tempDir, writeArticle} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

const CREDIT = '(With inputs from agencies.)';

function selectedLine(frame: string): string {
	return frame.split('\n').find(line => line.startsWith('›')) ?? '';
}

test('the list shows where you are, how many, and the rows with their marks', async () => {
	const {frame, ui} = await renderApp({width: 100, height: 20});
	const screen = frame();
	assert.match(screen, /devnews › All sectors · All editions/);
	assert.match(screen, /9 articles · 9 unread · never refreshed/);
	assert.match(screen, /Leaked Call Sparks Controversy/);
	assert.match(screen, /Politics\?/, 'a sector only the link\'s label suggests, marked as a guess');
	assert.match(screen, /Politics\? +Nov 2025$/m, 'a story of another year shows its month and year');
	assert.match(screen, /◦ Hungary Pledges Support for Serbia Amid Oil Crisis/, 'headline-only rows are marked');
	assert.match(selectedLine(screen), /Leaked Call/, 'the first row is selected');
	assert.match(screen, /\? help/);
	ui.unmount();
});

test('at 60×15, filtered to its sector and edition, Enter opens the whole story with its metadata', async () => {
	const {frame, press, ui} = await renderApp({width: 60, height: 15, sector: 'politics', edition: 'other'});
	assert.match(frame(), /Politics · Other/);
	assert.match(frame(), /\b1 · 1 unread\b/, 'at 60 columns, the count in fewer words');
	await press(KEYS.enter);
	const screen = frame();
	assert.match(screen, /Leaked Call Sparks Controversy Over US-Russia/);
	assert.match(screen, /Devdiscourse News Desk \| Moscow/);
	assert.match(screen, /Updated: 26-11-2025 11:56 IST/);
	assert.match(screen, /Created: 26-11-2025 11:56 IST/);
	assert.match(screen, /Country: Russia/);
	assert.ok(!screen.includes(CREDIT), 'the credit line is below the fold');
	assert.ok(screen.split('\n').length <= 15);
	for (const line of screen.split('\n')) assert.ok(stringWidth(line) <= 60, `fits 60 columns: ${line}`);

	await press(KEYS.end);
	assert.ok(frame().includes(CREDIT), 'End reaches the credit line');
	assert.match(frame(), /100%/);
	await press('g');
	assert.ok(!frame().includes(CREDIT));
	await press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
	assert.ok(frame().includes(CREDIT), 'PgDn reaches the credit line');
	await press('g', ...Array.from({length: 40}, () => 'j'));
	assert.ok(frame().includes(CREDIT), 'j reaches the credit line');
	assert.match(frame(), /preliminary agreement to visit Moscow next week/);
	ui.unmount();
});

test('the reader shows the image note, the summary, every paragraph and the link', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 60, sector: 'politics'});
	await press('l');
	const screen = frame();
	assert.match(screen, /This image is AI-generated/);
	assert.match(screen, /A leaked phone conversation between US and Russian officials/);
	assert.match(screen, /According to Bloomberg News/);
	assert.match(screen, /Yuri Ushakov suggested/);
	assert.match(screen, /devdiscourse\.com\/article\/politics\/3710216/);
	assert.match(screen, /\| Country: Russia\nSector: Politics \(guessed from the link\) \| Edition: not given \| Label: politics/, 'lines of at most 80 (textWidth), on a 100-column terminal; a sector only its label suggests, marked as a guess');
	ui.unmount();
});

test('selection and scroll of the list survive opening a story and coming back', async () => {
	const {frame, press, ui} = await renderApp({width: 80, height: 8});
	await press('j', 'j', 'j', 'j', 'j', 'j', 'j');
	const before = frame();
	const selected = selectedLine(before);
	assert.notEqual(selected, '');
	assert.ok(!before.includes('Leaked Call'), 'the list scrolled past the first row');
	await press(KEYS.enter);
	assert.match(frame(), /Headline only/);
	await press(KEYS.escape);
	const back = frame();
	assert.equal(selectedLine(back), selected.replace('•', ' '), 'the same row, now read');
	assert.equal(back.split('\n').filter(line => !line.startsWith('›')).join('\n'), before.split('\n').filter(line => !line.startsWith('›')).join('\n').replace('9 unread', '8 unread'));
	await press(KEYS.right, 'h');
	assert.equal(frame(), back, '→ opens and h goes back too');
	ui.unmount();
});

test('a headline-only entry says so, and o opens its link without a shell', async () => {
	const {frame, press, ui, opened, copied} = await renderApp({width: 80, height: 20});
	await press('j', KEYS.enter);
	assert.match(frame(), /Hungary Pledges Support/);
	assert.match(frame(), /Headline only — open the link for the story/);
	await press('o');
	assert.deepEqual(opened, ['https://www.devdiscourse.com/article/headlines/3710367-hungary-pledges-support-for-serbia-amid-oil-crisis']);
	assert.match(frame(), /Opened https:/);
	await press('y');
	assert.deepEqual(copied, opened);
	assert.match(frame(), /Copied \(OSC 52\)/);
	ui.unmount();
});

test('s and e open pickers with counts, All first; picking filters the list', async () => {
	const {frame, press, ui} = await renderApp({width: 80, height: 24});
	await press('e');
	let screen = frame();
	assert.match(screen, /Edition — Enter picks/);
	let items = screen.split('\n').filter(line => /\(\d+/.test(line));
	assert.equal(items.length, 14, 'All, the twelve editions, Other');
	assert.match(items[0] ?? '', /All \(9 · 9 unread\)/);
	assert.match(items[1] ?? '', /Global Edition \(0\)/);
	assert.match(screen, /South Asia \(0\)/);
	assert.match(screen, /Latin America and Caribbean \(0\)/);
	assert.match(items.at(-1) ?? '', /Other \(9 · 9 unread\)/, 'the page gives no edition');
	await press(KEYS.escape, 's');
	screen = frame();
	assert.match(screen, /Sector — Enter picks/);
	items = screen.split('\n').filter(line => /\(\d+/.test(line));
	assert.equal(items.length, 17, 'All, the fifteen sectors, Other');
	assert.match(screen, /Economy & Business \(0\)/);
	assert.match(screen, /Politics \(1 · 1 unread\)/);
	assert.match(items.at(-1) ?? '', /Other \(7 · 7 unread\)/);
	await press('j', 'j', 'j', KEYS.enter);
	screen = frame();
	assert.match(screen, /Technology · All editions/);
	assert.match(screen, /1 article\b/);
	assert.match(screen, /How blockchain can securely store/);
	assert.ok(!screen.includes('Hungary'));

	await press('e');
	assert.match(frame(), /Edition — Enter picks/);
	assert.match(frame(), /All \(1 · 1 unread\)/, 'edition counts follow the chosen sector');
	await press(KEYS.escape);
	assert.match(frame(), /Technology · All editions/, 'Esc leaves the picker without changing anything');
	ui.unmount();
});

test('b bookmarks the story, B lists bookmarks, and the bookmark is on disk', async () => {
	const configDir = tempDir('devnews-config');
	const {frame, press, waitFor, ui} = await renderApp({width: 80, height: 20, configDir, sector: 'politics'});
	await press(KEYS.enter, 'b');
	// The bookmark is written under a lock; the screen says so once it is on disk.
	await waitFor(/Bookmarked: Leaked Call/);
	await press('B');
	const onDisk = (await openBookmarks(configDir)).store.list();
	assert.deepEqual(onDisk.map(bookmark => bookmark.id), ['3710216']);
	assert.match(frame(), /devnews › Bookmarks/);
	assert.match(frame(), /›★ +Leaked Call/);
	await press('b');
	await press('x');
	assert.match(frame(), /No bookmarks yet/);
	assert.deepEqual((await openBookmarks(configDir)).store.list(), []);
	ui.unmount();
});

test('? shows every key, scrolling like a story; any other key closes it', async () => {
	const {frame, press, ui} = await renderApp({width: 80, height: 24});
	await press('?');
	for (const text of ['Keys', 'open the story', 'next / previous unread', 'search titles and stories']) assert.ok(frame().includes(text), text);
	assert.match(frame(), /^PgUp Ctrl-u \/ PgDn Ctrl-d space *\n {24}page up \/ down/m, 'keys wider than their column never run into their words');
	assert.match(frame(), /1–21\/\d+ \d+%$/m, 'where in the help, as in a story');
	await press('G');
	for (const text of ['bookmarks view', 'copy the link', 'mark read or unread', 'refresh the feeds', 'draw the screen again', 'quit, from anywhere']) assert.ok(frame().includes(text), text);
	assert.match(frame(), /100%$/m);
	await press('x');
	assert.match(frame(), /9 articles/);
	ui.unmount();
});

test('/ searches titles and stories as you type; Esc clears the search', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 80, height: 20});
	await press('/', 'o', 'i', 'l');
	assert.match(frame(), /\/oil/);
	await waitFor(/1 article\b/);
	assert.match(frame(), /Hungary Pledges/);
	await press(KEYS.backspace, KEYS.backspace, KEYS.backspace, ...'preliminary'.split(''), KEYS.enter);
	await waitFor(/Leaked Call Sparks/);
	assert.match(frame(), /1 article\b/, 'a word only in the body finds the story, and only it');
	await press(KEYS.escape);
	await waitFor(/9 articles/);
	assert.ok(!frame().includes('/preliminary'));
	await press('/', ...'"NEAR( *'.split(''));
	await waitFor(/0 articles/);
	assert.match(frame(), /No stories match “"NEAR\( \*” — Esc clears the search\./, 'special characters are plain text, not an error');
	ui.unmount();
});

test('the layout follows resizes and stays usable at 40×12', async () => {
	const {frame, press, resize, ui} = await renderApp({width: 100, height: 30});
	await resize(40, 12);
	let lines = frame().split('\n');
	assert.ok(lines.length <= 12, `${lines.length} lines`);
	for (const line of lines) assert.ok(stringWidth(line) <= 40, `fits 40 columns: ${line}`);
	assert.match(frame(), /Leaked Call/);
	await press(KEYS.enter);
	lines = frame().split('\n');
	assert.ok(lines.length <= 12);
	for (const line of lines) assert.ok(stringWidth(line) <= 40, `fits 40 columns: ${line}`);
	assert.match(frame(), /Devdiscourse News Desk/);
	await resize(100, 30);
	assert.match(frame(), /Devdiscourse News Desk \| Moscow \| Updated: 26-11-2025 11:56 IST/);
	ui.unmount();
});

test('hostile text in a data file reaches the screen without its escape sequences', async () => {
	const data = copyOfShippedData();
	writeArticle(data, 'hostile.json', {
		id: 'hostile',
		title: 'Evil \u001B[2J\u001B]0;pwned\u0007title\u009B31m here',
		kind: 'full',
		body: ['Body \u001B]52;c;ZXZpbA==\u0007text \u001B[31mred'],
		byline: 'By \u001BPdcs\u001B\\line',
		createdAt: '2026-01-01T00:00:00Z',
		source: 'data',
	});
	const {frame, press, ui} = await renderApp({width: 100, height: 30, dataDir: data});
	assert.match(frame(), /Evil title here/);
	await press(KEYS.enter);
	const screen = frame();
	assert.match(screen, /Body text red/);
	// eslint-disable-next-line no-control-regex -- the point of the test
	assert.doesNotMatch(screen, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
	ui.unmount();
});

test('start-up problems are shown on the status line, and the next key clears them', async () => {
	const {frame, press, ui} = await renderApp({warnings: ['skipped data/articles/x.json: title: must not be empty']});
	assert.match(frame(), /skipped data\/articles\/x\.json: title/);
	await press('j');
	assert.doesNotMatch(frame(), /skipped/);
	ui.unmount();
});

test('keys that arrive together (fast typing, a paste, a slow link) each count', async () => {
	const {press, waitFor, ui} = await renderApp({width: 80, height: 20});
	await press('jjj');
	await waitFor(/^› .*How blockchain can securely/m); // a screen for each key, one after another
	await press('/oil');
	await waitFor(/\/oil▏/);
	await waitFor(/1 article\b/);
	ui.unmount();
});

test('Enter, Backspace and Ctrl keys that arrive with other keys each count as themselves', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 80, height: 20});
	await press('j\r');
	await waitFor(/Headline only/);
	assert.match(frame(), /^Hungary Pledges Support/m, 'the row j moved to is the story Enter opened');
	await press('h/oilx\u007F\r');
	await waitFor(/1 article\b/);
	assert.match(frame(), /\/oil/, 'the x was taken back, and Enter kept the search');
	assert.doesNotMatch(frame(), /▏/, 'no longer typing');
	ui.unmount();
});

test('the link is clickable (OSC 8) where the terminal shows hyperlinks, plain text where not', async () => {
	const url = 'https://www.devdiscourse.com/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks';
	const linked = await renderApp({width: 100, height: 30, sector: 'politics', hyperlinks: true});
	await linked.press(KEYS.enter);
	assert.ok(linked.frame().includes(`\u001B]8;;${url}\u001B\\`), 'an OSC 8 link to the story');
	linked.ui.unmount();
	const plain = await renderApp({width: 100, height: 30, sector: 'politics'});
	await plain.press(KEYS.enter);
	assert.ok(!plain.frame().includes('\u001B]8;;'));
	assert.match(plain.frame(), /https:\/\/www\.devdiscourse\.com\/article\/politics\/3710216/);
	plain.ui.unmount();
});

test('on a short terminal the help scrolls to its last key', async () => {
	const {frame, press, ui} = await renderApp({width: 40, height: 12});
	await press('?');
	assert.match(frame(), /^Keys \(↑ ↓ scroll, other keys close\)$/m);
	assert.doesNotMatch(frame(), /Ctrl-c/);
	await press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
	assert.match(frame(), /Ctrl-l +draw the screen/);
	assert.match(frame(), /Ctrl-c +quit, from/);
	assert.ok(frame().split('\n').length <= 12);
	await press('k');
	assert.match(frame(), /Keys \(/, 'k scrolls back, the help stays');
	await press('q');
	assert.match(frame(), /Leaked Call/, 'q closes it');
	ui.unmount();
});

test('Esc and a letter that arrive as one Alt-letter count as the two keys', async () => {
	const {frame, press, ui} = await renderApp({width: 80, height: 20, sector: 'politics'});
	await press(KEYS.enter);
	assert.match(frame(), /Devdiscourse News Desk/);
	await press('\u001Bj');
	assert.match(frame(), /9 articles|1 article/, 'Esc went back to the list');
	assert.match(selectedLine(frame()), /Leaked Call/);
	ui.unmount();
});

test('the header drops whole details, never cuts one, when the terminal is narrow', async () => {
	const {frame, ui} = await renderApp({width: 60, height: 12});
	const header = frame().split('\n')[0]!;
	assert.match(header, /9 articles · 9 unread$/);
	assert.doesNotMatch(header, /…/);
	ui.unmount();
});
