// Turns the changes of a frame into bytes: the changed stretches of each
// line, a line erased and drawn again, rows scrolled. It keeps track of
// where the terminal's cursor is and which style it draws in (its "pen"),
// so every move and every style change sent is the least one needed, and
// can go back to an earlier state to try another way and keep the cheaper.
// A run of one character is drawn the cheapest way the terminal allows, as
// curses draws it: written, repeated (REP), or, for blanks, erased (ECH, or
// EL where the run reaches the end of the row), in the blanks' background
// colour where the terminal erases in it.
import {COVERED, cellAt, utf8Length, type Cell, type Line} from './cells.js';
import {cursorMove, type CursorPlace} from './cursor-moves.js';
import {ERASE_TO_LINE_END, NEXT_LINE, WHOLE_SCREEN_REGION, eraseCharacters, repeatCharacter, scrollDown, scrollRegion, scrollUp} from './escapes.js';
import {lineChanges, looksSame, type Stretch} from './line-changes.js';
import type {Scroll} from './scrolls.js';
import {PLAIN, erasedLook, styleChange, type Style} from './styles.js';
import {UNKNOWN_TERMINAL, type TerminalAbilities} from './terminal-abilities.js';

/** Everything the painter holds, to go back to. */
export type PainterState = {output: string; row: number; column: number; pen: Style};

/** A character REP may repeat: one column of printable ASCII, as curses repeats. */
const repeatable = (cell: Cell) => cell.width === 1 && cell.text.length === 1 && cell.text >= ' ' && cell.text <= '~';

/** Bytes to change the pen from `pen` to `after`, the style of the cell after a run (none at a stretch's end). */
const leaving = (pen: Style, after: Style | undefined) => (after === undefined ? 0 : styleChange(pen, after).length);

export class Painter {
	/** What to send the terminal, so far. */
	output = '';
	readonly cursor: CursorPlace = {row: -1, column: -1};
	pen: Style = PLAIN;
	/** The screen's width, known once it is cleared. */
	private columns = 0;

	constructor(private readonly abilities: TerminalAbilities = UNKNOWN_TERMINAL) {}

	/** After the screen was cleared (home, default style), at a size of `columns`. */
	cleared(columns: number): void {
		this.columns = columns;
		this.cursor.row = 0;
		this.cursor.column = 0;
		this.pen = PLAIN;
	}

	state(): PainterState {
		return {output: this.output, row: this.cursor.row, column: this.cursor.column, pen: this.pen};
	}

	restore(state: PainterState): void {
		this.output = state.output;
		this.cursor.row = state.row;
		this.cursor.column = state.column;
		this.pen = state.pen;
	}

	/** Moves rows of the screen by a scroll of a region of it. */
	scroll({top, bottom, by}: Scroll): void {
		// The rows that come in are blank in the pen's background: the default one.
		this.usePen(PLAIN);
		this.output += scrollRegion(top, bottom) + (by > 0 ? scrollUp(by) : scrollDown(-by)) + WHOLE_SCREEN_REGION;
		this.cursor.row = 0;
		this.cursor.column = 0;
	}

	/** Takes what was painted, to be written. */
	take(): string {
		const {output} = this;
		this.output = '';
		return output;
	}

	private moveTo(row: number, column: number): void {
		this.output += cursorMove(this.cursor, {row, column});
		this.cursor.row = row;
		this.cursor.column = column;
	}

	usePen(style: Style): void {
		this.output += styleChange(this.pen, style);
		this.pen = style;
	}

	/**
	 * Turns screen row `row` from `shown` into `next`, the cheaper of two
	 * ways: drawing over the cells that differ; or erasing the row from the
	 * first of them and drawing only what is not blank, which wins where the
	 * new line has wide gaps (a list row's padding between its columns) over
	 * text that was there.
	 */
	drawLine(row: number, shown: Line, next: Line): void {
		const over = lineChanges(shown, next, this.columns);
		const first = over[0]?.from;
		if (first === undefined) return;
		const before = this.state();
		this.paint(row, next, over);
		const drawnOver = this.state();
		this.restore(before);
		this.goTo(row, next, first);
		// Erasing paints the pen's background: the default one.
		this.usePen(PLAIN);
		this.output += ERASE_TO_LINE_END;
		this.paint(row, next, lineChanges(next.slice(0, first), next, this.columns));
		if (this.output.length > drawnOver.output.length) this.restore(drawnOver);
	}

	/** Draws the stretches of `line` on screen row `row`, left to right. */
	private paint(row: number, line: Line, stretches: Stretch[]): void {
		for (const {from, to} of stretches) {
			this.goTo(row, line, from);
			// The rest of the row erased: the stretches after are its blanks.
			if (this.draw(row, line, from, to)) return;
		}
	}

	/**
	 * Writes the cells of `line` from `from` to `to`, the cursor standing at
	 * `from`. True when it erased the rest of the row instead (its cells from
	 * there on are all one blank): the cursor then stands where that began.
	 */
	private draw(row: number, line: Line, from: number, to: number): boolean {
		for (let column = from; column < to; ) {
			const cell = cellAt(line, column);
			if (cell === COVERED) {
				column++;
				continue;
			}

			if (cell.unsure) {
				// Blank every column a terminal might give it, draw it, and stand where
				// the next cell goes whatever width the terminal gave it; the caller
				// draws the cells it may have covered (see span) again.
				this.usePen(cell.style);
				const span = Math.min(cell.span, this.columns - column);
				this.output += eraseCharacters(span) + cell.text;
				this.cursor.column = -1;
				column += cell.width;
				if (column < this.columns) this.moveTo(row, column);
				continue;
			}

			if (cell.width === 1) {
				const drawn = this.drawRun(row, line, column, to);
				if (drawn === undefined) return true;
				column = drawn;
				continue;
			}

			this.usePen(cell.style);
			this.output += cell.text;
			column += cell.width;
			// The cursor stays in the last column once it is written (autowrap is off).
			this.cursor.column = column < this.columns ? column : -1;
		}

		return false;
	}

	/**
	 * Draws the run of cells like the one at `column` (up to `to`), the
	 * cheapest of the ways the terminal allows: written; the first written
	 * and repeated; or, for blanks, erased. Returns the column after it, or
	 * undefined when it erased the rest of the row.
	 */
	private drawRun(row: number, line: Line, column: number, to: number): number | undefined {
		const cell = cellAt(line, column);
		const look = cell.text === ' ' ? erasedLook(cell.style) : undefined;
		let end = column + 1;
		// Up to the row's end, to know whether the run reaches it.
		while (end < this.columns && looksSame(cell, cellAt(line, end))) end++;
		const last = Math.min(end, to);
		const count = last - column;
		// One character of text, most of a frame's runs, can only be written: nothing is weighed (or allocated) for it.
		switch (count > 1 || look !== undefined ? this.cheapestWay(row, line, look, column, end, to) : 'write') {
			case 'write': {
				this.usePen(cell.style);
				this.output += cell.text.repeat(count);
				break;
			}

			case 'repeat': {
				this.usePen(cell.style);
				this.output += cell.text + repeatCharacter(count - 1);
				break;
			}

			case 'erase to end': {
				this.usePen(look!);
				this.output += ERASE_TO_LINE_END;
				return undefined;
			}

			case 'erase': {
				this.usePen(look!);
				this.output += eraseCharacters(count);
				// Erasing leaves the cursor where it was: it steps over the blanks if more follows.
				if (last < to) this.moveTo(row, last);
				return last;
			}
		}

		// The cursor stays in the last column once it is written (autowrap is off).
		this.cursor.column = last < this.columns ? last : -1;
		return last;
	}

	/**
	 * The cheapest way to draw the run of the cell at `column` (its like
	 * reaching `end`, drawn up to `to`); `look`, for a blank, how it looks
	 * erased.
	 */
	private cheapestWay(row: number, line: Line, look: Style | undefined, column: number, end: number, to: number): 'write' | 'repeat' | 'erase' | 'erase to end' {
		const cell = cellAt(line, column);
		const last = Math.min(end, to);
		const count = last - column;
		const after = last < to ? cellAt(line, last).style : undefined;
		const arriving = styleChange(this.pen, cell.style).length + leaving(cell.style, after);
		let best = arriving + count * utf8Length(cell.text);
		let way: 'write' | 'repeat' = 'write';
		if (this.abilities.repeat && count > 1 && repeatable(cell)) {
			const cost = arriving + 1 + repeatCharacter(count - 1).length;
			if (cost < best) {
				best = cost;
				way = 'repeat';
			}
		}

		if (look !== undefined && (look === PLAIN || this.abilities.backColourErase)) {
			const pen = styleChange(this.pen, look).length;
			if (end === this.columns && pen + ERASE_TO_LINE_END.length < best) return 'erase to end';
			const stepOver = last < to ? cursorMove({row, column}, {row, column: last}).length : 0;
			if (pen + eraseCharacters(count).length + stepOver + leaving(look, after) < best) return 'erase';
		}

		return way;
	}

	/**
	 * Puts the cursor at `column` of `row` the cheapest way: a cursor move;
	 * or writing the unchanged cells between it and the cursor again, on the
	 * same row or, after a NEL, from the start of the next one.
	 */
	private goTo(row: number, line: Line, column: number): void {
		const move = cursorMove(this.cursor, {row, column});
		const arrive = (pen: Style) => styleChange(pen, cellAt(line, column).style).length;
		let best = move.length + arrive(this.pen);
		let rewriteFrom: number | undefined;
		let newLine = false;
		if (this.cursor.row === row && this.cursor.column >= 0 && this.cursor.column <= column) {
			const cost = this.rewriteCost(line, this.cursor.column, column, best, arrive);
			if (cost <= best) {
				best = cost;
				rewriteFrom = this.cursor.column;
			}
		}

		if (this.cursor.row === row - 1) {
			const cost = NEXT_LINE.length + this.rewriteCost(line, 0, column, best - NEXT_LINE.length, arrive);
			if (cost < best) {
				rewriteFrom = 0;
				newLine = true;
			}
		}

		if (rewriteFrom === undefined) {
			this.output += move;
			this.cursor.row = row;
			this.cursor.column = column;
			return;
		}

		if (newLine) {
			this.output += NEXT_LINE;
			this.cursor.row = row;
			this.cursor.column = 0;
		}

		// Drawn its cheapest way, a run of blanks may be erased and the cursor left at its start.
		this.draw(row, line, rewriteFrom, column);
		this.moveTo(row, column);
	}

	/** Bytes to write the cells [from, to) of `line` again and take the pen on to the cell at `to`; past `budget`, Infinity. */
	private rewriteCost(line: Line, from: number, to: number, budget: number, arrive: (pen: Style) => number): number {
		let cost = 0;
		let pen = this.pen;
		for (let column = from; column < to && cost <= budget; column++) {
			const cell = cellAt(line, column);
			if (cell === COVERED) continue;
			// Where a terminal may put the cursor after it is not known.
			if (cell.unsure) return Number.POSITIVE_INFINITY;
			cost += styleChange(pen, cell.style).length + utf8Length(cell.text);
			pen = cell.style;
		}

		cost += arrive(pen);
		return cost <= budget ? cost : Number.POSITIVE_INFINITY;
	}
}
