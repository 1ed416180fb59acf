// Settings a person may put in config.json beside their bookmarks and
// feeds (the README's Settings section shows them all). Each is read with
// its default, and a value that makes no sense is named in one line and
// the default used, never silently and never a crash.
import {SORTS, type Sort} from '../core/sort.js';
import {isColour, THEME_NAMES, TOKENS, type Theme, type ThemeName} from '../core/theme.js';
import type {Library} from '../library/store.js';
import type {ConfigFile} from './config-file.js';

/** How long fetched news is kept: a year, unless `keepDays` says otherwise. */
const DEFAULT_KEEP_DAYS = 365;

/** The reader's longest line, in cells: about the line length that reads best. */
const DEFAULT_TEXT_WIDTH = 80;

/** How many of the newest summary-only stories each refresh completes from their pages: enough for a morning's reading, few enough to be polite. */
const DEFAULT_COMPLETE = 50;

/** The most `complete` (and devnews fetch --complete) may ask for at once. */
export const MOST_COMPLETE = 1000;

/** Whether `value` is a number of stories to complete: a whole number from 0 (none) to MOST_COMPLETE. */
const isCompleteCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MOST_COMPLETE;

export type Settings = {
	keepDays: number;
	/** The user's keys per command, as written (core/user-keys.ts reads them). */
	keys: Record<string, unknown>;
	theme: ThemeName;
	colors: Partial<Theme>;
	/** The command `o` runs, as an argument list; the link goes where "%s" is, else last. */
	browser?: string[];
	/** The reader's longest line; 0 for the terminal's width. */
	textWidth: number;
	sort: Sort;
	unreadOnly: boolean;
	/** How many of the newest summary-only stories a refresh completes from their pages; 0 for none. */
	complete: number;
};

export const DEFAULT_SETTINGS: Settings = {keepDays: DEFAULT_KEEP_DAYS, keys: {}, theme: 'dark', colors: {}, textWidth: DEFAULT_TEXT_WIDTH, sort: 'newest', unreadOnly: false, complete: DEFAULT_COMPLETE};

type Check<K extends keyof Settings> = {
	expected: string;
	read: (value: unknown) => Settings[K] | undefined;
	/** What is done instead, when not "using" the default. */
	instead?: string;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const CHECKS: {[K in keyof Settings]: Check<K>} = {
	keepDays: {
		expected: 'a number of days of at least 1',
		read: value => (typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : undefined),
		instead: `keeping ${DEFAULT_KEEP_DAYS} days`,
	},
	keys: {expected: 'an object of command names and their keys, e.g. {"next-unread": ["n", "x"]}', read: value => (isObject(value) ? value : undefined)},
	theme: {expected: THEME_NAMES.map(name => JSON.stringify(name)).join(', '), read: value => THEME_NAMES.find(name => name === value)},
	colors: {
		expected: `an object of ${TOKENS.join(', ')} and colours (a name such as cyan, #rrggbb, rgb(…) or ansi256(…))`,
		read: value =>
			isObject(value) && Object.entries(value).every(([token, colour]) => (TOKENS as readonly string[]).includes(token) && typeof colour === 'string' && isColour(colour))
				? (value as Partial<Theme>)
				: undefined,
	},
	browser: {
		expected: 'a list of the command and its arguments, e.g. ["firefox", "--new-tab"] (never a shell line)',
		read: value => (Array.isArray(value) && value.length > 0 && value.every(part => typeof part === 'string' && part !== '') ? (value as string[]) : undefined),
	},
	textWidth: {expected: 'a whole number of columns (0 for the full width)', read: value => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined)},
	sort: {expected: SORTS.map(sort => JSON.stringify(sort)).join(', '), read: value => SORTS.find(sort => sort === value)},
	unreadOnly: {expected: 'true or false', read: value => (typeof value === 'boolean' ? value : undefined)},
	complete: {expected: `a whole number of stories from 0 (none) to ${MOST_COMPLETE}`, read: value => (isCompleteCount(value) ? value : undefined)},
};

/** One setting from config.json's values (`stored`): its value, or its default and a line saying why the value written is not used. */
function readSetting<K extends keyof Settings>(stored: Readonly<Record<string, unknown>>, key: K): {value: Settings[K]; problem?: string} {
	const written = stored[key];
	if (written === undefined) return {value: DEFAULT_SETTINGS[key]};
	const check = CHECKS[key] as Check<K>;
	const value = check.read(written);
	if (value !== undefined) return {value};
	const instead = check.instead ?? (DEFAULT_SETTINGS[key] === undefined ? 'not using it' : `using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);
	return {value: DEFAULT_SETTINGS[key], problem: `${key}: expected ${check.expected}, not ${JSON.stringify(written)}; ${instead}.`};
}

/** The settings in config.json, each checked; one line per value that is not what it should be (its default is used), to be said after the file's name. */
export function readSettings(config: ConfigFile): {settings: Settings; problems: string[]} {
	const settings = {...DEFAULT_SETTINGS} as Record<keyof Settings, unknown>;
	const problems: string[] = [];
	// The file is read once for all of them, not once a setting.
	const stored = config.values();
	for (const key of Object.keys(CHECKS) as Array<keyof Settings>) {
		const {value, problem} = readSetting(stored, key);
		settings[key] = value;
		if (problem) problems.push(problem);
	}

	return {settings: settings as Settings, problems};
}

/** Keeps a choice made in the browser (the order, unread only) for the next start. */
export async function saveSetting<K extends 'sort' | 'unreadOnly'>(config: ConfigFile, key: K, value: Settings[K]): Promise<void> {
	await config.update(key, () => value);
}

/** How many summary-only stories a refresh completes (the start said already when the value written is not used). */
export function completeSetting(config: ConfigFile): number {
	return readSetting(config.values(), 'complete').value;
}

/**
 * Removes news older than the kept days (bookmarks stay): what `devnews
 * prune` and every refresh do. How many went, the days, and the warning
 * about a keepDays that makes no sense, for the caller to show.
 */
export function pruneOld(library: Library, config: ConfigFile, bookmarked: Set<string>): {removed: number; days: number; warning?: string} {
	const {value: days, problem} = readSetting(config.values(), 'keepDays');
	return {removed: library.prune(days, bookmarked), days, warning: problem && `${config.file}: ${problem}`};
}
