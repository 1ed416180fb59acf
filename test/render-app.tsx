// Renders the whole browser with ink-testing-library on a library and a
// bookmarks folder of its own, at a chosen terminal size.
import fs from 'node:fs';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {App} from '../source/app.js';
import {readSettings} from '../source/config/settings.js';
import {withUserKeys} from '../source/core/user-keys.js';
import type {Outside} from '../source/hooks/use-effects.js';
import {FeedList, type Feed} from '../source/feeds/feed-list.js';
import type {RefreshOptions} from '../source/feeds/limits.js';
import {Library} from '../source/library/store.js';
import {SHIPPED_DATA, openBookmarks, tempDir} from './helpers.js';

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	backspace: '\u007F',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
} as const;

type Options = {
	width?: number;
	height?: number;
	dataDir?: string;
	configDir?: string;
	sector?: string;
	edition?: string;
	warnings?: string[];
	hyperlinks?: boolean;
	/** Feeds for r to refresh (test servers on 127.0.0.1 only). */
	feeds?: Feed[];
	refresh?: RefreshOptions;
	/** Where the library lives (a temporary folder unless given). */
	cacheDir?: string;
	busyTimeoutMs?: number;
	/** Settings written to config.json before devnews starts, read as devnews reads them (keys, theme, textWidth, …). */
	settings?: Record<string, unknown>;
	/** Why the browser could not be opened, to have `o` fail. */
	openFails?: string;
};

export type Opened = {url: string}[];

export async function renderApp(options: Options = {}) {
	const libraryFile = path.join(options.cacheDir ?? tempDir('devnews-cache'), 'library.sqlite');
	const {library} = Library.open(libraryFile, {busyTimeoutMs: options.busyTimeoutMs});
	const errors = library.syncData(options.dataDir ?? SHIPPED_DATA);
	const configDir = options.configDir ?? tempDir('devnews-config');
	if (options.settings) fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify(options.settings));
	const {store: bookmarks, config} = await openBookmarks(configDir);
	// As the command line does: the settings checked, the user's keys put in the table.
	const {settings, problems} = readSettings(config);
	const keys = withUserKeys(settings.keys);
	const feeds = new FeedList(config, options.feeds ?? []);
	const opened: string[] = [];
	const copied: string[] = [];
	const outside: Outside = {
		openLink: async url => {
			if (options.openFails) return {ok: false, reason: options.openFails};
			opened.push(url);
			return {ok: true};
		},
		copy: async text => {
			copied.push(text);
			return {ok: true};
		},
		hyperlinks: options.hyperlinks ?? false,
		refresh: options.refresh,
	};
	const ui = render(
		<App
			library={library}
			bookmarkStore={bookmarks}
			feeds={feeds}
			config={config}
			outside={outside}
			sector={options.sector}
			edition={options.edition}
			settings={settings}
			bindings={keys.bindings}
			warnings={options.warnings ?? [...errors, ...[...problems, ...keys.problems].map(problem => `${config.file}: ${problem}`)]}
		/>,
	);
	const resize = async (width: number, height: number) => {
		// ink-testing-library's stdout is 100 columns and has no rows; give it a size.
		Object.defineProperty(ui.stdout, 'columns', {value: width, configurable: true});
		Object.defineProperty(ui.stdout, 'rows', {value: height, configurable: true});
		ui.stdout.emit('resize');
		// Ink redraws the old layout on a resize before the app's own re-render
		// lands, so wait for a frame of the new size, not just any new frame.
		// A screen reader's text is not laid out on the screen: any frame after the resize will do.
		const framesBefore = ui.frames.length;
		const fits = () => {
			if (process.env['INK_SCREEN_READER'] === 'true') return ui.frames.length > framesBefore;
			const lines = (ui.lastFrame() ?? '').split('\n');
			return lines.length === height && lines.every(line => stringWidth(line) <= width);
		};

		const started = Date.now();
		while (!fits()) {
			if (Date.now() - started > 3000) throw new Error(`the screen never took the size ${width}×${height}:\n${ui.lastFrame() ?? ''}`);
			await delay(2); // eslint-disable-line no-await-in-loop -- polling the screen
		}
	};

	await resize(options.width ?? 80, options.height ?? 24);
	// Each key waits for the frame it causes (or a short while, for a key
	// that changes nothing), as a person waits to see the screen.
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			const frames = ui.frames.length;
			const started = Date.now();
			ui.stdin.write(key);
			// eslint-disable-next-line no-await-in-loop -- keys arrive one after another, as typed
			while (ui.frames.length === frames && Date.now() - started < 300) await delay(2);
			// Then let React run the effects that subscribe newly shown inputs (the pickers).
			await delay(10); // eslint-disable-line no-await-in-loop -- polling the screen
		}
	};

	const frame = () => ui.lastFrame() ?? '';
	/**
	 * Waits until the screen shows `pattern` (after a debounce or a fetch), or
	 * fails after `ms`: long enough for a refresh, which starts its threads
	 * (each loading its TypeScript here) and on a busy machine took over 3 s.
	 */
	const waitFor = async (pattern: RegExp, ms = 10_000) => {
		const started = Date.now();
		while (!pattern.test(frame())) {
			if (Date.now() - started > ms) throw new Error(`the screen never showed ${pattern}:\n${frame()}`);
			await delay(10); // eslint-disable-line no-await-in-loop -- polling the screen
		}
	};

	return {ui, press, frame, waitFor, resize, library, libraryFile, bookmarks, opened, copied, configDir};
}
