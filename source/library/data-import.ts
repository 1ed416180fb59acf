// Imports a data folder into the library when its files changed since the
// last import: the library holds one data folder's articles at a time.
// The problems found in its files are remembered, so every start reports them.
import type Database from 'better-sqlite3';
import {DATA_SOURCE, type Taxonomy} from '../core/article.js';
import {dataFingerprint, loadDataDir} from '../data/load-data.js';
import type {ArticleWriter} from './article-writer.js';
import type {Meta} from './meta.js';
import type {Statements} from './statements.js';

const FINGERPRINT = 'data.fingerprint';
const TAXONOMY = 'data.taxonomy';
const ERRORS = 'data.errors';

export class DataImport {

	constructor(private readonly db: Database.Database, private readonly sql: Statements, private readonly meta: Meta, private readonly writer: ArticleWriter) {}

	/** Imports `dir` if it changed; true when it did. */
	sync(dir: string): boolean {
		const fingerprint = dataFingerprint(dir);
		const sync = this.db.transaction(() => {
			if (this.meta.get(FINGERPRINT) === fingerprint) return false;
			const {articles, taxonomy, errors} = loadDataDir(dir);
			this.meta.set(TAXONOMY, JSON.stringify(taxonomy));
			const kept = new Set(articles.map(article => article.id));
			const shipped = this.sql.get('SELECT id FROM articles WHERE origin = ?').pluck().all(DATA_SOURCE) as string[];
			for (const id of shipped) if (!kept.has(id)) this.writer.remove(id);
			this.writer.upsert(articles, DATA_SOURCE, taxonomy);
			this.meta.set(ERRORS, JSON.stringify(errors));
			this.meta.set(FINGERPRINT, fingerprint);
			return true;
		});
		// IMMEDIATE: two devnews starting at once import the folder once.
		return sync.immediate();
	}

	/** The problems found in the data folder's files when it was imported. */
	errors(): string[] {
		return JSON.parse(this.meta.get(ERRORS) ?? '[]') as string[];
	}

	taxonomy(): Taxonomy {
		return JSON.parse(this.meta.get(TAXONOMY) ?? '{"sectors":[],"editions":[]}') as Taxonomy;
	}
}
