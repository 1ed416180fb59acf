// Which rows a screen has, decided once: the reducer pages by the body's
// height and the app draws exactly these rows, so the two never disagree.
import {refreshStatus} from './layout.js';
import type {State} from './state.js';

/** The screens the browser shows; an overlay takes the place of the list or the reader. */
export type Screen = 'list' | 'reader' | 'help' | 'picker';

export type ScreenRows = {
	/** The search line above the list, while there is a search. */
	filter: boolean;
	/** The status line's text, when there is one: what just happened, or a refresh's progress. */
	status?: string;
	/** Rows left for the screen's body between the header and the footer. */
	body: number;
};

/** The header and the footer: one row each, on every screen. */
const FRAME_ROWS = 2;

function currentScreen(state: State): Screen {
	if (state.overlay === 'help') return 'help';
	if (state.overlay !== 'none') return 'picker';
	return state.reader ? 'reader' : 'list';
}

/** The rows of `screen` (the one on show, unless asked about another) at the state's size. */
export function screenRows(state: State, screen: Screen = currentScreen(state)): ScreenRows {
	const filter = screen === 'list' && (state.filtering || state.query !== '');
	const status = state.refresh ? refreshStatus(state.refresh) : state.message;
	const body = Math.max(1, state.viewport.height - FRAME_ROWS - (filter ? 1 : 0) - (status ? 1 : 0));
	return {filter, status, body};
}

/** Rows of the article list: what a page moves by and what the selection is kept within. */
export const listHeight = (state: State): number => screenRows(state, 'list').body;

/** Lines of story text on screen. */
export const readerHeight = (state: State): number => screenRows(state, 'reader').body;
