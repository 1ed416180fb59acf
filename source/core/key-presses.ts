// What one read from the terminal holds, as key presses. Ink hands over
// escape sequences one by one but plain text as it came: keys typed
// quickly, held down, pasted, or coalesced by a slow SSH link arrive as one
// string ("jjj", "j\r"). Each control character in it is a key press of its
// own; the printable text between them stays together, as text. Typed into
// the search line, text is one edit (a 10,000-character paste is one change
// of the query, one search and one frame, not 10,000 of each); anywhere else
// it is keys, pressed one at a time (firstKey).
import type {KeyInfo} from './keymap.js';

export type KeyPress = {input: string; key: KeyInfo};

/** One character as Ink reports it when it comes alone: Enter, Tab, Backspace, Ctrl-letter, or itself. */
function pressOf(character: string): KeyPress {
	switch (character) {
		case '\r':
		case '\n': {
			return {input: '', key: {return: true}};
		}

		case '\t': {
			return {input: '', key: {tab: true}};
		}

		case '\b': {
			return {input: '', key: {backspace: true}};
		}

		case '\u007F': {
			return {input: '', key: {delete: true}};
		}

		default: {
			const code = character.codePointAt(0)!;
			// Ctrl-a … Ctrl-z are the codes 1 to 26.
			if (code >= 1 && code <= 26) return {input: String.fromCodePoint(code + 96), key: {ctrl: true}};
			return {input: character, key: {}};
		}
	}
}

/** A control character (C0 or DEL): a key press of its own. Captured, so splitting text at them keeps them. */
// eslint-disable-next-line no-control-regex -- finding controls is the point
const CONTROL = /([\u0000-\u001F\u007F])/;

/** Plain text in a read, split at its control characters: runs of text, and the controls as key presses. */
function textAndControls(input: string): KeyPress[] {
	return input
		.split(CONTROL)
		.filter(part => part !== '')
		.map(part => (CONTROL.test(part) ? pressOf(part) : {input: part, key: {}}));
}

/**
 * The key presses in what Ink reported as one input, printable text kept
 * together. Esc then a letter can arrive as one Alt-letter: devnews binds
 * no Alt keys, so it is taken as the two keys it most likely was.
 */
export function keyPresses(input: string, key: KeyInfo): KeyPress[] {
	if (key.meta && !key.ctrl && !key.escape && input !== '') return [{input: '', key: {escape: true}}, ...textAndControls(input)];
	if (input.length > 1 && !key.ctrl && !key.meta) return textAndControls(input);
	return [{input, key}];
}

/** Printable text, one character or more: a press with no key flags. */
export function isText({input, key}: KeyPress): boolean {
	return Object.keys(key).length === 0 && input !== '';
}

/**
 * Text pressed as keys: its first character, a key press, and the rest,
 * still text (the first may be `/`, opening the search line, where the
 * rest is typed as one edit).
 */
export function firstKey({input}: KeyPress): [KeyPress, KeyPress | undefined] {
	const first = String.fromCodePoint(input.codePointAt(0)!);
	const rest = input.slice(first.length);
	return [{input: first, key: {}}, rest === '' ? undefined : {input: rest, key: {}}];
}
