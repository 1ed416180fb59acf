// The remembering tokenizer Ink uses in the bundle gives exactly what the
// library gives, for any line: plain ASCII, and every kind of character
// that joins its neighbours into one grapheme.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import * as library from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import {styledCharsFromTokens, tokenize} from '../source/render/remembered-tokens.js';
import {fuzzParameters, LINE_PIECES} from './fuzz.js';

test('tokens and styled characters are the library\'s, for any line, the first time and again', () => {
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...LINE_PIECES), {maxLength: 30}), pieces => {
			const line = pieces.join('');
			assert.deepEqual(tokenize(line), library.tokenize(line));
			assert.deepEqual(tokenize(line), library.tokenize(line));
			assert.deepEqual(styledCharsFromTokens(tokenize(line)), library.styledCharsFromTokens(library.tokenize(line)));
		}),
		fuzzParameters({numRuns: 2000}),
	);
});
