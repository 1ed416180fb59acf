// Wires the library, the bookmarks and the state to the screens: keys
// become commands (core/keymap), commands become actions and effects
// (core/commands), the reducer makes the next state, the screens draw it.
import React, {useCallback, useMemo, useReducer} from 'react';
import {Box, useStdout} from 'ink';
import type {Article, ArticleRow} from './core/article.js';
import type {Target} from './core/commands.js';
import {editionLabel, headerDetails, refreshStatus, sectorLabel} from './core/layout.js';
import {initialState, listHeight, readerHeight, reducer} from './core/state.js';
import type {BookmarkStore} from './bookmarks/bookmark-store.js';
import type {FeedList} from './feeds/feed-list.js';
import type {Library} from './library/store.js';
import {ArticleList} from './components/ArticleList.js';
import {FilterLine} from './components/FilterLine.js';
import {Footer} from './components/Footer.js';
import {Header} from './components/Header.js';
import {StatusLine} from './components/StatusLine.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {PickerScreen} from './screens/PickerScreen.js';
import {ReaderScreen, scrollPosition} from './screens/ReaderScreen.js';
import {useBookmarks} from './hooks/use-bookmarks.js';
import {useCommands} from './hooks/use-commands.js';
import {useEffects, type Outside} from './hooks/use-effects.js';
import {useList} from './hooks/use-list.js';
import {useReadingPosition} from './hooks/use-reading-position.js';
import {useStory} from './hooks/use-story.js';
import {readSize, useTerminalSize} from './hooks/use-terminal-size.js';

export type AppProps = {
	library: Library;
	bookmarkStore: BookmarkStore;
	feeds: FeedList;
	outside: Outside;
	sector?: string;
	edition?: string;
	/** Problems found at start (bad data files, a moved-aside config), shown once. */
	warnings?: string[];
};

const LIST_HINTS = '↑↓ move  ⏎ open  s sector  e edition  / search  r refresh  b bookmark  B bookmarks  ? help  q quit';
const READER_HINTS = '↑↓ scroll  space page  b bookmark  u unread  o open link  y copy link  ← back  ? help';

function targetOf(item: ArticleRow | Article): Target {
	return {id: item.id, title: item.title, url: item.url, sector: item.sector, edition: item.edition, createdAt: item.createdAt};
}

export function App({library, bookmarkStore, feeds, outside, sector, edition, warnings = []}: AppProps) {
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState({...readSize(stdout), sector, edition, message: warnings.join(' · ') || undefined}),
	);
	useTerminalSize(useCallback(size => dispatch({type: 'resize', ...size}), []));
	const bookmarks = useBookmarks(bookmarkStore);

	const {width} = state.viewport;
	const taxonomy = useMemo(() => library.taxonomy(), [library]);
	const {filter, counts, rows, selected} = useList(library, bookmarks.list, state);
	const {article, lines} = useStory(library, bookmarks.list, state.reader?.id, taxonomy, width, state.libraryVersion);
	useReadingPosition(library, state.reader?.id, state.reader?.scroll ?? 0, lines.length);
	const bodyHeight = listHeight(state);
	const position = state.positions[state.mode];

	const perform = useEffects({library, taxonomy, feeds, bookmarks, outside, width, refreshing: Boolean(state.refresh), dispatch});

	useCommands(
		state,
		{count: counts.total, selected: selected && targetOf(selected), open: article && targetOf(article), lineCount: lines.length},
		dispatch,
		perform,
	);

	const place =
		state.mode === 'bookmarks' ? 'Bookmarks' : `${state.sector ? sectorLabel(state.sector, taxonomy) : 'All sectors'} · ${state.edition ? editionLabel(state.edition, taxonomy) : 'All editions'}`;
	// eslint-disable-next-line react-hooks/exhaustive-deps -- version: a refresh may have ended
	const lastRefresh = useMemo(() => library.lastRefresh(), [library, state.libraryVersion]);
	const details = headerDetails(counts, lastRefresh);
	const readerBody = readerHeight(state);
	const status = state.refresh ? refreshStatus(state.refresh) : state.message;

	let body: React.ReactNode;
	if (state.overlay === 'help') {
		body = <HelpScreen width={width} height={bodyHeight} />;
	} else if (state.overlay === 'sector' || state.overlay === 'edition') {
		const column = state.overlay;
		body = (
			<PickerScreen
				title={column === 'sector' ? 'Sector' : 'Edition'}
				entries={column === 'sector' ? taxonomy.sectors : taxonomy.editions}
				counts={library.countsBy(column, filter)}
				current={column === 'sector' ? state.sector : state.edition}
				width={width}
				height={bodyHeight}
				onPick={id => dispatch(column === 'sector' ? {type: 'setSector', sector: id} : {type: 'setEdition', edition: id})}
			/>
		);
	} else if (state.reader) {
		body = (
			<ReaderScreen
				lines={lines}
				scroll={state.reader.scroll}
				height={readerBody}
				hyperlink={outside.hyperlinks ? article?.url : undefined}
			/>
		);
	} else {
		body = (
			<>
				{state.filtering || state.query ? <FilterLine query={state.query} editing={state.filtering} width={width} /> : null}
				<ArticleList
					rows={rows}
					selected={position.selected - position.top}
					bookmarked={bookmarks.ids}
					taxonomy={taxonomy}
					width={width}
					height={bodyHeight}
					empty={
						state.mode === 'bookmarks'
							? 'No bookmarks yet — press b on a story to keep it here.'
							: 'No articles match — press s or e to pick another sector or edition, Esc to clear the filter.'
					}
				/>
			</>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={state.viewport.height}>
			<Header title={place} details={state.reader ? [] : details} width={width} />
			{body}
			{status ? <StatusLine text={status} width={width} /> : null}
			<Footer
				hints={state.reader ? READER_HINTS : LIST_HINTS}
				position={state.reader ? scrollPosition(state.reader.scroll, readerBody, lines.length) : undefined}
				width={width}
			/>
		</Box>
	);
}
