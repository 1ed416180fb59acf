// The browser's whole UI state and the pure reducer that changes it.
// Numbers the reducer cannot know (how many rows match, how long a story
// is once wrapped) travel in the actions, resolved by commands.ts.
import {listHeight, readerHeight} from './screen-rows.js';

export type Overlay = 'none' | 'sector' | 'edition' | 'help';
export type ListMode = 'articles' | 'bookmarks';

/** Where the selection and the scroll of one list are. */
export type ListPosition = {selected: number; top: number};

export type State = {
	viewport: {width: number; height: number};
	sector?: string;
	edition?: string;
	/** The `/` title filter; `filtering` while the user is typing it. */
	query: string;
	filtering: boolean;
	mode: ListMode;
	positions: Record<ListMode, ListPosition>;
	overlay: Overlay;
	/** The open story (and how many lines it has, once known); the list underneath keeps its position. */
	reader?: {id: string; scroll: number; lineCount: number};
	/** One status line: what just happened, or what went wrong. */
	message?: string;
	/** A feed refresh under way: how far it got. */
	refresh?: RefreshProgress;
};

export type RefreshProgress = {done: number; total: number; added: number; failed: number};

export type Action =
	| {type: 'resize'; width: number; height: number}
	| {type: 'select'; index: number; count: number}
	| {type: 'follow'; index: number; count: number}
	| {type: 'open'; id: string; scroll: number; lineCount: number}
	| {type: 'storyLength'; lineCount: number}
	| {type: 'back'}
	| {type: 'scroll'; line: number}
	| {type: 'overlay'; overlay: Overlay}
	| {type: 'setSector'; sector?: string}
	| {type: 'setEdition'; edition?: string}
	| {type: 'filterStart'}
	| {type: 'filterText'; query: string}
	| {type: 'filterDone'}
	| {type: 'filterClear'}
	| {type: 'mode'; mode: ListMode}
	| {type: 'message'; text?: string}
	| {type: 'refresh'; progress?: RefreshProgress};

export function initialState(options: {width: number; height: number; sector?: string; edition?: string; message?: string}): State {
	return {
		viewport: {width: options.width, height: options.height},
		sector: options.sector,
		edition: options.edition,
		query: '',
		filtering: false,
		mode: 'articles',
		positions: {articles: {selected: 0, top: 0}, bookmarks: {selected: 0, top: 0}},
		overlay: 'none',
		message: options.message,
	};
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), Math.max(low, high));
}

/** Keeps the selection on screen, scrolling no more than needed. */
function placeSelection(index: number, count: number, top: number, height: number): ListPosition {
	const selected = clamp(index, 0, count - 1);
	let nextTop = top;
	if (selected < nextTop) nextTop = selected;
	if (selected >= nextTop + height) nextTop = selected - height + 1;
	return {selected, top: clamp(nextTop, 0, count - height)};
}

function resetPositions(state: State): State {
	return {...state, positions: {...state.positions, articles: {selected: 0, top: 0}}};
}

/**
 * What holds after every action, whatever it was: the selection is on
 * screen (a status or search line that appears, or a smaller terminal,
 * takes a row from the list), and a story's scroll leaves no blank page
 * at its end (the rows it loses may come back).
 */
function settle(state: State): State {
	const {selected, top} = state.positions[state.mode];
	const placedTop = clamp(top, selected - listHeight(state) + 1, selected);
	const reader = state.reader;
	const scroll = reader && clamp(reader.scroll, 0, reader.lineCount - readerHeight(state));
	if (placedTop === top && scroll === reader?.scroll) return state;
	return {
		...state,
		positions: placedTop === top ? state.positions : {...state.positions, [state.mode]: {selected, top: placedTop}},
		reader: reader && {...reader, scroll: scroll ?? 0},
	};
}

export function reducer(state: State, action: Action): State {
	return settle(step(state, action));
}

function step(state: State, action: Action): State {
	switch (action.type) {
		case 'resize':
			return {...state, viewport: {width: action.width, height: action.height}};

		case 'select': {
			const position = state.positions[state.mode];
			const placed = placeSelection(action.index, action.count, position.top, listHeight(state));
			return {...state, positions: {...state.positions, [state.mode]: placed}};
		}

		case 'follow': {
			// The selected article moved in its list (news landed above it): the
			// selection and the window move with it, so the screen stays put.
			const position = state.positions[state.mode];
			const by = action.index - position.selected;
			const placed = placeSelection(action.index, action.count, position.top + by, listHeight(state));
			return {...state, positions: {...state.positions, [state.mode]: placed}};
		}

		case 'open':
			return {...state, reader: {id: action.id, scroll: action.scroll, lineCount: action.lineCount}, overlay: 'none'};

		case 'storyLength':
			return state.reader ? {...state, reader: {...state.reader, lineCount: action.lineCount}} : state;

		case 'back':
			if (state.overlay !== 'none') return {...state, overlay: 'none'};
			if (state.reader) return {...state, reader: undefined};
			if (state.mode === 'bookmarks') return {...state, mode: 'articles'};
			return state;

		case 'scroll':
			// settle() keeps it inside the story.
			return state.reader ? {...state, reader: {...state.reader, scroll: action.line}} : state;

		case 'overlay':
			return {...state, overlay: action.overlay};

		case 'setSector':
			return resetPositions({...state, sector: action.sector, overlay: 'none', mode: 'articles'});

		case 'setEdition':
			return resetPositions({...state, edition: action.edition, overlay: 'none', mode: 'articles'});

		case 'filterStart':
			return {...state, filtering: true};

		case 'filterText':
			return resetPositions({...state, query: action.query});

		case 'filterDone':
			return {...state, filtering: false};

		case 'filterClear':
			return resetPositions({...state, query: '', filtering: false});

		case 'mode':
			return {...state, mode: action.mode, reader: undefined, overlay: 'none'};

		case 'message':
			return {...state, message: action.text};

		case 'refresh':
			return {...state, refresh: action.progress};
	}
}
