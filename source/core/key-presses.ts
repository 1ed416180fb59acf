// What one read from the terminal holds, as key presses. Ink hands over
// escape sequences one by one but plain text as it came: keys typed
// quickly, held down, pasted, or coalesced by a slow SSH link arrive as one
// string ("jjj", "j\r"), and each is a key press of its own.
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

/**
 * The key presses in what Ink reported as one input. Esc then a letter can
 * arrive as one Alt-letter: devnews binds no Alt keys, so it is taken as
 * the two keys it most likely was.
 */
export function keyPresses(input: string, key: KeyInfo): KeyPress[] {
	const characters = Array.from(input);
	if (key.meta && !key.ctrl && !key.escape && characters.length > 0) return [{input: '', key: {escape: true}}, ...characters.map(pressOf)];
	if (characters.length > 1 && !key.ctrl && !key.meta) return characters.map(pressOf);
	return [{input, key}];
}
