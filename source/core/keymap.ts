// Keys to commands, made from the table of bindings (bindings.ts). The
// keymap knows which screen is up, not the data: commands.ts turns a
// command into a state change or an effect.
import {BINDINGS, type Binding, type Command as BoundCommand, type Key, type Where} from './bindings.js';
import type {State} from './state.js';

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

/** A bound command, or text typed into the search. */
export type Command = BoundCommand | {type: 'filterType'; text: string};

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

/** The keymap the table of bindings describes. */
export function createKeymap(bindings: Binding[]): Keymap {
	const commands = new Map<string, BoundCommand>();
	for (const binding of bindings) {
		for (const {command, keys} of binding.commands) {
			for (const key of keys) commands.set(`${binding.where}:${keyId(key)}`, command);
		}
	}

	const lookup = (where: Where, key: Key) => commands.get(`${where}:${keyId(key)}`);
	const keysOf = (wanted: BoundCommand) => new Set(bindings.flatMap(binding => binding.commands.filter(({command}) => command === wanted).flatMap(({keys}) => keys.map(keyId))));
	// Keys that close a picker: those of back and quit. Keys that clear a search while typing it also clear it once kept.
	const closing = new Set([...keysOf('back'), ...keysOf('quit')]);
	const clearing = keysOf('filterCancel');

	return (input, info, state) => {
		const key = identify(input, info);
		if (key && lookup('browse', key) === 'forceQuit') return 'forceQuit';
		if (state.filtering) {
			if (key && 'named' in key) return lookup('search', key);
			return key && 'char' in key ? {type: 'filterType', text: key.char} : undefined;
		}

		// Pickers read their own keys (ink-select-input); help closes on any key.
		if (state.overlay === 'help') return 'back';
		if (state.overlay !== 'none') return key && closing.has(keyId(key)) ? 'back' : undefined;
		if (!key) return undefined;

		const inList = !state.reader;
		const command = (inList ? lookup('list', key) : undefined) ?? lookup('browse', key);
		// Esc first clears a search the list is showing; q quits only from the list itself.
		if (command === 'back' && inList && state.query && clearing.has(keyId(key))) return 'filterCancel';
		if (command === 'quit' && !(inList && state.mode === 'articles')) return 'back';
		return command;
	};
}

export const keyToCommand: Keymap = createKeymap(BINDINGS);
