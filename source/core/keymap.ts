// Keys to commands, per context. The keymap knows nothing of the data:
// commands.ts turns a command into a state change or an effect.
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

export type Command =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'open'
	| 'back'
	| 'quit'
	| 'forceQuit'
	| 'sectorPicker'
	| 'editionPicker'
	| 'bookmark'
	| 'bookmarks'
	| 'search'
	| 'openLink'
	| 'copyLink'
	| 'toggleRead'
	| 'refresh'
	| 'help'
	| 'filterDelete'
	| 'filterAccept'
	| 'filterCancel'
	| {type: 'filterType'; text: string};

/** Every key and what it does, for the help overlay and the README. */
export const KEY_HELP: Array<[keys: string, does: string]> = [
	['↑ k / ↓ j', 'move; in a story, scroll a line'],
	['PgUp PgDn ^u ^d space', 'page up / down'],
	['g Home / G End', 'top / bottom'],
	['Enter l →', 'open the story'],
	['Esc h ←', 'back'],
	['s / e', 'pick a sector / an edition'],
	['/', 'search titles and stories (Enter keeps, Esc clears)'],
	['b', 'bookmark or unbookmark'],
	['u', 'mark read or unread'],
	['B', 'bookmarks view'],
	['o', 'open the link in the browser'],
	['y', 'copy the link (OSC 52)'],
	['r', 'refresh the feeds'],
	['?', 'this help'],
	['q', 'back, or quit from the list'],
	['Ctrl-c', 'quit'],
];

function filterKey(input: string, key: KeyInfo): Command | undefined {
	if (key.escape) return 'filterCancel';
	if (key.return) return 'filterAccept';
	if (key.backspace || key.delete) return 'filterDelete';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.ctrl || key.meta || key.tab || !input) return undefined;
	return {type: 'filterType', text: input};
}

function movementKey(input: string, key: KeyInfo): Command | undefined {
	if (key.upArrow || input === 'k') return 'up';
	if (key.downArrow || input === 'j') return 'down';
	if (key.pageUp || (key.ctrl && input === 'u')) return 'pageUp';
	if (key.pageDown || (key.ctrl && input === 'd') || input === ' ') return 'pageDown';
	if (key.home || input === 'g') return 'top';
	if (key.end || input === 'G') return 'bottom';
	return undefined;
}

const LETTERS: Record<string, Command> = {
	s: 'sectorPicker',
	e: 'editionPicker',
	b: 'bookmark',
	B: 'bookmarks',
	'/': 'search',
	o: 'openLink',
	y: 'copyLink',
	u: 'toggleRead',
	r: 'refresh',
	'?': 'help',
	q: 'back',
};

export function keyToCommand(input: string, key: KeyInfo, state: State): Command | undefined {
	if (key.ctrl && input === 'c') return 'forceQuit';
	if (state.filtering) return filterKey(input, key);

	// Pickers read their own keys (ink-select-input); help closes on any key.
	if (state.overlay === 'help') return 'back';
	if (state.overlay !== 'none') return key.escape || input === 'q' || key.leftArrow ? 'back' : undefined;

	if (key.escape && !state.reader && state.query) return 'filterCancel';
	if (key.escape || key.leftArrow || input === 'h') return 'back';
	if (key.return || key.rightArrow || input === 'l') return state.reader ? undefined : 'open';
	if (input === 'q' && !state.reader && state.mode === 'articles') return 'quit';
	return movementKey(input, key) ?? LETTERS[input];
}
