// The command line: flags become one command, or the browser.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import type {Taxonomy, TaxonomyEntry} from './core/article.js';
import {OTHER} from './core/article.js';
import {BookmarkStore} from './bookmarks/bookmark-store.js';
import {ConfigFile} from './config/config-file.js';
import {Library} from './library/store.js';
import {cacheDir} from './paths.js';
import {truncate} from './core/layout.js';
import {KEY_HELP} from './core/keymap.js';
import {supportsHyperlinks} from './terminal/links.js';
import {bookmarksText, jsonText, listText, readText, rowJson} from './commands/output.js';

const HELP = `
  Usage
    $ devnews                         browse (the list, a reader, bookmarks)
    $ devnews list                    print the list
    $ devnews read ID                 print one story with its metadata
    $ devnews bookmarks               print your bookmarks
    $ devnews bookmark ID             bookmark a story
    $ devnews unbookmark ID           remove a bookmark

  Options
    --sector ID|NAME    only this sector (e.g. politics, "Science & Environment")
    --edition ID|NAME   only this edition (e.g. global, India)
    --json              print JSON (list, read, bookmarks)
    --limit N           at most N articles (list)
    --data DIR          read articles from DIR instead of the shipped data
    --help, --version

  Files
    Bookmarks: $XDG_CONFIG_HOME/devnews/config.json
    Library:   $XDG_CACHE_HOME/devnews/library.sqlite (rebuilt when lost)

  Keys in the browser
${KEY_HELP.map(([keys, does]) => `    ${keys.padEnd(24)}${does}`).join('\n')}
`;

const COMMANDS = ['list', 'read', 'bookmarks', 'bookmark', 'unbookmark'] as const;
type CommandName = (typeof COMMANDS)[number];

/** A mistake in how devnews was called: one message, exit code 2. */
class UsageError extends Error {}

/** Something the user asked for is not there: one message, exit code 1. */
class NotFoundError extends Error {}

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function resolveTaxonomy(kind: 'sector' | 'edition', value: string | undefined, entries: TaxonomyEntry[]): string | undefined {
	if (value === undefined) return undefined;
	const wanted = value.trim().toLowerCase();
	if (wanted === OTHER) return OTHER;
	const found = entries.find(entry => entry.id === wanted || entry.name.toLowerCase() === wanted);
	if (found) return found.id;
	const valid = [...entries.map(entry => `${entry.id} (${entry.name})`), 'other'].join(', ');
	throw new UsageError(`Unknown ${kind} "${value}". Valid ${kind}s: ${valid}.`);
}

function parseLimit(value: number | undefined): number {
	if (value === undefined) return Number.MAX_SAFE_INTEGER;
	if (!Number.isInteger(value) || value < 1) throw new UsageError('--limit takes a whole number of at least 1.');
	return value;
}

const terminalWidth = (): number | undefined => (process.stdout.isTTY ? process.stdout.columns || 80 : undefined);

/** Text is wrapped to the terminal, or to 80 columns when it goes to a pipe or a file. */
const outputWidth = (): number => terminalWidth() ?? 80;

function print(text: string): void {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function warn(text: string): void {
	process.stderr.write(`devnews: ${text}\n`);
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
		},
		allowUnknownFlags: false,
	});
	const [name, ...args] = cli.input;
	if (name !== undefined && !COMMANDS.includes(name as CommandName)) {
		throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.join(', ')}. See devnews --help.`);
	}

	const dataDir = path.resolve(cli.flags.data ?? path.join(packageRoot, 'data'));
	const {library, warning: libraryWarning} = Library.open(path.join(cacheDir(), 'library.sqlite'));
	const warnings = [...(libraryWarning ? [libraryWarning] : []), ...library.syncData(dataDir).map(error => `skipped ${error}`)];
	const taxonomy: Taxonomy = library.taxonomy();
	const filter = {
		sector: resolveTaxonomy('sector', cli.flags.sector, taxonomy.sectors),
		edition: resolveTaxonomy('edition', cli.flags.edition, taxonomy.editions),
	};
	const {config, warning: configWarning} = ConfigFile.open();
	if (configWarning) warnings.push(configWarning);
	const bookmarks = new BookmarkStore(config);

	const interactive = name === undefined && process.stdin.isTTY && process.stdout.isTTY;
	if (!interactive) for (const line of warnings) warn(line);

	const command: CommandName = name === undefined ? 'list' : (name as CommandName);
	if (interactive) {
		const {runBrowser} = await import('./browser.js');
		await runBrowser({library, bookmarkStore: bookmarks, ...filter, warnings});
		return 0;
	}

	const needId = () => {
		const id = args[0];
		if (!id) throw new UsageError(`devnews ${command} needs an article id. Run devnews list to see ids.`);
		return id;
	};

	const findArticle = (id: string) => {
		const article = library.article(id);
		if (!article) throw new NotFoundError(`No article with id "${id}". Run devnews list to see ids.`);
		return article;
	};

	switch (command) {
		case 'list': {
			const rows = library.page(filter, 0, parseLimit(cli.flags.limit));
			if (cli.flags.json) print(jsonText(rows.map(row => rowJson(row))));
			else if (rows.length === 0) print('No articles match.');
			else print(listText(rows, taxonomy, terminalWidth()));
			if (name === undefined) warn('not a terminal, so printed the list; run devnews --help for commands.');
			return 0;
		}

		case 'read': {
			const article = findArticle(needId());
			print(cli.flags.json ? jsonText(article) : readText(article, taxonomy, outputWidth(), supportsHyperlinks()));
			return 0;
		}

		case 'bookmarks': {
			const list = bookmarks.list();
			print(cli.flags.json ? jsonText(list) : bookmarksText(list, outputWidth()));
			return 0;
		}

		case 'bookmark': {
			const article = findArticle(needId());
			await bookmarks.add({
				id: article.id,
				title: article.title,
				url: article.url,
				sector: article.sector,
				edition: article.edition,
				createdAt: article.createdAt,
			});
			print(truncate(`Bookmarked: ${article.title}`, outputWidth()));
			return 0;
		}

		case 'unbookmark': {
			const id = needId();
			if (!(await bookmarks.remove(id))) throw new NotFoundError(`"${id}" was not bookmarked.`);
			print(`Removed bookmark: ${id}`);
			return 0;
		}
	}
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UsageError) {
			warn(error.message);
			process.exitCode = 2;
		} else if (error instanceof NotFoundError) {
			warn(error.message);
			process.exitCode = 1;
		} else {
			warn((error as Error).message);
			process.exitCode = 1;
		}
	},
);
