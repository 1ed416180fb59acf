// devnews list, read and search.
import {setImmediate} from 'node:timers/promises';
import {truncate} from '../core/layout.js';
import {formatCount} from '../core/numbers.js';
import {taxonomyName} from '../core/taxonomy.js';
import {completeStory} from '../feeds/complete-story.js';
import {supportsHyperlinks} from '../terminal/links.js';
import {CommandError, needArgument, outputWidth, print, terminalWidth, UsageError, warn, type CommandContext} from './context.js';
import {isFromFeed, type ArticleRow} from '../core/article.js';
import {sourceTitle, titledSources} from '../core/pickers.js';
import {SEARCH_LIMIT} from '../library/ranked-search.js';
import {articleJson, jsonArrayWriter, jsonText, listText, readText, rowJson} from './output.js';

const BATCH = 500;

/**
 * Prints the rows as they are read, a batch at a time, up to --limit. The
 * event loop turns between batches, so that a reader gone (`| head`) is
 * heard of (endQuietlyWhenReaderLeaves) and devnews stops there: it went on
 * through the whole library, 100,000 rows taking as long after `head -1` as
 * into a file.
 */
async function printRows(context: CommandContext, query?: string): Promise<number> {
	const limit = context.flags.limit ?? Number.POSITIVE_INFINITY;
	const width = terminalWidth();
	const json = context.flags.json ? jsonArrayWriter(text => process.stdout.write(text)) : undefined;
	let printed = 0;
	let batch: ArticleRow[] = [];
	const flush = () => {
		if (batch.length === 0) return;
		if (json) for (const row of batch) json.item(rowJson(row));
		else print(listText(batch, context.taxonomy, width));
		batch = [];
	};

	for (const row of context.library.rows({...context.filter, query})) {
		if (printed++ >= limit) break;
		batch.push(row);
		if (batch.length === BATCH) {
			flush();
			await setImmediate(); // eslint-disable-line no-await-in-loop -- a turn of the event loop between batches, as above
		}
	}

	flush();
	if (json) json.end();
	else if (printed === 0) print(nothingMatches(context));
	return Math.min(printed, limit);
}

/** "No articles match in Economy & Business · South Asia.": the sector and edition asked for, in the site's words (an alias typed shows what it meant). */
function nothingMatches({filter, taxonomy}: CommandContext): string {
	const within = [filter.sector && taxonomyName(taxonomy.sectors, filter.sector), filter.edition && taxonomyName(taxonomy.editions, filter.edition)].filter(Boolean);
	return within.length > 0 ? `No articles match in ${within.join(' · ')}.` : 'No articles match.';
}

export async function list(context: CommandContext): Promise<void> {
	await printRows(context);
}

export async function search(context: CommandContext): Promise<void> {
	const query = context.args.join(' ').trim();
	if (!query) throw new UsageError('devnews search needs words to look for, e.g. devnews search ceasefire.');
	const printed = await printRows(context, query);
	if (printed === SEARCH_LIMIT && context.library.searchHasMore({...context.filter, query})) {
		warn(`more than ${formatCount(SEARCH_LIMIT)} stories match; these are the best of the ${formatCount(SEARCH_LIMIT)} most recently added. Add words to narrow the search.`);
	}
}

function findArticle(context: CommandContext, id: string) {
	const article = context.library.article(id);
	if (!article) throw new CommandError(`No article with id "${id}". Run devnews list to see ids.`);
	return article;
}

/** Prints a story; a feed item with only a summary gets its full text from its page first, when online. */
export async function read(context: CommandContext): Promise<void> {
	const {article, error} = await completeStory(context.library, findArticle(context, needArgument(context, 'an article id', 'devnews read')));
	if (error) warn(`fetching the story from its page failed (${truncate(error, 200)}); showing the summary.`);
	// Named as the browser's reader names it: the feed list's title, else the feed's own.
	const source = isFromFeed(article) ? sourceTitle(article.source, titledSources(context.feeds.list(), context.library.feedTitles())) : undefined;
	print(context.flags.json ? jsonText(articleJson(article, context.taxonomy)) : readText(article, context.taxonomy, outputWidth(), {hyperlinks: supportsHyperlinks(), fetchError: error, source, wholeLink: terminalWidth() === undefined}));
	// The story is printed whatever happens to its read mark (a locked or full library).
	try {
		context.library.setRead(article.id, true);
	} catch (error) {
		warn(`could not mark it read: ${(error as Error).message}.`);
	}
}
