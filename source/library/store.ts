// The article library: an SQLite database in the cache folder, holding the
// shipped data and every fetched feed item, with full-text search and read
// state. Views ask it for one screen of rows or one story at a time.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {OTHER, type Article, type ArticleRow, type Taxonomy} from '../core/article.js';
import {dataFingerprint, loadDataDir} from './load-data.js';
import {ftsQuery} from './search-query.js';

export type ListFilter = {
	sector?: string;
	edition?: string;
	/** Full-text search over title, summary and body; results come ranked. */
	query?: string;
};

/** What a refresh did to the library. */
export type UpsertResult = {added: number; updated: number};

/** What devnews remembers of a feed between refreshes. */
export type FeedState = {
	url: string;
	etag?: string;
	lastModified?: string;
	/** Epoch ms of the last fetch that worked (a 200 or a 304). */
	lastSuccess?: number;
	lastError?: string;
};

export type OpenedLibrary = {library: Library; warning?: string};

/** Article counts for a picker entry or the header. */
export type Counts = {total: number; unread: number};

// Bump when the schema changes: the library is a cache, so an older one is
// dropped and rebuilt (data/ is imported again, feeds are fetched again).
const SCHEMA_VERSION = 2;

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
	read INTEGER NOT NULL DEFAULT 0,
	position REAL NOT NULL DEFAULT 0,
	doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_time ON articles (sort_time DESC, id);
CREATE INDEX IF NOT EXISTS articles_by_sector ON articles (sector, edition, sort_time DESC, id);
CREATE INDEX IF NOT EXISTS articles_by_edition ON articles (edition, sort_time DESC, id);
CREATE INDEX IF NOT EXISTS articles_by_origin ON articles (origin);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
	title, summary, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_success INTEGER, last_error TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export const DATA_ORIGIN = 'data';

type RowRecord = {
	id: string;
	title: string;
	url: string | null;
	sector: string;
	edition: string;
	section: string | null;
	kind: 'full' | 'headline';
	created_at: string | null;
	read: number;
};

const ROW_COLUMNS = 'a.id, a.title, a.url, a.sector, a.edition, a.section, a.kind, a.created_at, a.read';

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
		read: record.read === 1,
	};
}

type Where = {join: string; sql: string; params: Record<string, string>; ranked: boolean; empty: boolean};

function whereClause(filter: ListFilter): Where {
	const clauses: string[] = [];
	const params: Record<string, string> = {};
	if (filter.sector) {
		clauses.push('a.sector = @sector');
		params['sector'] = filter.sector;
	}

	if (filter.edition) {
		clauses.push('a.edition = @edition');
		params['edition'] = filter.edition;
	}

	let join = '';
	const query = filter.query?.trim();
	if (query) {
		const match = ftsQuery(query);
		join = 'JOIN articles_fts ON articles_fts.rowid = a.rowid';
		clauses.push('articles_fts MATCH @match');
		params['match'] = match ?? '""';
		// A query of symbols only has no words to find: no results, no error.
		if (!match) return {join, sql: '', params, ranked: false, empty: true};
	}

	return {join, sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params, ranked: join !== '', empty: false};
}

function bodyText(article: Article): string {
	return article.body.join('\n');
}

export class Library {
	/**
	 * Opens the library at `file`. A file that is not a database is moved
	 * aside (it is only a cache); a folder that cannot be written falls back
	 * to memory so browsing still works.
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
		db.transaction(() => {
			if (db.pragma('user_version', {simple: true}) !== SCHEMA_VERSION) {
				for (const {name, type} of db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%'").all() as Array<{name: string; type: string}>) {
					db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`);
				}

				db.pragma(`user_version = ${SCHEMA_VERSION}`);
			}

			db.exec(SCHEMA);
		}).immediate();
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
			this.setMeta('data.taxonomy', JSON.stringify(taxonomy));
			const kept = new Set(articles.map(article => article.id));
			const gone = (this.db.prepare('SELECT id FROM articles WHERE origin = ?').all(DATA_ORIGIN) as Array<{id: string}>).filter(row => !kept.has(row.id));
			for (const {id} of gone) this.remove(id);
			this.upsert(articles, DATA_ORIGIN);
			this.setMeta('data.errors', JSON.stringify(errors));
			this.setMeta('data.fingerprint', fingerprint);
		});
		// IMMEDIATE: two devnews starting at once import the folder once.
		sync.immediate();
		return JSON.parse(this.meta('data.errors') ?? '[]') as string[];
	}

	private remove(id: string): void {
		const row = this.db.prepare('SELECT rowid FROM articles WHERE id = ?').get(id) as {rowid: number} | undefined;
		if (!row) return;
		this.db.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(row.rowid);
		this.db.prepare('DELETE FROM articles WHERE rowid = ?').run(row.rowid);
	}

	/**
	 * Inserts or updates articles by id, so an item seen again updates its
	 * row and never duplicates it. Read state and position are kept.
	 */
	upsert(articles: Article[], origin: string): UpsertResult {
		const {sectors, editions} = this.taxonomy();
		const sectorIds = new Set(sectors.map(entry => entry.id));
		const editionIds = new Set(editions.map(entry => entry.id));
		const find = this.db.prepare('SELECT rowid FROM articles WHERE id = ?');
		const write = this.db.prepare(`
			INSERT INTO articles (id, origin, title, url, sector, edition, section, kind, created_at, sort_time, doc)
			VALUES (@id, @origin, @title, @url, @sector, @edition, @section, @kind, @createdAt, @sortTime, @doc)
			ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, url = excluded.url,
				sector = excluded.sector, edition = excluded.edition, section = excluded.section, kind = excluded.kind,
				created_at = excluded.created_at, sort_time = excluded.sort_time, doc = excluded.doc
			RETURNING rowid`);
		const unindex = this.db.prepare('DELETE FROM articles_fts WHERE rowid = ?');
		const index = this.db.prepare('INSERT INTO articles_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
		const result: UpsertResult = {added: 0, updated: 0};
		this.db.transaction(() => {
			for (const article of articles) {
				const existing = find.get(article.id) as {rowid: number} | undefined;
				if (existing) unindex.run(existing.rowid);
				const time = article.createdAt ? Date.parse(article.createdAt) : Number.NaN;
				const {rowid} = write.get({
					id: article.id,
					origin,
					title: article.title,
					url: article.url ?? null,
					sector: article.sector && sectorIds.has(article.sector) ? article.sector : OTHER,
					edition: article.edition && editionIds.has(article.edition) ? article.edition : OTHER,
					section: article.section ?? null,
					kind: article.kind,
					createdAt: article.createdAt ?? null,
					sortTime: Number.isNaN(time) ? 0 : time,
					doc: JSON.stringify(article),
				}) as {rowid: number};
				index.run(rowid, article.title, article.summary ?? '', bodyText(article));
				result[existing ? 'updated' : 'added']++;
			}
		})();
		return result;
	}

	taxonomy(): Taxonomy {
		return JSON.parse(this.meta('data.taxonomy') ?? '{"sectors":[],"editions":[]}') as Taxonomy;
	}

	count(filter: ListFilter = {}): Counts {
		const {join, sql, params, empty} = whereClause(filter);
		if (empty) return {total: 0, unread: 0};
		const row = this.db.prepare(`SELECT count(*) AS total, coalesce(sum(a.read = 0), 0) AS unread FROM articles a ${join} ${sql}`).get(params) as Counts;
		return row;
	}

	/** `limit` rows from `offset`: ranked when searching, else newest first with undated headlines last. */
	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		const {join, sql, params, ranked, empty} = whereClause(filter);
		if (empty) return [];
		const order = ranked ? 'bm25(articles_fts), a.sort_time DESC' : 'a.sort_time DESC, a.id';
		const records = this.db
			.prepare(`SELECT ${ROW_COLUMNS} FROM articles a ${join} ${sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
			.all({...params, limit, offset}) as RowRecord[];
		return records.map(record => toRow(record));
	}

	/** How many articles (and unread) each sector or edition holds under the rest of the filter. */
	countsBy(column: 'sector' | 'edition', filter: ListFilter): Map<string, Counts> {
		const {join, sql, params, empty} = whereClause({...filter, [column]: undefined});
		if (empty) return new Map();
		const rows = this.db
			.prepare(`SELECT a.${column} AS key, count(*) AS total, sum(a.read = 0) AS unread FROM articles a ${join} ${sql} GROUP BY a.${column}`)
			.all(params) as Array<Counts & {key: string}>;
		return new Map(rows.map(row => [row.key, {total: row.total, unread: row.unread}]));
	}

	article(id: string): Article | undefined {
		const row = this.db.prepare('SELECT doc FROM articles WHERE id = ?').get(id) as {doc: string} | undefined;
		return row ? (JSON.parse(row.doc) as Article) : undefined;
	}

	/** Where the reader was in a story (0 to 1), and whether it was read. */
	reading(id: string): {read: boolean; position: number} {
		const row = this.db.prepare('SELECT read, position FROM articles WHERE id = ?').get(id) as {read: number; position: number} | undefined;
		return {read: row?.read === 1, position: row?.position ?? 0};
	}

	setRead(id: string, read: boolean): void {
		this.db.prepare('UPDATE articles SET read = ? WHERE id = ?').run(read ? 1 : 0, id);
	}

	setPosition(id: string, position: number): void {
		this.db.prepare('UPDATE articles SET position = ? WHERE id = ?').run(Math.min(1, Math.max(0, position)), id);
	}

	feedState(url: string): FeedState {
		const row = this.db.prepare('SELECT etag, last_modified, last_success, last_error FROM feeds WHERE url = ?').get(url) as
			| {etag: string | null; last_modified: string | null; last_success: number | null; last_error: string | null}
			| undefined;
		return {
			url,
			etag: row?.etag ?? undefined,
			lastModified: row?.last_modified ?? undefined,
			lastSuccess: row?.last_success ?? undefined,
			lastError: row?.last_error ?? undefined,
		};
	}

	saveFeedState(state: FeedState): void {
		this.db
			.prepare(`INSERT INTO feeds (url, etag, last_modified, last_success, last_error) VALUES (@url, @etag, @lastModified, @lastSuccess, @lastError)
				ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
					last_success = excluded.last_success, last_error = excluded.last_error`)
			.run({
				url: state.url,
				etag: state.etag ?? null,
				lastModified: state.lastModified ?? null,
				lastSuccess: state.lastSuccess ?? null,
				lastError: state.lastError ?? null,
			});
	}

	/** Epoch ms of the last refresh, if any. */
	lastRefresh(): number | undefined {
		const value = this.meta('feeds.lastRefresh');
		return value ? Number(value) : undefined;
	}

	setLastRefresh(time: number): void {
		this.setMeta('feeds.lastRefresh', String(time));
	}
}
