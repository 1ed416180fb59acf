// Devdiscourse shows times in India Standard Time as "26-11-2025 11:56 IST";
// the reader and the list do the same, whatever the machine's time zone.

const IST_OFFSET_MINUTES = 5 * 60 + 30;

function istParts(iso: string) {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return undefined;
	const shifted = new Date(ms + IST_OFFSET_MINUTES * 60_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		day: pad(shifted.getUTCDate()),
		month: pad(shifted.getUTCMonth() + 1),
		monthIndex: shifted.getUTCMonth(),
		year: String(shifted.getUTCFullYear()),
		time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
	};
}

/** "26-11-2025 11:56 IST", or undefined when the time is missing or unreadable. */
export function formatIst(iso: string | undefined): string | undefined {
	const parts = iso ? istParts(iso) : undefined;
	return parts && `${parts.day}-${parts.month}-${parts.year} ${parts.time} IST`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The short form for list rows: "26 Nov 11:56". */
export function formatIstShort(iso: string | undefined): string | undefined {
	const parts = iso ? istParts(iso) : undefined;
	return parts && `${parts.day} ${MONTHS[parts.monthIndex]} ${parts.time}`;
}
