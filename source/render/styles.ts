// A cell's style: the SGR attributes and the OSC 8 hyperlink in force when
// it was drawn, as @alcalzone/ansi-tokenize reduces them. Styles are
// interned, so two cells look the same exactly when their styles are the
// same object, and the bytes to go from one style to another are worked
// out once per pair.
import {diffAnsiCodes, type AnsiCode} from '@alcalzone/ansi-tokenize';
import {END_HYPERLINK, OSC8, SGR_RESET, selectGraphicRendition} from './escapes.js';

export type Style = {
	/** SGR attributes, reduced (no two that cancel or override each other). */
	readonly attributes: readonly AnsiCode[];
	/** The OSC 8 code that opened the hyperlink, if a link is in force. */
	readonly link: string | undefined;
};

const isLink = (code: AnsiCode) => code.code.startsWith(OSC8);

/** A code's SGR parameters: `\u001B[38;5;12m` → `38;5;12`. */
const parametersOf = (code: AnsiCode) => code.code.slice(2, -1);

/** Nothing in force: a terminal's default look (the one style with no codes). */
export const PLAIN: Style = {attributes: [], link: undefined};

const interned = new Map<string, Style>([['', PLAIN]]);
const changes = new Map<Style, Map<Style, string>>();

// Every hyperlink is a style of its own, so styles come and go over a long
// session; past this many they are all let go (but PLAIN). A cell drawn in
// a style let go then differs from an equal new one, and is drawn again
// once: a few bytes, never a wrong cell.
const MOST_STYLES = 2000;

/** The one style object for these reduced codes. */
export function styleOf(codes: readonly AnsiCode[]): Style {
	if (codes.length === 0) return PLAIN;
	// The order codes were set in does not change the look: the key sorts them.
	const key = codes.length === 1 ? codes[0]!.code : codes.map(code => code.code).sort().join('');
	let style = interned.get(key);
	if (style === undefined) {
		if (interned.size >= MOST_STYLES) {
			interned.clear();
			interned.set('', PLAIN);
			changes.clear();
		}

		style = {attributes: codes.filter(code => !isLink(code)), link: codes.find(code => isLink(code))?.code};
		interned.set(key, style);
	}

	return style;
}

/**
 * The shortest SGR change from one set of attributes to another: the
 * library's difference (turning off what goes, turning on what comes), or a
 * reset and the new attributes, each as one sequence.
 */
function attributeChange(from: readonly AnsiCode[], to: readonly AnsiCode[]): string {
	const difference = diffAnsiCodes([...from], [...to]).map(code => parametersOf(code));
	const changed = difference.length === 0 ? '' : selectGraphicRendition(difference);
	if (to.length === 0) return changed.length <= SGR_RESET.length ? changed : SGR_RESET;
	const reset = selectGraphicRendition(['0', ...to.map(code => parametersOf(code))]);
	return changed.length <= reset.length ? changed : reset;
}

/** The bytes that make the terminal draw in `to` after drawing in `from`; empty when they are the same. */
export function styleChange(from: Style, to: Style): string {
	if (from === to) return '';
	let fromHere = changes.get(from);
	if (fromHere === undefined) {
		fromHere = new Map();
		changes.set(from, fromHere);
	}

	let change = fromHere.get(to);
	if (change === undefined) {
		// A new link's code replaces the one in force; SGR attributes do not touch links.
		const link = from.link === to.link ? '' : (to.link ?? END_HYPERLINK);
		change = link + attributeChange(from.attributes, to.attributes);
		fromHere.set(to, change);
	}

	return change;
}

// SGR parameters a blank does not show: its foreground colour, bold, dim
// and italic shape only a glyph. Its background colour shows; so do
// inverse (the foreground becomes the background), underline, strike and
// the rest, which only writing the blank draws.
const UNSEEN_ON_BLANK = /^(?:3[0-7]|9[0-7]|38;.*|[123])$/;
const BACKGROUND = /^(?:4[0-7]|10[0-7]|48;.*)$/;
const erasedLooks = new WeakMap<Style, Style | null>();

/**
 * The style to erase in (EL, ECH) for cells that look like blanks drawn in
 * `style`: its background colour alone, or PLAIN. Undefined where a blank
 * of `style` shows more than a background (inverse, underline, a link), so
 * that an erase cannot draw it.
 */
export function erasedLook(style: Style): Style | undefined {
	if (style === PLAIN) return PLAIN;
	let look = erasedLooks.get(style);
	if (look === undefined) {
		const background = style.attributes.filter(code => BACKGROUND.test(parametersOf(code)));
		const seen = style.link !== undefined || style.attributes.some(code => !UNSEEN_ON_BLANK.test(parametersOf(code)) && !BACKGROUND.test(parametersOf(code)));
		look = seen ? null : styleOf(background);
		erasedLooks.set(style, look);
	}

	return look ?? undefined;
}
