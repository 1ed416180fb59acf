// The benchmark's table and its targets, as ratios between figures taken
// in the same run (a shared machine's speed drifts; ratios drift less).
import type {BytesPerKey, BytesResult, KeyKind, Ratio, Results, SizeResult} from './report.js';
import {SEARCH_KINDS, type TitleSearch} from './search.js';

const KEY_KINDS: KeyKind[] = ['j/k', 'PgDn', 'G/g', 'open/back', 'picker', 'filter keystroke'];

const sizeLabel = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1000 ? `${size / 1000}k` : String(size));
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const find = (results: Results, size: number): SizeResult | undefined => results.sizes.find(entry => entry.size === size);

function ratio(what: string, value: number | undefined, target: string, met: (value: number) => boolean): Ratio[] {
	return value === undefined || Number.isNaN(value) ? [] : [{what, value, target, met: met(value)}];
}

const BYTE_KINDS: Array<keyof BytesPerKey> = ['j/k', 'PgDn', 'open/back'];
/** Most bytes a key may cost devnews, as a multiple of newsboat's for the same action. */
const BYTES_TARGET: BytesPerKey = {'j/k': 1, PgDn: 1, 'open/back': 1.5};

/**
 * devnews's bytes per key ÷ newsboat's, for each action at each size and
 * title length measured beside newsboat: devnews as it knows xterm, where
 * newsboat's curses takes TERM's word for it.
 */
export function bytesTargets(bytes: BytesResult | undefined): Ratio[] {
	return (bytes?.terminals ?? []).flatMap(({columns, rows, titles, devnewsInXterm, newsboat}) =>
		newsboat
			? BYTE_KINDS.flatMap(kind =>
					ratio(
						`bytes per key ${kind} at ${columns}×${rows}, ${titles} titles, devnews in xterm ÷ newsboat`,
						devnewsInXterm[kind] / newsboat[kind],
						`≤ ${BYTES_TARGET[kind]}`,
						value => value <= BYTES_TARGET[kind],
					),
				)
			: [],
	);
}

/** Search by title words at 1M ÷ at 10k, by the median: a common word's cost does not grow with the library; a rare one's grows with its matches up to the 1,000 ranked. */
export function searchTargets(bySize: Array<{size: number; titleSearch: TitleSearch}>): Ratio[] {
	const at = (size: number) => bySize.find(entry => entry.size === size)?.titleSearch;
	const [small, large] = [at(10_000), at(1_000_000)];
	if (!small || !large) return [];
	return [
		...ratio('search, common title word, median at 1M ÷ at 10k', large['common title word'].median / small['common title word'].median, '≤ 2', value => value <= 2),
		...ratio('search, rare title word, median at 1M ÷ at 10k', large['rare title word'].median / small['rare title word'].median, '≤ 50', value => value <= 50),
		...ratio('search by title words at 1M, slowest p95 (ms)', Math.max(...SEARCH_KINDS.map(kind => large[kind].p95)), '≤ 50', value => value <= 50),
	];
}

/** The search-by-title table of `npm run bench -- --only search`: a row per kind of word, a column per library; then its targets. */
export function printSearch(bySize: Array<{size: number; titleSearch: TitleSearch}>, targets: Ratio[]): string {
	const header = ['search, median / p95 (ms)', ...bySize.map(({size}) => sizeLabel(size))];
	const rows = SEARCH_KINDS.map(kind => [kind, ...bySize.map(({titleSearch}) => `${ms(titleSearch[kind].median)} / ${ms(titleSearch[kind].p95)}`)]);
	const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map(row => row[index]!.length)));
	return `${[pad(header, widths), ...rows.map(row => pad(row, widths)), '', 'targets (ratios from this run):', ...targets.map(entry => targetLine(entry))].join('\n')}\n`;
}

/** The targets, each as measured in this run; a target whose figures were not taken is left out. */
export function checkTargets(results: Results): Ratio[] {
	const smallest = find(results, 10);
	const hundredThousand = find(results, 100_000);
	const million = find(results, 1_000_000);
	const newsboatMs = results.newsboat && 'firstFrame' in results.newsboat ? results.newsboat.firstFrame.medianMs : undefined;
	const worst = (size: SizeResult | undefined, key: 'median' | 'p99') => (size ? Math.max(...KEY_KINDS.map(kind => size.runner.keys[kind][key])) : undefined);
	const rss = (size: SizeResult | undefined) => (size ? Math.max(size.firstFrame.rssMb, size.runner.rssAtRestMb) : undefined);
	const ingest = results.sizes.length > 0 ? Math.min(...results.sizes.map(size => size.runner.ingest.itemsPerSecond)) : undefined;
	// A key during a refresh waits for the step being written and the list drawn for news; a tenth of a second is still prompt.
	const refreshRatio = results.sizes.length > 0 ? Math.max(...results.sizes.map(({runner: {refreshKeys}}) => refreshKeys.refreshing.median / refreshKeys.quiet.median)) : undefined;
	const refreshP99 = results.sizes.length > 0 ? Math.max(...results.sizes.map(({runner: {refreshKeys}}) => refreshKeys.refreshing.p99)) : undefined;
	return [
		...ratio('start → first frame, shipped data ÷ bare Ink app', results.shippedData.medianMs / results.helloInk.medianMs, '≤ 1.0', value => value <= 1),
		...ratio('start → first frame at 100k ÷ newsboat at 100k', hundredThousand && newsboatMs && hundredThousand.firstFrame.medianMs / newsboatMs, '≤ 0.3', value => value <= 0.3),
		...ratio('start → first frame at 1M ÷ at 10', million && smallest && million.firstFrame.medianMs / smallest.firstFrame.medianMs, '≤ 1.1', value => value <= 1.1),
		...ratio('key → frame at 1M, slowest kind, median (ms)', worst(million, 'median'), '≤ 5', value => value <= 5),
		...ratio('key → frame at 1M, slowest kind, p99 (ms)', worst(million, 'p99'), '≤ 16', value => value <= 16),
		...ratio('RSS at 1M ÷ at 10 (the larger of after first frame and at rest after keys)', million && smallest && rss(million)! / rss(smallest)!, '≤ 1.2', value => value <= 1.2),
		...ratio('RSS at 1M (MB)', rss(million), '< 150', value => value < 150),
		...ratio('search p95 at 1M (ms)', million?.runner.search.p95, '≤ 50', value => value <= 50),
		...ratio('ingest of summary items, slowest library (items/s)', ingest, '≥ 10000', value => value >= 10_000),
		...searchTargets(results.sizes.map(size => ({size: size.size, titleSearch: size.runner.titleSearch}))),
		...ratio('key → frame j/k during a refresh ÷ without, median, slowest library', refreshRatio, '≤ 10', value => value <= 10),
		...ratio('key → frame j/k during a refresh, p99, slowest library (ms)', refreshP99, '≤ 100', value => value <= 100),
		...ratio(
			`removing ÷ adding ${results.retention?.size.toLocaleString('en')} articles (items/s)`,
			results.retention && results.retention.removePerSecond / results.retention.addPerSecond,
			'≥ 0.8',
			value => value >= 0.8,
		),
		...bytesTargets(results.bytes),
	];
}

export const targetLine = (entry: Ratio) => `  ${entry.met ? '✓' : '✗'} ${entry.what}: ${entry.value >= 100 ? entry.value.toFixed(0) : entry.value.toFixed(2)} (target ${entry.target})`;

/**
 * The bytes-per-key table: a row per terminal size and title length; for
 * each action devnews on xterm-256color, devnews knowing it is xterm,
 * newsboat, and the second ÷ the third. Then its targets, if given.
 */
export function printBytes(bytes: BytesResult, targets: Ratio[] = []): string {
	const withNewsboat = bytes.terminals.some(({newsboat}) => newsboat);
	const header = ['bytes per key press', ...BYTE_KINDS.flatMap(kind => [`${kind} devnews`, 'in xterm', ...(withNewsboat ? ['newsboat', '÷'] : [])])];
	const rows = bytes.terminals.map(({columns, rows, titles, devnews, devnewsInXterm, newsboat}) => [
		`${columns}×${rows}, ${titles} titles`,
		...BYTE_KINDS.flatMap(kind => [
			devnews[kind].toFixed(0),
			devnewsInXterm[kind].toFixed(0),
			...(withNewsboat ? [newsboat?.[kind].toFixed(0) ?? '', newsboat ? (devnewsInXterm[kind] / newsboat[kind]).toFixed(2) : ''] : []),
		]),
	]);
	const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map(row => row[index]!.length)));
	const pages = [...new Set(bytes.terminals.map(({pages}) => pages))].join(', ');
	const lines = [
		`bytes per key in an item list, mean of ${bytes.presses} presses of j/k and open/back and ${pages} of PgDn: ${withNewsboat ? 'devnews and newsboat' : 'devnews (newsboat is not installed)'} on ${bytes.feeds} feeds of ${bytes.perFeed.toLocaleString('en')} items from 127.0.0.1, TERM=xterm-256color; devnews "in xterm" knows it is one (XTERM_VERSION), as newsboat's curses takes TERM to say`,
		pad(header, widths),
		...rows.map(row => pad(row, widths)),
	];
	if (targets.length > 0) lines.push('', 'targets (ratios from this run):', ...targets.map(entry => targetLine(entry)));
	return `${lines.join('\n')}\n`;
}

function pad(cells: string[], widths: number[]): string {
	return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
}

export function printTable(results: Results): string {
	const {machine} = results;
	const newsboat = results.newsboat && 'firstFrame' in results.newsboat ? results.newsboat : undefined;
	const header = ['', 'bare Ink', 'shipped', ...results.sizes.map(size => sizeLabel(size.size)), ...(newsboat ? [`newsboat ${sizeLabel(newsboat.items)}`] : [])];
	const blank = (count: number) => Array.from({length: count}, () => '');
	const perSize = (cell: (size: SizeResult) => string) => results.sizes.map(size => cell(size));
	const rows: string[][] = [
		['start → first frame, median (ms)', ms(results.helloInk.medianMs), ms(results.shippedData.medianMs), ...perSize(size => ms(size.firstFrame.medianMs)), ...(newsboat ? [ms(newsboat.firstFrame.medianMs)] : [])],
		['RSS after first frame (MB)', ms(results.helloInk.rssMb), ms(results.shippedData.rssMb), ...perSize(size => ms(size.firstFrame.rssMb)), ...(newsboat ? [ms(newsboat.firstFrame.rssMb)] : [])],
		...KEY_KINDS.map(kind => [`key → frame ${kind}, median / p99 (ms)`, ...blank(2), ...perSize(size => `${ms(size.runner.keys[kind].median)} / ${ms(size.runner.keys[kind].p99)}`), ...(newsboat ? [''] : [])]),
		['RSS right after the key run (MB)', ...blank(2), ...perSize(size => ms(size.runner.rssAfterKeysMb)), ...(newsboat ? [''] : [])],
		['RSS at rest after it (MB)', ...blank(2), ...perSize(size => ms(size.runner.rssAtRestMb)), ...(newsboat ? [''] : [])],
		[
			'key → frame j/k, p50 / p99 (ms): without a refresh',
			...blank(2),
			...perSize(({runner: {refreshKeys}}) => `${ms(refreshKeys.quiet.median)} / ${ms(refreshKeys.quiet.p99)}`),
			...(newsboat ? [''] : []),
		],
		[
			`  while one writes ${(results.sizes[0]?.runner.refreshKeys.items ?? 0).toLocaleString('en')} items`,
			...blank(2),
			...perSize(({runner: {refreshKeys}}) => `${ms(refreshKeys.refreshing.median)} / ${ms(refreshKeys.refreshing.p99)}`),
			...(newsboat ? [''] : []),
		],
		['search, median / p95 (ms)', ...blank(2), ...perSize(size => `${ms(size.runner.search.median)} / ${ms(size.runner.search.p95)}`), ...(newsboat ? [''] : [])],
		...SEARCH_KINDS.map(kind => [
			`search, ${kind}, median / p95 (ms)`,
			...blank(2),
			...perSize(({runner: {titleSearch}}) => `${ms(titleSearch[kind].median)} / ${ms(titleSearch[kind].p95)}`),
			...(newsboat ? [''] : []),
		]),
		['ingest, 10k summary items (items/s)', ...blank(2), ...perSize(size => size.runner.ingest.itemsPerSecond.toFixed(0)), ...(newsboat ? [''] : [])],
		['ingest, 10k full-text items (items/s)', ...blank(2), ...perSize(size => size.runner.fullTextIngest.itemsPerSecond.toFixed(0)), ...(newsboat ? [''] : [])],
	];
	const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map(row => row[index]!.length)));
	const lines = [
		`devnews benchmark, ${results.date.slice(0, 10)}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}`,
		'',
		pad(header, widths),
		...rows.map(row => pad(row, widths)),
		'',
		...(results.bytes ? [printBytes(results.bytes)] : []),
		...(results.retention
			? [
					`adding ${results.retention.size.toLocaleString('en')} articles (data folder import): ${results.retention.addPerSecond} items/s; removing them: ${results.retention.removePerSecond} items/s`,
					'',
				]
			: []),
		'targets (ratios from this run):',
		...results.ratios.map(entry => targetLine(entry)),
	];
	if (results.newsboat && 'skipped' in results.newsboat) lines.push(`  newsboat not measured: ${results.newsboat.skipped}`);
	return `${lines.join('\n')}\n`;
}
