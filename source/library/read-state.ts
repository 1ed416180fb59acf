// What the reader did with each article: read or not, and where in the
// story it was left, so a story reopens where it was.
import type {Statements} from './statements.js';

export class ReadState {
	constructor(private readonly sql: Statements) {}

	/** Where the reader was in a story (0 to 1), and whether it was read. */
	reading(id: string): {read: boolean; position: number} {
		const row = this.sql.get('SELECT read, position FROM articles WHERE id = ?').get(id) as {read: number; position: number} | undefined;
		return {read: row?.read === 1, position: row?.position ?? 0};
	}

	/** True when it changed. */
	setRead(id: string, read: boolean): boolean {
		return this.sql.get('UPDATE articles SET read = ? WHERE id = ? AND read != ?').run(read ? 1 : 0, id, read ? 1 : 0).changes > 0;
	}

	/** Marks many articles (by rowid) read or unread, in one statement (so one transaction); returns the rowids that changed. */
	setReadMany(rowids: number[], read: boolean): number[] {
		return this.sql
			.get('UPDATE articles SET read = @read WHERE rowid IN (SELECT value FROM json_each(@rowids)) AND read != @read RETURNING rowid')
			.pluck()
			.all({read: read ? 1 : 0, rowids: JSON.stringify(rowids)}) as number[];
	}

	setPosition(id: string, position: number): void {
		const clamped = Math.min(1, Math.max(0, position));
		this.sql.get('UPDATE articles SET position = ? WHERE id = ? AND position != ?').run(clamped, id, clamped);
	}
}
