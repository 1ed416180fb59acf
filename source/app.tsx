// Wires the library, the bookmarks and the state to the screens: keys
// become commands (core/keymap), commands become actions and effects
// (core/commands), the reducer makes the next state, the screens draw it.
import {useCallback, useMemo, useReducer, type ReactNode} from 'react';
import {Box, useStdout} from 'ink';
import {articleRef} from './core/article.js';
import {footerHints} from './core/bindings.js';
import {headerDetails} from './core/layout.js';
import {taxonomyName} from './core/taxonomy.js';
import {screenRows} from './core/screen-rows.js';
import {initialState, reducer} from './core/state.js';
import type {BookmarkStore} from './bookmarks/bookmark-store.js';
import type {ConfigFile} from './config/config-file.js';
import type {FeedList} from './feeds/feed-list.js';
import type {Library} from './library/store.js';
import {ArticleList} from './components/ArticleList.js';
import {FilterLine} from './components/FilterLine.js';
import {Footer} from './components/Footer.js';
import {Header} from './components/Header.js';
import {LibraryTrouble} from './components/LibraryTrouble.js';
import {StatusLine} from './components/StatusLine.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {PickerScreen} from './screens/PickerScreen.js';
import {ReaderScreen, scrollPosition} from './screens/ReaderScreen.js';
import {useBookmarks} from './hooks/use-bookmarks.js';
import {useCommands} from './hooks/use-commands.js';
import {useEffects, type Outside} from './hooks/use-effects.js';
import {useLibraryView} from './hooks/use-library.js';
import {useList} from './hooks/use-list.js';
import {useReadingPosition} from './hooks/use-reading-position.js';
import {useStory} from './hooks/use-story.js';
import {readSize, useTerminalSize} from './hooks/use-terminal-size.js';

export type AppProps = {
	library: Library;
	bookmarkStore: BookmarkStore;
	feeds: FeedList;
	/** Settings (how long news is kept). */
	config: ConfigFile;
	outside: Outside;
	sector?: string;
	edition?: string;
	/** Problems found at start (bad data files, a moved-aside config), shown once. */
	warnings?: string[];
};

const LIST_HINTS = footerHints('list');
const READER_HINTS = footerHints('reader');

/** The browser, with what fails while drawing it caught (LibraryTrouble). */
export function App(props: AppProps) {
	return (
		<LibraryTrouble library={props.library}>
			<Browser {...props} />
		</LibraryTrouble>
	);
}

function Browser({library, bookmarkStore, feeds, config, outside, sector, edition, warnings = []}: AppProps) {
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState({...readSize(stdout), sector, edition, message: warnings.join(' · ') || undefined}),
	);
	useTerminalSize(useCallback(size => dispatch({type: 'resize', ...size}), []));
	const view = useLibraryView(library);
	const bookmarks = useBookmarks(bookmarkStore);

	const {width} = state.viewport;
	const taxonomy = useMemo(() => library.taxonomy(), [library]);
	const {filter, counts, rows, selected} = useList(view, bookmarks.list, state, dispatch);
	const {article, lines} = useStory(view, bookmarks.list, state.reader, taxonomy, width, dispatch);
	useReadingPosition(
		library,
		state.reader?.id,
		state.reader?.scroll ?? 0,
		lines.length,
		useCallback((error: Error) => dispatch({type: 'message', text: `Saving where you were failed: ${error.message}`}), []),
	);
	const rowsOnScreen = screenRows(state);
	const position = state.positions[state.mode];

	const perform = useEffects({library, taxonomy, feeds, config, bookmarks, outside, width, dispatch});

	useCommands(
		state,
		{count: counts.total, selected: selected && articleRef(selected, taxonomy), open: article && articleRef(article, taxonomy)},
		dispatch,
		perform,
	);

	const place =
		state.mode === 'bookmarks'
			? 'Bookmarks'
			: `${state.sector ? taxonomyName(taxonomy.sectors, state.sector) : 'All sectors'} · ${state.edition ? taxonomyName(taxonomy.editions, state.edition) : 'All editions'}`;
	const lastRefresh = useMemo(() => view.library.lastRefresh(), [view]);
	const details = headerDetails(counts, lastRefresh);

	let body: ReactNode;
	if (state.overlay === 'help') {
		body = <HelpScreen width={width} height={rowsOnScreen.body} />;
	} else if (state.overlay === 'sector' || state.overlay === 'edition') {
		const column = state.overlay;
		body = (
			<PickerScreen
				view={view}
				column={column}
				filter={filter}
				entries={column === 'sector' ? taxonomy.sectors : taxonomy.editions}
				current={column === 'sector' ? state.sector : state.edition}
				width={width}
				height={rowsOnScreen.body}
				onPick={id => dispatch(column === 'sector' ? {type: 'setSector', sector: id} : {type: 'setEdition', edition: id})}
			/>
		);
	} else if (state.reader) {
		body = <ReaderScreen lines={lines} scroll={state.reader.scroll} height={rowsOnScreen.body} hyperlink={outside.hyperlinks ? article?.url : undefined} />;
	} else {
		body = (
			<ArticleList
				rows={rows}
				selected={position.selected - position.top}
				bookmarked={bookmarks.ids}
				taxonomy={taxonomy}
				width={width}
				height={rowsOnScreen.body}
				empty={
					state.mode === 'bookmarks'
						? 'No bookmarks yet — press b on a story to keep it here.'
						: 'No articles match — press s or e to pick another sector or edition, Esc to clear the filter.'
				}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={state.viewport.height}>
			<Header title={place} details={state.reader ? [] : details} width={width} />
			{rowsOnScreen.filter ? <FilterLine query={state.query} editing={state.filtering} width={width} /> : null}
			{body}
			{rowsOnScreen.status ? <StatusLine text={rowsOnScreen.status} width={width} /> : null}
			<Footer
				hints={state.reader ? READER_HINTS : LIST_HINTS}
				position={state.reader ? scrollPosition(state.reader.scroll, rowsOnScreen.body, lines.length) : undefined}
				width={width}
			/>
		</Box>
	);
}
