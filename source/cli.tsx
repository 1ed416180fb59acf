// The command line: flags become one command, or the browser.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {OTHER, type TaxonomyEntry} from './core/article.js';
import {BookmarkStore} from './bookmarks/bookmark-store.js';
import {ConfigFile} from './config/config-file.js';
import {FeedList, loadDefaultFeeds, SECTOR_FROM_LINK} from './feeds/feed-list.js';
import {Library} from './library/store.js';
import {cacheDir} from './paths.js';
import {list, read, search} from './commands/articles.js';
import {bookmark, bookmarks, unbookmark} from './commands/bookmark-commands.js';
import {endQuietlyWhenReaderLeaves, UsageError, warn, type CommandContext} from './commands/context.js';
import type {CommandLine, CommandName} from './command-line.js';
import {feeds, fetchFeeds} from './commands/feed-commands.js';

type Run = (context: CommandContext) => void | number | Promise<void | number>;

const COMMANDS: Record<CommandName, Run> = {list, read, search, bookmarks, bookmark, unbookmark, feeds, fetch: fetchFeeds};

const NO_ARGUMENTS: CommandLine = {args: [], flags: {json: false}};

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function resolveTaxonomy(kind: 'sector' | 'edition', value: string | undefined, entries: TaxonomyEntry[], extra: string[] = []): string | undefined {
	if (value === undefined) return undefined;
	const wanted = value.trim().toLowerCase();
	if (wanted === OTHER || extra.includes(wanted)) return wanted;
	const found = entries.find(entry => entry.id === wanted || entry.name.toLowerCase() === wanted);
	if (found) return found.id;
	const valid = [...entries.map(entry => `${entry.id} (${entry.name})`), OTHER, ...extra].join(', ');
	throw new UsageError(`Unknown ${kind} "${value}". Valid ${kind}s: ${valid}.`);
}

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

async function main(): Promise<number> {
	endQuietlyWhenReaderLeaves();
	// Arguments need meow; a bare `devnews` (the browser) starts without loading it.
	const cli = process.argv.length > 2 ? (await import('./command-line.js')).parseCommandLine() : NO_ARGUMENTS;
	const {name, args} = cli;
	const dataDir = path.resolve(cli.flags.data ?? path.join(packageRoot, 'data'));
	const {library, warning: libraryWarning} = Library.open(path.join(cacheDir(), 'library.sqlite'));
	const warnings = [...(libraryWarning ? [libraryWarning] : []), ...library.syncData(dataDir).map(error => `skipped ${error}`)];
	const taxonomy = library.taxonomy();
	const filter = {
		sector: resolveTaxonomy('sector', cli.flags.sector, taxonomy.sectors, name === 'feeds' ? [SECTOR_FROM_LINK] : []),
		edition: resolveTaxonomy('edition', cli.flags.edition, taxonomy.editions),
	};
	const {config, warning: configWarning} = ConfigFile.open();
	if (configWarning) warnings.push(configWarning);
	const defaults = loadDefaultFeeds(dataDir);
	if (defaults.error) warnings.push(`skipped ${defaults.error}`);
	const context: CommandContext = {
		library,
		taxonomy,
		bookmarks: new BookmarkStore(config),
		feeds: new FeedList(config, defaults.feeds),
		filter,
		flags: cli.flags,
		args,
	};

	if (name === undefined && process.stdin.isTTY && process.stdout.isTTY) {
		const {runBrowser} = await importWithoutFetch(async () => import('./browser.js'));
		await runBrowser({library, bookmarkStore: context.bookmarks, feeds: context.feeds, ...filter, warnings});
		return 0;
	}

	for (const line of warnings) warn(line);
	if (name === undefined) {
		list(context);
		warn('not a terminal, so printed the list; run devnews --help for commands.');
		return 0;
	}

	return (await COMMANDS[name](context)) ?? 0;
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		warn((error as Error).message);
		process.exitCode = error instanceof UsageError ? 2 : 1;
	},
);
