// Performs what a command asks beyond the state: quitting, opening a story
// (with its read mark, its saved position and, for a summary-only feed
// item, its full text), the pickers' entries, the next unread, marking a
// whole list read and undoing it, bookmarks, read marks, settings kept for
// the next start, links and a feed refresh. Each ends in at most one
// status-line message; one that fails (a locked or full library, an
// unwritable config) says so there, and browsing goes on. After a refresh,
// the newest summary-only stories are completed from their pages in the
// background, the progress on the status line.
import {useEffect, useRef, useState} from 'react';
import {useApp} from 'ink';
import type {Effect, Saved} from '../core/commands.js';
import {needsFullStory, type ArticleRow} from '../core/article.js';
import type {KeyNames} from '../core/bindings.js';
import {counted, formatCount} from '../core/numbers.js';
import {noUnreadHere} from '../core/list-words.js';
import {nextUnreadIn} from '../core/next-unread.js';
import {currentEntry, sourceOrder, sourceTitle, type Source} from '../core/pickers.js';
import {SORT_NAMES} from '../core/sort.js';
import type {Action, Picker, State} from '../core/state.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {fetchReport} from '../commands/fetch-report.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import type {ConfigFile} from '../config/config-file.js';
import {pruneOld, saveSetting} from '../config/settings.js';
import type {Feed, FeedList} from '../feeds/feed-list.js';
import {completeStory} from '../feeds/complete-story.js';
import type {HostTurns} from '../feeds/host-turns.js';
import type {RefreshOptions} from '../feeds/limits.js';
import {markMany} from '../library/bulk-marks.js';
import type {Library, ListFilter} from '../library/store.js';
import type {LinkResult} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {Bookmarks} from './use-bookmarks.js';
import {pickerEntries} from './use-picker.js';
import {findStory} from './use-story.js';

/** What the app asks of the outside world; tests pass their own. */
export type Outside = {
	openLink: (url: string) => Promise<LinkResult>;
	/** Copies to the clipboard; `ok: false` when the copy cannot land, with why. */
	copy: (text: string) => Promise<LinkResult>;
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
	state: State;
	/** The list's filter as on screen. */
	filter: ListFilter;
	/** Rows in the list on screen, and the selected one's id. */
	count: number;
	selectedId?: string;
	/** The list on screen, where it is held whole (the bookmarks view). */
	held?: ArticleRow[];
	/** The feeds, by title, the reader names a story's source with. */
	sources: Source[];
	/** How many summary-only stories a refresh completes from their pages (the complete setting). */
	complete: number;
	dispatch: (action: Action) => void;
};

/** "u or A undoes": the keys that undo, as the user has them (a removed bookmark's, b alone: keymap.ts). */
function undoKeys(keys: KeyNames, again: NonNullable<State['undo']>): string {
	const named = [again === 'bookmark' ? undefined : keys.toggleRead, keys[again]].filter(Boolean);
	return named.length > 0 ? ` — ${named.join(' or ')} undoes` : '';
}

const SAVED_WORDS: {[K in Saved['key']]: (value: Extract<Saved, {key: K}>['value']) => string} = {
	sort: sort => `Sorted ${SORT_NAMES[sort]}`,
	unreadOnly: only => (only ? 'Showing unread stories only' : 'Showing all stories'),
};

export function useEffects(deps: Deps): (effect: Effect) => void {
	const {library, taxonomy, feeds, config, bookmarks, outside, state, filter, count, selectedId, held, sources, complete, dispatch} = deps;
	const {exit} = useApp();
	// Set the moment a refresh starts, not after a render: two r presses that
	// arrive together must not both start one.
	const refreshing = useRef(false);
	// What the undo on offer puts back: the rowids a mark of many made read, or the bookmark b removed.
	const undoable = useRef<number[]>([]);
	const removedBookmark = useRef<Bookmark | undefined>(undefined);
	// Set while many stories are being marked: one such mark at a time.
	const marking = useRef(false);
	// The story in the reader, as of the last screen drawn or an open just asked for: the completion leaves it as it is.
	const reading = useRef<string | undefined>(undefined);
	const readerId = state.reader?.id;
	useEffect(() => {
		reading.current = readerId;
	}, [readerId]);
	// The completion under way (a new refresh's replaces it), and what the session's completions share:
	// the turns at each host (two requests at a time, its Retry-After) and the pages that failed.
	const completing = useRef<AbortController | undefined>(undefined);
	const session = useRef<{hosts?: HostTurns; failed: Set<string>}>({failed: new Set()});
	// Set when the browser is gone (quitting): a refresh under way, and the open story's page, give up
	// their requests, as newsboat's refresh does, where devnews went on waiting for them (up to their
	// timeout) with its screen already gone.
	const [left] = useState(() => new AbortController());
	// Quitting stops them: nothing is written after the browser is gone.
	useEffect(
		() => () => {
			completing.current?.abort();
			left.abort();
		},
		[left],
	);
	const say = (text?: string) => dispatch({type: 'message', text});

	/** Runs `work`; whatever it throws, now or later, becomes one status line. */
	const guarded = (what: string, work: () => void | Promise<void>) => {
		// A damaged library is repaired (which says so) rather than reported; the key may be pressed again.
		const fail = (error: unknown) => {
			if (!library.repairAfter(error)) say(`${what} failed: ${(error as Error).message}`);
		};
		try {
			void Promise.resolve(work()).catch(fail);
		} catch (error) {
			fail(error);
		}
	};

	const openStory = async (id: string) => {
		const article = findStory(library, bookmarks.list, id);
		reading.current = id;
		// The reader lays the story out (useStory) and scrolls to where it was left.
		dispatch({type: 'open', id, position: library.reading(id).position});
		library.setRead(id, true);
		if (!article || !needsFullStory(article)) return;
		const fetching = 'Fetching the full story…';
		say(fetching);
		// Quitting gives the page's request up, as it does a refresh's.
		const {error} = await completeStory(library, article, outside.refresh, left.signal);
		if (left.signal.aborted) return;
		// What was said since (a mark's undo on offer among them) stays.
		dispatch({type: 'messageOver', text: fetching});
		if (error) dispatch({type: 'storyFetchFailed', id, reason: error});
	};

	const openPicker = (picker: Picker) => {
		const entries = pickerEntries(library, picker, filter, taxonomy, sources);
		const current = picker === 'sector' ? state.sector : picker === 'edition' ? state.edition : state.source;
		dispatch({type: 'openPicker', picker, selected: currentEntry(entries, current), count: entries.length});
	};

	/**
	 * In a source's view with no unread left, the next source (the previous, going back) in the
	 * picker's order that holds unread stories, going round: where newsboat's n goes on to the
	 * next feed. Not from a search or the bookmarks, which are not a source's view.
	 */
	const otherSourceWithUnread = (backwards: boolean): string | undefined => {
		if (held || state.source === undefined || state.query) return undefined;
		const counts = library.countsBy('source', filter);
		const order = sourceOrder(sources, counts);
		const at = order.indexOf(state.source);
		const around = [...order.slice(at + 1), ...order.slice(0, Math.max(0, at))];
		return (backwards ? around.reverse() : around).find(url => (counts.get(url)?.unread ?? 0) > 0);
	};

	/** The next (or previous) unread in the list from the selection, or from the open story; opened if a story is. */
	const nextUnread = async (backwards: boolean) => {
		const from = state.reader?.id ?? selectedId;
		const found = held ? nextUnreadIn(held, from, backwards) : library.nextUnread(filter, from, backwards);
		const next = found ? undefined : otherSourceWithUnread(backwards);
		if (next !== undefined) {
			const nextFilter = {...filter, source: next};
			const landed = library.nextUnread(nextFilter, undefined, backwards);
			if (landed) {
				dispatch({type: 'setSource', source: next});
				dispatch({type: 'select', index: landed.index, count: Math.max(library.count(nextFilter).total, landed.index + 1)});
				say(`On to ${sourceTitle(next, sources)}: ${sourceTitle(state.source!, sources)} has no unread stories left.`);
				if (state.reader) await openStory(landed.id);
				return;
			}
		}

		if (!found) {
			const here = held ? held.filter(row => !row.read).length : library.count(filter).unread;
			say(noUnreadHere(state, backwards, library.count().unread - here));
			return;
		}

		dispatch({type: 'select', index: found.index, count: Math.max(count, found.index + 1)});
		if (found.wrapped) say(backwards ? 'Went round to the last unread story.' : 'Went round to the first unread story.');
		if (state.reader) await openStory(found.id);
	};

	/** Marks many stories a batch at a time (bulk-marks.ts), the progress on the status line; one such mark at a time. */
	const markAll = async (rowids: number[], read: boolean): Promise<number[] | undefined> => {
		if (marking.current) {
			say('Still marking the stories of the last A or C…');
			return undefined;
		}

		marking.current = true;
		try {
			return await markMany(library, rowids, read, done => say(`Marking ${formatCount(done)} of ${counted(rowids.length, 'story', 'stories')} ${read ? 'read' : 'unread'}…`));
		} finally {
			marking.current = false;
		}
	};

	const markAllRead = async (everywhere: boolean) => {
		const rowids = everywhere ? library.unreadIn({}) : held ? library.rowidsOf(held.map(row => row.id)) : library.unreadIn(filter);
		const changed = await markAll(rowids, true);
		if (!changed) return;
		if (changed.length === 0) {
			say(everywhere ? 'Every story is read already.' : 'Every story in this view is read already.');
			return;
		}

		undoable.current = changed;
		const again = everywhere ? 'markEverythingRead' : 'markAllRead';
		dispatch({
			type: 'offerUndo',
			undo: again,
			text: `Marked ${counted(changed.length, 'story', 'stories')} read${everywhere ? ' everywhere' : ''}${undoKeys(state.keys, again)}.`,
		});
	};

	const undo = async () => {
		if (state.undo === 'bookmark' && removedBookmark.current) {
			const bookmark = removedBookmark.current;
			removedBookmark.current = undefined;
			// Back in its place among the bookmarks, newest first, and selected there.
			const savedAt = new Map(bookmarks.list.map(entry => [entry.id, entry.savedAt]));
			const rows = held ?? [];
			const index = rows.filter(row => (savedAt.get(row.id) ?? '') > bookmark.savedAt).length;
			await bookmarks.restore(bookmark);
			dispatch({type: 'select', index, count: rows.length + 1});
			say(`Bookmarked again: ${bookmark.title}`);
			return;
		}

		const restored = await markAll(undoable.current, false);
		if (!restored) return;
		undoable.current = [];
		say(`Marked ${counted(restored.length, 'story', 'stories')} unread again.`);
	};

	/**
	 * Completes the newest summary-only stories from their pages (feeds/complete-stories.ts), the progress on
	 * the status line beside the refresh's outcome, which stays: the stories themselves show what came of it.
	 */
	const completeInBackground = async () => {
		completing.current?.abort();
		if (complete === 0) return;
		const stop = new AbortController();
		completing.current = stop;
		try {
			const [{completeStories}, {HostTurns}] = await Promise.all([import('../feeds/complete-stories.js'), import('../feeds/host-turns.js')]);
			session.current.hosts ??= new HostTurns();
			await completeStories(library, {
				count: complete,
				limits: outside.refresh,
				hosts: session.current.hosts,
				stop: stop.signal,
				reading: id => id === reading.current,
				failedBefore: session.current.failed,
				onProgress: progress => dispatch({type: 'completing', progress}),
			});
		} finally {
			if (completing.current === stop) {
				completing.current = undefined;
				dispatch({type: 'completing'});
			}
		}
	};

	const refresh = async (all: boolean) => {
		if (refreshing.current) {
			say('A refresh is already under way.');
			return;
		}

		const everything = feeds.list();
		const one = all || !state.source ? undefined : everything.find(feed => feed.url === state.source);
		if (!all && state.source && !one) {
			// The shipped stories, or a feed removed from the list whose stories are kept: nothing of its own to fetch.
			const every = state.keys.refreshAll ? ` — ${state.keys.refreshAll} refreshes every feed` : '';
			say(`${sourceTitle(state.source, sources)} is not one of your feeds${every}.`);
			return;
		}

		const list: Feed[] = one ? [one] : everything;
		if (list.length === 0) {
			say('No feeds to refresh: add one with devnews feeds add URL.');
			return;
		}

		refreshing.current = true;
		try {
			const {refreshFeeds} = await import('../feeds/refresh.js');
			const progress = {done: 0, total: list.length, added: 0, failed: 0};
			dispatch({type: 'refresh', progress});
			// The failures as devnews fetch reports them: a host none of whose sources answer is one line (no network: one, not seventeen).
			const report = fetchReport(list.map(feed => feed.url));
			const failures: string[] = [];
			// Held back by the report until its host's other sources are in; said as it is if the refresh ends first.
			let firstFailure: string | undefined;
			await refreshFeeds(list, library, outside.refresh, ({done, last}) => {
				if (last.status === 'updated') progress.added += last.added;
				if (last.status === 'failed') {
					progress.failed++;
					firstFailure ??= sanitizeLine(`${last.url}: ${last.reason}`);
				}

				for (const line of report(last)) if (line.failed) failures.push(sanitizeLine(line.text));
				dispatch({type: 'refresh', progress: {...progress, done}});
			}, left.signal);
			if (left.signal.aborted) return;
			// Old news goes after each refresh (keepDays in the config; bookmarks stay).
			const {removed, days, warning} = pruneOld(library, config, bookmarks.ids);
			// The source by the name the header and the picker give it (a feed's own title when the list has none).
			const what = one ? `Refreshed ${sourceTitle(one.url, sources)}` : `Refreshed ${counted(list.length, 'feed')}`;
			const summary = `${what}: ${formatCount(progress.added)} new${removed > 0 ? `, ${formatCount(removed)} older than ${counted(days, 'day')} removed` : ''}`;
			const outcome = progress.failed > 0 ? `${summary}, ${formatCount(progress.failed)} failed — ${failures[0] ?? firstFailure}${failures.length > 1 ? ' (devnews fetch lists all)' : ''}` : `${summary}.`;
			// A mark's undo on offer (A pressed during the refresh) stays, after the outcome.
			dispatch({type: 'aside', text: warning ? `${outcome} ${warning}` : outcome});
		} finally {
			refreshing.current = false;
			dispatch({type: 'refresh'});
		}

		guarded('Completing stories', completeInBackground);
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
			case 'openPicker':
				guarded('Counting', () => openPicker(effect.picker));
				return;
			case 'nextUnread':
				guarded('Finding the next unread story', async () => nextUnread(effect.backwards));
				return;
			case 'markAllRead':
				guarded('Marking them read', async () => markAllRead(effect.everywhere));
				return;
			case 'undo':
				guarded('Undoing', async () => undo());
				return;
			case 'toggleRead':
				guarded('Marking it', () => {
					const read = !library.reading(effect.target.id).read;
					library.setRead(effect.target.id, read);
					say(`Marked ${read ? 'read' : 'unread'}: ${effect.target.title}`);
				});
				return;
			case 'save': {
				const {setting} = effect;
				say(`${(SAVED_WORDS[setting.key] as (value: unknown) => string)(setting.value)}.`);
				// Kept for the next start; a config that cannot be written says so, and the choice holds for now.
				void saveSetting(config, setting.key, setting.value).catch((error: unknown) => say(`${(error as Error).message} (the choice holds until you quit)`));
				return;
			}

			case 'refresh':
				guarded('The refresh', async () => refresh(effect.all));
				return;
			case 'toggleBookmark':
				guarded('Bookmarking', async () => {
					const bookmark = bookmarks.list.find(entry => entry.id === effect.target.id);
					const added = await bookmarks.toggle(effect.target);
					const text = `${added ? 'Bookmarked' : 'Removed bookmark'}: ${effect.target.title}`;
					// In the bookmarks view a bookmark removed leaves the list, the next one selected in its
					// place: b again would remove that one too, so it puts this one back instead, as it was.
					if (!added && bookmark && state.mode === 'bookmarks' && !state.reader) {
						removedBookmark.current = bookmark;
						dispatch({type: 'offerUndo', undo: 'bookmark', text: `${text}${undoKeys(state.keys, 'bookmark')}.`});
					} else {
						say(text);
					}
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
