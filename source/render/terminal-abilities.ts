// What the terminal does beyond what every terminal devnews meets does
// (erasing to the end of a line and erasing characters, in the default
// colours), as far as its environment tells: curses reads the same from
// terminfo, but a TERM of xterm-256color is claimed by many terminals that
// are not xterm (mosh, PuTTY, older VTE and Konsole) and lack what xterm
// has. Where the environment does not say surely, the answer is no, and
// the writer writes the blanks or characters instead: more bytes, the same
// screen.

export type TerminalAbilities = {
	/**
	 * Erasing (EL, ECH) paints the background colour in force (terminfo's
	 * `bce`); without it, or without knowing it, only blanks of the default
	 * background are erased.
	 */
	backColourErase: boolean;
	/** REP repeats the character just written (terminfo's `rep`). */
	repeat: boolean;
};

/** Neither: the safe answer for a terminal not known. */
export const UNKNOWN_TERMINAL: TerminalAbilities = {backColourErase: false, repeat: false};

// Erase in the background colour: xterm and the terminals that claim to be
// one (all of them do, mosh included), rxvt, the Linux console, alacritty.
const BACK_COLOUR_ERASE = /^(?:xterm|rxvt|linux|alacritty)/;
// REP: kitty (since 0.18), ghostty and alacritty, by their own TERM, which
// SSH carries to the host devnews runs on.
const REPEAT = /^(?:xterm-kitty|xterm-ghostty|alacritty)/;

export function terminalAbilities(env: NodeJS.ProcessEnv = process.env): TerminalAbilities {
	const term = env['TERM'] ?? '';
	// tmux (3.2 on) says so in TERM_PROGRAM; it has had both since 2.6. Its
	// TERM is screen's or its own, which GNU screen also uses: screen erases
	// in the default colour unless told otherwise, and has no REP.
	if (env['TERM_PROGRAM'] === 'tmux') return {backColourErase: true, repeat: true};
	if (/^(?:screen|tmux)/.test(term)) return UNKNOWN_TERMINAL;
	return {
		backColourErase: BACK_COLOUR_ERASE.test(term),
		// A real xterm sets XTERM_VERSION; VS Code's terminal (xterm.js) names itself.
		repeat: REPEAT.test(term) || (term.startsWith('xterm') && env['XTERM_VERSION'] !== undefined) || env['TERM_PROGRAM'] === 'vscode',
	};
}
