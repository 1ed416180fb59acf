// string-width, made cheap for the text a terminal app draws again and
// again. Ink measures every line of every frame with string-width, and
// string-width splits a whole string into graphemes (several Unicode
// regular expressions each) as soon as one character is not ASCII: a list
// row with a mark like ★, or a title cut with …, cost tens of microseconds,
// again on every key. Two things keep its answers while calling it for
// every character that is not plain ASCII:
// - printable ASCII followed by printable ASCII is a grapheme of one cell,
//   so only the stretches around other characters are measured by it;
// - a string's width never changes, so the last few thousand are kept.
// The bundle (scripts/build.mjs) routes Ink's and its helpers' imports of
// string-width here too.
import measure from 'string-width';
import {hasEscapes, unicodeStretches} from './unicode-stretches.js';

type Options = Parameters<typeof measure>[1];

/** The width of `text`, from string-width only for the stretches that are not plain ASCII. */
function widthOf(text: string): number {
	// Escape sequences take no cells; string-width knows them.
	if (hasEscapes(text)) return measure(text);
	let width = text.length;
	for (const {from, to} of unicodeStretches(text)) width += measure(text.slice(from, to)) - (to - from);
	return width;
}

const REMEMBERED = 4096;
const widths = new Map<string, number>();

export default function stringWidth(text: string, options?: Options): number {
	// Options change the answer; they are rare, and passed through.
	if (typeof text !== 'string' || (options !== undefined && Object.keys(options).length > 0)) return measure(text, options);
	let width = widths.get(text);
	if (width === undefined) {
		width = widthOf(text);
		if (widths.size >= REMEMBERED) widths.delete(widths.keys().next().value!);
		widths.set(text, width);
	}

	return width;
}
