// Looks for damage in the library's file on a thread of its own, a little
// after the browser starts, so damage is found before a read meets it (and
// answers wrong, or fails under a key) and the start is not slowed: the
// check reads the whole file, which takes seconds in a million-article
// library. SQLite's quick_check, a table (with its indexes) at a time, the
// most read first, within a time budget; its own read-only connection.
// What it finds is repaired on the main thread (Library.repair). Loaded
// with the browser (its own chunk of the bundle, run again as the worker).
import {startWorker, workerFor} from '../threads.js';
import {connect} from './database.js';
import {check} from './repair.js';
import type {Library} from './store.js';

const ROLE = 'checks';

/** The tables checked, each with its indexes, the most read first; the full-text indexes' own tables after them. */
const TABLES = ['articles', 'stories', 'listings', 'counts', 'sources', 'feeds', 'meta', 'articles_fts_data', 'articles_fts_idx', 'titles_fts_data', 'titles_fts_idx'];

/** How long after the start the check begins: the first screens are drawn first. */
const DELAY_MS = 2000;

/** How long the check may take in all; what it has not reached by then is not checked this run. */
const BUDGET_MS = 60_000;

type Found = {problems: string[]};

const worker = workerFor<{file: string}>(ROLE);
if (worker) {
	const {port, data} = worker;
	try {
		const db = connect(data.file, {readonly: true, fileMustExist: true});
		// The check reads each page once: SQLite's cache would only fill (16 MB), and the memory stay the browser's.
		db.pragma('cache_size = -256');
		for (const table of TABLES) {
			const problems = check(db, 'quick_check', table);
			if (problems.length > 0) {
				port.postMessage({problems} satisfies Found);
				break;
			}
		}

		db.close();
	} catch {
		// Only a help: a read that meets damage finds it too.
	}

	port.close();
}

/**
 * Checks `library`'s file in the background from DELAY_MS after now, and
 * repairs what the check finds; returns what stops it (the browser ends).
 */
export function checkInBackground(library: Library): () => void {
	const file = library.databaseFile();
	if (file === undefined) return () => undefined;
	let thread: ReturnType<typeof startWorker> | undefined;
	let budget: NodeJS.Timeout | undefined;
	const stop = () => {
		clearTimeout(start);
		clearTimeout(budget);
		void thread?.terminate();
	};

	const start = setTimeout(() => {
		thread = startWorker(import.meta.url, ROLE, {file});
		thread.unref();
		thread.on('message', ({problems}: Found) => {
			stop();
			library.repair(problems);
		});
		thread.on('exit', () => clearTimeout(budget));
		budget = setTimeout(stop, BUDGET_MS);
	}, DELAY_MS);
	start.unref();
	return stop;
}
