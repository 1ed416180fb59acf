// What Ink takes for its stdout when devnews draws through a FrameWriter.
// With Ink's `debug` option, Ink writes every frame whole to its stdout and
// never erases, clears or moves anything itself; this stream hands each
// frame to the writer, and tells Ink and the app the terminal's size.
import {EventEmitter} from 'node:events';

export type TerminalSize = {readonly columns: number; readonly rows: number};

export class InkStdout extends EventEmitter {
	/**
	 * Not a terminal, as far as Ink can tell: then what Ink writes here is
	 * frames. (Its App would otherwise write the cursor-show sequence here
	 * when it unmounts; the writer shows the cursor itself.) In CI mode Ink
	 * also writes its last output and a newline as it unmounts, which in
	 * debug mode is a blank frame, drawn on the alternate screen just before
	 * devnews leaves it.
	 */
	readonly isTTY = false;

	constructor(
		private readonly terminal: TerminalSize,
		private readonly onFrame: (frame: string) => void,
	) {
		super();
	}

	get columns(): number {
		return this.terminal.columns;
	}

	get rows(): number {
		return this.terminal.rows;
	}

	/** A frame from Ink. An empty write carries none (Ink's resize handling sends one). */
	write(frame: string, callback?: () => void): boolean {
		if (frame !== '') this.onFrame(frame);
		callback?.();
		return true;
	}
}
