// Counts as people read them: "1,234 new articles". One formatter for the
// command line and the browser, in one locale whatever the machine's, as
// the rest of devnews's text is English.

const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: 1234 → "1,234" (a fraction, as a setting may hold, keeps up to three digits). */
export function formatCount(n: number): string {
	return COUNT.format(n);
}

/** A count with its noun, singular for one: "1 feed", "1,234 articles". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
	return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
