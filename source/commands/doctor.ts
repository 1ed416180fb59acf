// devnews doctor: every check of the library on demand, what it found
// repaired as devnews repairs it by itself (library/repair.ts), and a
// report of both: what was checked, what was found, what was done, with
// the rows held and the time each took.
import {counted, formatCount} from '../core/numbers.js';
import type {Examination, Repair} from '../library/store.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {print, type CommandContext} from './context.js';
import {jsonText} from './output.js';

/** What devnews doctor checks, in the words of its report. */
const CHECKED = ['every page, row and index entry (SQLite integrity_check)', 'the full-text indexes (FTS5 integrity-check)'];

/** How many problems the report lists before saying how many more there are. */
const LISTED = 10;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const held = ({rows, bytes}: Examination) =>
	`${counted(rows.articles, 'article')}, ${counted(rows.stories, 'story', 'stories')}, ${counted(rows.feeds, 'feed')}; ${formatCount(Math.round(bytes / 1024))} KB`;

function reportText(file: string, before: Examination, repair: Repair | undefined, after: Examination | undefined): string {
	// A check a line, so that the report fits 80 columns.
	const checked = CHECKED.map((check, index) => `${index === 0 ? '  checked: ' : ' '.repeat(11)}${check}${index < CHECKED.length - 1 ? ';' : ''}`);
	const lines = [`Library ${file}`, ...checked, `  held: ${held(before)}`];
	if (before.problems.length === 0) {
		lines.push(`  found: nothing wrong (${seconds(before.ms)})`);
		return lines.join('\n');
	}

	lines.push(`  found: ${counted(before.problems.length, 'problem')} (${seconds(before.ms)})`);
	for (const problem of before.problems.slice(0, LISTED)) lines.push(`    ${sanitizeLine(problem)}`);
	if (before.problems.length > LISTED) lines.push(`    and ${formatCount(before.problems.length - LISTED)} more`);
	lines.push(repair ? `  repaired: ${sanitizeLine(repair.summary)} (${seconds(repair.ms)})` : '  repaired: nothing; it could not be repaired');
	if (after) lines.push(after.problems.length === 0 ? `  now: sound; ${held(after)}` : `  now: still ${counted(after.problems.length, 'problem')}`);
	return lines.join('\n');
}

/** Exit status 0 when the library is sound (as found, or once repaired), 1 when it is not. */
export function doctor(context: CommandContext): number {
	const {library} = context;
	const {before, repair, after} = library.checkup();
	const sound = (after ?? before).problems.length === 0;
	const file = library.databaseFile() ?? 'in memory';
	print(context.flags.json ? jsonText({file, checked: CHECKED, ...before, repair: repair ?? null, after: after ?? null, sound}) : reportText(file, before, repair, after));
	return sound ? 0 : 1;
}
