// What the reader did with each article: read or not, and where in the
// story it was left, so a story reopens where it was.
import type Database from 'better-sqlite3';
import {BATCH} from './article-writer.js';
import type {Statements} from './statements.js';

export class ReadState {
	constructor(private readonly db: Database.Database, private readonly sql: Statements) {}

	/** Where the reader was in a story (0 to 1), and whether it was read. */
	reading(id: string): {read: boolean; position: number} {
		const row = this.sql.get('SELECT read, position FROM articles WHERE id = ?').get(id) as {read: number; position: number} | undefined;
		return {read: row?.read === 1, position: row?.position ?? 0};
	}

	/** True when it changed. */
	setRead(id: string, read: boolean): boolean {
		return this.sql.get('UPDATE articles SET read = ? WHERE id = ? AND read != ?').run(read ? 1 : 0, id, read ? 1 : 0).changes > 0;
	}

	/**
	 * Marks many articles (by rowid) read or unread, all in one transaction
	 * (an undo puts back all of it or none); returns the rowids that changed.
	 */
	setReadMany(rowids: number[], read: boolean): number[] {
		const mark = this.sql.get('UPDATE articles SET read = @read WHERE rowid IN (SELECT value FROM json_each(@rowids)) AND read != @read RETURNING rowid').pluck();
		return this.db
			.transaction(() => {
				const changed: number[] = [];
				for (let start = 0; start < rowids.length; start += BATCH) {
					changed.push(...(mark.all({read: read ? 1 : 0, rowids: JSON.stringify(rowids.slice(start, start + BATCH))}) as number[]));
				}

				return changed;
			})
			.immediate();
	}

	setPosition(id: string, position: number): void {
		const clamped = Math.min(1, Math.max(0, position));
		this.sql.get('UPDATE articles SET position = ? WHERE id = ? AND position != ?').run(clamped, id, clamped);
	}
}
