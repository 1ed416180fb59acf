// The remembering tokenizer Ink uses in the bundle gives exactly what the
// library gives, for any line: plain ASCII, and every kind of character
// that joins its neighbours into one grapheme.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import * as library from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import {sharedCodes, styledCharsFromTokens, tokenize} from '../source/render/remembered-tokens.js';
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

test('the escape codes lines share are let go past 1,000: a session that shows ever new links keeps no more', () => {
	for (let story = 0; story < 1500; story++) {
		const line = `\u001B]8;;https://www.devdiscourse.com/article/${story}\u0007Story ${story}\u001B]8;;\u0007 \u001B[7mselected\u001B[27m`;
		assert.deepEqual(tokenize(line), library.tokenize(line));
	}

	assert.ok(sharedCodes.size <= 1000, `${sharedCodes.size} codes kept`);
});
