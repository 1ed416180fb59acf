// How the reading workflow's questions hold up as the library grows: a
// window of a list read unread only, oldest first and unread first (near
// the top and deep down), a source's list narrowed to a sector, the next
// unread story from deep in a list, and a whole sector marked read and put
// back (A and its undo). Each on the synthetic libraries the benchmark
// keeps (bench/corpus.ts), as a median of repeated runs, and as a ratio to
// the smallest library: the targets are that nothing grows with the
// library but marking a sector read, which grows with the sector.
//
//   node --import tsx bench/reading.ts [--sizes 10000,100000,1000000] [--runs 21]
import path from 'node:path';
import {parseArgs} from 'node:util';
import {MARK_BATCH, markMany} from '../source/library/bulk-marks.js';
import {Library, type ListFilter} from '../source/library/store.js';
import {ensureLibrary, libraryFile} from './corpus.js';
import {percentile} from './report.js';

const {values} = parseArgs({options: {sizes: {type: 'string', default: '10000,100000,1000000'}, runs: {type: 'string', default: '21'}}});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Median milliseconds of `runs` calls of `work` (after one warm-up). */
function median(work: () => unknown): number {
	work();
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		work();
		times.push(performance.now() - started);
	}

	return percentile(times, 50);
}

type Row = {what: string; ms: Map<number, number>; perSecond?: Map<number, number>};
const rows: Row[] = [];
const row = (what: string) => {
	let found = rows.find(entry => entry.what === what);
	if (!found) {
		found = {what, ms: new Map()};
		rows.push(found);
	}

	return found;
};

const WINDOW = 22;

for (const size of sizes) {
	log(`${size.toLocaleString('en')} articles…`);
	const {library} = Library.open(libraryFile(ensureLibrary(size, log)));
	const deep = Math.floor(size * 0.9);
	const views: Array<[string, ListFilter, number]> = [
		['unread only, top', {unreadOnly: true}, 0],
		['unread only, 90% down', {unreadOnly: true}, deep],
		['oldest first, 90% down', {sort: 'oldest'}, deep],
		['unread first, 90% down', {sort: 'unread'}, deep],
		['a source × a sector, top', {source: 'synthetic', sector: 'politics'}, 0],
	];
	// Each window twice: where one was read before (its anchor remembered: paging, coming back from a
	// story), and the first time after a read mark (which forgets every anchor, as the list moved).
	const anyId = library.page({}, 0, 1)[0]!.id;
	const forget = () => {
		library.setRead(anyId, true);
		library.setRead(anyId, false);
	};

	for (const [what, filter, offset] of views) {
		const at = () => Math.min(offset, Math.max(0, library.count(filter).total - WINDOW));
		row(`window of ${WINDOW}: ${what}`).ms.set(size, median(() => library.page(filter, at(), WINDOW)));
		if (offset > 0) {
			row(`window of ${WINDOW}: ${what}, first read`).ms.set(
				size,
				median(() => {
					forget();
					return library.page(filter, at(), WINDOW);
				}),
			);
		}
	}

	// The next unread from deep in the list, past a stretch of read stories: a sector read, then n from above it.
	const sector = {sector: 'health'};
	const marked = library.setReadMany(library.unreadIn(sector), true);
	const from = library.page({}, deep, 1)[0]?.id;
	row('next unread, from 90% down').ms.set(size, median(() => library.nextUnread({sector: 'health'}, from)));
	library.setReadMany(marked, false);

	// A whole sector marked read, then put back: A and its undo, a few times, as the browser
	// marks them (bulk-marks.ts); and the longest a key waits meanwhile: one batch.
	const count = library.count(sector).unread;
	const mark = row(`mark a sector read (${(count / size).toLocaleString('en', {style: 'percent'})} of the library)`);
	const undo = row('undo it');
	const batch = row(`longest batch of ${MARK_BATCH} (a key's wait while marking)`);
	const markMs: number[] = [];
	const undoMs: number[] = [];
	let longest = 0;
	const timedMarks = async (rowids: number[], read: boolean) => {
		let last = performance.now();
		const changed = await markMany(library, rowids, read, () => {
			const now = performance.now();
			longest = Math.max(longest, now - last);
			last = now;
		});
		return changed;
	};

	for (let run = 0; run < 3; run++) {
		let started = performance.now();
		const changed = await timedMarks(library.unreadIn(sector), true); // eslint-disable-line no-await-in-loop -- one mark at a time
		markMs.push(performance.now() - started);
		started = performance.now();
		await timedMarks(changed, false); // eslint-disable-line no-await-in-loop -- likewise
		undoMs.push(performance.now() - started);
	}

	batch.ms.set(size, longest);
	mark.ms.set(size, percentile(markMs, 50));
	mark.perSecond ??= new Map();
	mark.perSecond.set(size, count / (percentile(markMs, 50) / 1000));
	undo.ms.set(size, percentile(undoMs, 50));
	undo.perSecond ??= new Map();
	undo.perSecond.set(size, count / (percentile(undoMs, 50) / 1000));
	library.close();
}

const smallest = sizes[0]!;
const header = `| ${['question', ...sizes.map(size => `${size.toLocaleString('en')} ms`), `÷ ${smallest.toLocaleString('en')}`].join(' | ')} |`;
const lines = [header, `| ${[...header.split('|').slice(1, -1)].map(() => '---').join(' | ')} |`];
for (const {what, ms, perSecond} of rows) {
	const cells = sizes.map(size => {
		const value = ms.get(size)!;
		const rate = perSecond?.get(size);
		return `${value.toFixed(2)}${rate ? ` (${Math.round(rate).toLocaleString('en')}/s)` : ''}`;
	});
	const ratio = (ms.get(sizes.at(-1)!)! / ms.get(smallest)!).toFixed(2);
	lines.push(`| ${[what, ...cells, ratio].join(' | ')} |`);
}

process.stdout.write(`${lines.join('\n')}\n`);
log(`libraries in ${path.join('bench', '.cache')}`);
