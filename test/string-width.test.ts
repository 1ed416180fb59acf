import assert from 'node:assert/strict';
import {test} from 'node:test';
import measure from 'string-width';
import stringWidth from '../source/terminal/string-width.js';

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
