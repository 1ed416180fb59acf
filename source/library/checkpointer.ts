// Copies the library's write-ahead log into the database on a thread of
// its own while a long write goes on (a refresh, many stories marked read),
// so the writes on the main thread never do it: a checkpoint held the
// main thread for 100 to 150 ms at a time when the writes did it, and
// then the browser answered no key. Loaded when such a write starts (its
// own chunk of the bundle, run again as the worker).
import type Database from 'better-sqlite3';
import {endWorker, startWorker, workerFor} from '../threads.js';
import {connect} from './database.js';
import type {Library} from './store.js';

/** How often the worker copies the log into the database. */
const CHECKPOINT_MS = 200;

const ROLE = 'checkpoints';

const worker = workerFor<{file: string}>(ROLE);
if (worker) {
	const {port, data} = worker;
	let db: Database.Database | undefined;
	try {
		db = connect(data.file, {fileMustExist: true});
	} catch {
		// Only a help: the writes' own checkpoints copy the log after the write.
	}

	const checkpoints = setInterval(() => {
		try {
			// PASSIVE: as much as can be done without waiting for a reader or a writer.
			db?.pragma('wal_checkpoint(PASSIVE)');
		} catch {
			// Likewise only a help.
		}
	}, CHECKPOINT_MS);
	port.on('message', (message: unknown) => {
		if (message !== 'close') return;
		clearInterval(checkpoints);
		db?.close();
		port.close();
	});
}

/**
 * Runs `work` (a long write) with the log copied into the database by the
 * worker, not by the writes; after it, the writes copy it again. A library
 * in memory has no log: `work` just runs.
 */
export async function checkpointingElsewhere<T>(library: Library, work: () => Promise<T>): Promise<T> {
	const file = library.databaseFile();
	if (file === undefined) return work();
	const thread = startWorker(import.meta.url, ROLE, {file});
	library.checkpointsHere(false);
	try {
		return await work();
	} finally {
		library.checkpointsHere(true);
		await endWorker(thread);
	}
}
