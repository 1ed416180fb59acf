// Turns a command into state changes and, for what reaches beyond the
// state (the library, bookmarks and settings on disk, the browser, the
// clipboard, quitting), one effect for the app to perform. Pure: the
// numbers it needs come in Context.
import {bookmarksOrder} from './list-words.js';
import {helpHeight, listHeight, pickerHeight, readerHeight} from './screen-rows.js';
import {nextSort, type Sort} from './sort.js';
import type {Action, Picker, State} from './state.js';
import type {ArticleRef} from './article.js';
import type {Command} from './keymap.js';

/** What a bookmark, a link or a copy acts on: the open story, else the selected row. */
export type Target = ArticleRef;

export type Context = {
	/** Rows in the list on screen. */
	count: number;
	/** The row under the selection. */
	selected?: Target;
	/** The open story. */
	open?: Target;
	/** The open picker's entries: each one's value (undefined for "All"). */
	pickerValues?: Array<string | undefined>;
};

/** A setting the browser keeps across starts. */
export type Saved = {key: 'sort'; value: Sort} | {key: 'unreadOnly'; value: boolean};

export type Effect =
	| {type: 'quit'}
	| {type: 'repaint'}
	| {type: 'openStory'; id: string}
	| {type: 'openPicker'; picker: Picker}
	| {type: 'nextUnread'; backwards: boolean}
	| {type: 'toggleRead'; target: Target}
	| {type: 'markAllRead'; everywhere: boolean}
	| {type: 'undo'}
	| {type: 'refresh'; all: boolean}
	| {type: 'toggleBookmark'; target: Target}
	| {type: 'openLink'; target: Target}
	| {type: 'copyLink'; target: Target}
	| {type: 'save'; setting: Saved};

export type Outcome = {actions: Action[]; effect?: Effect};

const none: Outcome = {actions: []};
const act = (...actions: Action[]): Outcome => ({actions});
const effect = (what: Effect, ...actions: Action[]): Outcome => ({actions, effect: what});

/** The scrolled text or list a moving key moves on this screen. */
function move(state: State, context: Context, to: (current: number, page: number) => number): Outcome {
	if (state.overlay === 'help') return act({type: 'helpScroll', line: to(state.help.scroll, helpHeight(state))});
	if (state.overlay !== 'none') {
		const count = context.pickerValues?.length ?? 0;
		return count === 0 ? none : act({type: 'pickerSelect', index: to(state.picker.selected, pickerHeight(state)), count});
	}

	if (state.reader) return act({type: 'scroll', line: to(state.reader.scroll, readerHeight(state))});
	if (context.count === 0) return none;
	const current = state.positions[state.mode].selected;
	return act({type: 'select', index: to(current, listHeight(state)), count: context.count});
}

/** The picked entry of the open picker becomes the list's filter on its axis. */
function pick(state: State, context: Context): Outcome {
	if (!context.pickerValues || context.pickerValues.length === 0) return none;
	const value = context.pickerValues[state.picker.selected];
	switch (state.overlay) {
		case 'sector':
			return act({type: 'setSector', sector: value});
		case 'edition':
			return act({type: 'setEdition', edition: value});
		case 'source':
			return act({type: 'setSource', source: value});
		default:
			return none;
	}
}

/**
 * Back, in the list: the bookmarks view goes first (to the list it was
 * opened from, a kept search and all: it shows no search), then the search,
 * then the sector, edition and source (the filters the empty list's hint names).
 */
function back(state: State): Outcome {
	if (state.overlay !== 'none' || state.reader || state.mode === 'bookmarks') return act({type: 'back'});
	if (state.query) return act({type: 'filterClear'});
	if (state.sector || state.edition || state.source) return act({type: 'clearFilters'});
	return none;
}

export function resolveCommand(command: Command, state: State, context: Context): Outcome {
	const target = state.reader ? context.open : context.selected;
	if (typeof command === 'object') return act({type: 'filterText', query: state.query + command.text});

	switch (command) {
		case 'up':
			return move(state, context, current => current - 1);
		case 'down':
			return move(state, context, current => current + 1);
		case 'pageUp':
			return move(state, context, (current, page) => current - page);
		case 'pageDown':
			return move(state, context, (current, page) => current + page);
		case 'top':
			return move(state, context, () => 0);
		case 'bottom':
			// Past the end: the reducer clamps to the last row, or the last page of a story.
			return move(state, context, () => Number.MAX_SAFE_INTEGER);
		case 'open':
			if (state.overlay !== 'none') return pick(state, context);
			return context.selected ? effect({type: 'openStory', id: context.selected.id}) : none;
		case 'back':
			return back(state);
		case 'quit':
		case 'forceQuit':
			return effect({type: 'quit'});
		case 'repaint':
			return effect({type: 'repaint'});
		case 'nextUnread':
		case 'previousUnread':
			return effect({type: 'nextUnread', backwards: command === 'previousUnread'});
		case 'unreadOnly':
			return effect({type: 'save', setting: {key: 'unreadOnly', value: !state.unreadOnly}}, {type: 'setUnreadOnly', unreadOnly: !state.unreadOnly});
		case 'sort': {
			// The bookmarks are in the order they were saved, whatever the stories' order.
			if (state.mode === 'bookmarks') return act({type: 'message', text: bookmarksOrder(state.keys)});
			const sort = nextSort(state.sort);
			return effect({type: 'save', setting: {key: 'sort', value: sort}}, {type: 'setSort', sort});
		}

		case 'markAllRead':
		case 'markEverythingRead':
			return effect({type: 'markAllRead', everywhere: command === 'markEverythingRead'});
		case 'undo':
			return effect({type: 'undo'});
		case 'sectorPicker':
			return effect({type: 'openPicker', picker: 'sector'});
		case 'editionPicker':
			return effect({type: 'openPicker', picker: 'edition'});
		case 'sourcePicker':
			return effect({type: 'openPicker', picker: 'source'});
		case 'help':
			return act({type: 'openHelp'});
		case 'bookmarks':
			return act({type: 'mode', mode: state.mode === 'bookmarks' ? 'articles' : 'bookmarks'});
		case 'search':
			return state.reader ? none : act({type: 'mode', mode: 'articles'}, {type: 'filterStart'});
		case 'filterDelete':
			return act({type: 'filterText', query: Array.from(state.query).slice(0, -1).join('')});
		case 'filterAccept':
			return act({type: 'filterDone'});
		case 'filterCancel':
			return act({type: 'filterClear'});
		case 'bookmark':
			return target ? effect({type: 'toggleBookmark', target}) : none;
		case 'openLink':
			return target ? effect({type: 'openLink', target}) : none;
		case 'copyLink':
			return target ? effect({type: 'copyLink', target}) : none;
		case 'toggleRead':
			return target ? effect({type: 'toggleRead', target}) : none;
		case 'refresh':
		case 'refreshAll':
			return effect({type: 'refresh', all: command === 'refreshAll'});
	}
}
