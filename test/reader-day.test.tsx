// What a reader met in a day beside newsboat, at the sizes terminals have:
// each test is a defect seen in tmux, what the screen shows after the keys.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {KEYS, renderApp} from './render-app.js';

const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('›')) ?? '';

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
