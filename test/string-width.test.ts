import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import measure from 'string-width';
import stringWidth from '../source/terminal/string-width.js';
import {fuzzParameters, LINE_PIECES} from './fuzz.js';

test('widths are string-width\'s own, for ASCII, marks, CJK, emoji, combining marks and escape sequences', () => {
	const samples = [
		'',
		'plain ASCII title',
		'› •◦ Leaked Call Sparks Controversy Ov… Global      Politics',
		'漢字 and かな in a title',
		'e\u0301te\u0301 (combining accents)',
		'keycap 1\uFE0F\u20E3 and flag 🇮🇳 and family 👨‍👩‍👧',
		'a\u200Bzero-width space',
		'\u001B[31mred\u001B[39m text',
		'tab\tand\u0007bell',
		'ends with a combining mark e\u0301',
		'❤️ heart with selector',
	];
	for (const sample of samples) {
		assert.equal(stringWidth(sample), measure(sample), JSON.stringify(sample));
		assert.equal(stringWidth(sample), measure(sample), `remembered: ${JSON.stringify(sample)}`);
	}

	assert.equal(stringWidth('±', {ambiguousIsNarrow: false}), measure('±', {ambiguousIsNarrow: false}), 'options are passed through');
});

test('widths are string-width\'s own for any line of those pieces, the first time and again', () => {
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...LINE_PIECES), {maxLength: 30}), pieces => {
			const line = pieces.join('');
			assert.equal(stringWidth(line), measure(line), JSON.stringify(line));
			assert.equal(stringWidth(line), measure(line), `remembered: ${JSON.stringify(line)}`);
		}),
		fuzzParameters(),
	);
});
