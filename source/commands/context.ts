// What every command gets: the opened library, config, bookmarks and feeds,
// the parsed flags, and one way to print and to fail.
import type {Taxonomy} from '../core/taxonomy.js';
import type {BookmarkStore} from '../bookmarks/bookmark-store.js';
import type {ConfigFile} from '../config/config-file.js';
import type {FeedList} from '../feeds/feed-list.js';
import type {Library, ListFilter} from '../library/store.js';
import {sanitizeLine} from '../terminal/sanitize.js';

export type Flags = {
	json: boolean;
	limit?: number;
	sector?: string;
	edition?: string;
	concurrency?: number;
	timeout?: number;
	maxBytes?: number;
	complete?: number;
	screenReader?: boolean;
};

export type CommandContext = {
	/** Opened (and the data folder imported) the first time a command reads it. */
	library: Library;
	taxonomy: Taxonomy;
	config: ConfigFile;
	bookmarks: BookmarkStore;
	feeds: FeedList;
	/** Sector and edition from the flags, resolved to taxonomy ids. */
	filter: ListFilter;
	flags: Flags;
	args: string[];
};

/** A mistake in how devnews was called: one message, exit code 2. */
export class UsageError extends Error {}

/** Something asked for is not there, or could not be done: one message, exit code 1. */
export class CommandError extends Error {}

/**
 * When whoever reads devnews's output goes away (`| head`, or `| less` quit
 * early), writing to the pipe fails with EPIPE; unhandled, Node prints that
 * error with a stack trace. Like any Unix tool, devnews then stops quietly:
 * its reader asked for nothing more. Set once, for stdout and stderr alike.
 */
export function endQuietlyWhenReaderLeaves(): void {
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE') throw error;
			process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
		});
	}
}

export function print(text: string): void {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * A line on stderr. Made one plain line here, whatever it quotes: an id,
 * a file's name or a flag's value as typed (a file named by a web site, a
 * list of ids from a script) may hold escape sequences and line breaks.
 */
export function warn(text: string): void {
	process.stderr.write(`devnews: ${sanitizeLine(text)}\n`);
}

/** The terminal's width, or undefined when stdout is a pipe or a file. */
export const terminalWidth = (): number | undefined => (process.stdout.isTTY ? process.stdout.columns || 80 : undefined);

/** Text is wrapped to the terminal, or to 80 columns when it goes to a pipe or a file. */
export const outputWidth = (): number => terminalWidth() ?? 80;

export function needArgument(context: CommandContext, what: string, usage: string): string {
	const value = context.args[0];
	if (!value) throw new UsageError(`${usage} needs ${what}.`);
	return value;
}
