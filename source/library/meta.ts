// Small named values the library keeps beside the articles: the data
// folder's fingerprint, taxonomy and problems, and when feeds last refreshed.
import type {Statements} from './statements.js';

export class Meta {

	constructor(private readonly sql: Statements) {}

	get(key: string): string | undefined {
		const row = this.sql.get('SELECT value FROM meta WHERE key = ?').get(key) as {value: string} | undefined;
		return row?.value;
	}

	set(key: string, value: string): void {
		this.sql.get('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
	}
}
