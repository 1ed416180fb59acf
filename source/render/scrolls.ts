// Lines that moved together (the list scrolled a row, the reader a line or
// a page) are cheaper moved by the terminal than drawn again: a scroll
// region around them and one scroll, about 15 bytes, then only the lines
// that came into view are drawn.

/** Rows `top` to `bottom` (inclusive) move up `by` rows; down where `by` is negative. */
export type Scroll = {top: number; bottom: number; by: number};

/**
 * The shift that brings the most text (by length) back into place, as a
 * scroll of the rows that span it; none when no changed line was on screen
 * elsewhere. Blank lines vote for nothing: they are everywhere.
 */
export function findScroll(shown: readonly string[], next: readonly string[]): Scroll | undefined {
	const rowsOf = new Map<string, number[]>();
	for (const [row, text] of shown.entries()) {
		if (text === '' || next[row] === text) continue;
		const rows = rowsOf.get(text);
		if (rows) rows.push(row);
		else rowsOf.set(text, [row]);
	}

	const shifts = new Map<number, {weight: number; first: number; last: number}>();
	for (const [row, text] of next.entries()) {
		if (text === '' || shown[row] === text) continue;
		for (const from of rowsOf.get(text) ?? []) {
			const by = from - row;
			const shift = shifts.get(by);
			if (shift) {
				shift.weight += text.length;
				shift.last = row;
			} else {
				shifts.set(by, {weight: text.length, first: row, last: row});
			}
		}
	}

	let best: Scroll | undefined;
	let bestWeight = 0;
	for (const [by, {weight, first, last}] of shifts) {
		if (weight <= bestWeight) continue;
		bestWeight = weight;
		best = by > 0 ? {top: first, bottom: last + by, by} : {top: first + by, bottom: last, by};
	}

	return best;
}

/** `lines` as the terminal has them after `scroll`: moved, and `blank` where rows came into view. */
export function scrolled<T>(lines: readonly T[], {top, bottom, by}: Scroll, blank: T): T[] {
	const after = [...lines];
	for (let row = top; row <= bottom; row++) {
		const from = row + by;
		after[row] = from >= top && from <= bottom ? lines[from]! : blank;
	}

	return after;
}
