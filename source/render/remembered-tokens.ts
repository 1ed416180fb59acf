// @alcalzone/ansi-tokenize, made cheap for lines drawn again and again.
// Ink builds every frame from scratch: it tokenizes every line of every
// Text on screen (grapheme segmentation and an object per character) and
// gives each character its styles, though moving the selection changes two
// lines of a screenful. Both steps are pure, so the answers for the last
// few screens' lines are kept: a line seen in the last frames costs a
// lookup; and plain ASCII is not segmented into graphemes. Ink never changes what they return (it places the characters in
// its grid and reads them), nor does the frame writer. The bundle
// (scripts/build.mjs) routes Ink's import of the library here; the rest of
// the library passes through unchanged.
import {styledCharsFromTokens as styleCharacters, tokenize as tokenizeLine, type StyledChar, type Token} from '@alcalzone/ansi-tokenize';

import {hasEscapes, unicodeStretches} from '../terminal/unicode-stretches.js';
import {Remembered} from './remembered.js';

export * from '@alcalzone/ansi-tokenize';

// Lines. Each costs far more memory than its text (an object and a style
// list per character): at a million articles, 500 presses of each key took
// RSS to 146 MB keeping one line, 158 keeping 200, 209 keeping 512. 200 is
// two screens of 80×24 (Ink's lines of Text and the screen's rows).
const REMEMBERED = 200;
const styledOf = new WeakMap<Token[], StyledChar[]>();

const ASCII_TOKENS: Token[] = Array.from({length: 0x7F}, (_, code) => Object.freeze({type: 'char' as const, value: String.fromCharCode(code), fullWidth: false}));

/**
 * The tokens of a line without escape sequences, as the library gives them,
 * without segmenting its plain ASCII: only the stretches around other
 * characters go to the library (terminal/unicode-stretches.ts).
 */
function plainTokens(line: string): Token[] {
	const tokens: Token[] = [];
	const ascii = (from: number, to: number) => {
		for (let index = from; index < to; index++) tokens.push(ASCII_TOKENS[line.charCodeAt(index)]!);
	};

	let done = 0;
	for (const {from, to} of unicodeStretches(line)) {
		ascii(done, from);
		for (const token of tokenizeLine(line.slice(from, to))) tokens.push(token);
		done = to;
	}

	ascii(done, line.length);
	return tokens;
}

// Escape sequences, one token of each: past this many (every link is one) they are let go all at once.
const MOST_CODES = 1000;
/** The shared codes (exported for the test of their bound). */
export const sharedCodes = new Map<string, Token>();

/**
 * The tokens of a line with escape sequences (a selected or coloured row),
 * its ASCII characters and its codes the shared ones: the lines kept above
 * outlive V8's young generation, and a token made for each character of
 * each styled line (the selected row's at every j or k) filled its old
 * generation with garbage that only a full collection takes back.
 */
function styledTokens(line: string): Token[] {
	const tokens = tokenizeLine(line);
	for (const [index, token] of tokens.entries()) {
		if (token.type === 'char') {
			if (token.value.length === 1 && !token.fullWidth && token.value.charCodeAt(0) < 0x7F) tokens[index] = ASCII_TOKENS[token.value.charCodeAt(0)]!;
			continue;
		}

		if (token.type !== 'ansi') continue;
		const one = sharedCodes.get(token.code);
		if (one === undefined) {
			if (sharedCodes.size >= MOST_CODES) sharedCodes.clear();
			sharedCodes.set(token.code, token);
		} else {
			tokens[index] = one;
		}
	}

	return tokens;
}

const tokensOf = new Remembered(REMEMBERED, (text: string) => (hasEscapes(text) ? styledTokens(text) : plainTokens(text)));

export function tokenize(text: string, endChar?: number): Token[] {
	// A cut-short tokenizing is rare, and not kept.
	return endChar === undefined ? tokensOf.get(text) : tokenizeLine(text, endChar);
}

// Styled characters, one of each kind. The library makes an object and a
// style list for every character of every line; the lines kept above, each
// a screen's width of them, were most of what the browser's memory grew by
// as it was used (heap snapshots after 3,000 keys). A character in a style
// is the same whichever line it is in, so the lines share them. Forgotten
// all at once past a bound: text in many scripts would make ever more kinds.
const KINDS = 10_000;
const characters = new Map<string, StyledChar>();

/** The one styled character of this value, width and styles. */
function shared(character: StyledChar): StyledChar {
	let kind = `${character.value}\u0000${character.fullWidth ? 'w' : ''}`;
	for (const style of character.styles) kind += `\u0000${style.code}\u0001${style.endCode}`;
	let one = characters.get(kind);
	if (one === undefined) {
		if (characters.size >= KINDS) characters.clear();
		one = character;
		characters.set(kind, one);
	}

	return one;
}

export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
	let styled = styledOf.get(tokens);
	if (styled === undefined) {
		styled = styleCharacters(tokens).map(character => shared(character));
		styledOf.set(tokens, styled);
	}

	return styled;
}
