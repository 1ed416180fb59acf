// The in-memory terminal the in-process benchmarks render the browser
// into, and key presses timed on it: from the key reaching Ink's stdin to
// the frame writer's next write to the terminal. Shared by runner.tsx and
// complete-runner.tsx.
import {EventEmitter} from 'node:events';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink';
import type {ReactElement} from 'react';
import {MAX_FPS, renderOptions} from '../source/browser.js';
import {FrameWriter} from '../source/render/frame-writer.js';

/** Ink's stdin, as a terminal in raw mode gives it. */
class TerminalInput extends EventEmitter {
	readonly isTTY = true;
	private pending: string[] = [];
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
	read(): string | null {
		return this.pending.shift() ?? null;
	}

	type(key: string): void {
		this.pending.push(key);
		this.emit('readable');
	}
}

/** The terminal: a fixed size; notes when each write arrives. */
class TerminalOutput extends EventEmitter {
	readonly isTTY = true;
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	private waiting: ((at: number) => void) | undefined;
	write(): boolean {
		const at = performance.now();
		this.waiting?.(at);
		this.waiting = undefined;
		return true;
	}

	/** When the next write arrives (the start of the next frame). */
	nextWrite(timeoutMs = 5000): Promise<number> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no frame within ${timeoutMs} ms of a key press`)), timeoutMs);
			this.waiting = at => {
				clearTimeout(timer);
				resolve(at);
			};
		});
	}
}

// The writer draws at most one frame per 1000/MAX_FPS ms; each key waits
// that long after the last frame, so what is timed is devnews's work, not the cap.
const FRAME_GAP_MS = Math.ceil(1000 / MAX_FPS) + 2;

/** Key presses on the terminal, timed to their frames. */
function timedKeys(stdin: TerminalInput, stdout: TerminalOutput) {
	const frameOf = (key: string) =>
		stdout.nextWrite().catch((error: unknown) => {
			throw new Error(`${(error as Error).message}: ${JSON.stringify(key)}`);
		});
	return {
		/** Presses a key once the last frame is old enough, and returns the ms until its frame is written. */
		async press(key: string): Promise<number> {
			await delay(FRAME_GAP_MS);
			const frame = frameOf(key);
			const started = performance.now();
			stdin.type(key);
			return (await frame) - started;
		},

		/**
		 * Presses a key that is not timed (to the top before paging, into the
		 * search line and out): it may change nothing on screen, and the writer
		 * then writes nothing, so its frame is waited for only a short while.
		 */
		async move(key: string): Promise<void> {
			await delay(FRAME_GAP_MS);
			const frame = stdout.nextWrite(500).catch(() => undefined);
			stdin.type(key);
			await frame;
		},

		/**
		 * Presses a key due a frame's gap after the last frame, timed from then,
		 * not from when its timer ran: a key typed while the main thread is held
		 * (a refresh writing, a page being read) waits as long as the timer is late.
		 */
		async pressDue(key: string): Promise<number> {
			const due = performance.now() + FRAME_GAP_MS;
			await delay(FRAME_GAP_MS);
			const frame = frameOf(key);
			stdin.type(key);
			return (await frame) - due;
		},
	};
}

/** Renders `app` into a new terminal of `columns` × `rows` through the frame writer, as the browser draws; once its first frame is written. */
export async function renderInTerminal(app: ReactElement, columns: number, rows: number) {
	const stdin = new TerminalInput();
	const stdout = new TerminalOutput(columns, rows);
	const writer = new FrameWriter(stdout, {maxFps: MAX_FPS});
	const firstFrame = stdout.nextWrite();
	const instance = render(app, {...renderOptions(writer), stdin: stdin as unknown as NodeJS.ReadStream, stderr: stdout as unknown as NodeJS.WriteStream});
	await firstFrame;
	return {
		stdout,
		...timedKeys(stdin, stdout),
		/** Unmounts the app and closes the writer. */
		close() {
			instance.unmount();
			writer.close();
		},
	};
}
