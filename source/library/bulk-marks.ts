// Many stories marked read or unread at once (A, C and their undo). Each
// story's mark moves it in every list it is in (sql.ts), tens of
// microseconds each, so a sector of a million-article library takes
// seconds: it is marked a batch at a time, a transaction each, with the
// event loop let go between, and the browser answers keys and shows the
// progress meanwhile. What each batch changed is kept, so the undo puts
// back exactly that, whenever it stops.
import {setImmediate as yieldToKeys} from 'node:timers/promises';
import type {Library} from './store.js';

/** Marks in a batch: a few milliseconds of work on a million-article library, so a key waits no longer. */
export const MARK_BATCH = 200;

/** From how many marks the log is copied on another thread (checkpointer.ts). */
const CHECKPOINTED_FROM = 5000;

/** Marks `rowids` read (or unread), a batch at a time; resolves to the rowids that changed. */
export async function markMany(library: Library, rowids: number[], read: boolean, progress: (done: number) => void = () => {}): Promise<number[]> {
	const changed: number[] = [];
	const mark = async () => {
		for (let start = 0; start < rowids.length; start += MARK_BATCH) {
			if (start > 0) {
				progress(start);
				await yieldToKeys(); // eslint-disable-line no-await-in-loop -- a batch at a time is the point
			}

			for (const rowid of library.setReadMany(rowids.slice(start, start + MARK_BATCH), read)) changed.push(rowid);
		}
	};

	// Many, with the log copied into the database on another thread: at a million articles the
	// writes' own copying held a batch for up to 180 ms, 18 without. Fewer write too little log
	// to make the writes copy it (2,000 marks wrote 14 MB; they copy at 40), and starting the
	// thread would cost more than it spares.
	if (rowids.length < CHECKPOINTED_FROM) {
		await mark();
	} else {
		const {checkpointingElsewhere} = await import('./checkpointer.js');
		await checkpointingElsewhere(library, mark);
	}

	return changed;
}
