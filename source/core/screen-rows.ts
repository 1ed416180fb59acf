// Which rows a screen has, decided once: the reducer pages by the body's
// height and the app draws exactly these rows, so the two never disagree.
import {completingStatus, refreshStatus, wrapWithin} from './layout.js';
import {formatCount} from './numbers.js';
import type {State} from './state.js';

/** The screens the browser shows; an overlay takes the place of the list or the reader. */
export type Screen = 'list' | 'reader' | 'help' | 'picker';

export type ScreenRows = {
	/** The search line above the list, while there is a search. */
	filter: boolean;
	/** The status lines, when there are any: what just happened, or a refresh's progress, wrapped to the width. */
	status: string[];
	/** Rows left for the screen's body between the header and the footer. */
	body: number;
};

/** The header and the footer: one row each, on every screen. */
const FRAME_ROWS = 2;

/** The title line above a picker's entries and the help's keys. */
const TITLE_ROWS = 1;

export function currentScreen(state: State): Screen {
	if (state.overlay === 'help') return 'help';
	if (state.overlay !== 'none') return 'picker';
	return state.reader ? 'reader' : 'list';
}

/** "12 new above — g to see them": what landed above the list's window since its top was in view. */
function newAboveNotice(state: State): string | undefined {
	if (state.newAbove === 0 || state.mode !== 'articles' || state.reader) return undefined;
	const key = state.keys.top;
	return `${formatCount(state.newAbove)} new above${key ? ` — ${key} to see them` : ''}`;
}

/**
 * The status line's text: a refresh's progress, the last message (what a
 * key did, during a refresh too), a completion's progress, and what is new
 * above the list. A message is wrapped, so a link it shows is whole (to at
 * most half the screen).
 */
function statusLines(state: State): string[] {
	// The separator holds to the word before it (a no-break space), so a wrapped line never starts with it.
	const text = [state.refresh && refreshStatus(state.refresh), state.message, state.completing && completingStatus(state.completing), newAboveNotice(state)]
		.filter(Boolean)
		.join('\u00A0· ');
	if (!text) return [];
	const {width, height} = state.viewport;
	// Every action asks (the reducer keeps the selection within the rows left): the last answer is kept.
	if (wrapped.text !== text || wrapped.width !== width || wrapped.height !== height) {
		const most = Math.max(1, Math.floor((height - FRAME_ROWS) / 2));
		wrapped = {text, width, height, lines: wrapWithin(text, width, most)};
	}

	return wrapped.lines;
}

let wrapped = {text: '', width: 0, height: 0, lines: [] as string[]};

/** The rows of `screen` (the one on show, unless asked about another) at the state's size. */
export function screenRows(state: State, screen: Screen = currentScreen(state)): ScreenRows {
	// The search narrows the stories, not the bookmarks: its line is not shown over a list it does not filter.
	const filter = screen === 'list' && state.mode === 'articles' && (state.filtering || state.query !== '');
	const status = statusLines(state);
	const body = Math.max(1, state.viewport.height - FRAME_ROWS - (filter ? 1 : 0) - status.length);
	return {filter, status, body};
}

/** Rows of the article list: what a page moves by and what the selection is kept within. */
export const listHeight = (state: State): number => screenRows(state, 'list').body;

/** Lines of story text on screen. */
export const readerHeight = (state: State): number => screenRows(state, 'reader').body;

/** Entries of a picker on screen, under its title. */
export const pickerHeight = (state: State): number => Math.max(1, screenRows(state, 'picker').body - TITLE_ROWS);

/** Lines of the help on screen, under its title. */
export const helpHeight = (state: State): number => Math.max(1, screenRows(state, 'help').body - TITLE_ROWS);
