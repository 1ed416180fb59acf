// Performs what a command asks beyond the state: quitting, opening a story
// (with its read mark, its saved position and, for a summary-only feed
// item, its full text), bookmarks, read marks, links and a feed refresh.
// Each ends in at most one status-line message.
import {useApp} from 'ink';
import type {Effect} from '../core/commands.js';
import type {Taxonomy} from '../core/article.js';
import {readerLines} from '../core/layout.js';
import type {Action} from '../core/state.js';
import type {FeedList} from '../feeds/feed-list.js';
import {needsFullStory} from '../core/article.js';
import type {RefreshOptions} from '../feeds/limits.js';
import type {Library} from '../library/store.js';
import type {Bookmarks} from './use-bookmarks.js';
import {findStory} from './use-story.js';

/** What the app asks of the outside world; tests pass their own. */
export type Outside = {
	openLink: (url: string) => Promise<{ok: true} | {ok: false; reason: string}>;
	copy: (text: string) => void;
	/** Whether the terminal shows OSC 8 hyperlinks. */
	hyperlinks: boolean;
	/** Limits for feed refreshes and page fetches. */
	refresh?: RefreshOptions;
};

type Deps = {
	library: Library;
	taxonomy: Taxonomy;
	feeds: FeedList;
	bookmarks: Bookmarks;
	outside: Outside;
	width: number;
	refreshing: boolean;
	dispatch: (action: Action) => void;
};

export function useEffects({library, taxonomy, feeds, bookmarks, outside, width, refreshing, dispatch}: Deps): (effect: Effect) => void {
	const {exit} = useApp();
	const say = (text: string) => dispatch({type: 'message', text});

	const completeStory = async (id: string) => {
		const article = library.article(id);
		if (!article || !needsFullStory(article)) return;
		say('Fetching the full story…');
		const {fetchFullStory} = await import('../feeds/full-story.js');
		try {
			const full = await fetchFullStory(article, outside.refresh);
			library.upsert([full], full.source);
			dispatch({type: 'libraryChanged'});
			dispatch({type: 'message'});
		} catch (error) {
			say(`Full text not fetched yet (${(error as Error).message}); showing the summary.`);
		}
	};

	const refresh = async () => {
		if (refreshing) {
			say('A refresh is already under way.');
			return;
		}

		const list = feeds.list();
		if (list.length === 0) {
			say('No feeds to refresh: add one with devnews feeds add URL.');
			return;
		}

		const {refreshFeeds} = await import('../feeds/refresh.js');
		const progress = {done: 0, total: list.length, added: 0, failed: 0};
		dispatch({type: 'refresh', progress});
		const failures: string[] = [];
		await refreshFeeds(list, library, outside.refresh, ({done, last}) => {
			if (last.status === 'updated') progress.added += last.added;
			if (last.status === 'failed') {
				progress.failed++;
				failures.push(`${last.url}: ${last.reason}`);
			}

			dispatch({type: 'refresh', progress: {...progress, done}});
		});
		dispatch({type: 'refresh'});
		dispatch({type: 'libraryChanged'});
		const summary = `Refreshed ${list.length} feeds: ${progress.added} new`;
		say(failures.length > 0 ? `${summary}, ${failures.length} failed — ${failures[0]}${failures.length > 1 ? ' (devnews fetch lists all)' : ''}` : `${summary}.`);
	};

	return effect => {
		switch (effect.type) {
			case 'quit':
				exit();
				return;
			case 'openStory': {
				const article = findStory(library, bookmarks.list, effect.id);
				const {position} = library.reading(effect.id);
				const lineCount = article ? readerLines(article, taxonomy, width).length : 0;
				dispatch({type: 'open', id: effect.id, scroll: Math.round(position * lineCount)});
				library.setRead(effect.id, true);
				dispatch({type: 'libraryChanged'});
				void completeStory(effect.id);
				return;
			}

			case 'toggleRead': {
				const read = !library.reading(effect.target.id).read;
				library.setRead(effect.target.id, read);
				dispatch({type: 'libraryChanged'});
				say(`Marked ${read ? 'read' : 'unread'}: ${effect.target.title}`);
				return;
			}

			case 'refresh':
				void refresh();
				return;
			case 'toggleBookmark':
				bookmarks.toggle(effect.target).then(
					added => say(`${added ? 'Bookmarked' : 'Removed bookmark'}: ${effect.target.title}`),
					(error: unknown) => say((error as Error).message),
				);
				return;
			case 'openLink':
			case 'copyLink': {
				const {url} = effect.target;
				if (!url) {
					say('This story has no link.');
				} else if (effect.type === 'copyLink') {
					outside.copy(url);
					say(`Copied (OSC 52): ${url}`);
				} else {
					void outside.openLink(url).then(result => say(result.ok ? `Opened ${url}` : `Could not open a browser (${result.reason}): ${url}`));
				}
			}
		}
	};
}
