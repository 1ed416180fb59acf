// Prepared statements, prepared once: the browser asks the same few
// questions on every key, and preparing one costs more than running it.
import type Database from 'better-sqlite3';

export class Statements {
	private readonly prepared = new Map<string, Database.Statement>();

	constructor(private readonly db: Database.Database) {}

	/** The statement for `source`, prepared the first time it is asked for. */
	get(source: string): Database.Statement {
		let statement = this.prepared.get(source);
		if (!statement) {
			statement = this.db.prepare(source);
			this.prepared.set(source, statement);
		}

		return statement;
	}
}
