// The remembering tokenizer Ink uses in the bundle gives exactly what the
// library gives, for any line: plain ASCII, and every kind of character
// that joins its neighbours into one grapheme.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import * as library from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import {styledCharsFromTokens, tokenize} from '../source/render/remembered-tokens.js';

const SEED = process.env['CI'] ? {seed: 42} : {};

const PIECES = [
	...'abc XYZ09.,…•◦›—'.split(''),
	'漢',
	'한',
	'👍',
	'🏽',
	'\u200D',
	'👨\u200D👩\u200D👧',
	'🇺',
	'🇦',
	'\uFE0F',
	'\u0301',
	'\u0308',
	// Prepend characters join the character after them.
	'\u0600',
	'\u0D4E',
	'ก',
	'\u0E33',
	'\u200B',
	'\t',
	'\u007F',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B]8;;https://example.com/\u001B\\',
	'\u001B]8;;\u001B\\',
];

test('tokens and styled characters are the library\'s, for any line, the first time and again', () => {
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 30}), pieces => {
			const line = pieces.join('');
			assert.deepEqual(tokenize(line), library.tokenize(line));
			assert.deepEqual(tokenize(line), library.tokenize(line));
			assert.deepEqual(styledCharsFromTokens(tokenize(line)), library.styledCharsFromTokens(library.tokenize(line)));
		}),
		{...SEED, numRuns: 2000},
	);
});
