// Where a line needs Unicode's grapheme rules, and where it does not. Two
// printable ASCII characters are never one grapheme, so a line's plain
// ASCII can be taken a character at a time; only the stretches around other
// characters need the grapheme segmenter (string-width's measuring,
// ansi-tokenize's splitting), which is slow. Both cheap wrappers
// (string-width.ts, render/remembered-tokens.ts) split lines here.

const isPrintableAscii = (code: number) => code >= 0x20 && code <= 0x7e;

/** Whether `text` holds escape sequences (ESC or CSI), which the libraries must read whole. */
export const hasEscapes = (text: string): boolean => text.includes('\u001B') || text.includes('\u009B');

/**
 * The stretches of `text` (start, end) that hold characters other than
 * printable ASCII, each with the ASCII character on either side (a
 * combining mark joins the one before it, a prepended character the one
 * after); stretches one ASCII character apart are one. Everything outside
 * them is printable ASCII, a grapheme and a cell per character.
 */
export function unicodeStretches(text: string): Array<{from: number; to: number}> {
	const stretches: Array<{from: number; to: number}> = [];
	const asciiAlone = (index: number) => isPrintableAscii(text.charCodeAt(index)) && (index + 1 === text.length || isPrintableAscii(text.charCodeAt(index + 1)));
	let index = 0;
	while (index < text.length) {
		let other = index;
		while (other < text.length && isPrintableAscii(text.charCodeAt(other))) other++;
		if (other === text.length) break;
		let end = other;
		while (end < text.length && !asciiAlone(end)) end++;
		const to = Math.min(text.length, end + 1);
		stretches.push({from: Math.max(index, other - 1), to});
		index = to;
	}

	return stretches;
}
