// Counts as people read them: "1,234 new articles". One formatter for the
// command line and the browser, in one locale whatever the machine's, as
// the rest of devnews's text is English.
//
// A whole number's digits are grouped here rather than by Intl.NumberFormat:
// making the formatter cost 5 to 8 ms of every start (ICU's number data),
// and every count the browser's first frame shows is whole. A fraction (a
// setting may hold one) still goes to Intl, made when first needed.

let fractions: Intl.NumberFormat | undefined;

/** A count with thousands separators: 1234 → "1,234" (a fraction, as a setting may hold, keeps up to three digits). */
export function formatCount(n: number): string {
	if (!Number.isSafeInteger(n)) return (fractions ??= new Intl.NumberFormat('en-US')).format(n);
	return String(n).replaceAll(/\B(?=(?:\d{3})+$)/g, ',');
}

/** A count with its noun, singular for one: "1 feed", "1,234 articles". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
	return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
