import assert from 'node:assert/strict';
import {test} from 'node:test';
import {listHeight, readerHeight} from '../source/core/screen-rows.js';
import {initialState, MAX_QUERY, reducer, type State} from '../source/core/state.js';

const start = (height = 12): State => initialState({width: 80, height});

test('selection moves within the list and the window follows it', () => {
	let state = start(12); // 10 rows of list
	assert.equal(listHeight(state), 10);
	state = reducer(state, {type: 'select', index: 15, count: 40});
	assert.deepEqual(state.positions.articles, {selected: 15, top: 6});
	state = reducer(state, {type: 'select', index: 3, count: 40});
	assert.deepEqual(state.positions.articles, {selected: 3, top: 3});
	state = reducer(state, {type: 'select', index: 999, count: 40});
	assert.deepEqual(state.positions.articles, {selected: 39, top: 30});
	state = reducer(state, {type: 'select', index: -5, count: 40});
	assert.deepEqual(state.positions.articles, {selected: 0, top: 0});
});

test('opening a story and coming back keeps the list position', () => {
	let state = reducer(start(), {type: 'select', index: 7, count: 40});
	const before = state.positions.articles;
	state = reducer(reducer(state, {type: 'open', id: 'a', position: 0}), {type: 'storyLength', lineCount: 100, width: 80});
	assert.equal(state.reader?.id, 'a');
	state = reducer(state, {type: 'scroll', line: 5});
	state = reducer(state, {type: 'back'});
	assert.equal(state.reader, undefined);
	assert.deepEqual(state.positions.articles, before);
});

test('reader scroll stops at the last page and at the top', () => {
	let state = reducer(reducer(start(12), {type: 'open', id: 'a', position: 0}), {type: 'storyLength', lineCount: 25, width: 80});
	assert.equal(readerHeight(state), 10);
	state = reducer(state, {type: 'scroll', line: 1000});
	assert.equal(state.reader?.scroll, 15);
	state = reducer(state, {type: 'scroll', line: -3});
	assert.equal(state.reader?.scroll, 0);
	state = reducer(reducer(state, {type: 'storyLength', lineCount: 5, width: 80}), {type: 'scroll', line: 4});
	assert.equal(state.reader?.scroll, 0, 'a story shorter than the screen does not scroll');
});

test('a story opened where it was left scrolls there once its length is known, and only then', () => {
	let state = reducer(start(24), {type: 'open', id: 'a', position: 0.5});
	assert.equal(state.reader?.scroll, 0, 'no length yet: at the top');
	state = reducer(state, {type: 'storyLength', lineCount: 200, width: 80});
	assert.equal(state.reader?.scroll, 100);
	state = reducer(reducer(state, {type: 'scroll', line: 10}), {type: 'storyLength', lineCount: 120, width: 80});
	assert.equal(state.reader?.scroll, 10, 'a later length at the same width (the full text arrived) keeps the line the reader is at');
	state = reducer(reducer(state, {type: 'scroll', line: 60}), {type: 'storyLength', lineCount: 240, width: 40});
	assert.equal(state.reader?.scroll, 120, 'wrapped anew at another width, the story keeps the reader\'s place in it');
});

test('changing sector, edition or filter starts the list from the top', () => {
	let state = reducer(start(), {type: 'select', index: 9, count: 40});
	state = reducer(state, {type: 'setSector', sector: 'politics'});
	assert.equal(state.sector, 'politics');
	assert.deepEqual(state.positions.articles, {selected: 0, top: 0});
	state = reducer(reducer(state, {type: 'select', index: 9, count: 40}), {type: 'setEdition', edition: 'india'});
	assert.deepEqual(state.positions.articles, {selected: 0, top: 0});
	state = reducer(state, {type: 'filterStart'});
	state = reducer(state, {type: 'filterText', query: 'oil'});
	assert.equal(state.query, 'oil');
	assert.equal(listHeight(state), 9, 'the filter line takes a row');
	state = reducer(state, {type: 'filterClear'});
	assert.equal(state.query, '');
	assert.equal(state.filtering, false);
});

test('back closes an overlay, then the reader, then the bookmarks view', () => {
	let state = reducer(start(), {type: 'mode', mode: 'bookmarks'});
	state = reducer(reducer(state, {type: 'open', id: 'a', position: 0}), {type: 'storyLength', lineCount: 10, width: 80});
	state = reducer(reducer(state, {type: 'openHelp'}), {type: 'helpLength', lineCount: 40});
	state = reducer(state, {type: 'back'});
	assert.equal(state.overlay, 'none');
	assert.equal(state.reader?.id, 'a');
	state = reducer(state, {type: 'back'});
	assert.equal(state.reader, undefined);
	assert.equal(state.mode, 'bookmarks');
	state = reducer(state, {type: 'back'});
	assert.equal(state.mode, 'articles');
});

test('shrinking the terminal keeps the selection on screen', () => {
	let state = reducer(start(30), {type: 'select', index: 20, count: 40});
	assert.equal(state.positions.articles.top, 0);
	state = reducer(state, {type: 'resize', width: 40, height: 12});
	const {selected, top} = state.positions.articles;
	assert.equal(selected, 20);
	assert.ok(selected >= top && selected < top + listHeight(state));
});

test('the search holds its first 1,000 characters, astral ones whole, and says so when more came', () => {
	let state = reducer(start(), {type: 'filterStart'});
	const pasted = `${'😀'.repeat(999)}abcdef`;
	state = reducer(state, {type: 'filterText', query: pasted});
	assert.equal(Array.from(state.query).length, MAX_QUERY);
	assert.equal(state.query, `${'😀'.repeat(999)}a`);
	assert.equal(state.message, 'The search holds 1,000 characters; the rest was left out.');
	// 1,000 characters in 1,998 code units: all kept, nothing said.
	state = reducer(reducer(state, {type: 'message'}), {type: 'filterText', query: '😀'.repeat(1000)});
	assert.equal(state.query, '😀'.repeat(1000));
	assert.equal(state.message, undefined);
});
