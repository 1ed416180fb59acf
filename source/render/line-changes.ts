// What to draw on one screen row to turn the line shown into the next:
// the stretches of columns whose cells look different. (How each stretch
// is drawn, blanks and repeats included, is the painter's choice.)
import {cellAt as at, type Cell, type Line} from './cells.js';
import {erasedLook} from './styles.js';

/** Columns [from, to) of a line to draw again. */
export type Stretch = {from: number; to: number};

/**
 * Two cells look the same on screen: the same grapheme in the same style,
 * or blanks of the same background that show nothing else (a blank's
 * foreground colour, say, shows nowhere). A run the painter draws at once
 * is such cells.
 */
export function looksSame(a: Cell, b: Cell): boolean {
	if (a === b) return true;
	if (a.text !== b.text) return false;
	if (a.style === b.style) return true;
	if (a.text !== ' ') return false;
	const look = erasedLook(a.style);
	return look !== undefined && look === erasedLook(b.style);
}

export function lineChanges(shown: Line, next: Line, columns: number): Stretch[] {
	const end = Math.max(shown.length, next.length);
	const stretches: Stretch[] = [];
	let from = -1;
	// Where a terminal may draw a cell wider than its width, the cells it may
	// cover are drawn again after it: up to here.
	let covered = 0;
	for (let column = 0; column < end || column < covered; column++) {
		const cell = at(next, column);
		if (column < covered || !looksSame(at(shown, column), cell)) {
			if (from === -1) from = column;
			if (cell.unsure) covered = Math.max(covered, Math.min(columns, column + cell.span));
		} else if (from !== -1) {
			// Stretches start and end where cells do: a wide cell that differs
			// differs in both its columns (the shown line cannot have the same
			// wide cell to its left).
			stretches.push({from, to: column});
			from = -1;
		}
	}

	if (from !== -1) stretches.push({from, to: Math.max(end, covered)});
	return stretches;
}
