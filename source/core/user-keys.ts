// The user's own keys ("keys" in config.json) over the table of bindings:
// {"next-unread": ["n", "x"]} gives the command those keys instead of its
// own. Commands are named as the README's table names them, in kebab case.
// A key the user gives one command is taken from any other it was bound
// to, saying so; two of the user's commands asking for one key is a
// conflict, said at start, and the first in the table keeps it. The table
// that comes out makes the keymap, the help, the footer and --help alike.
import {BINDINGS, type Binding, type Command, type Key, type NamedKey, type Where} from './bindings.js';

/** "next-unread" for nextUnread, "max-bytes" for maxBytes: a camel-case name as settings and flags write it. */
export const kebabCase = (name: string): string => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/** "next-unread" for nextUnread: how settings name a command. */
export const commandName = (command: Command): string => kebabCase(command);

/** Every command of the table, once, in its order. */
const COMMANDS: Command[] = [...new Set(BINDINGS.flatMap(binding => binding.commands.map(({command}) => command)))];

const BY_NAME = new Map(COMMANDS.map(command => [commandName(command), command]));

/**
 * newsboat's names for the commands devnews has too (its manual's list of
 * operations), which a reader coming from it writes: the line said for each
 * names devnews's command. They are not taken as aliases: a command keeps
 * one name, the one the help and the README give it.
 */
const NEWSBOAT_NAMES: Record<string, Command> = {
	reload: 'refresh',
	'reload-all': 'refreshAll',
	'mark-feed-read': 'markAllRead',
	'mark-all-feeds-read': 'markEverythingRead',
	'prev-unread': 'previousUnread',
	'open-in-browser': 'openLink',
	'toggle-article-read': 'toggleRead',
	'toggle-show-read-feeds': 'unreadOnly',
	'open-search': 'search',
	redraw: 'repaint',
	'rev-sort': 'sort',
	pageup: 'pageUp',
	pagedown: 'pageDown',
	home: 'top',
	end: 'bottom',
};

/** Ctrl-c quits from anywhere: it cannot be taken, nor given to another command. */
const FIXED: Command = 'forceQuit';

const NAMED_KEYS: Record<string, NamedKey | ' '> = {
	up: 'up',
	down: 'down',
	left: 'left',
	right: 'right',
	pgup: 'pageUp',
	pageup: 'pageUp',
	pgdn: 'pageDown',
	pagedown: 'pageDown',
	home: 'home',
	end: 'end',
	enter: 'enter',
	return: 'enter',
	esc: 'escape',
	escape: 'escape',
	backspace: 'backspace',
	space: ' ',
};

/**
 * A key as settings write it: one character ("x", "G", "/"), a name
 * ("enter", "esc", "space", "pgdn", "up", …), or Ctrl with a letter
 * ("ctrl-d", "C-d", "^d"). Undefined for anything else.
 */
export function parseKey(text: string): Key | undefined {
	if (Array.from(text).length === 1) return /\p{Cc}/u.test(text) ? undefined : {char: text};
	const ctrl = /^(?:ctrl-|c-|\^)([a-z])$/i.exec(text);
	if (ctrl) return {ctrl: ctrl[1]!.toLowerCase()};
	const named = NAMED_KEYS[text.toLowerCase()];
	if (named === undefined) return undefined;
	return named === ' ' ? {char: ' '} : {named};
}

const keyId = (key: Key): string => JSON.stringify(key);

/** Keys that are typed as text while searching: only named keys act there. */
const typedWhileSearching = (key: Key) => 'char' in key || 'ctrl' in key;

/**
 * The keys of a scope are one set where their lookups meet: the list reads
 * `list` then `browse`, so a key in both is one key; `search` is its own.
 */
const group = (where: Where) => (where === 'search' ? 'search' : 'browse');

const slot = (where: Where, key: Key) => `${group(where)} ${keyId(key)}`;

type UserKeys = {bindings: Binding[]; problems: string[]};

/** The user's setting as keys per command, with a line for each entry that is not one. */
function wishes(setting: Record<string, unknown>, problems: string[]): Map<Command, Key[]> {
	const wanted = new Map<Command, Key[]>();
	// Names that are no command's, said in one line that lists the commands once.
	const unknown: string[] = [];
	for (const [name, value] of Object.entries(setting)) {
		const command = BY_NAME.get(name);
		if (!command) {
			const newsboats = Object.hasOwn(NEWSBOAT_NAMES, name) ? NEWSBOAT_NAMES[name] : undefined;
			if (newsboats) problems.push(`keys: no command ${JSON.stringify(name)}: newsboat's ${name} is ${commandName(newsboats)} here`);
			else unknown.push(JSON.stringify(name));
			continue;
		}

		if (command === FIXED) {
			problems.push(`keys: ${name} is always Ctrl-c and cannot be changed`);
			continue;
		}

		const texts: unknown = typeof value === 'string' ? [value] : value;
		if (!Array.isArray(texts) || !texts.every(text => typeof text === 'string')) {
			problems.push(`keys: ${name}: expected a list of keys such as ["n", "x"], not ${JSON.stringify(value)}`);
			continue;
		}

		const keys: Key[] = [];
		for (const text of texts as string[]) {
			const key = parseKey(text);
			if (!key) problems.push(`keys: ${name}: ${JSON.stringify(text)} is not a key (a character, a name such as enter, esc, space, pgdn, up, or ctrl-x)`);
			else if (keyId(key) === keyId({ctrl: 'c'})) problems.push(`keys: ${name}: Ctrl-c always quits`);
			else keys.push(key);
		}

		wanted.set(command, keys);
	}

	if (unknown.length > 0) problems.push(`keys: no command ${unknown.join(' or ')} (commands: ${[...BY_NAME.keys()].join(', ')})`);
	return wanted;
}

/** The table with the user's keys in it, and one line for each thing that could not be done as asked. */
export function withUserKeys(setting: Record<string, unknown>, bindings: Binding[] = BINDINGS): UserKeys {
	const problems: string[] = [];
	const wanted = wishes(setting, problems);
	// Who has each key the user gave, by scope: the first command (in the table's order) to ask keeps it.
	const owners = new Map<string, Command>();
	for (const binding of bindings) {
		for (const {command} of binding.commands) {
			for (const key of wanted.get(command) ?? []) {
				if (binding.where === 'search' && typedWhileSearching(key)) continue;
				const owner = owners.get(slot(binding.where, key));
				if (owner === undefined) owners.set(slot(binding.where, key), command);
				else if (owner !== command) problems.push(`keys: ${commandName(command)} and ${commandName(owner)} both ask for ${describe(key)}; ${commandName(owner)} keeps it`);
			}
		}
	}

	const result = bindings.map(binding => ({
		...binding,
		commands: binding.commands.map(({command, keys}) => {
			const ownerOf = (key: Key) => owners.get(slot(binding.where, key));
			if (wanted.has(command)) return {command, keys: wanted.get(command)!.filter(key => ownerOf(key) === command)};
			// A key of the table's that the user gave another command is that command's now.
			for (const key of keys) {
				const owner = ownerOf(key);
				if (owner !== undefined && binding.where !== 'search') problems.push(`keys: ${describe(key)} now does ${commandName(owner)} instead of ${commandName(command)}`);
			}

			return {command, keys: keys.filter(key => ownerOf(key) === undefined)};
		}),
	}));

	for (const command of COMMANDS) {
		const entries = result.filter(binding => binding.where !== 'search').flatMap(binding => binding.commands.filter(entry => entry.command === command));
		if (entries.length > 0 && entries.every(entry => entry.keys.length === 0)) problems.push(`keys: ${commandName(command)} has no key left`);
	}

	return {bindings: result, problems};
}

/** A key as a message names it: "n", "Ctrl-d", "enter". */
function describe(key: Key): string {
	if ('ctrl' in key) return `Ctrl-${key.ctrl}`;
	if ('named' in key) return key.named;
	return key.char === ' ' ? 'space' : `"${key.char}"`;
}
