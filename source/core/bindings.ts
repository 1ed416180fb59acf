// Every key devnews binds, once. The keymap (keymap.ts), the help overlay,
// the footer's hints, `devnews --help` and the README's key table are all
// made from this table, so a key changed here changes all of them (and the
// README test fails until the README follows).

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
	| 'filterCancel';

/**
 * Where keys work: `browse` in the list and the reader alike, `list` only
 * in the list, `search` while typing a search (where every other key is
 * typed into it).
 */
export type Where = 'browse' | 'list' | 'search';

/** The screens with a footer of hints. */
export type HintScreen = 'list' | 'reader';

export type Binding = {
	/** One command, or a pair (up / down) that shares a line of help. */
	commands: Array<{command: Command; keys: Key[]}>;
	/** What the keys do, as help, --help and the README say it. */
	does: string;
	where: Where;
	/** The footer's word for it on a screen, after its keys. */
	hint?: Partial<Record<HintScreen, string>>;
	/** Which of each command's keys the footer shows (the first unless said). */
	hintKey?: number;
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
		does: 'move the selection; in a story, scroll a line',
		where: 'browse',
		hint: {list: 'move', reader: 'scroll'},
	},
	{
		commands: [
			{command: 'pageUp', keys: [named('pageUp'), ctrl('u')]},
			{command: 'pageDown', keys: [named('pageDown'), ctrl('d'), char(' ')]},
		],
		does: 'page up / down',
		where: 'browse',
		hint: {reader: 'page'},
	},
	{
		commands: [
			{command: 'top', keys: [char('g'), named('home')]},
			{command: 'bottom', keys: [char('G'), named('end')]},
		],
		does: 'top / bottom',
		where: 'browse',
	},
	{commands: [{command: 'open', keys: [named('enter'), char('l'), named('right')]}], does: 'open the story', where: 'list', hint: {list: 'open'}},
	{commands: [{command: 'back', keys: [named('escape'), char('h'), named('left')]}], does: 'back', where: 'browse', hint: {reader: 'back'}, hintKey: 2},
	{
		commands: [
			{command: 'sectorPicker', keys: [char('s')]},
			{command: 'editionPicker', keys: [char('e')]},
		],
		does: 'pick a sector / an edition (with counts, "All" first)',
		where: 'browse',
	},
	{commands: [{command: 'search', keys: [char('/')]}], does: 'search titles and stories as you type', where: 'list', hint: {list: 'search'}},
	{commands: [{command: 'filterAccept', keys: [named('enter')]}], does: 'while searching: keep the search', where: 'search'},
	{commands: [{command: 'filterCancel', keys: [named('escape')]}], does: 'while searching: clear the search', where: 'search'},
	{commands: [{command: 'filterDelete', keys: [named('backspace')]}], does: 'while searching: delete a character', where: 'search'},
	{
		commands: [
			{command: 'up', keys: [named('up')]},
			{command: 'down', keys: [named('down')]},
		],
		does: 'while searching: move the selection',
		where: 'search',
	},
	{commands: [{command: 'bookmark', keys: [char('b')]}], does: 'bookmark or unbookmark', where: 'browse', hint: {list: 'bookmark', reader: 'bookmark'}},
	{commands: [{command: 'toggleRead', keys: [char('u')]}], does: 'mark read or unread', where: 'browse', hint: {reader: 'unread'}},
	{commands: [{command: 'refresh', keys: [char('r')]}], does: 'refresh the feeds', where: 'browse', hint: {list: 'refresh'}},
	{commands: [{command: 'bookmarks', keys: [char('B')]}], does: 'bookmarks view (newest first)', where: 'browse', hint: {list: 'bookmarks'}},
	{commands: [{command: 'openLink', keys: [char('o')]}], does: 'open the link in the browser', where: 'browse', hint: {reader: 'open link'}},
	{commands: [{command: 'copyLink', keys: [char('y')]}], does: 'copy the link (OSC 52, works over SSH)', where: 'browse', hint: {reader: 'copy link'}},
	{commands: [{command: 'help', keys: [char('?')]}], does: 'this help', where: 'browse', hint: {list: 'help', reader: 'help'}},
	{commands: [{command: 'quit', keys: [char('q')]}], does: 'back, or quit from the list', where: 'browse', hint: {list: 'quit'}},
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
	return binding.commands.map(({keys}) => keys.map(key => label(key)).join(' ')).join(' / ');
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
export function helpColumns(lines: HelpLine[], keyColumn = KEY_COLUMN): string[] {
	const column = Math.min(keyColumn, Math.max(...lines.map(line => line.keys.length)) + 2);
	return lines.flatMap(({keys, does}) => (keys.length + 2 > column ? [keys, ' '.repeat(column) + does] : [keys.padEnd(column) + does]));
}

/** The footer's hints for a screen: "↑↓ move  ⏎ open  / search …". */
export function footerHints(screen: HintScreen, bindings: Binding[] = BINDINGS): string {
	return bindings
		.flatMap(binding => {
			const words = binding.hint?.[screen];
			if (!words) return [];
			const glyphs = binding.commands.map(({keys}) => keyGlyph(keys[binding.hintKey ?? 0] ?? keys[0]!));
			// A pair of arrows reads as one ("↑↓"); longer names need a slash ("PgUp/PgDn").
			return [`${glyphs.join(glyphs.every(glyph => glyph.length === 1) ? '' : '/')} ${words}`];
		})
		.join('  ');
}

/** The README's key table, as Markdown rows: "| `↑` `k` / `↓` `j` | move … |". */
export function readmeKeyRows(bindings: Binding[] = BINDINGS): string[] {
	return bindings.map(binding => `| ${bindingKeys(binding, key => `\`${keyLabel(key)}\``)} | ${binding.does} |`);
}
