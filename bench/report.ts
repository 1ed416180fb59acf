// The benchmark's figures: what each measurement yields, percentiles, the
// table it prints and the targets it checks, as ratios from one run.
import type {CompletionResult} from './complete-runner.js';
import type {IngestResult} from './ingest.js';
import type {MemoryResult} from './memory.js';
import type {PasteResult} from './paste.js';
import type {StartupResult} from './startup.js';
import type {TitleSearch} from './search.js';

export type KeyKind = 'j/k' | 'PgDn' | 'G/g' | 'open/back' | 'picker' | 'filter keystroke';

export type Spread = {median: number; p99: number; presses: number};

/** What bench/runner.tsx measures in process, for one library. */
export type RunnerResult = {
	articles: number;
	keys: Record<KeyKind, Spread>;
	/** Right after the key run, and once idle after it (V8 gives heap back when a process rests). */
	rssAfterKeysMb: number;
	rssAtRestMb: number;
	search: {queries: number; median: number; p95: number};
	/** Search by a word common in titles and by a rare one (bench/search.ts). */
	titleSearch: TitleSearch;
	/** j/k presses (key → frame) without a refresh, and while one writes `items` feed items from 127.0.0.1 (the browser's r). */
	refreshKeys: {quiet: Spread; refreshing: Spread; items: number; seconds: number};
	/** Feed items with a summary, as news feeds send them. */
	ingest: Ingest;
	/** Feed items carrying the whole story. */
	fullTextIngest: Ingest;
};

export type Ingest = {items: number; seconds: number; itemsPerSecond: number};

export type FirstFrameResult = {medianMs: number; runsMs: number[]; rssMb: number};

/** Mean bytes per key press by action (see bench/bytes.ts). */
export type BytesPerKey = Record<'j/k' | 'PgDn' | 'open/back', number>;

/** Bytes per key in an item list, devnews beside newsboat on the same feeds, at each terminal size and title length. */
export type BytesResult = {
	/** The feeds both programs read: how many, and items in each. */
	feeds: number;
	perFeed: number;
	presses: number;
	/** devnews where TERM is all it knows of the terminal (xterm-256color), and where it knows it is xterm (REP too). */
	terminals: Array<{columns: number; rows: number; titles: 'short' | 'long'; pages: number; devnews: BytesPerKey; devnewsInXterm: BytesPerKey; newsboat: BytesPerKey | undefined}>;
};

export type SizeResult = {size: number; firstFrame: FirstFrameResult; runner: RunnerResult};

export type Results = {
	date: string;
	machine: {cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string};
	helloInk: FirstFrameResult;
	shippedData: FirstFrameResult;
	sizes: SizeResult[];
	newsboat?: {items: number; version: string; firstFrame: FirstFrameResult} | {skipped: string};
	bytes?: BytesResult;
	/** Adding and removing articles (bench/retention.ts). */
	retention?: {size: number; addPerSecond: number; removePerSecond: number};
	/** Completing summary-only stories from their pages (bench/complete.ts). */
	completion?: CompletionResult;
	/** devnews fetch beside newsboat -x reload (bench/ingest.ts). */
	ingest?: IngestResult;
	/** RSS at the first frame and after 3,000 keys (bench/memory.ts). */
	memory?: MemoryResult;
	/** A 10,000-character paste into the search (bench/paste.ts). */
	paste?: PasteResult;
	/** Commands beside node -e 0, the first frame beside bare Ink (bench/startup.ts). */
	startup?: StartupResult;
	ratios: Ratio[];
};

export type Ratio = {what: string; value: number; target: string; met: boolean};

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
