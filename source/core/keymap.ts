// Keys to commands, made from the table of bindings (bindings.ts). The
// keymap knows which screen is up, not the data: commands.ts turns a
// command into a state change or an effect.
import {BINDINGS, type Binding, type Command as BoundCommand, type Key, type Where} from './bindings.js';
import type {Picker, State} from './state.js';

/** The key flags Ink reports (a subset of its Key type, so tests can build one). */
export type KeyInfo = {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	meta?: boolean;
	backspace?: boolean;
	delete?: boolean;
	tab?: boolean;
};

/** A bound command, the undo a status line offers, or text typed into the search. */
export type Command = BoundCommand | 'undo' | {type: 'filterType'; text: string};

export type Keymap = (input: string, key: KeyInfo, state: State) => Command | undefined;

/** A key press as the table names keys, or undefined for keys no binding can name (Tab, Alt-…). */
function identify(input: string, key: KeyInfo): Key | undefined {
	if (key.upArrow) return {named: 'up'};
	if (key.downArrow) return {named: 'down'};
	if (key.leftArrow) return {named: 'left'};
	if (key.rightArrow) return {named: 'right'};
	if (key.pageUp) return {named: 'pageUp'};
	if (key.pageDown) return {named: 'pageDown'};
	if (key.home) return {named: 'home'};
	if (key.end) return {named: 'end'};
	if (key.return) return {named: 'enter'};
	if (key.escape) return {named: 'escape'};
	if (key.backspace || key.delete) return {named: 'backspace'};
	if (key.tab || key.meta || !input) return undefined;
	return key.ctrl ? {ctrl: input} : {char: input};
}

const keyId = (key: Key): string => ('named' in key ? key.named : 'ctrl' in key ? `ctrl-${key.ctrl}` : `char-${key.char}`);

/** Commands that move: in a picker they move its selection, in the help they scroll it. */
const MOVES = new Set<BoundCommand>(['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom']);

/** The picker each picker command opens, which the same key closes again. */
const PICKERS: Partial<Record<BoundCommand, Picker>> = {sectorPicker: 'sector', editionPicker: 'edition', sourcePicker: 'source'};

/** The keymap the table of bindings describes. */
export function createKeymap(bindings: Binding[]): Keymap {
	const commands = new Map<string, BoundCommand>();
	for (const binding of bindings) {
		for (const {command, keys} of binding.commands) {
			for (const key of keys) commands.set(`${binding.where}:${keyId(key)}`, command);
		}
	}

	const lookup = (where: Where, key: Key) => commands.get(`${where}:${keyId(key)}`);

	return (input, info, state) => {
		const key = identify(input, info);
		if (key && lookup('browse', key) === 'forceQuit') return 'forceQuit';
		if (state.filtering) {
			if (key && 'named' in key) return lookup('search', key);
			return key && 'char' in key ? {type: 'filterType', text: key.char} : undefined;
		}

		if (!key) return undefined;
		const inList = !state.reader;
		const command = (inList || state.overlay !== 'none' ? lookup('list', key) : undefined) ?? lookup('browse', key);
		if (command === undefined) return state.overlay === 'help' ? 'back' : undefined;

		// The help scrolls with the moving keys; any other key closes it.
		if (state.overlay === 'help') return MOVES.has(command) ? command : 'back';
		// A picker moves, picks with open, and closes with back, quit or its own key.
		if (state.overlay !== 'none') {
			if (MOVES.has(command) || command === 'open') return command;
			return command === 'back' || command === 'quit' || PICKERS[command] === state.overlay ? 'back' : undefined;
		}

		// The next key after a mark undoes it when it is u (mark read or unread) or the mark's own key again;
		// after a bookmark's removal, b again.
		if (state.undo && (command === state.undo || (command === 'toggleRead' && state.undo !== 'bookmark'))) return 'undo';
		// q quits only from the list itself; elsewhere it goes back.
		if (command === 'quit' && !(inList && state.mode === 'articles')) return 'back';
		return command;
	};
}

export const keyToCommand: Keymap = createKeymap(BINDINGS);
