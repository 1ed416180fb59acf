// The browser's whole UI state and the pure reducer that changes it.
// Numbers the reducer cannot know (how many rows match, how long a story
// or the help is once wrapped) travel in the actions, resolved by
// commands.ts.
import {DEFAULT_KEY_NAMES, type KeyNames} from './bindings.js';
import {formatCount} from './numbers.js';
import {helpHeight, listHeight, pickerHeight, readerHeight} from './screen-rows.js';
import type {Sort} from './sort.js';

export type Picker = 'sector' | 'edition' | 'source';
export type Overlay = 'none' | Picker | 'help';
export type ListMode = 'articles' | 'bookmarks';

/** Where the selection and the scroll of one list are. */
export type ListPosition = {selected: number; top: number};

/** What makes the stories' list the list it is: its filters and its order. */
const LIST_KEYS = ['sector', 'edition', 'source', 'unreadOnly', 'sort'] as const;

/** Where the stories' list is, and which list it is. */
export type ListPlace = Pick<State, (typeof LIST_KEYS)[number]> & {position: ListPosition};

/** A text shown a window at a time: its scroll and how many lines it has. */
export type Scrolled = {scroll: number; lineCount: number};

export type State = {
	viewport: {width: number; height: number};
	sector?: string;
	edition?: string;
	/** One source's stories: a feed's URL (or 'data', the data folder's). */
	source?: string;
	/** The `/` title filter; `filtering` while the user is typing it. */
	query: string;
	filtering: boolean;
	/** Where the list was when the search began, and which list it was: clearing the search goes back there. */
	beforeSearch?: ListPlace;
	unreadOnly: boolean;
	sort: Sort;
	mode: ListMode;
	positions: Record<ListMode, ListPosition>;
	overlay: Overlay;
	/** The open picker's entries: where its selection is. */
	picker: ListPosition;
	help: Scrolled;
	/**
	 * The open story; the list underneath keeps its position. `fetchError`: why its full text could not be fetched.
	 * `resume`: where in it (a fraction) the reader left it last time, until its length is known and it is scrolled there.
	 * `width`: the width its lineCount was laid out at.
	 */
	reader?: Scrolled & {id: string; fetchError?: string; resume?: number; width?: number};
	/** One status line: what just happened, or what went wrong. */
	message?: string;
	/** What the next key may undo, offered on the status line (the app keeps what it takes): a mark of many, or a bookmark b removed from the bookmarks view. */
	undo?: 'markAllRead' | 'markEverythingRead' | 'bookmark';
	/** Stories that landed above the list's window since its top was last in view. */
	newAbove: number;
	/** A feed refresh under way: how far it got. */
	refresh?: RefreshProgress;
	/** Summary-only stories being completed from their pages after a refresh: how many of how many. */
	completing?: CompletingProgress;
	/** The user's keys, as the screen's hints name them. */
	keys: KeyNames;
};

export type RefreshProgress = {done: number; total: number; added: number; failed: number};

export type CompletingProgress = {done: number; total: number};

export type Action =
	| {type: 'resize'; width: number; height: number}
	| {type: 'select'; index: number; count: number}
	| {type: 'follow'; index: number; count: number}
	/** A story opened, at `position` (a fraction) of its length; the view lays it out and gives the length (storyLength). */
	| {type: 'open'; id: string; position: number}
	| {type: 'storyLength'; lineCount: number; width: number}
	| {type: 'storyFetchFailed'; id: string; reason: string}
	| {type: 'back'}
	| {type: 'scroll'; line: number}
	| {type: 'openPicker'; picker: Picker; selected: number; count: number}
	| {type: 'pickerSelect'; index: number; count: number}
	/** The help opened; the view lays it out and gives its length (helpLength), as a story's. */
	| {type: 'openHelp'}
	| {type: 'helpLength'; lineCount: number}
	| {type: 'helpScroll'; line: number}
	| {type: 'setSector'; sector?: string}
	| {type: 'setEdition'; edition?: string}
	| {type: 'setSource'; source?: string}
	| {type: 'clearFilters'}
	| {type: 'setUnreadOnly'; unreadOnly: boolean}
	| {type: 'setSort'; sort: Sort}
	| {type: 'filterStart'}
	| {type: 'filterText'; query: string}
	| {type: 'filterDone'}
	| {type: 'filterClear'}
	| {type: 'mode'; mode: ListMode}
	| {type: 'message'; text?: string}
	/** The work a message said was under way is over: the message goes, if it is still the one shown. */
	| {type: 'messageOver'; text: string}
	/** What work in the background has to say (a refresh's outcome): it takes the message's place, or goes before an undo on offer, which stays. */
	| {type: 'aside'; text: string}
	| {type: 'offerUndo'; undo?: State['undo']; text?: string}
	| {type: 'refresh'; progress?: RefreshProgress}
	| {type: 'completing'; progress?: CompletingProgress};

type StartOptions = {
	width: number;
	height: number;
	sector?: string;
	edition?: string;
	source?: string;
	unreadOnly?: boolean;
	sort?: Sort;
	message?: string;
	keys?: KeyNames;
};

const TOP: ListPosition = {selected: 0, top: 0};

/**
 * The longest search, in characters. Titles are shorter; a longer paste
 * (a whole article) is cut here, so the search and its line stay quick.
 */
export const MAX_QUERY = 1000;

export function initialState(options: StartOptions): State {
	return {
		viewport: {width: options.width, height: options.height},
		sector: options.sector,
		edition: options.edition,
		source: options.source,
		query: '',
		filtering: false,
		unreadOnly: options.unreadOnly ?? false,
		sort: options.sort ?? 'newest',
		mode: 'articles',
		positions: {articles: TOP, bookmarks: TOP},
		overlay: 'none',
		picker: TOP,
		help: {scroll: 0, lineCount: 0},
		message: options.message,
		newAbove: 0,
		keys: options.keys ?? DEFAULT_KEY_NAMES,
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

/** A list read anew (another order, or unread only): from its top, nothing new above it. */
function fromTop(state: State): State {
	return {...state, positions: {...state.positions, [state.mode]: TOP}, newAbove: 0, overlay: 'none'};
}

/** Another list of stories (filtered anew): shown from its top. */
const newList = (state: State): State => fromTop({...state, mode: 'articles'});

/**
 * The list of a sector, edition or source just picked, the story open when
 * it was picked closed: the header names the list, and the story was
 * another list's.
 */
const pickedList = (state: State): State => newList({...state, reader: undefined});

const listPlace = ({sector, edition, source, unreadOnly, sort, positions}: State): ListPlace => ({sector, edition, source, unreadOnly, sort, position: positions.articles});

/** The list without its search, back where it was before the search, if it is still the same list. */
function withoutSearch(state: State): State {
	const cleared = newList({...state, query: '', filtering: false, beforeSearch: undefined});
	const before = state.beforeSearch;
	const same = before && LIST_KEYS.every(key => before[key] === state[key]);
	return same ? {...cleared, positions: {...cleared.positions, articles: before.position}} : cleared;
}

/** A scrolled text's scroll kept inside it, leaving no blank page at its end. */
const settleScroll = <T extends Scrolled>(text: T, height: number): T => {
	const scroll = clamp(text.scroll, 0, text.lineCount - height);
	return scroll === text.scroll ? text : {...text, scroll};
};

/**
 * What holds after every action, whatever it was: the selection is on
 * screen (a status or search line that appears, or a smaller terminal,
 * takes a row from the list, as from a picker), a story's and the help's
 * scroll leave no blank page at their ends (the rows they lose may come
 * back), and once the list's top is in view nothing is new above it.
 */
function settle(state: State): State {
	const {selected, top} = state.positions[state.mode];
	const placedTop = clamp(top, selected - listHeight(state) + 1, selected);
	const pickerTop = clamp(state.picker.top, state.picker.selected - pickerHeight(state) + 1, state.picker.selected);
	const reader = state.reader && settleScroll(state.reader, readerHeight(state));
	const help = settleScroll(state.help, helpHeight(state));
	const newAbove = placedTop === 0 ? 0 : state.newAbove;
	if (placedTop === top && pickerTop === state.picker.top && reader === state.reader && help === state.help && newAbove === state.newAbove) return state;
	return {
		...state,
		positions: placedTop === top ? state.positions : {...state.positions, [state.mode]: {selected, top: placedTop}},
		picker: pickerTop === state.picker.top ? state.picker : {...state.picker, top: pickerTop},
		reader,
		help,
		newAbove,
	};
}

/**
 * Whether the list's window or selection is past its rows: the list got
 * shorter under it (a story read in unread only, a bookmark removed), or the
 * window taller. The app, which learns the count, then places the selection again.
 */
export function pastTheRows(state: State, count: number): boolean {
	const {selected, top} = state.positions[state.mode];
	return (top > 0 && top > count - listHeight(state)) || (selected > 0 && selected >= count);
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
			// selection and the window move with it, so the screen stays put,
			// and what landed above the window is counted for the status line.
			const position = state.positions[state.mode];
			const by = action.index - position.selected;
			const placed = placeSelection(action.index, action.count, position.top + by, listHeight(state));
			return {...state, positions: {...state.positions, [state.mode]: placed}, newAbove: Math.max(0, state.newAbove + Math.min(by, placed.top))};
		}

		case 'open':
			return {...state, reader: {id: action.id, scroll: 0, lineCount: 0, resume: action.position > 0 ? action.position : undefined}, overlay: 'none'};

		case 'storyLength': {
			if (!state.reader) return state;
			const {resume, ...reader} = state.reader;
			// Wrapped anew at another width, the story keeps the reader's place in it (a fraction, as resume does):
			// the same line number would be pages away. Its text arriving or failing keeps the line: what is above it stays.
			const rewrapped = reader.lineCount > 0 && reader.width !== action.width;
			const at = resume ?? (rewrapped ? reader.scroll / reader.lineCount : undefined);
			const scroll = at === undefined ? reader.scroll : Math.round(at * action.lineCount);
			return {...state, reader: {...reader, lineCount: action.lineCount, scroll, width: action.width}};
		}

		case 'storyFetchFailed':
			return state.reader?.id === action.id ? {...state, reader: {...state.reader, fetchError: action.reason}} : state;

		case 'back':
			if (state.overlay !== 'none') return {...state, overlay: 'none'};
			if (state.reader) return {...state, reader: undefined};
			if (state.mode === 'bookmarks') return {...state, mode: 'articles'};
			return state;

		case 'scroll':
			// settle() keeps it inside the story.
			return state.reader ? {...state, reader: {...state.reader, scroll: action.line}} : state;

		case 'openPicker':
			return {...state, overlay: action.picker, picker: placeSelection(action.selected, action.count, 0, pickerHeight(state))};

		case 'pickerSelect':
			return {...state, picker: placeSelection(action.index, action.count, state.picker.top, pickerHeight(state))};

		case 'openHelp':
			return {...state, overlay: 'help', help: {scroll: 0, lineCount: 0}};

		case 'helpLength':
			return {...state, help: {...state.help, lineCount: action.lineCount}};

		case 'helpScroll':
			return {...state, help: {...state.help, scroll: action.line}};

		case 'setSector':
			return pickedList({...state, sector: action.sector});

		case 'setEdition':
			return pickedList({...state, edition: action.edition});

		case 'setSource':
			return pickedList({...state, source: action.source});

		case 'clearFilters':
			return newList({...state, sector: undefined, edition: undefined, source: undefined});

		case 'setUnreadOnly':
			return fromTop({...state, unreadOnly: action.unreadOnly});

		case 'setSort':
			return fromTop({...state, sort: action.sort});

		case 'filterStart':
			return {...state, filtering: true, beforeSearch: state.query === '' ? listPlace(state) : state.beforeSearch};

		case 'filterText': {
			const characters = action.query.length > MAX_QUERY ? Array.from(action.query) : [];
			if (characters.length <= MAX_QUERY) return newList({...state, query: action.query});
			return newList({...state, query: characters.slice(0, MAX_QUERY).join(''), message: `The search holds ${formatCount(MAX_QUERY)} characters; the rest was left out.`, undo: undefined});
		}

		case 'filterDone':
			return {...state, filtering: false};

		case 'filterClear':
			// A search left before a word was typed never changed the list: the selection stays where it was
			// (and where it was moved to). One typed, even if rubbed out since, goes back to where it began.
			return state.query === '' && state.positions.articles === state.beforeSearch?.position ? {...state, filtering: false, beforeSearch: undefined} : withoutSearch(state);

		case 'mode':
			return {...state, mode: action.mode, reader: undefined, overlay: 'none'};

		case 'message':
			return {...state, message: action.text, undo: undefined};

		case 'messageOver':
			return state.message === action.text ? {...state, message: undefined} : state;

		case 'aside':
			return {...state, message: state.undo ? `${action.text}\u00A0· ${state.message}` : action.text};

		case 'offerUndo':
			return {...state, message: action.text, undo: action.undo};

		case 'refresh':
			return {...state, refresh: action.progress};

		case 'completing':
			return {...state, completing: action.progress};
	}
}
