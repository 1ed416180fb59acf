// A list row gives today's stories their time of day and older ones their
// date (core/time.ts). The rows are drawn again only when they change, so
// a browser left open past midnight would go on showing yesterday's
// stories as "23:50": this is the day the rows are read on, which changes
// when the next one begins (in IST, like every time shown), and with it
// the rows.
import {useEffect, useState} from 'react';
import {istDayStart, nextIstDay} from '../core/time.js';

/** When today began, in IST; a new value once the next day begins. */
export function useIstDay(): number {
	const [day, setDay] = useState(() => istDayStart(Date.now()));
	useEffect(() => {
		let timer: NodeJS.Timeout;
		// Until the clock says the next day has begun (a clock set back
		// meanwhile means a longer wait, not a day missed).
		const wait = () => {
			const now = Date.now();
			if (now >= nextIstDay(day)) {
				setDay(istDayStart(now));
				return;
			}

			timer = setTimeout(wait, nextIstDay(day) - now);
			timer.unref();
		};

		wait();
		return () => clearTimeout(timer);
	}, [day]);
	return day;
}
