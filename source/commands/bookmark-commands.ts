// devnews bookmarks, bookmark and unbookmark (each of the last two takes one or more ids).
import {articleRef} from '../core/article.js';
import {truncate} from '../core/layout.js';
import {findArticle} from './articles.js';
import {CommandError, needArgument, outputWidth, print, type CommandContext} from './context.js';
import {bookmarksText, jsonText} from './output.js';

export function bookmarks(context: CommandContext): void {
	const list = context.bookmarks.list();
	print(context.flags.json ? jsonText(list) : bookmarksText(list, outputWidth()));
}

function ids(context: CommandContext, usage: string): string[] {
	needArgument(context, 'one or more article ids', usage);
	return context.args;
}

export async function bookmark(context: CommandContext): Promise<void> {
	// Every id is checked before any is saved: a typo saves nothing.
	const articles = ids(context, 'devnews bookmark').map(id => findArticle(context, id));
	for (const article of articles) {
		// One locked change each, in order, so a bookmark is on disk the moment it is printed.
		await context.bookmarks.add(articleRef(article, context.taxonomy)); // eslint-disable-line no-await-in-loop -- one locked change at a time
		print(truncate(`Bookmarked: ${article.title}`, outputWidth()));
	}
}

export async function unbookmark(context: CommandContext): Promise<void> {
	const missing: string[] = [];
	for (const id of ids(context, 'devnews unbookmark')) {
		if (await context.bookmarks.remove(id)) print(`Removed bookmark: ${id}`); // eslint-disable-line no-await-in-loop -- one locked change at a time
		else missing.push(id);
	}

	if (missing.length > 0) throw new CommandError(`${missing.map(id => `"${id}"`).join(', ')} ${missing.length === 1 ? 'was' : 'were'} not bookmarked.`);
}
