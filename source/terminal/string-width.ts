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

type Options = Parameters<typeof measure>[1];

const isPlainAscii = (code: number) => code >= 0x20 && code <= 0x7e;

/** The width of `text`, from string-width only for the stretches that are not plain ASCII. */
function widthOf(text: string): number {
	// Escape sequences take no cells; string-width knows them.
	if (text.includes('\u001B') || text.includes('\u009B')) return measure(text);
	let width = 0;
	let stretch = -1;
	for (let index = 0; index < text.length; index++) {
		// An ASCII character starts a grapheme that a following combining mark,
		// variation selector or keycap would extend, so it goes with what follows it.
		const alone = isPlainAscii(text.charCodeAt(index)) && (index + 1 === text.length || isPlainAscii(text.charCodeAt(index + 1)));
		if (!alone) {
			if (stretch === -1) stretch = index;
			continue;
		}

		if (stretch !== -1) {
			width += measure(text.slice(stretch, index));
			stretch = -1;
		}

		width++;
	}

	return stretch === -1 ? width : width + measure(text.slice(stretch));
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
