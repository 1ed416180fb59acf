// The command line: flags become one command, or the browser. Each
// command's module loads when it runs, so a command loads what it uses:
// `list` and `read` never load the browser (Ink, React) or the feed code.
import path from 'node:path';
import {BookmarkStore} from './bookmarks/bookmark-store.js';
import {ConfigFile} from './config/config-file.js';
import {readSettings} from './config/settings.js';
import {withUserKeys} from './core/user-keys.js';
import {DATA_FOLDER} from './data/data-folder.js';
import {loadTaxonomy} from './data/load-data.js';
import {FeedList, feedListProblems, loadDefaultFeeds, SECTOR_FROM_LINK} from './feeds/feed-list.js';
import {isCorruption, Library, LibraryError} from './library/store.js';
import {BROWSING_CACHE_KB, type OpenOptions} from './library/database.js';
import {cacheDir} from './paths.js';
import {CommandError, endQuietlyWhenReaderLeaves, UsageError, warn, type CommandContext} from './commands/context.js';
import type {CommandLine, CommandName} from './command-line.js';
import {resolveFlag} from './commands/taxonomy-flag.js';

type Run = (context: CommandContext) => void | number | Promise<void | number>;

const articles = async () => import('./commands/articles.js');
const bookmarkCommands = async () => import('./commands/bookmark-commands.js');
const feedCommands = async () => import('./commands/feed-commands.js');

/** Each command, its module loaded when it runs. */
const COMMANDS: Record<CommandName, () => Promise<Run>> = {
	list: async () => (await articles()).list,
	read: async () => (await articles()).read,
	search: async () => (await articles()).search,
	bookmarks: async () => (await bookmarkCommands()).bookmarks,
	bookmark: async () => (await bookmarkCommands()).bookmark,
	unbookmark: async () => (await bookmarkCommands()).unbookmark,
	feeds: async () => (await feedCommands()).feeds,
	fetch: async () => (await feedCommands()).fetchFeeds,
	prune: async () => (await feedCommands()).prune,
	doctor: async () => (await import('./commands/doctor.js')).doctor,
};

const NO_ARGUMENTS: CommandLine = {args: [], flags: {json: false}};

/**
 * Imports the browser with the global fetch hidden. Ink's layout engine
 * (yoga) fetches its WebAssembly from a data: URL when fetch exists, and
 * the first use of fetch loads Node's whole HTTP client: about 18 ms of
 * every start. Without fetch, yoga decodes the same bytes itself.
 */
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (fetch) delete (globalThis as {fetch?: unknown}).fetch;
	try {
		return await load();
	} finally {
		if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
	}
}

/**
 * The library, opened when a command first needs it: `devnews bookmarks`
 * and `feeds export` work whatever state the library is in. Opening it
 * imports the data folder when that changed; what went wrong on the way
 * (a damaged file moved aside, a bad data file) goes to `report`.
 */
function libraryOpener(dataDir: string, report: (line: string) => void, options: OpenOptions) {
	let opened: Library | undefined;
	return {
		get(): Library {
			if (!opened) {
				const {library, warning} = Library.open(path.join(cacheDir(), 'library.sqlite'), options);
				if (warning) report(warning);
				// What a repair did (library/repair.ts), said once.
				library.onRepaired(report);
				opened = library;
				for (const error of library.syncData(dataDir)) report(`skipped ${error}`);
			}

			return opened;
		},
		/**
		 * After an error showed the library damaged: repairs it (the repair says
		 * what it did), or else closes it, so the next get() makes a new one.
		 * True when either was done, and the command may run again.
		 */
		recover(error: unknown): boolean {
			if (opened?.repairAfter(error)) return true;
			if (!opened?.markDamaged(error)) return false;
			opened.close();
			opened = undefined;
			report(`the library was damaged (${(error as Error).message}); made a new one from the data folder. Run devnews fetch to fill it again.`);
			return true;
		},
	};
}

async function main(packageRoot: string): Promise<number> {
	endQuietlyWhenReaderLeaves();
	const {config, warning: configWarning} = ConfigFile.open();
	// The user's settings, and their keys in the table (--help and the browser show them).
	const {settings, problems} = readSettings(config);
	const keys = withUserKeys(settings.keys);
	// Arguments need meow; a bare `devnews` (the browser) starts without loading it.
	const cli = process.argv.length > 2 ? (await import('./command-line.js')).parseCommandLine(keys.bindings) : NO_ARGUMENTS;
	const {name, args} = cli;
	const dataDir = path.resolve(cli.flags.data ?? path.join(packageRoot, DATA_FOLDER));
	// --json and --limit ask for the list printed, as it is into a pipe: the browser shows neither.
	const printing = cli.flags.json || cli.flags.limit !== undefined;
	const browsing = name === undefined && !printing && process.stdin.isTTY && process.stdout.isTTY;
	// The browser shows start-up problems on its status line; commands print them.
	const warnings: string[] = [];
	const report = browsing ? (line: string) => warnings.push(line) : warn;
	const library = libraryOpener(dataDir, report, browsing ? {cacheKb: BROWSING_CACHE_KB} : {});
	// Problems in the taxonomy files are reported when the library imports the folder.
	const {taxonomy} = loadTaxonomy(dataDir);
	const filter = {
		sector: resolveFlag('sector', cli.flags.sector, taxonomy, name === 'feeds' ? [SECTOR_FROM_LINK] : []),
		edition: resolveFlag('edition', cli.flags.edition, taxonomy),
	};
	if (configWarning) report(configWarning);
	const bookmarkStore = new BookmarkStore(config);
	// What in the settings (and the bookmarks and feeds) is not used: a line each on the command line; one message in the browser, the file named once.
	const unused = [...problems, ...keys.problems, ...bookmarkStore.problems(), ...feedListProblems(config)];
	if (unused.length > 0 && browsing) report(`${config.file}: ${unused.join(' · ')}`);
	else for (const problem of unused) report(`${config.file}: ${problem}`);
	const defaults = loadDefaultFeeds(dataDir);
	if (defaults.error) report(`skipped ${defaults.error}`);
	const context: CommandContext = {
		get library() {
			return library.get();
		},
		taxonomy,
		config,
		bookmarks: bookmarkStore,
		feeds: new FeedList(config, defaults.feeds),
		filter,
		flags: cli.flags,
		args,
	};

	if (browsing) {
		const opened = library.get();
		const {runBrowser} = await importWithoutFetch(async () => import('./browser.js'));
		await runBrowser(
			{library: opened, bookmarkStore: context.bookmarks, feeds: context.feeds, config, ...filter, settings, bindings: keys.bindings, warnings},
			{screenReader: cli.flags.screenReader},
		);
		return 0;
	}

	const run = async () => {
		if (name !== undefined) return (await (await COMMANDS[name]())(context)) ?? 0;
		await (await COMMANDS.list())(context);
		if (!printing) warn('not a terminal, so printed the list; run devnews --help for commands.');
		return 0;
	};

	try {
		return await run();
	} catch (error) {
		// A library found damaged on the way is repaired, or else moved aside
		// and made again from the data folder; the command runs once more.
		if (!library.recover(error)) throw error;
		return run();
	}
}

/** Runs the command line; `packageRoot` holds the shipped data/ folder. */
export function runCli(packageRoot: string): void {
	main(packageRoot).then(
		code => {
			process.exitCode = code;
		},
		(error: unknown) => {
			const known = error instanceof UsageError || error instanceof CommandError || error instanceof LibraryError;
			// An error from SQLite names no file; say which library it is about.
			const message = !known && /^SQLITE_/.test((error as {code?: string}).code ?? '') ? `library ${path.join(cacheDir(), 'library.sqlite')}: ${(error as Error).message}` : (error as Error).message;
			warn(isCorruption(error) ? `${message} (it is moved aside at the next start)` : message);
			process.exitCode = error instanceof UsageError ? 2 : 1;
		},
	);
}
