// Settings shared by the property-based tests. Under CI (process.env.CI set)
// every run uses the same seed, so a failure there can be replayed; locally
// each run draws a new seed, to explore more inputs over time. Either way
// fast-check prints the seed and the counterexample's path on failure. A
// time limit per property keeps the suite quick on a small shared machine.
import fc from 'fast-check';

export const FIXED_SEED = 42;

export function fuzzParameters<T>({numRuns = 200, timeLimitMs = 4000}: {numRuns?: number; timeLimitMs?: number} = {}): fc.Parameters<T> {
	return {
		...(process.env['CI'] ? {seed: FIXED_SEED} : {}),
		numRuns,
		plugins: [fc.interruptAfterTimeLimit(timeLimitMs)],
	};
}

/** Milliseconds `run` took; it runs synchronously, so the test measures a hang rather than interrupting it. */
export function timed<T>(run: () => T): {value: T; ms: number} {
	const started = performance.now();
	const value = run();
	return {value, ms: performance.now() - started};
}

/** Any UTF-16 code unit: lone and split surrogates included. */
export const codeUnit = fc.integer({min: 0, max: 0xff_ff}).map(unit => String.fromCharCode(unit));

/** Any code point, astral ones as surrogate pairs. */
export const codePoint = fc.integer({min: 0, max: 0x10_ff_ff}).map(point => String.fromCodePoint(point));

/**
 * `sample` with random edits, as a fuzzer mutates a seed document: pieces
 * deleted, copied elsewhere, repeated, or `insertions` put in.
 */
export function mutated(sample: string, insertions: fc.Arbitrary<string>, maxEdits = 8): fc.Arbitrary<string> {
	const position = fc.nat({max: sample.length * 4});
	const edit = fc.oneof(
		fc.record({kind: fc.constant('insert' as const), at: position, text: insertions}),
		fc.record({kind: fc.constant('delete' as const), at: position, length: fc.nat({max: 40})}),
		fc.record({kind: fc.constant('copy' as const), at: position, from: position, length: fc.nat({max: 200})}),
		fc.record({kind: fc.constant('repeat' as const), at: position, length: fc.nat({max: 60}), times: fc.integer({min: 2, max: 50})}),
	);
	return fc.array(edit, {minLength: 1, maxLength: maxEdits}).map(edits =>
		edits.reduce((text, step) => {
			const at = step.at % (text.length + 1);
			switch (step.kind) {
				case 'insert':
					return text.slice(0, at) + step.text + text.slice(at);
				case 'delete':
					return text.slice(0, at) + text.slice(at + step.length);
				case 'copy': {
					const from = step.from % (text.length + 1);
					return text.slice(0, at) + text.slice(from, from + step.length) + text.slice(at);
				}

				case 'repeat':
					return text.slice(0, at) + text.slice(at, at + step.length).repeat(step.times) + text.slice(at + step.length);
			}
		}, sample),
	);
}

/** Pieces of terminal lines: plain ASCII, and every kind of character that joins its neighbours into one grapheme, and escape sequences. */
export const LINE_PIECES = [
	...'abc XYZ09.,…•◦›—'.split(''),
	'漢',
	'한',
	'👍',
	'🏽',
	'\u200D',
	'👨\u200D👩\u200D👧',
	'🇺',
	'🇦',
	'\uFE0F',
	'\u0301',
	'\u0308',
	// Prepend characters join the character after them.
	'\u0600',
	'\u0D4E',
	'ก',
	'\u0E33',
	'\u200B',
	'\t',
	'\u007F',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B]8;;https://example.com/\u001B\\',
	'\u001B]8;;\u001B\\',
];
