// Performs what a command asks beyond the state: quitting, opening a story
// (with its read mark, its saved position and, for a summary-only feed
// item, its full text), bookmarks, read marks, links and a feed refresh.
// Each ends in at most one status-line message; one that fails (a locked
// or full library, an unwritable config) says so there, and browsing goes on.
import {useRef} from 'react';
import {useApp} from 'ink';
import type {Effect} from '../core/commands.js';
import {needsFullStory} from '../core/article.js';
import {type Taxonomy} from '../core/taxonomy.js';
import {readerLines} from '../core/layout.js';
import type {Action} from '../core/state.js';
import type {ConfigFile} from '../config/config-file.js';
import {pruneOld} from '../config/settings.js';
import type {FeedList} from '../feeds/feed-list.js';
import {completeStory} from '../feeds/complete-story.js';
import type {RefreshOptions} from '../feeds/limits.js';
import type {Library} from '../library/store.js';
import type {Bookmarks} from './use-bookmarks.js';
import {findStory} from './use-story.js';

/** What the app asks of the outside world; tests pass their own. */
export type Outside = {
	openLink: (url: string) => Promise<{ok: true} | {ok: false; reason: string}>;
	/** Copies to the clipboard; `ok: false` when the copy cannot land, with why. */
	copy: (text: string) => Promise<{ok: true} | {ok: false; reason: string}>;
	/** Whether the terminal shows OSC 8 hyperlinks. */
	hyperlinks: boolean;
	/** Draws the whole screen again (Ctrl-l), where the renderer can. */
	repaint?: () => void;
	/** Limits for feed refreshes and page fetches. */
	refresh?: RefreshOptions;
};

type Deps = {
	library: Library;
	taxonomy: Taxonomy;
	feeds: FeedList;
	config: ConfigFile;
	bookmarks: Bookmarks;
	outside: Outside;
	width: number;
	dispatch: (action: Action) => void;
};

export function useEffects({library, taxonomy, feeds, config, bookmarks, outside, width, dispatch}: Deps): (effect: Effect) => void {
	const {exit} = useApp();
	// Set the moment a refresh starts, not after a render: two r presses that
	// arrive together must not both start one.
	const refreshing = useRef(false);
	const say = (text?: string) => dispatch({type: 'message', text});

	/** Runs `work`; whatever it throws, now or later, becomes one status line. */
	const guarded = (what: string, work: () => void | Promise<void>) => {
		const fail = (error: unknown) => say(`${what} failed: ${(error as Error).message}`);
		try {
			void Promise.resolve(work()).catch(fail);
		} catch (error) {
			fail(error);
		}
	};

	const openStory = async (id: string) => {
		const article = findStory(library, bookmarks.list, id);
		const {position} = library.reading(id);
		const lineCount = article ? readerLines(article, taxonomy, width).length : 0;
		dispatch({type: 'open', id, scroll: Math.round(position * lineCount), lineCount});
		library.setRead(id, true);
		if (!article || !needsFullStory(article)) return;
		say('Fetching the full story…');
		const {error} = await completeStory(library, article, outside.refresh);
		say(error ? `Full text not fetched yet (${error}); showing the summary.` : undefined);
	};

	const refresh = async () => {
		if (refreshing.current) {
			say('A refresh is already under way.');
			return;
		}

		const list = feeds.list();
		if (list.length === 0) {
			say('No feeds to refresh: add one with devnews feeds add URL.');
			return;
		}

		refreshing.current = true;
		try {
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
			// Old news goes after each refresh (keepDays in the config; bookmarks stay).
			const {removed, days, warning} = pruneOld(library, config, bookmarks.ids);
			const summary = `Refreshed ${list.length} feeds: ${progress.added} new${removed > 0 ? `, ${removed} older than ${days} days removed` : ''}`;
			const outcome = failures.length > 0 ? `${summary}, ${failures.length} failed — ${failures[0]}${failures.length > 1 ? ' (devnews fetch lists all)' : ''}` : `${summary}.`;
			say(warning ? `${outcome} ${warning}` : outcome);
		} finally {
			refreshing.current = false;
			dispatch({type: 'refresh'});
		}
	};

	return effect => {
		switch (effect.type) {
			case 'quit':
				exit();
				return;
			case 'repaint':
				outside.repaint?.();
				return;
			case 'openStory':
				guarded('Opening the story', async () => openStory(effect.id));
				return;
			case 'toggleRead':
				guarded('Marking it', () => {
					const read = !library.reading(effect.target.id).read;
					library.setRead(effect.target.id, read);
					say(`Marked ${read ? 'read' : 'unread'}: ${effect.target.title}`);
				});
				return;
			case 'refresh':
				guarded('The refresh', refresh);
				return;
			case 'toggleBookmark':
				guarded('Bookmarking', async () => {
					const added = await bookmarks.toggle(effect.target);
					say(`${added ? 'Bookmarked' : 'Removed bookmark'}: ${effect.target.title}`);
				});
				return;
			case 'openLink':
			case 'copyLink': {
				const {url} = effect.target;
				if (!url) {
					say('This story has no link.');
				} else if (effect.type === 'copyLink') {
					void outside.copy(url).then(result => say(result.ok ? `Copied (OSC 52): ${url}` : `Not copied: ${result.reason}: ${url}`));
				} else {
					void outside.openLink(url).then(result => say(result.ok ? `Opened ${url}` : `Could not open a browser (${result.reason}): ${url}`));
				}
			}
		}
	};
}
