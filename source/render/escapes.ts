// The control sequences the frame writer sends, and nothing else: every
// byte it writes that is not a cell's text comes from here. Positions are
// 0-based in the writer and 1-based on the wire.

const CSI = '\u001B[';

export const SGR_RESET = `${CSI}m`;
/** Erase in Line, from the cursor to the end of the line, without moving it (in the background colour in force, where the terminal erases so). */
export const ERASE_TO_LINE_END = `${CSI}K`;
/** Home, then Erase in Display 2: the whole screen; never 3, which also wipes the scrollback. */
export const CLEAR_SCREEN = `${CSI}H${CSI}2J`;
export const HIDE_CURSOR = `${CSI}?25l`;
export const SHOW_CURSOR = `${CSI}?25h`;
/**
 * Autowrap (DECAWM) off while devnews draws: a character written at the
 * right edge, or one a terminal draws wider than expected, then stays on
 * its line instead of wrapping to the next (or scrolling the screen when
 * it is the last line).
 */
export const AUTOWRAP_OFF = `${CSI}?7l`;
export const AUTOWRAP_ON = `${CSI}?7h`;
/** Synchronized output (DEC mode 2026): the terminal shows the frame once it is all there. */
export const BEGIN_SYNCHRONIZED = `${CSI}?2026h`;
export const END_SYNCHRONIZED = `${CSI}?2026l`;
/** What starts every OSC 8 hyperlink sequence (then its parameters, `;`, the URL, ST). */
export const OSC8 = '\u001B]8;';
/** String Terminator, which ends the links devnews draws (terminal/links.ts). */
export const ST = '\u001B\\';
/** Ends an OSC 8 hyperlink. */
export const END_HYPERLINK = `${OSC8};${ST}`;

/** Cursor Position: row and column, with the parameters a terminal assumes left out. */
export function cursorPosition(row: number, column: number): string {
	if (column === 0) return row === 0 ? `${CSI}H` : `${CSI}${row + 1}H`;
	return `${CSI}${row + 1};${column + 1}H`;
}

/**
 * Next Line (NEL): to the start of the next line in two bytes. Not "\r\n":
 * a terminal's line discipline turns its line feed into "\r\n" again (ONLCR),
 * so it takes three bytes on the wire.
 */
export const NEXT_LINE = '\u001BE';

/**
 * Reverse Index (RI): a line up in two bytes, the column kept. On the top
 * margin it scrolls the region down instead, so it is used only below the
 * first row (the painter's scroll regions are never left set).
 */
export const REVERSE_INDEX = '\u001BM';

/** Cursor Horizontal Absolute. */
export const cursorColumn = (column: number) => (column === 0 ? '\r' : `${CSI}${column + 1}G`);

const relative = (final: string) => (count: number) => (count === 1 ? `${CSI}${final}` : `${CSI}${count}${final}`);
export const cursorUp = relative('A');
export const cursorDown = relative('B');
export const cursorForward = relative('C');
export const cursorBack = relative('D');
/** Erase Character: blanks `count` cells from the cursor on (in the background colour in force, where the terminal erases so), without moving it. */
export const eraseCharacters = relative('X');
/** Repeat (REP): the character just written, `count` times more, in the same style; the cursor moves on past them. */
export const repeatCharacter = relative('b');

/** DECSTBM: scrolling happens between these rows only. It puts the cursor home. */
export const scrollRegion = (top: number, bottom: number) => `${CSI}${top + 1};${bottom + 1}r`;
/** DECSTBM without margins: the whole screen scrolls again. It puts the cursor home. */
export const WHOLE_SCREEN_REGION = `${CSI}r`;
/** Scroll Up / Scroll Down the region, blank rows (in the pen's background) coming in. */
export const scrollUp = relative('S');
export const scrollDown = relative('T');

/** One SGR sequence setting every parameter given, in order (`1`, `38;5;12`, …). */
export const selectGraphicRendition = (parameters: string[]) => `${CSI}${parameters.join(';')}m`;
