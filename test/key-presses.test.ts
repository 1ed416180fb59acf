import assert from 'node:assert/strict';
import test from 'node:test';
import {keyPresses} from '../source/core/key-presses.js';

test('a chunk of typed keys is one press per character, controls named as Ink names them alone', () => {
	assert.deepEqual(keyPresses('jj', {}), [
		{input: 'j', key: {}},
		{input: 'j', key: {}},
	]);
	assert.deepEqual(keyPresses('j\r', {}), [
		{input: 'j', key: {}},
		{input: '', key: {return: true}},
	]);
	assert.deepEqual(keyPresses('a\u007F\b\t\f', {}), [
		{input: 'a', key: {}},
		{input: '', key: {delete: true}},
		{input: '', key: {backspace: true}},
		{input: '', key: {tab: true}},
		{input: 'l', key: {ctrl: true}},
	]);
	assert.deepEqual(keyPresses('한글', {}), [
		{input: '한', key: {}},
		{input: '글', key: {}},
	]);
});

test('a key alone, and Ctrl with a letter, pass as Ink reported them; Alt-letter is Esc then the letter', () => {
	assert.deepEqual(keyPresses('', {return: true}), [{input: '', key: {return: true}}]);
	assert.deepEqual(keyPresses('c', {ctrl: true}), [{input: 'c', key: {ctrl: true}}]);
	assert.deepEqual(keyPresses('j', {meta: true}), [
		{input: '', key: {escape: true}},
		{input: 'j', key: {}},
	]);
	assert.deepEqual(keyPresses('', {escape: true, meta: true}), [{input: '', key: {escape: true, meta: true}}]);
});
