// Text from data files and feeds is untrusted: an escape sequence in a
// title could clear the screen, retitle the window, write the clipboard
// (OSC 52) or forge a link (OSC 8). Nothing but printable text gets out.
/* eslint-disable no-control-regex -- finding control characters is what this module is for */
import stripAnsi from 'strip-ansi';

// String-type sequences (OSC, DCS, SOS, PM, APC) carry a payload up to a
// terminator (BEL or ST), 7-bit or 8-bit; an unterminated one swallows the
// remainder rather than letting its payload print. strip-ansi then takes
// the CSI forms.
const STRING_SEQUENCES = /(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[\s\S]*?(?:\u0007|\u001B\\|\u009C|$)/g;
// 8-bit CSI (U+009B) with its parameters and final byte.
const C1_CSI = /\u009B[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?/g;
// Any other two-character escape (ESC c resets the terminal, ESC 7 saves the cursor, …).
const SHORT_ESCAPES = /\u001B[\u0020-\u007E]?/g;
// C0 and C1 controls, DEL, and the bidi overrides and isolates that can
// reorder what is displayed ("Trojan Source").
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// Half a surrogate pair is not a character: a terminal shows garbage or
// nothing, and it is measured wrong. With the u flag the class matches only
// unpaired halves; they become U+FFFD, as a UTF-8 writer would make them.
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

function stripSequences(text: string): string {
	// Payload-carrying strings first, so their payload goes with them.
	return stripAnsi(text.replaceAll(STRING_SEQUENCES, '').replaceAll(C1_CSI, '')).replaceAll(SHORT_ESCAPES, '');
}

// Every escape sequence starts with a control character, so text without
// one or a lone surrogate (nearly all text) has nothing to remove, and is
// returned as it is.
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/** Multi-line text: newlines kept (CRLF, CR and Unicode breaks become \n), tabs become spaces. */
export function sanitizeBlock(text: string): string {
	if (!NEEDS_CLEANING.test(text)) return text;
	// Surrogates last: removing a control between two halves may pair them.
	return stripSequences(text.replaceAll(LINE_BREAKS, '\n')).replaceAll('\t', ' ').replaceAll(CONTROLS, '').replaceAll(LONE_SURROGATES, '\uFFFD');
}

/** One line: as sanitizeBlock, and every line break becomes a space. */
export function sanitizeLine(text: string): string {
	return sanitizeBlock(text).replaceAll('\n', ' ');
}
