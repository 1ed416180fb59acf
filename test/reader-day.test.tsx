// What a reader met in a day beside newsboat, at the sizes terminals have:
// each test is a defect seen in tmux, what the screen shows after the keys.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {renderApp} from './render-app.js';

test('an empty list\'s hint is wrapped at 80 columns, not cut: its last keys are on screen', async () => {
	const {frame, press, ui} = await renderApp({width: 80, height: 24, sector: 'wash'});
	await press('U');
	const screen = frame().split('\n').join(' ').replaceAll(/\s+/g, ' ');
	assert.match(screen, /No unread stories in WASH — U shows read ones too, Esc clears the filters, s \/ e \/ f picks another\./);
	assert.doesNotMatch(frame(), /…/);
	ui.unmount();
});
