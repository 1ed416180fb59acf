// Ink's measure-text.js, keeping only the last few answers. Ink measures
// the text of every Text it lays out (its widest line and how many lines)
// and keeps every answer for as long as the program runs: after 3,000 keys
// at 100,000 articles it held 13,700 texts, every list row passed and every
// story line read (and, through the lines, the paragraphs they were cut
// from), which was most of what the browser's live memory grew by. The bundle
// (scripts/build.mjs) routes Ink's import of its measure-text.js here.
import stringWidth from '../terminal/string-width.js';
import {Remembered} from './remembered.js';

type Dimensions = {width: number; height: number};

/** Texts kept: more than two screens of Text at 200×60 (a list row is one). */
const TEXTS = 500;

function measure(text: string): Dimensions {
	const lines = text.split('\n');
	let width = 0;
	for (const line of lines) width = Math.max(width, stringWidth(line));
	return {width, height: lines.length};
}

/** The answers kept (exported for the test of their bound). */
export const measured = new Remembered(TEXTS, measure);

export default function measureText(text: string): Dimensions {
	return text.length === 0 ? {width: 0, height: 0} : measured.get(text);
}
