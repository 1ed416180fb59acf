// devnews bookmarks, bookmark and unbookmark.
import {articleRef} from '../core/article.js';
import {truncate} from '../core/layout.js';
import {findArticle} from './articles.js';
import {CommandError, needArgument, outputWidth, print, type CommandContext} from './context.js';
import {bookmarksText, jsonText} from './output.js';

export function bookmarks(context: CommandContext): void {
	const list = context.bookmarks.list();
	print(context.flags.json ? jsonText(list) : bookmarksText(list, outputWidth()));
}

export async function bookmark(context: CommandContext): Promise<void> {
	const article = findArticle(context, needArgument(context, 'an article id', 'devnews bookmark'));
	await context.bookmarks.add(articleRef(article));
	print(truncate(`Bookmarked: ${article.title}`, outputWidth()));
}

export async function unbookmark(context: CommandContext): Promise<void> {
	const id = needArgument(context, 'an article id', 'devnews unbookmark');
	if (!(await context.bookmarks.remove(id))) throw new CommandError(`"${id}" was not bookmarked.`);
	print(`Removed bookmark: ${id}`);
}
