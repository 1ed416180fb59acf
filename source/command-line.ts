// The command line, parsed with meow: which command, its arguments and
// flags, each checked against what the command takes, and --help and
// --version. Only loaded when there are arguments:
// a bare `devnews` has nothing to parse and starts the browser without it.
import fs from 'node:fs';
import path from 'node:path';
import meow from 'meow';
import {BINDINGS, helpColumns, helpLines, KEY_COLUMN, type Binding} from './core/bindings.js';
import {UsageError, type Flags} from './commands/context.js';
import {MOST_COMPLETE} from './config/settings.js';
import {dataFolder} from './data/data-folder.js';
import {kebabCase} from './core/user-keys.js';

export const COMMAND_NAMES = ['list', 'read', 'search', 'bookmarks', 'bookmark', 'unbookmark', 'feeds', 'fetch', 'prune', 'doctor'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export type CommandLine = {name?: CommandName; args: string[]; flags: Flags & {data?: string}};

// --help fits 80 columns, the keys' words wrapped within their column as the help screen's are.
const HELP_WIDTH = 80;
const KEYS_INDENT = '    ';

/** `devnews --help`: commands, options, files, and the keys of the browser from the table of bindings. */
export const helpText = (bindings: Binding[] = BINDINGS): string => `
  Usage
    $ devnews                          browse: the list, a reader, bookmarks
    $ devnews list                     print the list
    $ devnews read ID                  print one story with its metadata
    $ devnews search WORDS             full-text search, best matches first
    $ devnews bookmarks                print your bookmarks
    $ devnews bookmark ID... / unbookmark ID...
    $ devnews fetch                    refresh the feeds into the library
    $ devnews prune                    remove news older than keepDays (config)
    $ devnews feeds                    list the feeds
    $ devnews feeds add URL [--sector S|from-link] [--edition E]
    $ devnews feeds add --sector S [--edition E]   the site's own listing of S
    $ devnews feeds remove URL
    $ devnews feeds import FILE        OPML, or newsboat's urls file
    $ devnews feeds export > feeds.opml
    $ devnews feeds check              try every source: answers? format, items
    $ devnews doctor                   check the library; repair what is damaged

  Options
    --sector ID|NAME    only this sector (politics, "Science & Environment")
    --edition ID|NAME   only this edition, a region (global, "South Asia", mena)
    --json              print JSON: list, read, search, bookmarks, feeds, doctor
    --limit N           at most N articles (list, search)
    --data DIR          read articles from DIR instead of the shipped data
    --concurrency N     feeds fetched at once (default 4)
    --timeout S         seconds allowed per feed (default 15)
    --max-bytes N       largest response accepted (default 5 MB)
                        (these three: fetch, feeds add, feeds check)
    --complete N        summary-only stories then completed from their pages
                        (fetch; default 50, the complete setting; 0: none)
    --screen-reader     the browser as plain sentences for a screen reader
                        (also INK_SCREEN_READER=true)
    --help (-h), --version

  Files
    Bookmarks, feeds:  $XDG_CONFIG_HOME/devnews/config.json
    Library:           $XDG_CACHE_HOME/devnews/library.sqlite (delete to reset)

  Keys in the browser
${helpColumns(helpLines(bindings), KEY_COLUMN, HELP_WIDTH - KEYS_INDENT.length)
	.map(line => KEYS_INDENT + line)
	.join('\n')}
`;

type NumberFlag = 'limit' | 'concurrency' | 'timeout' | 'maxBytes' | 'complete';

type NumberRange = {min: number; max: number; whole: boolean; words: string};

/**
 * The range each numeric flag can take. Outside it a value does nothing a
 * user could want, or fails somewhere deep (a timer takes at most 2^31 − 1
 * ms, and a whole number of them); it is refused before anything runs.
 */
const NUMBER_RANGES: Record<NumberFlag, NumberRange> = {
	limit: {min: 1, max: Number.MAX_SAFE_INTEGER, whole: true, words: 'a whole number of articles, at least 1'},
	concurrency: {min: 1, max: 64, whole: true, words: 'a whole number of feeds at once, from 1 to 64'},
	timeout: {min: 0.001, max: 2_147_483, whole: false, words: 'seconds, from 0.001 to 2147483 (about 24 days)'},
	maxBytes: {min: 1, max: 2 ** 28, whole: true, words: 'a whole number of bytes, from 1 to 268435456 (256 MB)'},
	complete: {min: 0, max: MOST_COMPLETE, whole: true, words: `a whole number of stories, from 0 (none) to ${MOST_COMPLETE}`},
};

/** "--max-bytes" for maxBytes: the flag as typed. */
const typed = (flag: string): string => `--${kebabCase(flag)}`;

/** The word typed as `flag`'s value (`--limit abc`, `--limit=abc`). */
function typedValue(typedWords: string[], flag: string): string | undefined {
	const index = typedWords.findIndex(word => word === flag || word.startsWith(`${flag}=`));
	const word = typedWords[index];
	if (word === undefined) return undefined;
	return word === flag ? typedWords[index + 1] : word.slice(flag.length + 1);
}

/**
 * `typedWords`: the words before any "--", where a flag typed with no value
 * after it (`devnews list --limit`) is seen: meow leaves such a flag out, as
 * though it had not been given. A word that is no number is quoted as typed.
 */
function checkNumber(flag: NumberFlag, value: number | undefined, {min, max, whole, words}: NumberRange, typedWords: string[]): void {
	if (value === undefined) {
		if (typedWords.includes(typed(flag))) throw new UsageError(`${typed(flag)} takes ${words}, and was given none. See devnews --help.`);
		return;
	}

	// NaN (a word where a number goes) and Infinity fail every comparison below that they should.
	if (!(value >= min && value <= max) || (whole && !Number.isInteger(value))) {
		const given = Number.isNaN(value) ? JSON.stringify(typedValue(typedWords, typed(flag)) ?? '') : String(value);
		throw new UsageError(`${typed(flag)} takes ${words}, not ${given}. See devnews --help.`);
	}
}

/** What meow throws (a flag given twice) is a usage mistake: exit 2, as for any other. */
function usageOf<T>(parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		throw new UsageError(`${(error as Error).message} See devnews --help.`);
	}
}

const isCommand = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

/** The flags devnews takes, by meow's name for each (camel case: maxBytes is --max-bytes). */
const FLAGS = {
	sector: {type: 'string'},
	edition: {type: 'string'},
	json: {type: 'boolean', default: false},
	limit: {type: 'number'},
	data: {type: 'string'},
	concurrency: {type: 'number'},
	timeout: {type: 'number'},
	maxBytes: {type: 'number'},
	complete: {type: 'number'},
	screenReader: {type: 'boolean', default: false},
	// meow answers --help and --version only when alone; beside a command they are handled below.
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean'},
} as const;

/** "-x" for a letter, "--max-bytes" for maxBytes: a flag as it was typed. */
const asTyped = (flag: string): string => (flag.length === 1 ? `-${flag}` : typed(flag));

/**
 * A flag devnews does not take, in one line that names it and lists those it
 * does (meow's own refusal is two lines, "Unknown flag" and the flag, without
 * what to do).
 */
function checkFlagsKnown(flags: Record<string, unknown>): void {
	const unknown = Object.keys(flags).filter(flag => !Object.hasOwn(FLAGS, flag));
	if (unknown.length === 0) return;
	throw new UsageError(`Unknown flag ${unknown.map(asTyped).join(', ')}. Flags: ${Object.keys(FLAGS).map(asTyped).join(', ')}. See devnews --help.`);
}

type FlagName = keyof typeof FLAGS;

const LIMITS: FlagName[] = ['concurrency', 'timeout', 'maxBytes'];

/**
 * What each command takes: its flags, besides --data (every command reads
 * the data folder's taxonomy and feeds), --help and --version; and the words
 * after it, as the help writes them ("ID", "WORDS..."), none when absent.
 * Anything more is refused rather than left unread: `devnews fetch --sector
 * politics` fetched every feed, `devnews feeds check --json` printed text,
 * and `devnews feeds remove A B` removed A alone.
 */
type Takes = {flags: FlagName[]; words?: string};

const TAKES: Record<string, Takes> = {
	// The browser, or the list when there is no terminal.
	'': {flags: ['sector', 'edition', 'json', 'limit', 'screenReader']},
	list: {flags: ['sector', 'edition', 'json', 'limit']},
	read: {flags: ['json'], words: 'ID'},
	search: {flags: ['sector', 'edition', 'json', 'limit'], words: 'WORDS...'},
	bookmarks: {flags: ['json']},
	bookmark: {flags: [], words: 'ID...'},
	unbookmark: {flags: [], words: 'ID...'},
	fetch: {flags: [...LIMITS, 'complete']},
	prune: {flags: []},
	doctor: {flags: ['json']},
	feeds: {flags: ['json']},
	'feeds add': {flags: ['sector', 'edition', ...LIMITS], words: 'URL'},
	'feeds remove': {flags: [], words: 'URL'},
	'feeds import': {flags: [], words: 'FILE'},
	'feeds export': {flags: []},
	'feeds check': {flags: LIMITS},
};

/** The flags given that `command` does not take, refused in one line that says which it does. */
function checkFlagsTaken(command: string, {flags: takes}: Takes, flags: Record<string, unknown>): void {
	const given = (Object.keys(FLAGS) as FlagName[]).filter(flag => flags[flag] !== undefined && flags[flag] !== false);
	const refused = given.filter(flag => !['data', 'help', 'version', ...takes].includes(flag));
	if (refused.length === 0) return;
	const its = takes.length > 0 ? `its flags are ${[...takes, 'data'].map(asTyped).join(', ')}` : 'its only flag is --data';
	throw new UsageError(`devnews${command ? ` ${command}` : ''} does not take ${refused.map(asTyped).join(', ')}: ${its}. See devnews --help.`);
}

/** Words after the command beyond those it takes, refused in one line that quotes them. */
function checkWordsTaken(command: string, {words: takes}: Takes, words: string[]): void {
	const most = takes === undefined ? 0 : takes.endsWith('...') ? Number.POSITIVE_INFINITY : 1;
	if (words.length <= most) return;
	const over = words.slice(most).map(word => JSON.stringify(word));
	throw new UsageError(`devnews ${[command, takes].filter(Boolean).join(' ')} takes nothing more: ${over.join(', ')} ${over.length === 1 ? 'is' : 'are'} left over. See devnews --help.`);
}

/** What the command line asks for, checked against what its command takes; an unknown action of feeds is said by feeds itself. */
function checkTaken(name: CommandName | undefined, args: string[], flags: Record<string, unknown>): void {
	const command = [name, name === 'feeds' ? args[0] : undefined].filter(Boolean).join(' ');
	const takes = TAKES[command];
	if (!takes) return;
	checkFlagsTaken(command, takes, flags);
	checkWordsTaken(command, takes, name === 'feeds' ? args.slice(1) : args);
}

/**
 * --data names a data folder: one that is there and holds at least one of
 * a data folder's files. Opening the library with another (a typo, the
 * folder above) took the shipped data's stories out of the library, and
 * their read marks with them, and filed every story again under no
 * taxonomy; the next start, without the mistake, filed them all back.
 */
function checkDataFolder(dir: string | undefined): void {
	if (dir === undefined) return;
	let why: string | undefined;
	try {
		const files = Object.values(dataFolder(dir));
		if (!fs.statSync(dir).isDirectory()) why = 'not a folder';
		else if (!files.some(file => fs.existsSync(file))) why = `holds none of a data folder's files (${files.map(file => path.basename(file)).join(', ')})`;
	} catch (error) {
		why = `no such folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
	}

	if (why) throw new UsageError(`--data ${dir}: ${why}; it takes a folder of articles like devnews's own data/. Nothing was changed. See devnews --help.`);
}

/**
 * Parses process.argv and checks it against what its command takes (a
 * UsageError says what is wrong); --help (with the user's keys, `bindings`)
 * and --version, alone or beside a command, are printed and devnews exits.
 */
export function parseCommandLine(bindings: Binding[] = BINDINGS): CommandLine {
	const cli = usageOf(() => meow(helpText(bindings), {importMeta: import.meta, flags: FLAGS, allowUnknownFlags: true}));
	// `devnews fetch --help` asks how to fetch: it prints the help (or the version) and runs nothing.
	if (cli.flags.help) cli.showHelp(0);
	if (cli.flags.version) cli.showVersion();
	checkFlagsKnown(cli.flags);
	const [name, ...args] = cli.input;
	if (name !== undefined && !isCommand(name)) {
		throw new UsageError(`Unknown command "${name}". Commands: ${COMMAND_NAMES.join(', ')}. See devnews --help.`);
	}

	const argv = process.argv.slice(2);
	const typedWords = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
	for (const [flag, range] of Object.entries(NUMBER_RANGES) as Array<[NumberFlag, NumberRange]>) checkNumber(flag, cli.flags[flag], range, typedWords);
	checkTaken(name, args, cli.flags);
	checkDataFolder(cli.flags.data);
	return {name, args, flags: cli.flags};
}
