// devnews bookmarks, bookmark and unbookmark. The last two take one or
// more ids and say the same things in the same situations: every id is
// checked first (one that names neither an article nor a bookmark changes
// nothing), then one line an id, naming it and its title: done, or
// already so.
import {articleRef, type Article} from '../core/article.js';
import {truncate} from '../core/layout.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {CommandError, needArgument, outputWidth, print, terminalWidth, type CommandContext} from './context.js';
import {bookmarksText, jsonText} from './output.js';

export function bookmarks(context: CommandContext): void {
	const list = context.bookmarks.list();
	print(context.flags.json ? jsonText(list) : bookmarksText(list, terminalWidth()));
}

/** An id asked for, with its article (none when only its bookmark is left) and the title either gives it. */
type Named = {id: string; title: string; article?: Article};

/** The ids given, each with its title; a CommandError naming every id that names nothing, before anything is changed. */
function namedIds(context: CommandContext, usage: string): Named[] {
	needArgument(context, 'one or more article ids', usage);
	const saved = new Map(context.bookmarks.list().map(bookmark => [bookmark.id, bookmark.title]));
	const named = context.args.map(id => {
		const article = context.library.article(id);
		return {id, title: article?.title ?? saved.get(id), article};
	});
	const unknown = named.filter(entry => entry.title === undefined).map(entry => sanitizeLine(JSON.stringify(entry.id)));
	if (unknown.length > 0) {
		throw new CommandError(`No article or bookmark with id ${unknown.join(', ')}; nothing changed. Run devnews list or devnews bookmarks to see ids.`);
	}

	return named as Named[];
}

/** "Bookmarked 3710216: Leaked Call Sparks…": the id always whole, the title cut to the width. */
const said = (what: string, {id, title}: Named) => print(truncate(`${what} ${id}: ${title}`, outputWidth()));

export async function bookmark(context: CommandContext): Promise<void> {
	for (const entry of namedIds(context, 'devnews bookmark')) {
		// An id without its article is a bookmark's whose article has left the library.
		if (context.bookmarks.has(entry.id) || !entry.article) {
			said('Already bookmarked', entry);
			continue;
		}

		// One locked change each, in order, so a bookmark is on disk the moment it is printed.
		await context.bookmarks.add(articleRef(entry.article, context.taxonomy)); // eslint-disable-line no-await-in-loop -- one locked change at a time
		said('Bookmarked', entry);
	}
}

export async function unbookmark(context: CommandContext): Promise<void> {
	for (const entry of namedIds(context, 'devnews unbookmark')) {
		// eslint-disable-next-line no-await-in-loop -- one locked change at a time
		said((await context.bookmarks.remove(entry.id)) ? 'Unbookmarked' : 'Not bookmarked', entry);
	}
}
