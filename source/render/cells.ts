// A line of a frame as the terminal shows it: one cell per column, each
// a grapheme with its width and style. Ink hands over each frame as text
// with SGR and OSC 8 codes in it; @alcalzone/ansi-tokenize splits that
// into graphemes and codes, and string-width measures the graphemes, as
// Ink measured them to lay the frame out.
import {reduceAnsiCodesIncremental, tokenize, type AnsiCode} from './remembered-tokens.js';
import stringWidth from '../terminal/string-width.js';
import {PLAIN, styleOf, type Style} from './styles.js';

export type Cell = {
	/** The grapheme, as written to the terminal. */
	readonly text: string;
	/** Columns it takes: 1 or 2; 0 for the column a wide cell to its left covers. */
	readonly width: 0 | 1 | 2;
	readonly style: Style;
	/**
	 * Whether terminals disagree on its width: an emoji sequence (ZWJ, skin
	 * tone, VS16, keycap) that some draw as one glyph and others code point
	 * by code point, wider or narrower than string-width says.
	 */
	readonly unsure: boolean;
	/** The most columns a terminal may draw it over: its width, or every code point drawn apart. */
	readonly span: number;
};

/** A screen line: cells by column; columns past its end are blank. */
export type Line = readonly Cell[];

const plainCell = (text: string): Cell => ({text, width: 1, style: PLAIN, unsure: false, span: 1});

/** Bytes a text takes in UTF-8, as it goes to the terminal. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		// A surrogate pair (4 bytes) counts 2 for each half.
		bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xD800 && code <= 0xDFFF) ? 2 : 3;
	}

	return bytes;
}

export const BLANK = plainCell(' ');
/** The second column of a wide cell. */
export const COVERED: Cell = {text: '', width: 0, style: PLAIN, unsure: false, span: 0};
// A control character would move the cursor or change the terminal's state
// where the writer does not expect it; the app never draws one (its layout
// sanitises every text), so one here is shown, not obeyed.
const REPLACEMENT = plainCell('\uFFFD');
const ASCII_CELLS = Array.from({length: 0x7F}, (_, code) => plainCell(String.fromCharCode(code)));

// eslint-disable-next-line no-control-regex -- finding controls is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const PLAIN_ASCII = /^[\u0020-\u007E]*$/;

/** The cell in `column`; blank past the line's end. */
export const cellAt = (line: Line, column: number) => line[column] ?? BLANK;

// An ASCII character in a style is one cell whichever line it is in. The
// frame writer keeps the lines on screen until they change, so a line's
// cells outlive V8's young generation: made anew for each line (the
// selected row's, every j or k), they filled its old generation with
// garbage that only a full collection takes back.
const styledAscii = new WeakMap<Style, Cell[]>();

function asciiCell(code: number, style: Style): Cell {
	if (style === PLAIN) return ASCII_CELLS[code]!;
	let cells = styledAscii.get(style);
	if (cells === undefined) {
		cells = [];
		styledAscii.set(style, cells);
	}

	return (cells[code] ??= {text: String.fromCharCode(code), width: 1, style, unsure: false, span: 1});
}

function cellOf(text: string, width: 1 | 2, style: Style): Cell {
	if (width === 1 && text.length === 1 && text.charCodeAt(0) < 0x7F) return asciiCell(text.charCodeAt(0), style);
	// One code point (one or two UTF-16 units) has one width everywhere that knows it.
	if (text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xFFFF)) return {text, width, style, unsure: false, span: width};
	let apart = 0;
	for (const codePoint of text) apart += stringWidth(codePoint);
	return {text, width, style, unsure: apart !== width, span: Math.max(width, apart)};
}

/**
 * The cells of one line of a frame, cut to `columns`. A grapheme of no
 * width (a zero-width space, a mark with nothing before it to combine with)
 * joins the cell before it, as terminals draw it; one with nothing before
 * it is dropped. A wide grapheme that does not fit in the last column is
 * left out, as a terminal would wrap it to the next line.
 */
export function parseLine(source: string, columns: number): Line {
	if (PLAIN_ASCII.test(source)) {
		const cells: Cell[] = [];
		for (let index = 0; index < Math.min(source.length, columns); index++) cells.push(ASCII_CELLS[source.charCodeAt(index)]!);
		return cells;
	}

	const cells: Cell[] = [];
	let codes: AnsiCode[] = [];
	let style = PLAIN;
	for (const token of tokenize(source)) {
		if (token.type === 'ansi') {
			codes = reduceAnsiCodesIncremental(codes, [token]);
			style = styleOf(codes);
			continue;
		}

		// Other OSC sequences (a title, say) are the app's business, never a frame's.
		if (token.type !== 'char') continue;
		if (CONTROL.test(token.value)) {
			if (cells.length < columns) cells.push(REPLACEMENT);
			continue;
		}

		const width = token.value.length === 1 && token.value.charCodeAt(0) < 0x7F ? 1 : Math.min(2, stringWidth(token.value));
		if (width === 0) {
			const owner = cells.at(-1) === COVERED ? cells.length - 2 : cells.length - 1;
			const before = cells[owner];
			if (before) cells[owner] = cellOf(before.text + token.value, before.width as 1 | 2, before.style);
			continue;
		}

		if (cells.length + width > columns) break;
		cells.push(cellOf(token.value, width as 1 | 2, style));
		if (width === 2) cells.push(COVERED);
	}

	return cells;
}
