// Writes articles into the library: inserted or updated by id, so an item
// seen again updates its row and never duplicates it; one that has not
// changed costs no write. Read state and position are kept, and a story
// held in full is never replaced by a summary of it (see merge.ts).
import type Database from 'better-sqlite3';
import {OTHER, type Article, type Taxonomy} from '../core/article.js';
import {mergeArticle, type Stored} from './merge.js';
import {facetText} from './search-query.js';
import type {Statements} from './statements.js';

/** What a write did to the library. */
export type UpsertResult = {added: number; updated: number};

export class ArticleWriter {

	constructor(private readonly db: Database.Database, private readonly sql: Statements) {}

	upsert(articles: Article[], origin: string, taxonomy: Taxonomy): UpsertResult {
		const sectorIds = new Set(taxonomy.sectors.map(entry => entry.id));
		const editionIds = new Set(taxonomy.editions.map(entry => entry.id));
		const find = this.sql.get('SELECT a.rowid, a.origin, s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.id = ?');
		const write = this.sql.get(`
			INSERT INTO articles (id, origin, title, url, sector, edition, section, kind, created_at, sort_time)
			VALUES (@id, @origin, @title, @url, @sector, @edition, @section, @kind, @createdAt, @sortTime)
			ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, url = excluded.url,
				sector = excluded.sector, edition = excluded.edition, section = excluded.section, kind = excluded.kind,
				created_at = excluded.created_at, sort_time = excluded.sort_time
			RETURNING rowid`);
		const keep = this.sql.get('INSERT OR REPLACE INTO stories (article, doc) VALUES (?, ?)');
		const unindex = this.sql.get('DELETE FROM articles_fts WHERE rowid = ?');
		const index = this.sql.get('INSERT INTO articles_fts (rowid, title, summary, body, facets) VALUES (?, ?, ?, ?, ?)');
		const result: UpsertResult = {added: 0, updated: 0};
		this.db.transaction(() => {
			// The full-text index is written last: FTS5 flushes what it holds in
			// memory whenever another statement opens a savepoint, and flushing
			// after every article made imports twice as slow.
			const indexed: Array<{rowid: number; reindex: boolean; article: Article; facets: string}> = [];
			for (const incoming of articles) {
				const existing = find.get(incoming.id) as {rowid: number; origin: string; doc: string} | undefined;
				const stored: Stored | undefined = existing && {article: JSON.parse(existing.doc) as Article, origin: existing.origin};
				const {article, origin: keptOrigin} = mergeArticle(stored, incoming, origin);
				const doc = JSON.stringify(article);
				if (existing && doc === existing.doc && keptOrigin === existing.origin) continue;
				const sector = article.sector && sectorIds.has(article.sector) ? article.sector : OTHER;
				const edition = article.edition && editionIds.has(article.edition) ? article.edition : OTHER;
				const time = article.createdAt ? Date.parse(article.createdAt) : Number.NaN;
				const {rowid} = write.get({
					id: article.id,
					origin: keptOrigin,
					title: article.title,
					url: article.url ?? null,
					sector,
					edition,
					section: article.section ?? null,
					kind: article.kind,
					createdAt: article.createdAt ?? null,
					sortTime: Number.isNaN(time) ? 0 : time,
				}) as {rowid: number};
				keep.run(rowid, doc);
				indexed.push({rowid, reindex: Boolean(existing), article, facets: facetText(sector, edition)});
				result[existing ? 'updated' : 'added']++;
			}

			for (const {rowid, reindex, article, facets} of indexed) {
				if (reindex) unindex.run(rowid);
				index.run(rowid, article.title, article.summary ?? '', article.body.join('\n'), facets);
			}
		})();
		return result;
	}

	/** True when there was such an article. */
	remove(id: string): boolean {
		const row = this.sql.get('SELECT rowid FROM articles WHERE id = ?').get(id) as {rowid: number} | undefined;
		if (!row) return false;
		this.sql.get('DELETE FROM articles_fts WHERE rowid = ?').run(row.rowid);
		this.sql.get('DELETE FROM stories WHERE article = ?').run(row.rowid);
		this.sql.get('DELETE FROM articles WHERE rowid = ?').run(row.rowid);
		return true;
	}
}
