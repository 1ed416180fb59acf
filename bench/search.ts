// Search by the title's words, timed as the list runs it (the count for
// the header and the first screen of rows): a word in most titles, whose
// title matches alone fill the ranked results, and a rare one, found in a
// few hundred titles of a million and some thousands of stories, which
// reads the title matches to their end and then the rest. Each query is a
// different word of the same frequency, so none is answered from the
// search's cache of recent results; one pass warms the file's pages first.
import {VOCABULARY} from './synthetic.js';

export type SearchKind = 'common title word' | 'rare title word';

export const SEARCH_KINDS: SearchKind[] = ['common title word', 'rare title word'];

/** The words searched for, by their rank in the synthetic vocabulary (rank 0 the most frequent). */
const RANKS: Record<SearchKind, [first: number, count: number]> = {
	// "the", "of", "and"…: in nearly every title.
	'common title word': [0, 40],
	// About 200 titles and 6,000 stories in a million articles each.
	'rare title word': [5000, 40],
};

export type TitleSearch = Record<SearchKind, {median: number; p95: number; queries: number}>;

type Searched = {count(filter: {query: string}): unknown; page(filter: {query: string}, offset: number, limit: number): unknown[]};

/** The p-th percentile (nearest rank). */
function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function measureTitleSearch(library: Searched, rows: number): TitleSearch {
	const time = (query: string) => {
		const started = performance.now();
		library.count({query});
		library.page({query}, 0, rows);
		return performance.now() - started;
	};

	const result = {} as TitleSearch;
	for (const kind of SEARCH_KINDS) {
		const [first, count] = RANKS[kind];
		const words = VOCABULARY.slice(first, first + count);
		for (const word of words) time(word);
		const ms = words.map(word => time(word));
		result[kind] = {median: percentile(ms, 50), p95: percentile(ms, 95), queries: ms.length};
	}

	return result;
}
