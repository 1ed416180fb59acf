// An esbuild plugin that makes Ink's frames cheaper without changing them.
//
// Ink builds each frame from scratch, in its Output: a grid of cells, one
// object per cell; then every line of text parsed into styled characters
// (grapheme segmentation, a new object and style list per character) and
// each screen line joined back into a string, comparing every character's
// styles with the last one's. That is most of a frame's time, though most
// lines are plain text and most are the same as in the last frame (moving
// the selection changes two). The changes, each giving the same cells and
// the same strings as Ink's own code (test/ink-patches.test.ts checks it):
//  - Output's per-frame caches of parsed and measured lines also look in
//    the previous frame's, and then let them go: at most two screens kept;
//  - a line without escape sequences is not parsed where it is printable
//    ASCII: its cells are shared, one per character; only the stretches
//    around other characters go through Ink's parser;
//  - a screen line with no styles at all is joined without comparing them;
//  - the grid starts filled with one shared blank cell, not a new object
//    per cell per frame (Ink replaces cells, it never changes one);
//  - the caches of measured and wrapped texts, which keep every text ever
//    drawn (every row paged past, for the life of the process), start
//    again when they hold a few screens' worth.
// The build fails if Ink's code no longer reads as expected.
import fs from 'node:fs';
import path from 'node:path';

/** Per file of ink/build: what to replace, and with what. */
const REPLACEMENTS = {
	'output.js': [
		['caches = new OutputCaches();', 'caches = frameCaches();'],
		[
			`row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
			'row.push(BLANK_CELL);',
		],
		['return styledCharsToString(lineWithoutEmptyItems).trimEnd();', 'return screenLineToString(lineWithoutEmptyItems).trimEnd();'],
	],
	'measure-text.js': [['cache.set(text, dimensions);', 'if (cache.size >= 1000) cache.clear();\n    cache.set(text, dimensions);']],
	'wrap-text.js': [
		['const cache = {};', 'let cache = {};\nlet cached = 0;'],
		['cache[cacheKey] = wrappedText;', 'if (++cached > 1000) {\n        cache = {};\n        cached = 1;\n    }\n    cache[cacheKey] = wrappedText;'],
	],
};

/** Added to the end of output.js, where OutputCaches, tokenize and styledCharsToString are in scope. */
const OUTPUT_ADDITIONS = String.raw`
const NO_STYLES = Object.freeze([]);
const BLANK_CELL = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES});
const ASCII_CELLS = Array.from({length: 0x7F}, (_, code) => Object.freeze({type: 'char', value: String.fromCharCode(code), fullWidth: false, styles: NO_STYLES}));
const isPrintableAscii = code => code >= 0x20 && code <= 0x7E;

/**
 * The cells of a line without escape sequences. Grapheme clusters never
 * join two printable ASCII characters, so a stretch of other characters is
 * parsed with the ASCII character on either side of it (a combining mark
 * joins the one before, a prepended one the one after), and runs of other
 * characters one ASCII character apart are parsed together.
 */
function plainLineCells(line) {
	const cells = [];
	let index = 0;
	while (index < line.length) {
		let other = index;
		while (other < line.length && isPrintableAscii(line.charCodeAt(other))) other++;
		const parsedFrom = other === line.length ? other : Math.max(index, other - 1);
		for (let ascii = index; ascii < parsedFrom; ascii++) cells.push(ASCII_CELLS[line.charCodeAt(ascii)]);
		if (parsedFrom === line.length) break;
		let end = other;
		while (end < line.length && !(isPrintableAscii(line.charCodeAt(end)) && (end + 1 === line.length || isPrintableAscii(line.charCodeAt(end + 1))))) end++;
		const parsedTo = Math.min(line.length, end + 1);
		for (const cell of styledCharsFromTokens(tokenize(line.slice(parsedFrom, parsedTo)))) cells.push(cell);
		index = parsedTo;
	}

	return cells;
}

function screenLineToString(cells) {
	let text = '';
	for (const cell of cells) {
		if (cell.styles.length > 0) return styledCharsToString(cells);
		text += cell.value;
	}

	return text;
}

let lastFrameCaches;
function frameCaches() {
	lastFrameCaches = new FrameCaches(lastFrameCaches);
	return lastFrameCaches;
}

class FrameCaches extends OutputCaches {
	constructor(previous) {
		super();
		if (previous) {
			previous.previous = undefined;
			this.previous = previous;
		}
	}

	getStyledChars(line) {
		const known = this.fromPrevious('styledChars', line);
		if (known) return known;
		if (this.styledChars.has(line) || line.includes('\u001B') || line.includes('\u009B')) return super.getStyledChars(line);
		const cells = plainLineCells(line);
		this.styledChars.set(line, cells);
		return cells;
	}

	getStringWidth(text) {
		return this.fromPrevious('widths', text) ?? super.getStringWidth(text);
	}

	getWidestLine(text) {
		return this.fromPrevious('blockWidths', text) ?? super.getWidestLine(text);
	}

	fromPrevious(cache, key) {
		if (this[cache].has(key) || !this.previous) return undefined;
		const value = this.previous[cache].get(key);
		if (value !== undefined) this[cache].set(key, value);
		return value;
	}
}
`;

export const inkPatches = {
	name: 'ink-patches',
	setup(builder) {
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/](output|measure-text|wrap-text)\.js$/}, async args => {
			const file = path.basename(args.path);
			let source = await fs.promises.readFile(args.path, 'utf8');
			for (const [before, after] of REPLACEMENTS[file]) {
				if (!source.includes(before)) throw new Error(`${args.path}: no "${before.split('\n')[0]}…" to patch; check the Ink upgrade`);
				source = source.replace(before, after);
			}

			return {contents: file === 'output.js' ? source + OUTPUT_ADDITIONS : source, loader: 'js'};
		});
	},
};
