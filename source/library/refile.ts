// Files every article again under the taxonomy: after the data folder's
// sectors, editions or labels changed (an article's lists follow what its
// sectors now mean), and after a migration (which also rebuilds the
// full-text index). A batch a transaction, and where it got to is kept, so
// a run stopped half-way goes on from there the next time.
import type Database from 'better-sqlite3';
import type {Article} from '../core/article.js';
import {fileArticle, type Taxonomy} from '../core/taxonomy.js';
import {BATCH} from './article-writer.js';
import {filingOf, FullTextIndex} from './full-text.js';
import type {Meta} from './meta.js';
import {REINDEX_NEEDED} from './migrations.js';
import type {Statements} from './statements.js';

type Record = {rowid: number; sectors: string; sectors_guessed: number; editions: string; countries: string; sort_time: number; doc: string};

export class Refiling {
	private readonly index: FullTextIndex;

	constructor(private readonly db: Database.Database, private readonly sql: Statements, private readonly meta: Meta) {
		this.index = new FullTextIndex(sql);
	}

	/** Whether a migration left the full-text index to rebuild. */
	reindexPending(): boolean {
		return this.meta.get(REINDEX_NEEDED) !== undefined;
	}

	/** Files every article under `taxonomy`; true when any moved. With a rebuild pending, indexes each one too. */
	run(taxonomy: Taxonomy): boolean {
		const reindex = this.reindexPending();
		let after = Number(this.meta.get(REINDEX_NEEDED) ?? 0);
		const next = this.sql.get('SELECT a.rowid, a.sectors, a.sectors_guessed, a.editions, a.countries, a.sort_time, s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?');
		const move = this.sql.get('UPDATE articles SET sectors = ?, editions = ?, countries = ?, sectors_guessed = ? WHERE rowid = ?');
		let moved = false;
		for (;;) {
			const records = next.all(after, BATCH) as Record[];
			if (records.length === 0) break;
			this.db
				.transaction(() => {
					for (const record of records) {
						const article = JSON.parse(record.doc) as Article;
						const filed = fileArticle(taxonomy, article);
						const sectors = JSON.stringify(filed.sectors);
						const editions = JSON.stringify(filed.editions);
						const countries = JSON.stringify(article.countries);
						const guessed = filed.sectorsGuessed ? 1 : 0;
						const changed = sectors !== record.sectors || editions !== record.editions || countries !== record.countries;
						if (changed || guessed !== record.sectors_guessed) move.run(sectors, editions, countries, guessed, record.rowid);
						// After a migration the index is empty; otherwise the article leaves it as it was filed, and comes back as it is.
						const indexed = {rowid: record.rowid, sortTime: record.sort_time, article};
						if (changed && !reindex) this.index.remove({...indexed, filing: filingOf(record)});
						if (changed || reindex) this.index.add({...indexed, filing: filed});
						moved ||= changed || guessed !== record.sectors_guessed;
					}

					after = records.at(-1)!.rowid;
					if (reindex) this.meta.set(REINDEX_NEEDED, String(after));
				})
				.immediate();
		}

		if (reindex) this.sql.get('DELETE FROM meta WHERE key = ?').run(REINDEX_NEEDED);
		return moved;
	}
}
