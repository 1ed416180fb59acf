// A 10,000-character paste into the search line, through a pseudo-terminal
// (which hands it over in reads of up to 4 KB), on each library:
//  - paste → the frame showing the search's first match: one edit of the
//    query, the search once typing has paused (SEARCH_DEBOUNCE_MS), and its
//    frame; beside it the search alone, the same queries in this process;
//  - Ctrl-C typed right after the paste → the shell's screen back.
// The paste is an article's title words (one deep in the list, so its match
// changes the screen), padded and repeated: the query the search line keeps,
// its first 1,000 characters, finds it.
import xterm from '@xterm/headless';
import {SEARCH_DEBOUNCE_MS} from '../source/hooks/use-list.js';
import {MAX_QUERY} from '../source/core/state.js';
import type {Library} from '../source/library/store.js';
import {Session} from './bytes.js';
import type {Launch} from './pty.js';
import type {Ratio} from './report.js';
import {targetLine} from './table.js';

export type PasteResult = {
	characters: number;
	debounceMs: number;
	sizes: Array<{size: number; resultMs: number; searchMs: number; ctrlCMs: number}>;
};

const CHARACTERS = 10_000;
const LONGEST_MS = 60_000;
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** What to paste into the search of `library`, the query the search line keeps, and the first row (its title's start) its search shows. */
function pasteFor(library: Library, columns: number): {text: string; query: string; firstRow: string} {
	const {total} = library.count({});
	const deep = library.page({}, Math.min(100, total - 1), 1)[0]!;
	const words = deep.title.match(/[\p{L}\p{N}]+/gu)!.slice(0, 4).join(' ');
	const text = words.padEnd(50).repeat(CHARACTERS / 50);
	const query = text.slice(0, MAX_QUERY);
	return {text, query, firstRow: library.page({query}, 0, 1)[0]!.title.slice(0, Math.floor(columns / 3))};
}

/**
 * The search as the list makes it (its count and its first screen), in this
 * process, once, on a library opened for it: after devnews ran it, so the
 * file's pages are as warm, and not answered from what an earlier ask kept.
 */
function searchMs(openLibrary: () => Library, query: string, rows: number): number {
	const library = openLibrary();
	const started = performance.now();
	library.count({query});
	library.page({query}, 0, rows);
	const ms = performance.now() - started;
	library.close();
	return ms;
}

/** A screen the program's output is drawn on, to tell when it shows what is awaited. */
class Screen {
	private readonly terminal: xterm.Terminal;
	constructor(columns: number, rows: number) {
		this.terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	}

	/** Draws `data`; resolves with whether the selected row (marked ›) then shows `text`. */
	async draw(data: string, text: string): Promise<boolean> {
		await new Promise<void>(resolve => {
			this.terminal.write(data, resolve);
		});
		const buffer = this.terminal.buffer.active;
		for (let row = 0; row < this.terminal.rows; row++) {
			const line = buffer.getLine(buffer.baseY + row)?.translateToString(true).trimStart() ?? '';
			if (line.startsWith('›') && line.includes(text)) return true;
		}

		return false;
	}
}

/** The program started, and its search line opened; each output also goes to `onData`. */
async function searchLine(launch: Launch, columns: number, rows: number, onData: (data: string) => void = () => undefined): Promise<Session> {
	const session = new Session(launch, columns, rows);
	session.child.onData(onData);
	await session.showing(launch.shows);
	await session.settled();
	await session.press('/');
	return session;
}

/** ms from the paste to the frame showing `firstRow`. */
async function pasteToResult(launch: Launch, columns: number, rows: number, text: string, firstRow: string): Promise<number> {
	const screen = new Screen(columns, rows);
	let started = 0;
	let drawing = Promise.resolve();
	let shown: (at: number) => void = () => undefined;
	const session = await searchLine(launch, columns, rows, data => {
		const at = performance.now();
		drawing = drawing.then(async () => {
			if ((await screen.draw(data, firstRow)) && started > 0) shown(at - started);
		});
	});
	try {
		return await new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`the paste's match "${firstRow}" never showed`)), LONGEST_MS);
			shown = ms => {
				clearTimeout(timer);
				resolve(ms);
			};

			started = performance.now();
			session.child.write(text);
		});
	} finally {
		await session.stop();
	}
}

/** ms from Ctrl-C, typed right after the paste, to devnews leaving the alternate screen: the shell's screen back. */
async function ctrlCAfterPaste(launch: Launch, columns: number, rows: number, text: string): Promise<number> {
	let started = 0;
	let left: (ms: number) => void = () => undefined;
	const session = await searchLine(launch, columns, rows, data => {
		if (started > 0 && data.includes(LEAVE_ALTERNATE_SCREEN)) left(performance.now() - started);
	});
	try {
		return await new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('Ctrl-C after the paste never left the screen')), LONGEST_MS);
			left = ms => {
				clearTimeout(timer);
				resolve(ms);
			};

			session.child.write(text);
			started = performance.now();
			session.child.write('\u0003');
		});
	} finally {
		await session.stop();
	}
}

export async function measurePaste(launches: Array<{size: number; launch: Launch; openLibrary: () => Library}>, columns: number, rows: number): Promise<PasteResult> {
	const sizes: PasteResult['sizes'] = [];
	for (const {size, launch, openLibrary} of launches) {
		const library = openLibrary();
		const {text, query, firstRow} = pasteFor(library, columns);
		library.close();
		/* eslint-disable no-await-in-loop -- one program at a time */
		const resultMs = await pasteToResult(launch, columns, rows, text, firstRow);
		const ctrlCMs = await ctrlCAfterPaste(launch, columns, rows, text);
		/* eslint-enable no-await-in-loop */
		sizes.push({size, resultMs, searchMs: searchMs(openLibrary, query, rows - 2), ctrlCMs});
	}

	return {characters: CHARACTERS, debounceMs: SEARCH_DEBOUNCE_MS, sizes};
}

/** Paste → its result, less the debounce and the search; Ctrl-C after a paste → exit; the slowest library's each. */
export function pasteTargets({sizes, debounceMs}: PasteResult): Ratio[] {
	if (sizes.length === 0) return [];
	const overhead = Math.max(...sizes.map(({resultMs, searchMs}) => resultMs - debounceMs - searchMs));
	const ctrlC = Math.max(...sizes.map(({ctrlCMs}) => ctrlCMs));
	return [
		{what: 'paste of 10,000 characters → its result, less the debounce and the search, slowest library (ms)', value: overhead, target: '≤ 100', met: overhead <= 100},
		{what: "Ctrl-C right after the paste → the shell's screen back, slowest library (ms)", value: ctrlC, target: '≤ 100', met: ctrlC <= 100},
	];
}

/** The paste table: a row per library; then its targets, if given. */
export function printPaste(paste: PasteResult, targets: Ratio[] = []): string {
	const ms = (value: number) => value.toFixed(0);
	const lines = [
		`a paste of ${paste.characters.toLocaleString('en')} characters into the search line (80×24; the search waits ${paste.debounceMs} ms for typing to pause): ms to the frame with its result, the search alone, Ctrl-C right after it → the shell's screen back`,
		...paste.sizes.map(({size, resultMs, searchMs, ctrlCMs}) => `  ${size.toLocaleString('en').padStart(9)} articles: ${ms(resultMs)} (search ${ms(searchMs)}); Ctrl-C ${ms(ctrlCMs)}`),
	];
	if (targets.length > 0) lines.push('', 'targets (ratios from this run):', ...targets.map(entry => targetLine(entry)));
	return `${lines.join('\n')}\n`;
}
