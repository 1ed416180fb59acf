import assert from 'node:assert/strict';
import {test} from 'node:test';
import {resolveCommand} from '../source/core/commands.js';
import {keyToCommand} from '../source/core/keymap.js';
import {initialState, reducer} from '../source/core/state.js';

const list = initialState({width: 80, height: 24});
const reader = reducer(reducer(list, {type: 'open', id: 'a', position: 0}), {type: 'storyLength', lineCount: 60, width: 80});

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

test('a picker moves with the list\'s keys, picks with Enter, closes with Esc, q or its own key; help scrolls and any other key closes it', () => {
	const picker = reducer(list, {type: 'openPicker', picker: 'sector', selected: 0, count: 17});
	for (const [input, key, command] of [['j', {}, 'down'], ['k', {}, 'up'], ['g', {}, 'top'], ['G', {}, 'bottom'], ['', {pageDown: true}, 'pageDown'], ['', {return: true}, 'open'], ['l', {}, 'open']] as const) {
		assert.equal(keyToCommand(input, key, picker), command, `${input || JSON.stringify(key)} in a picker`);
	}

	for (const [input, key] of [['', {escape: true}], ['q', {}], ['s', {}], ['h', {}]] as const) assert.equal(keyToCommand(input, key, picker), 'back');
	assert.equal(keyToCommand('e', {}, picker), undefined, 'another picker\'s key does nothing in this one');
	const context = {count: 0, pickerValues: [undefined, 'agro-forestry', 'art-culture', 'technology']};
	const moved = ['down', 'down', 'down', 'up'].reduce((state, command) => resolveCommand(command as 'down', state, context).actions.reduce(reducer, state), picker);
	assert.equal(moved.picker.selected, 2);
	assert.deepEqual(resolveCommand('open', moved, context).actions, [{type: 'setSector', sector: 'art-culture'}]);
	const help = reducer(reducer(list, {type: 'openHelp'}), {type: 'helpLength', lineCount: 60});
	assert.equal(keyToCommand('x', {}, help), 'back');
	assert.equal(keyToCommand('j', {}, help), 'down');
	assert.equal(keyToCommand(' ', {}, help), 'pageDown');
	const scrolled = resolveCommand('pageDown', help, context).actions.reduce(reducer, help);
	assert.equal(scrolled.help.scroll, 21, 'a page of the help: 24 rows but the header, the footer and its title');
});

test('u and A undo a mark of many while the status line offers it, and are themselves otherwise', () => {
	const offered = reducer(list, {type: 'offerUndo', undo: 'markAllRead', text: 'Marked 3 stories read — u or A undoes.'});
	assert.equal(keyToCommand('u', {}, offered), 'undo');
	assert.equal(keyToCommand('A', {}, offered), 'undo');
	assert.equal(keyToCommand('j', {}, offered), 'down');
	const everything = reducer(list, {type: 'offerUndo', undo: 'markEverythingRead', text: 'Marked 9 stories read everywhere — u or C undoes.'});
	assert.equal(keyToCommand('C', {}, everything), 'undo');
	assert.equal(keyToCommand('A', {}, everything), 'markAllRead', 'the offer names u and C: A is itself');
	const cleared = reducer(offered, {type: 'message'});
	assert.equal(keyToCommand('u', {}, cleared), 'toggleRead');
	assert.equal(keyToCommand('A', {}, cleared), 'markAllRead');
});

test('commands resolve to reducer actions with the numbers they need', () => {
	const moved = resolveCommand('pageDown', list, {count: 100});
	assert.deepEqual(moved.actions, [{type: 'select', index: 22, count: 100}]);
	const scrolled = resolveCommand('bottom', reader, {count: 0});
	const next = scrolled.actions.reduce(reducer, reader);
	assert.equal(next.reader?.scroll, 38);
	assert.deepEqual(resolveCommand('open', list, {count: 3, selected: {id: 'x', title: 'X'}}).effect, {type: 'openStory', id: 'x'});
	assert.deepEqual(resolveCommand('refresh', list, {count: 0}).effect, {type: 'refresh', all: false});
	const target = {id: 'a', title: 'A', url: 'https://example.com/a'};
	assert.deepEqual(resolveCommand('bookmark', reader, {count: 0, open: target}).effect, {type: 'toggleBookmark', target});
	assert.deepEqual(resolveCommand('bookmark', list, {count: 0}).effect, undefined, 'nothing to bookmark in an empty list');
});
