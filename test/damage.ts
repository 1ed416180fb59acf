// Damage made to a library's file on purpose, page by page, as a failing
// disk or a stray write would: for the tests of finding and repairing it.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** The bytes of page `page` (numbered from 1) of library `file`, its log copied in first, changed by `damage` and written back. */
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
