// With a screen reader (--screen-reader, or Ink's own INK_SCREEN_READER),
// the browser is plain text: no marks, no columns, the selected list row
// one sentence, the reader's story in reading order.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {KEYS, renderApp} from './render-app.js';

// Ink reads its switch when it renders; this test file runs in a process of its own.
process.env['INK_SCREEN_READER'] = 'true';

const DECORATION = /[•◦★›❯▏│─]/;

test('the list is the selected row, one sentence: selected, title, sector, edition, time, unread, bookmarked', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	const screen = frame();
	assert.match(screen, /^devnews, All sectors · All editions, 9 articles, 9 unread, never refreshed\.$/m);
	assert.match(screen, /^Selected\. Leaked Call Sparks Controversy Over US-Russia Ukraine Peace Talks\. Politics, guessed\. Edition not given\. Nov 2025\. Unread\.$/m);
	// The other rows are not read: j and k go through them, as through a list's entries.
	assert.doesNotMatch(screen, /Hungary Pledges Support/);
	assert.match(screen, /^Press question mark for the keys\.$/m);
	assert.doesNotMatch(screen, DECORATION);
	await press('j', 'b');
	await waitFor(/^Selected\. Hungary Pledges Support for Serbia Amid Oil Crisis\. Sector not given\. Edition not given\. Unread\. Bookmarked\. Headline only\.$/m);
	assert.doesNotMatch(frame(), /Leaked Call/);
	ui.unmount();
});

test('the reader is the story in reading order; pickers say which entry is highlighted', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 24});
	await press(KEYS.enter);
	const story = frame();
	const order = ['Leaked Call Sparks Controversy', 'Devdiscourse News Desk | Moscow', 'This image is AI-generated', 'A leaked phone conversation', 'A leaked telephone conversation'].map(text => story.indexOf(text));
	assert.ok(order.every(index => index >= 0), story);
	assert.deepEqual([...order].sort((a, b) => a - b), order, 'in reading order');
	assert.match(story, /Press question mark for the keys\. Lines 1 to \d+ of \d+, \d+ percent\.$/m);
	assert.doesNotMatch(story, DECORATION);
	await press(KEYS.escape, 's');
	assert.match(frame(), /^Selected: All \(9 · 8 unread\)\.$/m, "the story just read is read");
	assert.match(frame(), /^Politics \(1\)\.$/m);
	assert.doesNotMatch(frame(), DECORATION);
	ui.unmount();
});

test('a feed\'s own title reaches the screen reader\'s lines without its escape sequences (the picker, the header)', async () => {
	const feeds = [{url: 'http://127.0.0.1:9/synthetic', title: 'Synthetic \u001B[31mred\u001B]0;retitled\u0007 feed'}];
	const {frame, press, ui} = await renderApp({width: 100, height: 24, feeds});
	await press('f');
	assert.match(frame(), /^Synthetic red feed \(0\)\.$/m);
	await press('j', KEYS.enter);
	assert.match(frame(), /^devnews, Synthetic red feed, 0 articles/m);
	assert.ok(!frame().includes('\u001B'), 'no escape reaches the terminal');
	ui.unmount();
});
