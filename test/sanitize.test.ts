import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sanitizeBlock, sanitizeLine} from '../source/terminal/sanitize.js';

// eslint-disable-next-line no-control-regex -- what must never survive
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const HOSTILE: Array<[name: string, input: string, expected: string]> = [
	['CSI colour', 'red \u001B[31mtext\u001B[0m here', 'red text here'],
	['clear screen and cursor moves', 'a\u001B[2J\u001B[H\u001B[10;5Hb', 'ab'],
	['OSC title with BEL', 'x\u001B]0;owned\u0007y', 'xy'],
	['OSC title with ST', 'x\u001B]2;owned\u001B\\y', 'xy'],
	['OSC 8 forged link', 'see \u001B]8;;https://evil.example\u001B\\here\u001B]8;;\u001B\\ now', 'see here now'],
	['OSC 52 clipboard write', 'copy\u001B]52;c;cm0gLXJmIH4=\u0007 me', 'copy me'],
	['DCS string', 'a\u001BPq#0;2;0;0;0\u001B\\b', 'ab'],
	['APC and PM strings', 'a\u001B_payload\u001B\\b\u001B^pm\u001B\\c', 'abc'],
	['8-bit CSI', 'a\u009B31mb', 'ab'],
	['8-bit OSC with ST', 'a\u009D0;title\u009Cb', 'ab'],
	['NUL, BEL, backspace, DEL', 'a\u0000b\u0007c\u0008d\u007Fe', 'abcde'],
	['reset and two-character escapes', 'a\u001Bcb\u001B7c', 'abc'],
	['bidi override', 'abc\u202Edef\u2066g\u2069', 'abcdefg'],
	['unterminated OSC swallows its payload', 'title \u001B]52;c;AAAA', 'title '],
	['tab becomes a space', 'a\tb', 'a b'],
];

for (const [name, input, expected] of HOSTILE) {
	test(`sanitizeLine removes ${name}`, () => {
		const output = sanitizeLine(input);
		assert.equal(output, expected);
		assert.doesNotMatch(output, CONTROL);
	});
}

test('carriage returns cannot overwrite what was printed before them', () => {
	assert.equal(sanitizeLine('Safe title\rEVIL'), 'Safe title EVIL');
	assert.equal(sanitizeLine('one\r\ntwo\u2028three'), 'one two three');
});

test('sanitizeBlock keeps newlines, normalising CRLF, CR and Unicode breaks', () => {
	assert.equal(sanitizeBlock('one\r\ntwo\rthree\u2029four\n\u001B[1mfive'), 'one\ntwo\nthree\nfour\nfive');
	assert.doesNotMatch(sanitizeBlock('a\u001B]0;t\u0007\nb\u009B2J'), CONTROL);
});

test('ordinary text passes through unchanged', () => {
	for (const text of ['Plain ASCII & <tags> "quotes"', '東京で記者会見', 'Emoji 🦊👩‍💻 and flags 🇮🇳', 'Accents: São Paulo, Zürich, Ñandú', "J&K's March — 26-11-2025 11:56 IST"]) {
		assert.equal(sanitizeLine(text), text);
	}
});
