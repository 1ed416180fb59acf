import assert from 'node:assert/strict';
import test from 'node:test';
import {firstKey, isText, keyPresses} from '../source/core/key-presses.js';

test('a chunk of typed keys is its text, kept together, and its controls, named as Ink names them alone', () => {
	assert.deepEqual(keyPresses('jj', {}), [{input: 'jj', key: {}}]);
	assert.deepEqual(keyPresses('j\r', {}), [
		{input: 'j', key: {}},
		{input: '', key: {return: true}},
	]);
	assert.deepEqual(keyPresses('ab\u007F\b\tcd\f', {}), [
		{input: 'ab', key: {}},
		{input: '', key: {delete: true}},
		{input: '', key: {backspace: true}},
		{input: '', key: {tab: true}},
		{input: 'cd', key: {}},
		{input: 'l', key: {ctrl: true}},
	]);
	assert.deepEqual(keyPresses('한글', {}), [{input: '한글', key: {}}]);
});

test('text pressed as keys: its first character, astral ones whole, then the rest, still text', () => {
	assert.deepEqual(firstKey({input: '😀글j', key: {}}), [
		{input: '😀', key: {}},
		{input: '글j', key: {}},
	]);
	assert.deepEqual(firstKey({input: 'jk', key: {}}), [
		{input: 'j', key: {}},
		{input: 'k', key: {}},
	]);
	assert.deepEqual(firstKey({input: '😀', key: {}}), [{input: '😀', key: {}}, undefined]);
	assert.equal(isText({input: 'jj', key: {}}), true);
	assert.equal(isText({input: 'j', key: {}}), true);
	assert.equal(isText({input: 'c', key: {ctrl: true}}), false);
	assert.equal(isText({input: '', key: {return: true}}), false);
});

test('a key alone, and Ctrl with a letter, pass as Ink reported them; Alt-letter is Esc then the letter', () => {
	assert.deepEqual(keyPresses('', {return: true}), [{input: '', key: {return: true}}]);
	assert.deepEqual(keyPresses('c', {ctrl: true}), [{input: 'c', key: {ctrl: true}}]);
	assert.deepEqual(keyPresses('jk', {meta: true}), [
		{input: '', key: {escape: true}},
		{input: 'jk', key: {}},
	]);
	assert.deepEqual(keyPresses('j', {meta: true}), [
		{input: '', key: {escape: true}},
		{input: 'j', key: {}},
	]);
	assert.deepEqual(keyPresses('', {escape: true, meta: true}), [{input: '', key: {escape: true, meta: true}}]);
});
