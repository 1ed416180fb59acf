import assert from 'node:assert/strict';
import {test} from 'node:test';
import {resolveCommand} from '../source/core/commands.js';
import {keyToCommand} from '../source/core/keymap.js';
import {initialState, reducer} from '../source/core/state.js';

const list = initialState({width: 80, height: 24});
const reader = reducer(list, {type: 'open', id: 'a', scroll: 0, lineCount: 60});

test('vim keys and arrows move; Enter, l and → open; Esc, h and ← go back', () => {
	for (const [input, key] of [['j', {}], ['', {downArrow: true}]] as const) assert.equal(keyToCommand(input, key, list), 'down');
	for (const [input, key] of [['k', {}], ['', {upArrow: true}]] as const) assert.equal(keyToCommand(input, key, list), 'up');
	for (const [input, key] of [['l', {}], ['', {return: true}], ['', {rightArrow: true}]] as const) {
		assert.equal(keyToCommand(input, key, list), 'open');
	}

	for (const [input, key] of [['h', {}], ['', {escape: true}], ['', {leftArrow: true}]] as const) {
		assert.equal(keyToCommand(input, key, reader), 'back');
	}
});

test('paging and jumping keys', () => {
	assert.equal(keyToCommand('', {pageDown: true}, reader), 'pageDown');
	assert.equal(keyToCommand('d', {ctrl: true}, reader), 'pageDown');
	assert.equal(keyToCommand(' ', {}, reader), 'pageDown');
	assert.equal(keyToCommand('u', {ctrl: true}, reader), 'pageUp');
	assert.equal(keyToCommand('G', {}, reader), 'bottom');
	assert.equal(keyToCommand('', {end: true}, reader), 'bottom');
	assert.equal(keyToCommand('g', {}, reader), 'top');
});

test('q quits from the list but only goes back from a story; Ctrl-c always quits', () => {
	assert.equal(keyToCommand('q', {}, list), 'quit');
	assert.equal(keyToCommand('q', {}, reader), 'back');
	assert.equal(keyToCommand('c', {ctrl: true}, reader), 'forceQuit');
	assert.deepEqual(resolveCommand('quit', list, {count: 0}).effect, {type: 'quit'});
});

test('while filtering, letters are typed rather than obeyed', () => {
	const filtering = reducer(list, {type: 'filterStart'});
	assert.deepEqual(keyToCommand('q', {}, filtering), {type: 'filterType', text: 'q'});
	assert.equal(keyToCommand('', {backspace: true}, filtering), 'filterDelete');
	assert.equal(keyToCommand('', {escape: true}, filtering), 'filterCancel');
	assert.equal(keyToCommand('', {return: true}, filtering), 'filterAccept');
	assert.equal(keyToCommand('c', {ctrl: true}, filtering), 'forceQuit');
});

test('in a picker only Esc, q and ← are ours; in help any key closes it', () => {
	const picker = reducer(list, {type: 'overlay', overlay: 'sector'});
	assert.equal(keyToCommand('j', {}, picker), undefined);
	assert.equal(keyToCommand('', {escape: true}, picker), 'back');
	const help = reducer(list, {type: 'overlay', overlay: 'help'});
	assert.equal(keyToCommand('x', {}, help), 'back');
});

test('commands resolve to reducer actions with the numbers they need', () => {
	const moved = resolveCommand('pageDown', list, {count: 100});
	assert.deepEqual(moved.actions, [{type: 'select', index: 22, count: 100}]);
	const scrolled = resolveCommand('bottom', reader, {count: 0});
	const next = scrolled.actions.reduce(reducer, reader);
	assert.equal(next.reader?.scroll, 38);
	assert.deepEqual(resolveCommand('open', list, {count: 3, selected: {id: 'x', title: 'X'}}).effect, {type: 'openStory', id: 'x'});
	assert.deepEqual(resolveCommand('refresh', list, {count: 0}).effect, {type: 'refresh'});
	const target = {id: 'a', title: 'A', url: 'https://example.com/a'};
	assert.deepEqual(resolveCommand('bookmark', reader, {count: 0, open: target}).effect, {type: 'toggleBookmark', target});
	assert.deepEqual(resolveCommand('bookmark', list, {count: 0}).effect, undefined, 'nothing to bookmark in an empty list');
});
