// string-width, made cheap for the text a terminal app draws again and
// again. Ink measures every line of every frame with string-width, and
// string-width splits a whole string into graphemes (several Unicode
// regular expressions each) as soon as one character is not ASCII: a list
// row with a mark like ★, or a title cut with …, cost tens of microseconds,
// again on every key. Three things keep its answers while calling it far
// less:
// - printable ASCII followed by printable ASCII is a grapheme of one cell,
//   so only the stretches around other characters are measured by it;
// - a stretch of letters, digits, punctuation, symbols and spaces of the
//   Basic Multilingual Plane, with no emoji, no marks and none of the few
//   characters that join a neighbour's grapheme, is a grapheme per
//   character, each as wide as its East Asian width says.
//   test/string-width.test.ts checks every such character against
//   string-width;
// - a string's width never changes, so the last few thousand are kept.
// string-width itself is loaded the first time a stretch needs it. Loading
// it builds its expressions, \p{RGI_Emoji} among them, and a grapheme
// segmenter: 20 to 30 ms of every start, for a first frame whose text is
// ASCII and simple stretches (measured on the shipped data in a
// pseudo-terminal, bench/startup.ts).
// The bundle (scripts/build.mjs) routes Ink's and its helpers' imports of
// string-width here too.
import {createRequire} from 'node:module';
import {eastAsianWidth} from 'get-east-asian-width';
import type realStringWidth from 'string-width';
import {Remembered} from '../render/remembered.js';
import {hasEscapes, unicodeStretches} from './unicode-stretches.js';

type Options = Parameters<typeof realStringWidth>[1];

let loaded: typeof realStringWidth | undefined;

/**
 * string-width's function, loaded on the first call. In the bundle, esbuild
 * reads this require() itself and makes string-width a module that runs on
 * its first require, not with the bundle; run from source (the tests),
 * Node's require loads it.
 */
function loadStringWidth(): typeof realStringWidth {
	if (!loaded) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle's lazy load, above
		const required = (typeof require === 'function' ? require('string-width') : createRequire(import.meta.url)('string-width')) as {default: typeof realStringWidth};
		loaded = required.default;
	}

	return loaded;
}

const measure = (text: string, options?: Options): number => loadStringWidth()(text, options);

// What makes a stretch need string-width: anything but a letter, digit,
// punctuation, symbol or space (marks, controls, format characters); a
// character beyond the BMP; one that joins its neighbour's grapheme though
// it is a letter (U+0D4E prepends; U+0E33 and U+0EB3 are spacing marks;
// Hangul jamo combine; U+FF9E–FF9F extend); an emoji (ASCII's digits, #
// and * are emoji only in sequences, which need a mark); and a default-
// ignorable letter (U+3164), which takes no cell.
const JOINING = /[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]|[\u{10000}-\u{10FFFF}\u0D4E\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\uFF9E\uFF9F]/u;
const EMOJI = /(?![\u0020-\u007F])\p{Emoji}/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/** Whether every character of `stretch` is a grapheme of its own, as wide as its East Asian width. */
export const isSimple = (stretch: string): boolean => !JOINING.test(stretch) && !EMOJI.test(stretch) && !IGNORABLE.test(stretch);

/** The width of a stretch isSimple() holds: a cell per ASCII character, the East Asian width of the others. */
function simpleWidth(stretch: string): number {
	let width = 0;
	for (let index = 0; index < stretch.length; index++) {
		const code = stretch.charCodeAt(index);
		width += code < 0x80 ? 1 : eastAsianWidth(code);
	}

	return width;
}

/** The width of `text`, from string-width only for the stretches that are not plain ASCII or simple. */
function widthOf(text: string): number {
	// Escape sequences take no cells; string-width knows them.
	if (hasEscapes(text)) return measure(text);
	let width = text.length;
	for (const {from, to} of unicodeStretches(text)) {
		const stretch = text.slice(from, to);
		width += (isSimple(stretch) ? simpleWidth(stretch) : measure(stretch)) - (to - from);
	}

	return width;
}

const widths = new Remembered(4096, widthOf);

export default function stringWidth(text: string, options?: Options): number {
	// Options change the answer; they are rare, and passed through.
	if (typeof text !== 'string' || (options !== undefined && Object.keys(options).length > 0)) return measure(text, options);
	return widths.get(text);
}
