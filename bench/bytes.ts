// Bytes a key press costs on the wire (what crosses an SSH connection),
// devnews beside newsboat, for the same actions in an item list: the
// selection a row down or up, a page down, an item opened and left again.
// Each program runs in a pseudo-terminal of the size given; after each key
// the count stops once the program has been quiet a while (its screen
// settled).
import pty from 'node-pty';
import stripAnsi from 'strip-ansi';
import {cleanEnv, type Launch} from './pty.js';
import type {BytesPerKey} from './report.js';

/** The keys a program binds to the measured actions, as a terminal sends them. */
export type ListKeys = {
	/** From the program's first screen to an item list. */
	toList: string[];
	down: string;
	up: string;
	pageDown: string;
	open: string;
	back: string;
};

// Longer than either program takes to draw the frame for a key (devnews
// holds a frame back at most 17 ms), so a quiet spell this long means done.
const QUIET_MS = 150;
const LONGEST_MS = 10_000;
// Before the first measured key, a longer quiet spell.
const SETTLED_MS = 1000;

/** A program in a pseudo-terminal, its output counted and kept (its last 20,000 characters). */
export class Session {
	bytes = 0;
	private screen = '';
	private lastOutput = performance.now();
	readonly child: pty.IPty;
	readonly exited: Promise<void>;

	constructor(launch: Launch, columns: number, rows: number) {
		this.child = pty.spawn(launch.command, launch.args, {name: 'xterm-256color', cols: columns, rows, cwd: launch.cwd ?? process.cwd(), env: cleanEnv(launch.env)});
		this.exited = new Promise(resolve => {
			this.child.onExit(() => resolve());
		});
		this.child.onData(data => {
			this.bytes += Buffer.byteLength(data);
			this.screen = (this.screen + data).slice(-20_000);
			this.lastOutput = performance.now();
		});
	}

	async showing(shows: (screen: string) => boolean): Promise<void> {
		const started = performance.now();
		while (!shows(stripAnsi(this.screen))) {
			if (performance.now() - started > LONGEST_MS) throw new Error(`never showed what was awaited; it printed:\n${stripAnsi(this.screen).slice(-2000)}`);
			await new Promise(resolve => setTimeout(resolve, 20)); // eslint-disable-line no-await-in-loop
		}
	}

	/** Waits until nothing has come for `quietMs`. */
	async settled(quietMs = QUIET_MS): Promise<void> {
		const started = performance.now();
		while (performance.now() - this.lastOutput < quietMs) {
			if (performance.now() - started > LONGEST_MS) throw new Error('the screen never settled');
			await new Promise(resolve => setTimeout(resolve, 10)); // eslint-disable-line no-await-in-loop
		}
	}

	/** Presses a key; the bytes written until the screen settled. */
	async press(key: string): Promise<number> {
		const before = this.bytes;
		this.lastOutput = performance.now();
		this.child.write(key);
		await this.settled();
		return this.bytes - before;
	}

	async stop(): Promise<void> {
		this.child.kill('SIGTERM');
		await Promise.race([this.exited, new Promise(resolve => setTimeout(resolve, 5000))]);
	}
}

/**
 * Bytes per key in an item list of `launch`'s program at `columns` × `rows`:
 * `presses` of j/k and of open/back, `pages` of PgDn. j/k goes down half of
 * them and back up (so it scrolls where a page is shorter than that), PgDn
 * pages on down (never to the list's end, where a page down changes
 * nothing), and open/back opens the selected item and leaves it, in turn.
 */
export async function bytesPerKey(launch: Launch, keys: ListKeys, columns: number, rows: number, {presses, pages}: {presses: number; pages: number}): Promise<BytesPerKey> {
	const session = new Session(launch, columns, rows);
	try {
		await session.showing(launch.shows);
		await session.settled();
		for (const key of keys.toList) await session.press(key); // eslint-disable-line no-await-in-loop
		// A list drawn in parts (newsboat reads its items) is not counted in the first key.
		await session.settled(SETTLED_MS);
		const mean = async (times: number, key: (index: number) => string) => {
			let bytes = 0;
			for (let index = 0; index < times; index++) bytes += await session.press(key(index)); // eslint-disable-line no-await-in-loop
			return bytes / times;
		};

		return {
			'j/k': await mean(presses, index => (index < presses / 2 ? keys.down : keys.up)),
			PgDn: await mean(pages, () => keys.pageDown),
			'open/back': await mean(presses, index => (index % 2 === 0 ? keys.open : keys.back)),
		};
	} finally {
		await session.stop();
	}
}
