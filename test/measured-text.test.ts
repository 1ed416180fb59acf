// The bundle's measure of Ink's texts (source/render/measured-text.ts, in
// place of Ink's own, which keeps every text it measured): the same answer
// as Ink's, and however many texts a session shows, only the last few kept.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import measure from 'string-width';
import measureText, {measured} from '../source/render/measured-text.js';
import {fuzzParameters, LINE_PIECES} from './fuzz.js';

/** Ink's measure: its widest line, by string-width, and how many lines. */
const inks = (text: string) => (text.length === 0 ? {width: 0, height: 0} : {width: Math.max(...text.split('\n').map(line => measure(line))), height: text.split('\n').length});

test('a text measures as Ink measures it, the first time and again', () => {
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...LINE_PIECES, '\n'), {maxLength: 30}), pieces => {
			const text = pieces.join('');
			assert.deepEqual(measureText(text), inks(text));
			assert.deepEqual(measureText(text), inks(text));
		}),
		fuzzParameters({numRuns: 1000}),
	);
});

test('a long session keeps the last 500 texts measured, not every one', () => {
	// 200 stories of 40 lines each, and a list row for each.
	for (let story = 0; story < 200; story++) {
		measureText(`› •  Story ${story} of the session        Global      Economy  01 Sep 12:${String(story % 60).padStart(2, '0')}`);
		for (let line = 0; line < 40; line++) measureText(`Line ${line} of story ${story}, as the reader wraps it.`);
	}

	assert.ok(measured.size <= 500, `${measured.size} texts kept`);
	assert.deepEqual(measureText('Line 39 of story 199, as the reader wraps it.'), {width: 45, height: 1});
});
