// Turns a command into state changes and, for what reaches beyond the
// state (bookmarks on disk, the browser, the clipboard, quitting), one
// effect for the app to perform. Pure: the numbers it needs come in Context.
import {listHeight, readerHeight} from './screen-rows.js';
import type {Action, State} from './state.js';
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
};

export type Effect =
	| {type: 'quit'}
	| {type: 'repaint'}
	| {type: 'openStory'; id: string}
	| {type: 'toggleRead'; target: Target}
	| {type: 'refresh'}
	| {type: 'toggleBookmark'; target: Target}
	| {type: 'openLink'; target: Target}
	| {type: 'copyLink'; target: Target};

export type Outcome = {actions: Action[]; effect?: Effect};

const none: Outcome = {actions: []};
const act = (...actions: Action[]): Outcome => ({actions});

function move(state: State, context: Context, to: (current: number, page: number) => number): Outcome {
	if (state.reader) {
		return act({type: 'scroll', line: to(state.reader.scroll, readerHeight(state))});
	}

	if (context.count === 0) return none;
	const current = state.positions[state.mode].selected;
	return act({type: 'select', index: to(current, listHeight(state)), count: context.count});
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
			return context.selected ? {actions: [], effect: {type: 'openStory', id: context.selected.id}} : none;
		case 'back':
			return act({type: 'back'});
		case 'quit':
		case 'forceQuit':
			return {actions: [], effect: {type: 'quit'}};
		case 'repaint':
			return {actions: [], effect: {type: 'repaint'}};
		case 'sectorPicker':
			return act({type: 'overlay', overlay: 'sector'});
		case 'editionPicker':
			return act({type: 'overlay', overlay: 'edition'});
		case 'help':
			return act({type: 'overlay', overlay: 'help'});
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
			return target ? {actions: [], effect: {type: 'toggleBookmark', target}} : none;
		case 'openLink':
			return target ? {actions: [], effect: {type: 'openLink', target}} : none;
		case 'copyLink':
			return target ? {actions: [], effect: {type: 'copyLink', target}} : none;
		case 'toggleRead':
			return target ? {actions: [], effect: {type: 'toggleRead', target}} : none;
		case 'refresh':
			return {actions: [], effect: {type: 'refresh'}};
	}
}
