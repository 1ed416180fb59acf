// Opens the library's SQLite file: the settings it runs with, and its
// schema. A file that is not a database is moved aside (it is a cache of
// the data folder and the feeds); a folder that cannot be written falls
// back to memory so browsing still works.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {SCHEMA, SCHEMA_VERSION} from './sql.js';

export type OpenedDatabase = {db: Database.Database; warning?: string};

function prepare(db: Database.Database): Database.Database {
	db.pragma('journal_mode = WAL');
	// In WAL mode NORMAL loses no committed change on a crash of devnews,
	// only on a power cut, and spares an fsync per read mark.
	db.pragma('synchronous = NORMAL');
	db.pragma('busy_timeout = 5000');
	// Copy the log into the database every 40 MB rather than every 4 MB:
	// a refresh writes a few MB a feed, and each copy stalled it (a fifth
	// of the time of a 10,000-item refresh).
	db.pragma('wal_autocheckpoint = 10000');
	db.transaction(() => {
		if (db.pragma('user_version', {simple: true}) !== SCHEMA_VERSION) {
			for (const {name, type} of db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%'").all() as Array<{name: string; type: string}>) {
				db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`);
			}

			db.pragma(`user_version = ${SCHEMA_VERSION}`);
		}

		db.exec(SCHEMA);
	}).immediate();
	return db;
}

export function openDatabase(file: string): OpenedDatabase {
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		return {db: prepare(new Database(file))};
	} catch (error) {
		const code = (error as {code?: string}).code;
		if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
			const aside = `${file}.corrupt-${Date.now()}`;
			fs.renameSync(file, aside);
			return {db: prepare(new Database(file)), warning: `Library ${file} was damaged; moved it to ${aside} and rebuilt it.`};
		}

		return {db: prepare(new Database(':memory:')), warning: `Library kept in memory only: cannot write ${file} (${code ?? String(error)}).`};
	}
}
