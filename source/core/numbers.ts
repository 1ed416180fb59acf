// Counts as people read them: with thousands separators ("12,345"), the
// same on every screen and in every command's output.
const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
	return COUNT.format(count);
}
