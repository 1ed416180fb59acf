// The fewest bytes that take the terminal's cursor from where it is to
// where the next change starts: an absolute move (CUP, CHA), a relative
// one (CUU/CUD/CUF/CUB), a carriage return, next lines, or a reverse index
// for a line up; whichever is shortest. (Writing the cells in between
// again, when they are cheaper still, is the painter's choice: it knows them.)
import {NEXT_LINE, REVERSE_INDEX, cursorBack, cursorColumn, cursorDown, cursorForward, cursorPosition, cursorUp} from './escapes.js';

/** Where the cursor is; -1 where that is not known (at the start; after a write into the last column). */
export type CursorPlace = {row: number; column: number};

// NEL moves to the start of the next line in two bytes; worth trying for a
// few lines only, as CUP is never longer than eight.
const MOST_NEW_LINES = 3;

function horizontal(from: number, to: number): string {
	if (from === to) return '';
	const absolute = cursorColumn(to);
	if (from < 0) return absolute;
	const step = to > from ? cursorForward(to - from) : cursorBack(from - to);
	return step.length < absolute.length ? step : absolute;
}

/** The shortest sequence that moves the cursor from `from` to `to`. */
export function cursorMove(from: CursorPlace, to: CursorPlace): string {
	if (from.row === to.row && from.column === to.column && from.row >= 0) return '';
	let best = cursorPosition(to.row, to.column);
	const consider = (candidate: string) => {
		if (candidate.length < best.length) best = candidate;
	};

	if (from.row < 0) return best;
	if (from.row === to.row) {
		consider(horizontal(from.column, to.column));
		// A carriage return puts the column back at a place known, then a step forward.
		if (to.column > 0) consider(`\r${cursorForward(to.column)}`);
		return best;
	}

	const vertical = to.row > from.row ? cursorDown(to.row - from.row) : cursorUp(from.row - to.row);
	consider(vertical + horizontal(from.column, to.column));
	if (to.row > from.row && to.row - from.row <= MOST_NEW_LINES) consider(NEXT_LINE.repeat(to.row - from.row) + horizontal(0, to.column));
	// A selection moved up a row (k) goes there this way: "\eM\r", where CUP took four bytes.
	if (to.row === from.row - 1) consider(REVERSE_INDEX + horizontal(from.column, to.column));

	return best;
}
