// The article library: an SQLite database in the cache folder. Views ask
// it for one screen of rows or one story at a time, never the corpus.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {OTHER, type Article, type ArticleRow, type Taxonomy} from '../core/article.js';
import {dataFingerprint, loadDataDir} from './load-data.js';

export type ListFilter = {
	sector?: string;
	edition?: string;
	/** Case-insensitive substring of the title. */
	title?: string;
};

export type OpenedLibrary = {library: Library; warning?: string};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
	id TEXT PRIMARY KEY,
	origin TEXT NOT NULL,
	title TEXT NOT NULL,
	url TEXT,
	sector TEXT NOT NULL,
	edition TEXT NOT NULL,
	section TEXT,
	kind TEXT NOT NULL,
	created_at TEXT,
	sort_time INTEGER NOT NULL,
	doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_time ON articles (sort_time DESC, id);
CREATE INDEX IF NOT EXISTS articles_by_sector ON articles (sector, edition, sort_time DESC, id);
CREATE INDEX IF NOT EXISTS articles_by_edition ON articles (edition, sort_time DESC, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

const DATA_ORIGIN = 'data';

type RowRecord = {
	id: string;
	title: string;
	url: string | null;
	sector: string;
	edition: string;
	section: string | null;
	kind: 'full' | 'headline';
	created_at: string | null;
};

function toRow(record: RowRecord): ArticleRow {
	return {
		id: record.id,
		title: record.title,
		url: record.url ?? undefined,
		sector: record.sector,
		edition: record.edition,
		section: record.section ?? undefined,
		kind: record.kind,
		createdAt: record.created_at ?? undefined,
	};
}

function whereClause(filter: ListFilter): {sql: string; params: Record<string, string>} {
	const clauses: string[] = [];
	const params: Record<string, string> = {};
	if (filter.sector) {
		clauses.push('sector = @sector');
		params['sector'] = filter.sector;
	}

	if (filter.edition) {
		clauses.push('edition = @edition');
		params['edition'] = filter.edition;
	}

	if (filter.title) {
		// LIKE's own wildcards in what the user typed are matched literally.
		clauses.push(`title LIKE @title ESCAPE '\\'`);
		params['title'] = `%${filter.title.replaceAll(/[\\%_]/g, match => `\\${match}`)}%`;
	}

	return {sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params};
}

export class Library {
	/**
	 * Opens the library at `file`. A file that is not a database is moved
	 * aside (it is only a cache, rebuilt from data/ and feeds); a folder that
	 * cannot be written falls back to memory so browsing still works.
	 */
	static open(file: string): OpenedLibrary {
		try {
			fs.mkdirSync(path.dirname(file), {recursive: true});
			return {library: new Library(new Database(file))};
		} catch (error) {
			const code = (error as {code?: string}).code;
			if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
				const aside = `${file}.corrupt-${Date.now()}`;
				fs.renameSync(file, aside);
				return {
					library: new Library(new Database(file)),
					warning: `Library ${file} was damaged; moved it to ${aside} and rebuilt it.`,
				};
			}

			return {
				library: new Library(new Database(':memory:')),
				warning: `Library kept in memory only: cannot write ${file} (${code ?? String(error)}).`,
			};
		}
	}

	private readonly db: Database.Database;

	private constructor(db: Database.Database) {
		this.db = db;
		db.pragma('journal_mode = WAL');
		db.pragma('busy_timeout = 5000');
		db.exec(SCHEMA);
	}

	close(): void {
		this.db.close();
	}

	private meta(key: string): string | undefined {
		const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as {value: string} | undefined;
		return row?.value;
	}

	private setMeta(key: string, value: string): void {
		this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
	}

	/**
	 * Imports a data folder when its files changed since the last import
	 * (the library holds one data folder's articles at a time). Returns the
	 * problems found in its files, remembered so every start reports them.
	 */
	syncData(dir: string): string[] {
		const fingerprint = dataFingerprint(dir);
		const sync = this.db.transaction(() => {
			if (this.meta('data.fingerprint') === fingerprint) return;
			const {articles, taxonomy, errors} = loadDataDir(dir);
			this.db.prepare('DELETE FROM articles WHERE origin = ?').run(DATA_ORIGIN);
			this.insert(articles, taxonomy, DATA_ORIGIN);
			this.setMeta('data.taxonomy', JSON.stringify(taxonomy));
			this.setMeta('data.errors', JSON.stringify(errors));
			this.setMeta('data.fingerprint', fingerprint);
		});
		// IMMEDIATE: two devnews starting at once import the folder once.
		sync.immediate();
		return JSON.parse(this.meta('data.errors') ?? '[]') as string[];
	}

	private insert(articles: Article[], taxonomy: Taxonomy, origin: string): void {
		const sectors = new Set(taxonomy.sectors.map(entry => entry.id));
		const editions = new Set(taxonomy.editions.map(entry => entry.id));
		const statement = this.db.prepare(`
			INSERT INTO articles (id, origin, title, url, sector, edition, section, kind, created_at, sort_time, doc)
			VALUES (@id, @origin, @title, @url, @sector, @edition, @section, @kind, @createdAt, @sortTime, @doc)
			ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, url = excluded.url,
				sector = excluded.sector, edition = excluded.edition, section = excluded.section, kind = excluded.kind,
				created_at = excluded.created_at, sort_time = excluded.sort_time, doc = excluded.doc`);
		for (const article of articles) {
			const time = article.createdAt ? Date.parse(article.createdAt) : Number.NaN;
			statement.run({
				id: article.id,
				origin,
				title: article.title,
				url: article.url ?? null,
				sector: article.sector && sectors.has(article.sector) ? article.sector : OTHER,
				edition: article.edition && editions.has(article.edition) ? article.edition : OTHER,
				section: article.section ?? null,
				kind: article.kind,
				createdAt: article.createdAt ?? null,
				sortTime: Number.isNaN(time) ? 0 : time,
				doc: JSON.stringify(article),
			});
		}
	}

	taxonomy(): Taxonomy {
		return JSON.parse(this.meta('data.taxonomy') ?? '{"sectors":[],"editions":[]}') as Taxonomy;
	}

	count(filter: ListFilter = {}): number {
		const {sql, params} = whereClause(filter);
		return (this.db.prepare(`SELECT count(*) AS n FROM articles ${sql}`).get(params) as {n: number}).n;
	}

	/** `limit` rows from `offset`, newest first; undated headlines last. */
	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		const {sql, params} = whereClause(filter);
		const records = this.db
			.prepare(`SELECT id, title, url, sector, edition, section, kind, created_at FROM articles ${sql}
				ORDER BY sort_time DESC, id LIMIT @limit OFFSET @offset`)
			.all({...params, limit, offset}) as RowRecord[];
		return records.map(record => toRow(record));
	}

	/** How many articles each sector (or edition) holds under the rest of the filter. */
	countsBy(column: 'sector' | 'edition', filter: ListFilter): Map<string, number> {
		const {sql, params} = whereClause({...filter, [column]: undefined});
		const rows = this.db
			.prepare(`SELECT ${column} AS key, count(*) AS n FROM articles ${sql} GROUP BY ${column}`)
			.all(params) as Array<{key: string; n: number}>;
		return new Map(rows.map(row => [row.key, row.n]));
	}

	article(id: string): Article | undefined {
		const row = this.db.prepare('SELECT doc FROM articles WHERE id = ?').get(id) as {doc: string} | undefined;
		return row ? (JSON.parse(row.doc) as Article) : undefined;
	}
}
