// Every key devnews binds, once. The keymap (keymap.ts), the help overlay,
// the footer's hints, `devnews --help` and the README's key table are all
// made from this table, so a key changed here changes all of them (and the
// README test fails until the README follows).
import {wrapText} from './layout.js';

/** Keys with names, as Ink reports them. */
export type NamedKey = 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'enter' | 'escape' | 'backspace';

/** A key: a named one, a character typed, or Ctrl with a letter. */
export type Key = {named: NamedKey} | {char: string} | {ctrl: string};

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
	| 'repaint'
	| 'nextUnread'
	| 'previousUnread'
	| 'unreadOnly'
	| 'markAllRead'
	| 'markEverythingRead'
	| 'sort'
	| 'sectorPicker'
	| 'editionPicker'
	| 'sourcePicker'
	| 'bookmark'
	| 'bookmarks'
	| 'search'
	| 'openLink'
	| 'copyLink'
	| 'toggleRead'
	| 'refresh'
	| 'refreshAll'
	| 'help'
	| 'filterDelete'
	| 'filterAccept'
	| 'filterCancel';

/**
 * Where keys work: `browse` in the list and the reader alike, `list` only
 * in the list, `search` while typing a search (where every other key is
 * typed into it). Pickers and the help take the moving keys, `open` and
 * `back` of these.
 */
export type Where = 'browse' | 'list' | 'search';

/** The screens with a footer of hints; `bookmarks` is the list's, but where q goes back; `search` while a search is typed. */
export type HintScreen = 'list' | 'bookmarks' | 'reader' | 'picker' | 'help' | 'search';

export type Binding = {
	/** One command, or a pair (up / down) that shares a line of help. */
	commands: Array<{command: Command; keys: Key[]}>;
	/** What the keys do, as help, --help and the README say it. */
	does: string;
	where: Where;
	/** The footer's word for it on a screen, after its keys (the bookmarks view takes the list's unless it has its own). */
	hint?: Partial<Record<HintScreen, string>>;
	/** Which of each command's keys the footer shows on a screen (the first unless said). */
	hintKey?: Partial<Record<HintScreen, number>>;
};

const named = (name: NamedKey): Key => ({named: name});
const char = (text: string): Key => ({char: text});
const ctrl = (letter: string): Key => ({ctrl: letter});

export const BINDINGS: Binding[] = [
	{
		commands: [
			{command: 'up', keys: [named('up'), char('k')]},
			{command: 'down', keys: [named('down'), char('j')]},
		],
		does: 'move the selection; in a story or the help, scroll a line',
		where: 'browse',
		hint: {list: 'move', reader: 'scroll', picker: 'move', help: 'scroll'},
	},
	{
		commands: [
			{command: 'pageUp', keys: [named('pageUp'), ctrl('u')]},
			{command: 'pageDown', keys: [named('pageDown'), ctrl('d'), char(' ')]},
		],
		does: 'page up / down',
		where: 'browse',
		hint: {help: 'page'},
	},
	{
		commands: [
			{command: 'top', keys: [char('g'), named('home')]},
			{command: 'bottom', keys: [char('G'), named('end')]},
		],
		does: 'top / bottom',
		where: 'browse',
	},
	{commands: [{command: 'open', keys: [named('enter'), char('l'), named('right')]}], does: 'open the story; in a picker, pick', where: 'list', hint: {list: 'open', picker: 'pick'}},
	{
		commands: [{command: 'back', keys: [named('escape'), char('h'), named('left')]}],
		does: 'back: close, leave the story, clear the search, then the filters',
		where: 'browse',
		hint: {reader: 'back', picker: 'cancel', help: 'close'},
		hintKey: {reader: 2},
	},
	{
		commands: [
			{command: 'nextUnread', keys: [char('n')]},
			{command: 'previousUnread', keys: [char('N'), char('p')]},
		],
		does: 'next / previous unread story (from a story, opens it)',
		where: 'browse',
		hint: {list: 'unread', reader: 'unread'},
	},
	{commands: [{command: 'unreadOnly', keys: [char('U')]}], does: 'show unread stories only, or all again', where: 'browse'},
	{
		commands: [{command: 'markAllRead', keys: [char('A')]}],
		does: 'mark every story in this view read (the status line offers the undo)',
		where: 'browse',
		hint: {list: 'all read'},
	},
	{commands: [{command: 'markEverythingRead', keys: [char('C')]}], does: 'mark every story read, in every view (likewise undone)', where: 'browse'},
	{commands: [{command: 'sort', keys: [char('S')]}], does: 'order: newest first, oldest first, unread first', where: 'browse'},
	{
		commands: [
			{command: 'sectorPicker', keys: [char('s')]},
			{command: 'editionPicker', keys: [char('e')]},
			{command: 'sourcePicker', keys: [char('f')]},
		],
		does: 'pick a sector / an edition / a source (with counts, "All" first)',
		where: 'browse',
	},
	{commands: [{command: 'search', keys: [char('/')]}], does: 'search titles and stories as you type', where: 'list', hint: {list: 'search'}},
	{commands: [{command: 'filterAccept', keys: [named('enter')]}], does: 'while searching: keep the search', where: 'search', hint: {search: 'keep'}},
	{commands: [{command: 'filterCancel', keys: [named('escape')]}], does: 'while searching: clear the search', where: 'search', hint: {search: 'clear'}},
	{commands: [{command: 'filterDelete', keys: [named('backspace')]}], does: 'while searching: delete a character', where: 'search', hint: {search: 'delete'}},
	{
		commands: [
			{command: 'up', keys: [named('up')]},
			{command: 'down', keys: [named('down')]},
		],
		does: 'while searching: move the selection',
		where: 'search',
		hint: {search: 'move'},
	},
	{commands: [{command: 'bookmark', keys: [char('b')]}], does: 'bookmark or unbookmark', where: 'browse', hint: {reader: 'bookmark'}},
	{commands: [{command: 'toggleRead', keys: [char('u')]}], does: 'mark read or unread', where: 'browse'},
	{
		commands: [
			{command: 'refresh', keys: [char('r')]},
			{command: 'refreshAll', keys: [char('R')]},
		],
		does: "refresh the feeds (a source's view: that source) / every feed",
		where: 'browse',
		hint: {list: 'refresh'},
	},
	{commands: [{command: 'bookmarks', keys: [char('B')]}], does: 'bookmarks view (newest first)', where: 'browse'},
	{commands: [{command: 'openLink', keys: [char('o')]}], does: 'open the link in the browser', where: 'browse', hint: {reader: 'open link'}},
	{commands: [{command: 'copyLink', keys: [char('y')]}], does: 'copy the link (OSC 52, works over SSH)', where: 'browse'},
	{commands: [{command: 'help', keys: [char('?')]}], does: 'this help', where: 'browse', hint: {list: 'help', reader: 'help'}},
	{commands: [{command: 'quit', keys: [char('q')]}], does: 'back, or quit from the list', where: 'browse', hint: {list: 'quit', bookmarks: 'back'}},
	{commands: [{command: 'repaint', keys: [ctrl('l')]}], does: 'draw the screen again', where: 'browse'},
	{commands: [{command: 'forceQuit', keys: [ctrl('c')]}], does: 'quit, from anywhere', where: 'browse'},
];

const NAMES: Record<NamedKey, {label: string; glyph: string}> = {
	up: {label: '↑', glyph: '↑'},
	down: {label: '↓', glyph: '↓'},
	left: {label: '←', glyph: '←'},
	right: {label: '→', glyph: '→'},
	pageUp: {label: 'PgUp', glyph: 'PgUp'},
	pageDown: {label: 'PgDn', glyph: 'PgDn'},
	home: {label: 'Home', glyph: 'Home'},
	end: {label: 'End', glyph: 'End'},
	enter: {label: 'Enter', glyph: '⏎'},
	escape: {label: 'Esc', glyph: 'Esc'},
	backspace: {label: 'Backspace', glyph: '⌫'},
};

/** A key as help writes it: "↑", "PgDn", "Ctrl-u", "space", "G". */
export function keyLabel(key: Key): string {
	if ('named' in key) return NAMES[key.named].label;
	if ('ctrl' in key) return `Ctrl-${key.ctrl}`;
	return key.char === ' ' ? 'space' : key.char;
}

/** A key as the footer writes it, as short as it can be read: "⏎", "^d". */
function keyGlyph(key: Key): string {
	if ('named' in key) return NAMES[key.named].glyph;
	if ('ctrl' in key) return `^${key.ctrl}`;
	return key.char === ' ' ? 'space' : key.char;
}

/** A binding's keys as help writes them: "↑ k / ↓ j". */
export function bindingKeys(binding: Binding, label: (key: Key) => string = keyLabel): string {
	// A command the user's keys left without one says so.
	return binding.commands.map(({keys}) => (keys.length > 0 ? keys.map(key => label(key)).join(' ') : 'none')).join(' / ');
}

export type HelpLine = {keys: string; does: string};

/** The help overlay's and --help's lines, in the table's order. */
export function helpLines(bindings: Binding[] = BINDINGS): HelpLine[] {
	return bindings.map(binding => ({keys: bindingKeys(binding), does: binding.does}));
}

/** The widest key column help gives: the rest of a line is for the words. */
export const KEY_COLUMN = 24;

/**
 * Help as two columns, keys and what they do, as the overlay and --help
 * show it: the key column as wide as the longest keys and a gap, at most
 * `keyColumn`; keys wider than that get a line of their own, their words
 * on the next line, in the column, so no keys run into their words.
 */
export function helpColumns(lines: HelpLine[], keyColumn = KEY_COLUMN, width?: number): string[] {
	const column = Math.min(keyColumn, Math.max(...lines.map(line => line.keys.length)) + 2);
	// On a screen, the words wrap within their column (at least 12 wide), so none is cut.
	const words = (does: string) => (width === undefined ? [does] : wrapText(does, Math.max(12, width - column)));
	return lines.flatMap(({keys, does}) => {
		const [first = '', ...rest] = words(does);
		const indented = rest.map(line => ' '.repeat(column) + line);
		return keys.length + 2 > column ? [keys, ' '.repeat(column) + first, ...indented] : [keys.padEnd(column) + first, ...indented];
	});
}

const ARROWS = ['↑', '↓', '←', '→'];

/** Each command's key as hints on screen name it in words ("Enter picks", "u undoes"): its first key, as help writes it; a command with no key is absent. */
export type KeyNames = Partial<Record<Command, string>>;

export function keyNames(bindings: Binding[] = BINDINGS): KeyNames {
	const names: KeyNames = {};
	for (const binding of bindings) {
		for (const {command, keys} of binding.commands) {
			// The first binding of a command names it: the browsing keys come before search mode's in the table.
			if (keys[0] && names[command] === undefined) names[command] = keyLabel(keys[0]);
		}
	}

	return names;
}

/** The keys of the table as shipped, by name. */
export const DEFAULT_KEY_NAMES: KeyNames = keyNames(BINDINGS);

/** A footer hint: its text, whether it stays when the footer is too narrow for all (the help's), and the commands it names. */
export type Hint = {text: string; kept: boolean; commands: Command[]};

/** The footer's hints for a screen, in the table's order: "↑↓ move", "⏎ open", "/ search", … */
export function footerHints(screen: HintScreen, bindings: Binding[] = BINDINGS): Hint[] {
	return bindings.flatMap(binding => {
		const words = binding.hint?.[screen] ?? (screen === 'bookmarks' ? binding.hint?.list : undefined);
		if (!words) return [];
		const glyphs = binding.commands.flatMap(({keys}) => {
			const key = keys[binding.hintKey?.[screen] ?? 0] ?? keys[0];
			return key ? [keyGlyph(key)] : [];
		});
		if (glyphs.length === 0) return [];
		// A pair of arrows reads as one ("↑↓"); other pairs need a slash ("PgUp/PgDn", "n/N").
		const text = `${glyphs.join(glyphs.every(glyph => ARROWS.includes(glyph)) ? '' : '/')} ${words}`;
		const commands = binding.commands.map(({command}) => command);
		return [{text, kept: commands.includes('help'), commands}];
	});
}

/** The hints of commands that can do something now: "o open link" only for a story with a link. */
export const usableHints = (hints: Hint[], {hasLink}: {hasLink: boolean}): Hint[] => (hasLink ? hints : hints.filter(hint => !hint.commands.includes('openLink')));

/** The hints that fit in `width` cells, two spaces apart: the last ones go first, but the help's stays, as the way to the rest. */
export function fitHints(hints: Hint[], width: number, measure: (text: string) => number): string {
	const shown = [...hints];
	const joined = () => shown.map(hint => hint.text).join('  ');
	while (shown.length > 1 && measure(joined()) > width) {
		const dropped = shown.map(hint => hint.kept).lastIndexOf(false);
		if (dropped === -1) break;
		shown.splice(dropped, 1);
	}

	return joined();
}

/** The README's key table, as Markdown rows: "| `↑` `k` / `↓` `j` | move … |". */
export function readmeKeyRows(bindings: Binding[] = BINDINGS): string[] {
	return bindings.map(binding => `| ${bindingKeys(binding, key => `\`${keyLabel(key)}\``)} | ${binding.does} |`);
}
