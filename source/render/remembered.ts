// A pure function's answers for its last few arguments. The lines a
// terminal app draws come back frame after frame, so answers are worth
// keeping; but a long session shows ever new lines (every list row passed,
// every story line read), and a cache that keeps them all grows for as
// long as the browser runs. The oldest answer goes first.

export class Remembered<Key, Value> {
	private readonly answers = new Map<Key, Value>();

	constructor(
		/** How many answers are kept at most. */
		private readonly limit: number,
		private readonly compute: (key: Key) => Value,
	) {}

	/** The answer for `key`: the kept one, or computed and kept. */
	get(key: Key): Value {
		let value = this.answers.get(key);
		if (value === undefined) {
			value = this.compute(key);
			if (this.answers.size >= this.limit) this.answers.delete(this.answers.keys().next().value!);
			this.answers.set(key, value);
		}

		return value;
	}

	/** How many answers are kept. */
	get size(): number {
		return this.answers.size;
	}
}
