// What to draw on one screen row to turn the line shown into the next:
// the stretches of columns whose cells differ, and where to erase the rest
// of the row when the line got shorter.
import {BLANK, cellAt as at, sameCell, type Line} from './cells.js';
import {ERASE_TO_LINE_END} from './escapes.js';
/** Columns [from, to) of a line to draw again. */
export type Stretch = {from: number; to: number};

export type LineChanges = {stretches: Stretch[]; eraseFrom: number | undefined};

/** The column after the last one that is not a blank. */
function contentEnd(line: Line): number {
	let end = line.length;
	while (end > 0 && sameCell(line[end - 1]!, BLANK)) end--;
	return end;
}

export function lineChanges(shown: Line, next: Line, columns: number): LineChanges {
	const end = Math.max(shown.length, next.length);
	const stretches: Stretch[] = [];
	let from = -1;
	// Where a terminal may draw a cell wider than its width, the cells it may
	// cover are drawn again after it: up to here.
	let covered = 0;
	for (let column = 0; column < end || column < covered; column++) {
		const cell = at(next, column);
		if (column < covered || !sameCell(at(shown, column), cell)) {
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

	// Past the end of the next line, erasing the rest of the row beats
	// writing blanks over more columns than the erase sequence is long.
	const nextEnd = contentEnd(next);
	const tail = stretches.findIndex(stretch => stretch.to > nextEnd);
	if (tail === -1) return {stretches, eraseFrom: undefined};
	const eraseFrom = Math.max(nextEnd, stretches[tail]!.from);
	if (stretches.length - tail === 1 && stretches[tail]!.to - eraseFrom <= ERASE_TO_LINE_END.length) return {stretches, eraseFrom: undefined};
	const kept = stretches.slice(0, tail);
	if (stretches[tail]!.from < nextEnd) kept.push({from: stretches[tail]!.from, to: nextEnd});
	return {stretches: kept, eraseFrom};
}
