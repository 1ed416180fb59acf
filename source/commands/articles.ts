// devnews list, read and search.
import {truncate} from '../core/layout.js';
import {needsFullStory} from '../core/article.js';
import {supportsHyperlinks} from '../terminal/links.js';
import {CommandError, needArgument, outputWidth, print, terminalWidth, warn, type CommandContext} from './context.js';
import {jsonText, listText, readText, rowJson} from './output.js';

function printRows(context: CommandContext, query?: string): void {
	const rows = context.library.page({...context.filter, query}, 0, context.flags.limit ?? Number.MAX_SAFE_INTEGER);
	if (context.flags.json) print(jsonText(rows.map(row => rowJson(row))));
	else if (rows.length === 0) print('No articles match.');
	else print(listText(rows, context.taxonomy, terminalWidth()));
}

export function list(context: CommandContext): void {
	printRows(context);
}

export function search(context: CommandContext): void {
	const query = context.args.join(' ').trim();
	if (!query) throw new CommandError('devnews search needs words to look for, e.g. devnews search ceasefire.');
	printRows(context, query);
}

export function findArticle(context: CommandContext, id: string) {
	const article = context.library.article(id);
	if (!article) throw new CommandError(`No article with id "${id}". Run devnews list to see ids.`);
	return article;
}

/** Prints a story; a feed item with only a summary gets its full text from its page first, when online. */
export async function read(context: CommandContext): Promise<void> {
	let article = findArticle(context, needArgument(context, 'an article id', 'devnews read'));
	if (needsFullStory(article)) {
		const {fetchFullStory} = await import('../feeds/full-story.js');
		try {
			article = await fetchFullStory(article);
			context.library.upsert([article], article.source);
		} catch (error) {
			warn(`full text not fetched yet (${truncate((error as Error).message, 200)}); showing the summary.`);
		}
	}

	context.library.setRead(article.id, true);
	print(context.flags.json ? jsonText(article) : readText(article, context.taxonomy, outputWidth(), supportsHyperlinks()));
}
