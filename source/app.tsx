// Wires the library, the bookmarks, the settings and the state to the
// screens: keys become commands (core/keymap, from the table of bindings
// with the user's keys in it), commands become actions and effects
// (core/commands), the reducer makes the next state, the screens draw it.
import {useCallback, useMemo, useReducer, type ReactNode} from 'react';
import {Box, useStdout} from 'ink';
import {articleRef} from './core/article.js';
import {BINDINGS, footerHints, helpColumns, helpLines, KEY_COLUMN, keyNames, usableHints, type Binding, type HintScreen} from './core/bindings.js';
import {createKeymap} from './core/keymap.js';
import {headerDetails} from './core/layout.js';
import {emptyListHint, helpTitle, listFlags, listPlace, pickerTitle, spokenHelp} from './core/list-words.js';
import {titledSources} from './core/pickers.js';
import {currentScreen, pickerHeight, screenRows} from './core/screen-rows.js';
import {initialState, pastTheRows, reducer} from './core/state.js';
import {themeOf} from './core/theme.js';
import type {BookmarkStore} from './bookmarks/bookmark-store.js';
import type {ConfigFile} from './config/config-file.js';
import {DEFAULT_SETTINGS, type Settings} from './config/settings.js';
import type {FeedList} from './feeds/feed-list.js';
import type {Library} from './library/store.js';
import {ArticleList} from './components/ArticleList.js';
import {FilterLine} from './components/FilterLine.js';
import {Footer} from './components/Footer.js';
import {Header} from './components/Header.js';
import {LibraryTrouble} from './components/LibraryTrouble.js';
import {StatusLine} from './components/StatusLine.js';
import {ThemeProvider} from './components/theme-context.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {PickerScreen} from './screens/PickerScreen.js';
import {ReaderScreen, scrollPosition} from './screens/ReaderScreen.js';
import {useBookmarks} from './hooks/use-bookmarks.js';
import {useCommands} from './hooks/use-commands.js';
import {useEffects, type Outside} from './hooks/use-effects.js';
import {useLibraryView, useRepairs} from './hooks/use-library.js';
import {useList, useListFilter} from './hooks/use-list.js';
import {useOtherProcesses} from './hooks/use-other-processes.js';
import {usePickerEntries} from './hooks/use-picker.js';
import {useReadingPosition} from './hooks/use-reading-position.js';
import {useStory} from './hooks/use-story.js';
import {readSize, useTerminalSize} from './hooks/use-terminal-size.js';

export type AppProps = {
	library: Library;
	bookmarkStore: BookmarkStore;
	feeds: FeedList;
	/** Where settings and choices are kept. */
	config: ConfigFile;
	outside: Outside;
	sector?: string;
	edition?: string;
	/** The user's settings as read at start (config/settings.ts). */
	settings?: Settings;
	/** The table of keys, the user's own in it (core/user-keys.ts). */
	bindings?: Binding[];
	/** Problems found at start (bad data files, a moved-aside config, settings that make no sense), shown once. */
	warnings?: string[];
};

/** The browser, with what fails while drawing it caught (LibraryTrouble). */
export function App(props: AppProps) {
	const {theme, colors} = props.settings ?? DEFAULT_SETTINGS;
	const drawn = useMemo(() => themeOf(theme, colors), [theme, colors]);
	return (
		<ThemeProvider value={drawn}>
			<LibraryTrouble library={props.library}>
				<Browser {...props} />
			</LibraryTrouble>
		</ThemeProvider>
	);
}

function Browser({library, bookmarkStore, feeds, config, outside, sector, edition, settings = DEFAULT_SETTINGS, bindings = BINDINGS, warnings = []}: AppProps) {
	const {stdout} = useStdout();
	const keys = useMemo(() => keyNames(bindings), [bindings]);
	const keymap = useMemo(() => createKeymap(bindings), [bindings]);
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState({...readSize(stdout), sector, edition, unreadOnly: settings.unreadOnly, sort: settings.sort, keys, message: warnings.join(' · ') || undefined}),
	);
	useTerminalSize(useCallback(size => dispatch({type: 'resize', ...size}), []));
	const view = useLibraryView(library);
	useRepairs(library, useCallback((line: string) => dispatch({type: 'message', text: line}), []));
	const bookmarks = useBookmarks(bookmarkStore);
	// What another devnews does to the library and the bookmarks shows here within about a second.
	useOtherProcesses(
		library,
		config,
		bookmarks.reload,
		useCallback((error: Error) => dispatch({type: 'message', text: `Following other devnews processes stopped: ${error.message}`}), []),
	);

	const {width} = state.viewport;
	// The reader's lines are at most textWidth long (0: the terminal's width).
	const readerWidth = settings.textWidth > 0 ? Math.min(width, settings.textWidth) : width;
	const taxonomy = useMemo(() => library.taxonomy(), [library]);
	// The feeds, each by the title the feed list gives it, else its own (as its last fetch gave it);
	// read again when the library changes (a refresh may follow a change to the list).
	const feedList = useMemo(() => titledSources(feeds.list(), view.library.feedTitles()), [feeds, view]);
	const filter = useListFilter(state);
	const {counts, rows, selected, held, followed} = useList(view, bookmarks.list, state, filter, dispatch);
	const {article, lines} = useStory(view, bookmarks.list, state.reader, taxonomy, readerWidth, feedList, dispatch);
	// The help is laid out only while it is open: wrapping every key's line
	// cost each start (and each resize) a few milliseconds for a screen not shown.
	const helpOpen = state.overlay === 'help';
	const help = useMemo(() => (helpOpen ? helpColumns(helpLines(bindings), Math.min(KEY_COLUMN, Math.floor(width / 3)), width) : []), [helpOpen, bindings, width]);
	// The help's length changes with the width, as a story's does.
	if (helpOpen && state.help.lineCount !== help.length) dispatch({type: 'helpLength', lineCount: help.length});
	const entries = usePickerEntries(view, state.overlay, filter, taxonomy, feedList);
	useReadingPosition(
		library,
		state.reader?.id,
		state.reader?.scroll ?? 0,
		lines.length,
		useCallback((error: Error) => dispatch({type: 'message', text: `Saving where you were failed: ${error.message}`}), []),
	);
	const rowsOnScreen = screenRows(state);
	const position = state.positions[state.mode];
	// A taller window, or fewer rows, leaves room below the last row, or the
	// selection past it: the window comes up to fill it, and the selection to the
	// last row, as the reducer places a selection (it learns the count here, as
	// it learns a story's length). Not when the selection has just followed its
	// story: that placed the window for the new count already; nor while the
	// count is still the last search's (it is run once typing pauses): a search
	// cleared brings the selection back where it was, in the longer list.
	const counted = (filter.query ?? '') === state.query;
	if (!followed && counted && pastTheRows(state, counts.total)) dispatch({type: 'select', index: position.selected, count: counts.total});
	if (entries && state.picker.top > 0 && state.picker.top > entries.length - pickerHeight(state)) {
		dispatch({type: 'pickerSelect', index: state.picker.selected, count: entries.length});
	}

	const perform = useEffects({library, taxonomy, feeds, config, bookmarks, outside, state, filter, count: counts.total, selectedId: selected?.id, held, sources: feedList, complete: settings.complete, dispatch});

	useCommands(
		state,
		{
			count: counts.total,
			selected: selected && articleRef(selected, taxonomy),
			open: article && articleRef(article, taxonomy),
			pickerValues: entries?.map(entry => entry.value),
		},
		keymap,
		dispatch,
		perform,
	);

	const screen = currentScreen(state);
	const hints = useMemo(
		() => new Map((['list', 'bookmarks', 'reader', 'picker', 'help', 'search'] as HintScreen[]).map(name => [name, footerHints(name, bindings)])),
		[bindings],
	);
	const hintScreen: HintScreen = state.filtering ? 'search' : screen === 'list' && state.mode === 'bookmarks' ? 'bookmarks' : screen;
	const hasLink = Boolean(article?.url);
	const footerHintsNow = useMemo(() => usableHints(hints.get(hintScreen)!, {hasLink}), [hints, hintScreen, hasLink]);
	const lastRefresh = useMemo(() => view.library.lastRefresh(), [view]);
	const details = screen === 'list' ? headerDetails(counts, lastRefresh, {unreadOnly: state.unreadOnly}) : undefined;

	let body: ReactNode;
	let scrolled;
	if (screen === 'help') {
		body = <HelpScreen title={helpTitle(keys)} lines={help} scroll={state.help.scroll} width={width} height={rowsOnScreen.body} />;
		scrolled = scrollPosition(state.help.scroll, rowsOnScreen.body - 1, help.length);
	} else if (screen === 'picker') {
		body = <PickerScreen title={pickerTitle(state.overlay, keys)} entries={entries ?? []} position={state.picker} width={width} height={rowsOnScreen.body} />;
	} else if (screen === 'reader') {
		body = <ReaderScreen lines={lines} scroll={state.reader!.scroll} height={rowsOnScreen.body} hyperlink={outside.hyperlinks ? article?.url : undefined} />;
		scrolled = scrollPosition(state.reader!.scroll, rowsOnScreen.body, lines.length);
	} else {
		body = (
			<ArticleList
				rows={rows}
				selected={position.selected - position.top}
				bookmarked={bookmarks.ids}
				taxonomy={taxonomy}
				width={width}
				height={rowsOnScreen.body}
				empty={emptyListHint(state, taxonomy, feedList)}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={state.viewport.height}>
			<Header place={listPlace(state, taxonomy, feedList)} flags={listFlags(state)} details={details} width={width} />
			{rowsOnScreen.filter ? <FilterLine query={state.query} editing={state.filtering} width={width} clearKey={keys.back} /> : null}
			{body}
			{rowsOnScreen.status.length > 0 ? <StatusLine lines={rowsOnScreen.status} /> : null}
			<Footer hints={footerHintsNow} position={scrolled} width={width} spoken={spokenHelp(keys)} />
		</Box>
	);
}
