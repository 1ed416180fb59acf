// The command line: flags become one command, or the browser.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {OTHER, type TaxonomyEntry} from './core/article.js';
import {KEY_HELP} from './core/keymap.js';
import {BookmarkStore} from './bookmarks/bookmark-store.js';
import {ConfigFile} from './config/config-file.js';
import {FeedList, loadDefaultFeeds, SECTOR_FROM_LINK} from './feeds/feed-list.js';
import {Library} from './library/store.js';
import {cacheDir} from './paths.js';
import {list, read, search} from './commands/articles.js';
import {bookmark, bookmarks, unbookmark} from './commands/bookmark-commands.js';
import {CommandError, UsageError, warn, type CommandContext} from './commands/context.js';
import {feeds, fetchFeeds} from './commands/feed-commands.js';

const HELP = `
  Usage
    $ devnews                          browse: the list, a reader, bookmarks
    $ devnews list                     print the list
    $ devnews read ID                  print one story with its metadata
    $ devnews search WORDS             full-text search, best matches first
    $ devnews bookmarks                print your bookmarks
    $ devnews bookmark ID / unbookmark ID
    $ devnews fetch                    refresh the feeds into the library
    $ devnews feeds                    list the feeds
    $ devnews feeds add URL [--sector S|from-link] [--edition E]
    $ devnews feeds remove URL
    $ devnews feeds import FILE.opml / export

  Options
    --sector ID|NAME    only this sector (e.g. politics, "Science & Environment")
    --edition ID|NAME   only this edition (e.g. global, India)
    --json              print JSON (list, read, search, bookmarks, feeds)
    --limit N           at most N articles (list, search)
    --data DIR          read articles from DIR instead of the shipped data
    --concurrency N     feeds fetched at once (fetch; default 4)
    --timeout S         seconds allowed per feed (fetch; default 15)
    --max-bytes N       largest response accepted (fetch; default 5 MB)
    --help, --version

  Files
    Bookmarks, feeds:  $XDG_CONFIG_HOME/devnews/config.json
    Library:           $XDG_CACHE_HOME/devnews/library.sqlite (delete it to reset)

  Keys in the browser
${KEY_HELP.map(([keys, does]) => `    ${keys.padEnd(24)}${does}`).join('\n')}
`;

type Run = (context: CommandContext) => void | number | Promise<void | number>;

const COMMANDS: Record<string, Run> = {list, read, search, bookmarks, bookmark, unbookmark, feeds, fetch: fetchFeeds};

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

async function main(): Promise<number> {
	const cli = meow(HELP, {
		importMeta: import.meta,
		flags: {
			sector: {type: 'string'},
			edition: {type: 'string'},
			json: {type: 'boolean', default: false},
			limit: {type: 'number'},
			data: {type: 'string'},
			concurrency: {type: 'number'},
			timeout: {type: 'number'},
			maxBytes: {type: 'number'},
		},
		allowUnknownFlags: false,
	});
	const [name, ...args] = cli.input;
	if (name !== undefined && !(name in COMMANDS)) {
		throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. See devnews --help.`);
	}

	if (cli.flags.limit !== undefined && !(Number.isInteger(cli.flags.limit) && cli.flags.limit >= 1)) {
		throw new UsageError('--limit takes a whole number of at least 1.');
	}

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
		const {runBrowser} = await import('./browser.js');
		await runBrowser({library, bookmarkStore: context.bookmarks, feeds: context.feeds, ...filter, warnings});
		return 0;
	}

	for (const line of warnings) warn(line);
	if (name === undefined) {
		list(context);
		warn('not a terminal, so printed the list; run devnews --help for commands.');
		return 0;
	}

	return (await COMMANDS[name]!(context)) ?? 0;
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
