// Devdiscourse shows times in India Standard Time as "26-11-2025 11:56 IST";
// the reader and the list do the same, whatever the machine's time zone.

const IST_OFFSET_MINUTES = 5 * 60 + 30;

function istParts(iso: string) {
	const shifted = new Date(Date.parse(iso) + IST_OFFSET_MINUTES * 60_000);
	// Unreadable, or past the last time a Date holds once shifted (year 275760), or a year DD-MM-YYYY cannot show.
	const year = shifted.getUTCFullYear();
	if (!(year >= 0 && year <= 9999)) return undefined;
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

/**
 * The short form for list rows, as a mail client's: "11:56" today, "26 Nov"
 * this year, "Nov 2025" before (days and years in IST, as the rest). A row
 * then spends 5 to 8 cells on its time where "26 Nov 11:56" took 12: the
 * title gets them, and a row costs fewer bytes to draw (over SSH, every
 * move of the selection draws two). The reader gives every time in full.
 */
export function formatIstShort(iso: string | undefined, now = Date.now()): string | undefined {
	const parts = iso ? istParts(iso) : undefined;
	if (!parts) return undefined;
	const today = istParts(new Date(now).toISOString());
	if (parts.year !== today?.year) return `${MONTHS[parts.monthIndex]} ${parts.year}`;
	return parts.monthIndex === today.monthIndex && parts.day === today.day ? parts.time : `${parts.day} ${MONTHS[parts.monthIndex]}`;
}

/** The widest formatIstShort gives: "Nov 2025". */
export const SHORT_TIME_WIDTH = 8;

const DAY_MS = 24 * 60 * 60_000;

/** When the day `now` falls in began, in IST (which has no summer time: every day is 24 hours). */
export function istDayStart(now: number): number {
	const offset = IST_OFFSET_MINUTES * 60_000;
	return Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
}

/** When the next day begins in IST. */
export const nextIstDay = (now: number): number => istDayStart(now) + DAY_MS;

/** Times before this are taken for mistakes (a zero date, a year typed wrong): no news feed item is that old. */
const EARLIEST = Date.UTC(1990, 0, 1);
/** How far ahead of this machine's clock a time may be: a day covers clocks and time zones set wrong. */
export const AHEAD = 24 * 60 * 60_000;

/**
 * The time `value` names, in milliseconds, when it is readable and between
 * 1990 and a day after `now`; otherwise undefined: an item dated outside that
 * is taken as undated rather than sorted or shown by a date that cannot be.
 */
export function plausibleTime(value: string | undefined, now = Date.now()): number | undefined {
	const time = value ? Date.parse(value) : Number.NaN;
	return time >= EARLIEST && time <= now + AHEAD ? time : undefined;
}

/**
 * "26-11-2025 11:56" (the site's IST) as ISO 8601 with its offset;
 * undefined when no such time is (31-02, which Date.parse rolls over to
 * March) or it is implausible (year 9999): a real time formats back to
 * what the page said.
 */
export function istToIso(value: string): string | undefined {
	const match = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(value.trim());
	const iso = match ? `${match[3]}-${match[2]}-${match[1]}T${match[4]}:${match[5]}:00+05:30` : undefined;
	return plausibleTime(iso) !== undefined && formatIst(iso) === `${value.trim()} IST` ? iso : undefined;
}
