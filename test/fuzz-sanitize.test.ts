// Property-based tests of what reaches the terminal or stdout: whatever text
// a feed or a data file holds, the sanitiser lets out no control character,
// escape sequence or bidi override, and JSON for stdout carries none raw.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {jsonText} from '../source/commands/output.js';
import {sanitizeBlock, sanitizeLine} from '../source/terminal/sanitize.js';
import {codePoint, codeUnit, fuzzParameters, timed} from './fuzz.js';

// eslint-disable-next-line no-control-regex -- what must never get out
const FORBIDDEN_IN_BLOCK = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The pieces escape sequences are made of, 7-bit and 8-bit, and the bytes that end or confuse them. */
const SEQUENCE_PIECES = fc.constantFrom(
	'\u001B', '\u001B[', '\u001B]', '\u001BP', '\u001BX', '\u001B^', '\u001B_', '\u001B\\', '\u001B(B', '\u001B#8', '\u001BN', '\u001BO',
	'\u009B', '\u009D', '\u0090', '\u0098', '\u009E', '\u009F', '\u009C', '\u0007', '\u0018', '\u001A', '\u007F',
	'\u001B]0;title', '\u001B]8;;https://evil.example/', '\u001B]52;c;cm0gLXJm', '\u001B[31m', '\u001B[2J', '\u001B[?1049h', '\u009B6n',
	'\r', '\n', '\r\n', '\t', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
	'\uD83E', '\uDD8A', '\uD83E\uDD8A', '\u0301', '東', 'a', ' ', ';', '[', ']', '\\', '0', 'm',
);

const hostileText = fc.oneof(
	fc.string({unit: fc.oneof(SEQUENCE_PIECES, codeUnit, codePoint), maxLength: 300}),
	fc.string({unit: SEQUENCE_PIECES, maxLength: 2000}),
	fc.string({unit: codeUnit, maxLength: 2000}),
);

test('sanitizeLine lets out no control, escape sequence, line break, bidi override or lone surrogate, quickly', () => {
	fc.assert(
		fc.property(hostileText, input => {
			const {value, ms} = timed(() => sanitizeLine(input));
			assert.doesNotMatch(value, FORBIDDEN_IN_BLOCK);
			assert.ok(!value.includes('\n'), 'no line break in a line');
			assert.doesNotMatch(value, LONE_SURROGATE);
			assert.ok(ms < 200, `took ${ms} ms`);
		}),
		fuzzParameters(),
	);
});

test('sanitizeBlock keeps only newlines of the controls, and is idempotent', () => {
	fc.assert(
		fc.property(hostileText, input => {
			const value = sanitizeBlock(input);
			assert.doesNotMatch(value, FORBIDDEN_IN_BLOCK);
			assert.doesNotMatch(value, LONE_SURROGATE);
			assert.equal(sanitizeBlock(value), value);
		}),
		fuzzParameters(),
	);
});

test('sanitising a long unterminated or nested sequence stays linear', () => {
	const pieces = ['\u001B]', '\u009D', '\u001BP', '\u001B[', '\u009B', '\u001B]8;;\u001B]8;;'];
	for (const piece of pieces) {
		const {ms} = timed(() => sanitizeLine(`${piece}${'x;'.repeat(20_000)}${piece}`.repeat(20)));
		assert.ok(ms < 500, `${JSON.stringify(piece)}: ${ms} ms`);
	}
});

test('text without controls, bidi overrides or lone surrogates passes through unchanged', () => {
	// eslint-disable-next-line no-control-regex -- the controls are what this test leaves out
	const safe = fc.string({unit: codePoint, maxLength: 200}).map(text => text.replaceAll(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, ''));
	fc.assert(
		fc.property(safe, text => {
			assert.equal(sanitizeLine(text), text.replaceAll(/[\uD800-\uDFFF]/gu, '\uFFFD'));
		}),
		fuzzParameters(),
	);
});

test('jsonText carries no raw control, DEL, C1 or bidi control, and reads back as the same value', () => {
	const value = fc.record({text: hostileText, json: fc.jsonValue({maxDepth: 3}), keyed: fc.dictionary(hostileText, hostileText, {maxKeys: 5})});
	fc.assert(
		fc.property(value, input => {
			const text = jsonText(input);
			assert.doesNotMatch(text.replaceAll('\n', ''), FORBIDDEN_IN_BLOCK);
			assert.doesNotMatch(text, LONE_SURROGATE);
			assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(input)));
		}),
		fuzzParameters({numRuns: 100}),
	);
});
