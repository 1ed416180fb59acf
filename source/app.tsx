// Wires the library, the bookmarks and the state to the screens: keys
// become commands (core/keymap), commands become actions and effects
// (core/commands), the reducer makes the next state, the screens draw it.
import React, {useCallback, useMemo, useReducer} from 'react';
import {Box, useApp, useStdout} from 'ink';
import type {Article, ArticleRow} from './core/article.js';
import type {Effect, Target} from './core/commands.js';
import {editionLabel, readerLines, sectorLabel} from './core/layout.js';
import {initialState, listHeight, readerHeight, reducer} from './core/state.js';
import type {Bookmark, BookmarkStore} from './bookmarks/bookmark-store.js';
import type {Library} from './library/store.js';
import {ArticleList} from './components/ArticleList.js';
import {FilterLine} from './components/FilterLine.js';
import {Footer} from './components/Footer.js';
import {Header} from './components/Header.js';
import {StatusLine} from './components/StatusLine.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {PickerScreen} from './screens/PickerScreen.js';
import {ReaderScreen, scrollPosition} from './screens/ReaderScreen.js';
import {useCommands} from './hooks/use-commands.js';
import {readSize, useTerminalSize} from './hooks/use-terminal-size.js';

/** What the app asks of the outside world; tests pass their own. */
export type Outside = {
	openLink: (url: string) => Promise<{ok: true} | {ok: false; reason: string}>;
	copy: (text: string) => void;
};

export type AppProps = {
	library: Library;
	bookmarks: BookmarkStore;
	outside: Outside;
	sector?: string;
	edition?: string;
	/** Problems found at start (bad data files, a moved-aside config), shown once. */
	warnings?: string[];
};

const LIST_HINTS = '↑↓ move  ⏎ open  s sector  e edition  / filter  b bookmark  B bookmarks  ? help  q quit';
const READER_HINTS = '↑↓ scroll  space page  b bookmark  o open link  y copy link  ← back  ? help';

function bookmarkRow(bookmark: Bookmark): ArticleRow {
	return {
		id: bookmark.id,
		title: bookmark.title,
		url: bookmark.url,
		sector: bookmark.sector ?? 'other',
		edition: bookmark.edition ?? 'other',
		createdAt: bookmark.createdAt,
		kind: 'full',
	};
}

/** A bookmark whose article left the library still opens, from its snapshot. */
function snapshotArticle(bookmark: Bookmark): Article {
	return {...bookmark, countries: [], body: [], kind: 'headline', source: 'bookmark'};
}

function targetOf(item: ArticleRow | Article): Target {
	return {id: item.id, title: item.title, url: item.url, sector: item.sector, edition: item.edition, createdAt: item.createdAt};
}

export function App({library, bookmarks, outside, sector, edition, warnings = []}: AppProps) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState({...readSize(stdout), sector, edition, message: warnings.join(' · ') || undefined}),
	);
	useTerminalSize(useCallback(size => dispatch({type: 'resize', ...size}), []));
	const [bookmarkList, setBookmarkList] = React.useState(() => bookmarks.list());
	const bookmarkedIds = useMemo(() => new Set(bookmarkList.map(bookmark => bookmark.id)), [bookmarkList]);

	const {width} = state.viewport;
	const taxonomy = useMemo(() => library.taxonomy(), [library]);
	const filter = useMemo(
		() => ({sector: state.sector, edition: state.edition, title: state.query || undefined}),
		[state.sector, state.edition, state.query],
	);
	const bodyHeight = listHeight(state);
	const position = state.positions[state.mode];

	const count = useMemo(
		() => (state.mode === 'bookmarks' ? bookmarkList.length : library.count(filter)),
		[state.mode, bookmarkList, library, filter],
	);
	const rows = useMemo(
		() =>
			state.mode === 'bookmarks'
				? bookmarkList.slice(position.top, position.top + bodyHeight).map(bookmark => bookmarkRow(bookmark))
				: library.page(filter, position.top, bodyHeight),
		[state.mode, bookmarkList, library, filter, position.top, bodyHeight],
	);
	const selectedRow = rows[position.selected - position.top];

	const article = useMemo(() => {
		if (!state.reader) return undefined;
		const id = state.reader.id;
		const snapshot = bookmarkList.find(bookmark => bookmark.id === id);
		return library.article(id) ?? (snapshot ? snapshotArticle(snapshot) : undefined);
	}, [state.reader?.id, library, bookmarkList]);
	const lines = useMemo(() => (article ? readerLines(article, taxonomy, width) : []), [article, taxonomy, width]);

	const perform = (effect: Effect) => {
		switch (effect.type) {
			case 'quit':
				exit();
				return;
			case 'toggleBookmark':
				bookmarks.toggle(effect.target).then(
					added => {
						setBookmarkList(bookmarks.list());
						dispatch({type: 'message', text: `${added ? 'Bookmarked' : 'Removed bookmark'}: ${effect.target.title}`});
					},
					(error: unknown) => dispatch({type: 'message', text: (error as Error).message}),
				);
				return;
			case 'openLink': {
				const {url} = effect.target;
				if (!url) {
					dispatch({type: 'message', text: 'This story has no link.'});
					return;
				}

				void outside.openLink(url).then(result => {
					dispatch({type: 'message', text: result.ok ? `Opened ${url}` : `Could not open a browser (${result.reason}): ${url}`});
				});
				return;
			}

			case 'copyLink': {
				const {url} = effect.target;
				if (!url) {
					dispatch({type: 'message', text: 'This story has no link.'});
					return;
				}

				outside.copy(url);
				dispatch({type: 'message', text: `Copied (OSC 52): ${url}`});
			}
		}
	};

	useCommands(
		state,
		{count, selected: selectedRow && targetOf(selectedRow), open: article && targetOf(article), lineCount: lines.length},
		dispatch,
		perform,
	);

	const place =
		state.mode === 'bookmarks' ? 'Bookmarks' : `${state.sector ? sectorLabel(state.sector, taxonomy) : 'All sectors'} · ${state.edition ? editionLabel(state.edition, taxonomy) : 'All editions'}`;
	const detail = `${count} ${count === 1 ? 'article' : 'articles'}`;
	const readerBody = readerHeight(state);

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
		body = <ReaderScreen lines={lines} scroll={state.reader.scroll} height={readerBody} />;
	} else {
		body = (
			<>
				{state.filtering || state.query ? <FilterLine query={state.query} editing={state.filtering} width={width} /> : null}
				<ArticleList
					rows={rows}
					selected={position.selected - position.top}
					bookmarked={bookmarkedIds}
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
			<Header title={place} detail={state.reader ? "" : detail} width={width} />
			{body}
			{state.message ? <StatusLine text={state.message} width={width} /> : null}
			<Footer
				hints={state.reader ? READER_HINTS : LIST_HINTS}
				position={state.reader ? scrollPosition(state.reader.scroll, readerBody, lines.length) : undefined}
				width={width}
			/>
		</Box>
	);
}
