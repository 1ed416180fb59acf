// Damage made to a library's file on purpose, page by page, as a failing
// disk or a stray write would: for the tests of finding and repairing it.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** The bytes of page `page` (numbered from 1) of library `file` (its log copied in first: see rootPage, pages) changed by `damage` and written back. */
export function damagePage(file: string, page: number, damage: (bytes: Buffer) => void): void {
	const bytes = fs.readFileSync(file);
	const size = bytes.readUInt16BE(16);
	damage(bytes.subarray((page - 1) * size, page * size));
	fs.writeFileSync(file, bytes);
}

/** The root page of table or index `name`, once the log is copied into `file` (so what is on its pages is all there is). */
export function rootPage(file: string, name: string): number {
	const db = new Database(file);
	db.pragma('wal_checkpoint(TRUNCATE)');
	const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(name) as number;
	db.close();
	return root;
}

/** The pages of table or index `name` (with how many cells each holds), once the log is copied into `file`. */
export function pages(file: string, name: string): Array<{pageno: number; pagetype: 'internal' | 'leaf' | 'overflow'; ncell: number}> {
	const db = new Database(file);
	db.pragma('wal_checkpoint(TRUNCATE)');
	const found = db.prepare('SELECT pageno, pagetype, ncell FROM dbstat WHERE name = ? ORDER BY pageno').all(name) as ReturnType<typeof pages>;
	db.close();
	return found;
}
