// Search queries of mixed frequency for the benchmark, drawn from the
// synthetic vocabulary by rank: a quarter common words (in most articles),
// a quarter of middling frequency, a quarter rare, and a quarter two-word
// searches. The same count always gives the same queries.
import {randomSource, VOCABULARY} from './synthetic.js';

const BANDS: Array<[low: number, high: number]> = [
	[0, 100],
	[100, 2000],
	[2000, VOCABULARY.length],
];

export function searchQueries(count: number): string[] {
	const random = randomSource(20_261_126);
	const word = ([low, high]: [number, number]) => VOCABULARY[low + Math.floor(random() * (high - low))]!;
	return Array.from({length: count}, (_, index) => {
		const kind = index % 4;
		return kind < 3 ? word(BANDS[kind]!) : `${word(BANDS[1]!)} ${word(BANDS[2]!)}`;
	});
}
