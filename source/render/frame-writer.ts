// Writes Ink's frames to the terminal sending only what changed. It keeps
// the screen as last drawn, line by line (the text Ink gave and its cells),
// and for each new frame draws only the lines whose text differs, and in
// them only the cells that differ, with the cheapest cursor moves and style
// changes, and runs of one character (blanks above all) the cheapest way
// the terminal allows. The screen is cleared and drawn whole only at the first frame,
// after a resize, and when the app asks (repaint, for Ctrl-l); never is the
// scrollback erased (ESC[3J). Over SSH a key press then costs the bytes of
// what it changed, not of a screen.
import {parseLine, utf8Length, type Line} from './cells.js';
import {
	AUTOWRAP_OFF,
	AUTOWRAP_ON,
	BEGIN_SYNCHRONIZED,
	CLEAR_SCREEN,
	END_SYNCHRONIZED,
	HIDE_CURSOR,
	SGR_RESET,
	SHOW_CURSOR,
} from './escapes.js';
import {InkStdout} from './ink-stdout.js';
import {Painter} from './painter.js';
import {findScroll, scrolled} from './scrolls.js';
import {PLAIN} from './styles.js';
import {terminalAbilities, type TerminalAbilities} from './terminal-abilities.js';

/** The real terminal: process.stdout, or a stand-in of the same shape. */
export type Terminal = {
	write(data: string): unknown;
	readonly columns: number;
	readonly rows: number;
	readonly isTTY?: boolean;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
};

export type FrameWriterOptions = {
	/**
	 * At most this many frames a second: the first frame of a burst is
	 * written at once, and the newest of the rest when the interval is over.
	 * 0 writes every frame at once.
	 */
	maxFps?: number;
	/**
	 * Wrap each frame larger than a packet in synchronized output (DEC mode
	 * 2026), so the terminal shows it whole, never half drawn; terminals
	 * that do not know the mode ignore it. 16 bytes a frame; by default when
	 * writing to a TTY.
	 */
	synchronized?: boolean;
	/** What the terminal can do beyond the basics (erasing in a background colour, REP); by default as its environment tells. */
	abilities?: TerminalAbilities;
};

type ShownLine = {text: string; cells: Line};

/**
 * A frame up to this many bytes reaches the terminal in one read, over SSH
 * too (a TCP packet carries about 1,400), and a terminal draws what it read
 * before it shows the screen: such a frame (a selection moved) is never seen
 * half drawn, and goes without the 16 bytes of synchronized output.
 */
const ONE_READ = 1024;

const EMPTY_LINE: ShownLine = {text: '', cells: []};
const DEFAULT_SIZE = {columns: 80, rows: 24};

export class FrameWriter {
	/** The stdout to give Ink (with `debug: true`): its frames come here. */
	readonly stream: InkStdout;
	private readonly painter: Painter;
	private readonly interval: number;
	private readonly synchronized: boolean;
	private shown: ShownLine[] = [];
	private size = {columns: 0, rows: 0};
	private wholeScreen = true;
	private started = false;
	private closed = false;
	/** The newest frame from Ink, written or waiting. */
	private latest: string | undefined;
	private waiting: NodeJS.Timeout | undefined;
	private lastWrite = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly terminal: Terminal,
		options: FrameWriterOptions = {},
	) {
		const maxFps = options.maxFps ?? 0;
		this.interval = maxFps > 0 ? 1000 / maxFps : 0;
		this.synchronized = options.synchronized ?? Boolean(terminal.isTTY);
		this.painter = new Painter(options.abilities ?? terminalAbilities());
		this.stream = new InkStdout(this, frame => this.submit(frame));
		terminal.on('resize', this.resized);
	}

	get columns(): number {
		return this.terminal.columns || DEFAULT_SIZE.columns;
	}

	get rows(): number {
		return this.terminal.rows || DEFAULT_SIZE.rows;
	}

	/** Clears the screen and draws the newest frame whole, now (Ctrl-l: after anything else wrote to the terminal). */
	repaint(): void {
		this.wholeScreen = true;
		if (this.latest !== undefined && !this.closed) this.writeLatest();
	}

	/**
	 * Lends the terminal to another program (a text browser run in devnews's
	 * place): its cursor and autowrap as the program expects them. Frames wait
	 * meanwhile; the next repaint() draws the whole screen, in devnews's modes again.
	 */
	lend(): void {
		clearTimeout(this.waiting);
		this.waiting = undefined;
		if (this.started) this.terminal.write(AUTOWRAP_ON + SHOW_CURSOR);
		this.started = false;
		this.wholeScreen = true;
	}

	/**
	 * Stops drawing (frames after this are ignored), and gives the terminal
	 * back its cursor and autowrap. The caller leaves the alternate screen.
	 */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		clearTimeout(this.waiting);
		this.terminal.off('resize', this.resized);
		if (this.started) this.terminal.write(AUTOWRAP_ON + SHOW_CURSOR);
	}

	private submit(frame: string): void {
		if (this.closed) return;
		this.latest = frame;
		if (this.waiting) return;
		const wait = this.lastWrite + this.interval - performance.now();
		if (wait <= 0) {
			this.writeLatest();
			return;
		}

		this.waiting = setTimeout(() => this.writeLatest(), wait);
		this.waiting.unref();
	}

	private readonly resized = () => {
		this.wholeScreen = true;
		// Ink lays the last frame out again for the new size as it hears of the
		// resize, and the app draws its own for it when React renders, a moment
		// later. Held for a frame's interval, as after a write, the screen is
		// drawn once, with the newest, not the old layout first (a screenful
		// more, and a flash of it).
		this.lastWrite = performance.now();
		this.stream.emit('resize');
		// If neither drew, the last frame is drawn again on the new screen.
		if (!this.waiting && this.latest !== undefined) this.submit(this.latest);
	};

	private writeLatest(): void {
		clearTimeout(this.waiting);
		this.waiting = undefined;
		this.lastWrite = performance.now();
		const output = this.paint(this.latest!);
		if (!output) return;
		this.terminal.write(this.synchronized && utf8Length(output) > ONE_READ ? BEGIN_SYNCHRONIZED + output + END_SYNCHRONIZED : output);
	}

	/** The bytes that turn the screen shown into `frame`. */
	private paint(frame: string): string {
		const {columns, rows} = this;
		let prefix = '';
		if (this.wholeScreen || columns !== this.size.columns || rows !== this.size.rows) {
			// The terminal's state is not trusted: styles reset, cursor hidden
			// (again), autowrap off, then a clean screen to draw on.
			prefix = SGR_RESET + (this.started ? '' : HIDE_CURSOR + AUTOWRAP_OFF) + CLEAR_SCREEN;
			this.started = true;
			this.wholeScreen = false;
			this.size = {columns, rows};
			this.shown = Array.from({length: rows}, () => EMPTY_LINE);
			this.painter.cleared(columns);
		}

		const lines = frame.split('\n');
		let changed = false;
		// The cells of the lines on screen, by text: a line that moved (the list scrolled) is not parsed again.
		let onScreen: Map<string, Line> | undefined;
		const next = this.shown.map((shown, row) => {
			const text = lines[row] ?? '';
			if (text === shown.text) return shown;
			changed = true;
			onScreen ??= new Map(this.shown.map(line => [line.text, line.cells]));
			return {text, cells: onScreen.get(text) ?? parseLine(text, columns)};
		});
		if (changed) {
			const before = this.painter.state();
			this.drawRows(this.shown, next);
			// Lines that moved together: moved by the terminal, if that costs less.
			const scroll = findScroll(this.shown.map(line => line.text), next.map(line => line.text));
			if (scroll) {
				const drawn = this.painter.state();
				this.painter.restore(before);
				this.painter.scroll(scroll);
				this.drawRows(scrolled(this.shown, scroll, EMPTY_LINE), next);
				if (this.painter.output.length > drawn.output.length) this.painter.restore(drawn);
			}

			this.shown = next;
		}

		// Between frames the terminal draws in its default style, whatever else is written to it.
		this.painter.usePen(PLAIN);
		return prefix + this.painter.take();
	}

	private drawRows(shown: readonly ShownLine[], next: readonly ShownLine[]): void {
		for (const [row, line] of next.entries()) {
			if (line.text !== shown[row]!.text) this.painter.drawLine(row, shown[row]!.cells, line.cells);
		}
	}
}
