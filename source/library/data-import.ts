// Imports a data folder into the library when its files changed since the
// last import: the library holds one data folder's articles at a time.
// The problems found in its files are remembered, so every start reports
// them. When the folder's taxonomy changed, every article is filed again.
// What was imported is noted last, so an import that was stopped is done
// again, whole, by the next run.
import type Database from 'better-sqlite3';
import {DATA_SOURCE} from '../core/article.js';
import {EMPTY_TAXONOMY, type Taxonomy} from '../core/taxonomy.js';
import {dataFingerprint, loadDataDir} from '../data/load-data.js';
import type {ArticleWriter} from './article-writer.js';
import type {Meta} from './meta.js';
import type {Refiling} from './refile.js';
import type {Statements} from './statements.js';

const FINGERPRINT = 'data.fingerprint';
const TAXONOMY = 'data.taxonomy';
const ERRORS = 'data.errors';

export class DataImport {
	constructor(
		private readonly db: Database.Database,
		private readonly sql: Statements,
		private readonly meta: Meta,
		private readonly writer: ArticleWriter,
		private readonly refiling: Refiling,
	) {}

	/** Imports `dir` if it changed; true when anything was written. */
	sync(dir: string): boolean {
		const fingerprint = dataFingerprint(dir);
		if (this.meta.get(FINGERPRINT) === fingerprint) return false;
		const {articles, taxonomy, errors} = loadDataDir(dir);
		// Every article is filed under the folder's taxonomy first, so what is
		// written next agrees with what is there; after a migration (which
		// leaves no fingerprint) this also rebuilds the full-text index.
		const taxonomyJson = JSON.stringify(taxonomy);
		if (this.meta.get(TAXONOMY) !== taxonomyJson || this.refiling.reindexPending()) this.refiling.run(taxonomy);
		const kept = new Set(articles.map(article => article.id));
		const gone = (this.sql.get('SELECT rowid, id FROM articles WHERE origin = ?').all(DATA_SOURCE) as Array<{rowid: number; id: string}>).filter(row => !kept.has(row.id));
		this.writer.remove(gone.map(row => row.rowid));
		this.writer.upsert(articles, DATA_SOURCE, taxonomy);
		this.db.transaction(() => {
			this.meta.set(TAXONOMY, taxonomyJson);
			this.meta.set(ERRORS, JSON.stringify(errors));
			this.meta.set(FINGERPRINT, fingerprint);
		})();
		return true;
	}

	/** The problems found in the data folder's files when it was imported. */
	errors(): string[] {
		return JSON.parse(this.meta.get(ERRORS) ?? '[]') as string[];
	}

	taxonomy(): Taxonomy {
		const stored = this.meta.get(TAXONOMY);
		return stored ? (JSON.parse(stored) as Taxonomy) : EMPTY_TAXONOMY;
	}
}
