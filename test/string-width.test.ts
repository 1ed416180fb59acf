import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import measure from 'string-width';
import stringWidth, {isSimple} from '../source/terminal/string-width.js';
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

test('every character of the BMP the quick path takes is as wide as string-width says, alone, between letters, doubled and before an accent', () => {
	let taken = 0;
	for (let code = 0x80; code <= 0xFF_FF; code++) {
		if (code >= 0xD8_00 && code <= 0xDF_FF) continue;
		const character = String.fromCodePoint(code);
		if (!isSimple(character)) continue;
		taken++;
		for (const line of [character, `a${character}b`, character + character, `${character}e\u0301`]) {
			assert.equal(stringWidth(line), measure(line), `U+${code.toString(16).toUpperCase()} in ${JSON.stringify(line)}`);
		}
	}

	// Letters, CJK, punctuation and symbols: most of the BMP is taken quickly.
	assert.ok(taken > 50_000, `${taken} characters`);
});

test('emoji, marks, jamo and joining letters are left to string-width', () => {
	for (const stretch of ['😀', '❤', 'e\u0301', '\u1100\u1161', '\u0E33', '\uFF9E', '\u3164', '1\uFE0F\u20E3', '\u00A9']) assert.equal(isSimple(stretch), false, JSON.stringify(stretch));
	for (const stretch of ['·', '↑↓', '漢字', '—', '★', '…', '한국']) assert.equal(isSimple(stretch), true, JSON.stringify(stretch));
});
