// What the user types becomes an FTS5 query of plain terms: every word is
// quoted, so no character can be FTS syntax (AND, NEAR, quotes, colons,
// parentheses) and nothing the user types can raise a syntax error. The
// last word matches as a prefix, for search as you type.

/** The FTS5 MATCH expression for `text`, or undefined when it has no words. */
export function ftsQuery(text: string): string | undefined {
	const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
	if (!words) return undefined;
	return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}
