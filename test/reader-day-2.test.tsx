// What a reader met in a second day beside newsboat, on the same local
// feeds: each test is a defect seen in tmux, what the screen shows after the keys.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {KEYS, renderApp} from './render-app.js';

const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

test('unread only, the last story read and left: the selection comes up to the row now last, and Enter opens it', async () => {
	const {frame, press, ui} = await renderApp({width: 100, height: 24});
	await press('U', 'G');
	const last = selectedLine(frame());
	await press(KEYS.enter, KEYS.escape);
	assert.doesNotMatch(frame(), new RegExp(last.slice(5, 40).replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the read story is gone from the list');
	assert.notEqual(selectedLine(frame()), '', 'a row is selected');
	await press(KEYS.enter);
	assert.match(frame(), /\d+%$/m, 'Enter opens the story');
	ui.unmount();
});

test('the last bookmark in the bookmarks view removed: the one above it is selected, and b removes it too', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	await press('b', 'j', 'b', 'B', 'j', 'b');
	await waitFor(/ 1 article/);
	assert.match(selectedLine(frame()), /★/);
	await press('b');
	await waitFor(/ 0 articles/);
	ui.unmount();
});

test('u in unread only takes the story off the list, and u again puts it back, where it marked the next story read', async () => {
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24});
	await press('U');
	const first = selectedLine(frame()).slice(1);
	await press('u');
	assert.match(frame(), /Marked read: .* — u undoes\./);
	assert.ok(!frame().includes(first), 'the story left the list');
	const second = selectedLine(frame());
	await press('u');
	await waitFor(/ 9 articles/);
	assert.match(frame(), /Marked unread: /);
	assert.ok(frame().includes(first), 'the story is back, unread');
	assert.equal(selectedLine(frame()), second, 'the story selected after it is still unread');
	ui.unmount();
});
