// Writes Ink's screen-reader frames as a conversation. In screen-reader
// mode each frame is plain text, a sentence or a line of the story a line;
// drawn whole each time (as Ink does it), every key would print the whole
// screen again below the last, and a screen reader read it all again. This
// writer keeps the last frame's lines and, for each new frame, writes only
// the lines it did not have, as plain new lines at the end of the terminal
// (never a cursor move, so the scrollback reads in order): after a move,
// the newly selected row; after opening a story, its lines in order; after
// scrolling, the lines that came into view; a status message once.
import type {Terminal} from './frame-writer.js';
import {InkStdout} from './ink-stdout.js';

/**
 * How a selected line begins: a list row (core/layout.ts rowSentence) or
 * a picker's entry (screens/PickerScreen.tsx). It is what a key moved to,
 * so it is said before the rest, after where you are.
 */
const SELECTED = /^Selected[.:] /;

export class ScreenReaderWriter {
	/** The stdout to give Ink (with `debug: true` and `isScreenReaderEnabled: true`): its frames come here. */
	readonly stream: InkStdout;
	/** The last frame's lines, without blank ones. */
	private said: string[] = [];
	private closed = false;

	constructor(private readonly terminal: Terminal) {
		this.stream = new InkStdout(terminal, frame => this.submit(frame));
		terminal.on('resize', this.resized);
	}

	/** Says the whole screen again (Ctrl-l). */
	repaint(): void {
		if (this.closed) return;
		const lines = this.said;
		this.said = [];
		this.submit(lines.join('\n'));
	}

	/** Stops writing: frames after this are ignored. */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.terminal.off('resize', this.resized);
	}

	private submit(frame: string): void {
		if (this.closed) return;
		const lines = frame
			.split('\n')
			.map(line => line.trimEnd())
			.filter(line => line !== '');
		const before = new Set(this.said);
		// A line that was the selected one and lost the mark: the move is said by the line that gained it.
		for (const line of this.said) if (SELECTED.test(line)) before.add(line.replace(SELECTED, ''));
		const news = lines.filter(line => !before.has(line));
		this.said = lines;
		if (news.length === 0) return;
		// Where you are (the first line: the header), then what is selected, then the rest in order.
		const place = news[0] === lines[0] && !SELECTED.test(news[0]!) ? [news[0]!] : [];
		const selected = news.filter(line => SELECTED.test(line));
		const rest = news.slice(place.length).filter(line => !SELECTED.test(line));
		this.terminal.write(`${[...place, ...selected, ...rest].join('\n')}\n`);
	}

	// Ink and the app lay the screen out again for the new size (the story is wrapped to the width).
	private readonly resized = () => {
		this.stream.emit('resize');
	};
}
