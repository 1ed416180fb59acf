// The article library: an SQLite database in the cache folder, holding the
// shipped data and every fetched feed item, with full-text search and read
// state. Views ask it for one screen of rows or one story at a time, and
// every such question costs the same however many articles it holds (see
// sql.ts for how the schema makes that so).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {OTHER, type Article, type ArticleRow, type Taxonomy} from '../core/article.js';
import {dataFingerprint, loadDataDir} from './load-data.js';
import {Anchors} from './anchors.js';
import {mergeArticle, type Stored} from './merge.js';
import {RankedSearch, type Ranked} from './ranked-search.js';
import {facetText, searchTerms} from './search-query.js';
import {SCHEMA, SCHEMA_VERSION} from './sql.js';

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

/** Article counts for a picker entry or the header; `more` when a search found more than it ranked. */
export type Counts = {total: number; unread: number; more?: boolean};

export const DATA_ORIGIN = 'data';

type RowRecord = {
	rowid: number;
	id: string;
	title: string;
	url: string | null;
	sector: string;
	edition: string;
	section: string | null;
	kind: 'full' | 'headline';
	created_at: string | null;
	read: number;
	sort_time: number;
};

const ROW_COLUMNS = 'rowid, id, title, url, sector, edition, section, kind, created_at, read, sort_time';

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

/** The WHERE clause of a sector and edition filter, for `articles` and `counts` alike, with `more` conditions. */
function whereClause(filter: ListFilter, more: string[] = []): {sql: string; params: Record<string, string>} {
	const clauses: string[] = [...more];
	const params: Record<string, string> = {};
	if (filter.sector) {
		clauses.push('sector = @sector');
		params['sector'] = filter.sector;
	}

	if (filter.edition) {
		clauses.push('edition = @edition');
		params['edition'] = filter.edition;
	}

	return {sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params};
}

const NO_MATCHES: Ranked = {rowids: [], more: false};

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
	private readonly search: RankedSearch;
	private readonly statements = new Map<string, Database.Statement>();
	private readonly anchors = new Anchors();

	private constructor(db: Database.Database) {
		this.db = db;
		db.pragma('journal_mode = WAL');
		// In WAL mode NORMAL loses no committed change on a crash of devnews,
		// only on a power cut, and spares an fsync per read mark.
		db.pragma('synchronous = NORMAL');
		db.pragma('busy_timeout = 5000');
		// Copy the log into the database every 40 MB rather than every 4 MB:
		// a refresh writes a few MB a feed, and each copy stalled it (a fifth
		// of the time of a 10,000-item refresh).
		db.pragma('wal_autocheckpoint = 10000');
		db.transaction(() => {
			if (db.pragma('user_version', {simple: true}) !== SCHEMA_VERSION) {
				for (const {name, type} of db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%'").all() as Array<{name: string; type: string}>) {
					db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`);
				}

				db.pragma(`user_version = ${SCHEMA_VERSION}`);
			}

			db.exec(SCHEMA);
		}).immediate();
		this.search = new RankedSearch(db);
	}

	close(): void {
		this.db.close();
	}

	/** A prepared statement, prepared once: the browser asks the same few questions on every key. */
	private sql(source: string): Database.Statement {
		let statement = this.statements.get(source);
		if (!statement) {
			statement = this.db.prepare(source);
			this.statements.set(source, statement);
		}

		return statement;
	}

	private meta(key: string): string | undefined {
		const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as {value: string} | undefined;
		return row?.value;
	}

	private setMeta(key: string, value: string): void {
		this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
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
			const gone = (this.sql(`SELECT id FROM articles WHERE origin = '${DATA_ORIGIN}'`).all() as Array<{id: string}>).filter(row => !kept.has(row.id));
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
		const row = this.sql('SELECT rowid FROM articles WHERE id = ?').get(id) as {rowid: number} | undefined;
		if (!row) return;
		this.sql('DELETE FROM articles_fts WHERE rowid = ?').run(row.rowid);
		this.sql('DELETE FROM stories WHERE article = ?').run(row.rowid);
		this.sql('DELETE FROM articles WHERE rowid = ?').run(row.rowid);
		this.search.forget();
		this.anchors.forget();
	}

	/**
	 * Inserts or updates articles by id, so an item seen again updates its
	 * row and never duplicates it; one that has not changed costs no write.
	 * Read state and position are kept, and a story held in full is never
	 * replaced by a summary of it (see merge.ts).
	 */
	upsert(articles: Article[], origin: string): UpsertResult {
		const {sectors, editions} = this.taxonomy();
		const sectorIds = new Set(sectors.map(entry => entry.id));
		const editionIds = new Set(editions.map(entry => entry.id));
		const find = this.sql('SELECT a.rowid, a.origin, s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.id = ?');
		const write = this.sql(`
			INSERT INTO articles (id, origin, title, url, sector, edition, section, kind, created_at, sort_time)
			VALUES (@id, @origin, @title, @url, @sector, @edition, @section, @kind, @createdAt, @sortTime)
			ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, url = excluded.url,
				sector = excluded.sector, edition = excluded.edition, section = excluded.section, kind = excluded.kind,
				created_at = excluded.created_at, sort_time = excluded.sort_time
			RETURNING rowid`);
		const keep = this.sql('INSERT OR REPLACE INTO stories (article, doc) VALUES (?, ?)');
		const unindex = this.sql('DELETE FROM articles_fts WHERE rowid = ?');
		const index = this.sql('INSERT INTO articles_fts (rowid, title, summary, body, facets) VALUES (?, ?, ?, ?, ?)');
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
		if (result.added + result.updated > 0) {
			this.search.forget();
			this.anchors.forget();
		}
		return result;
	}

	taxonomy(): Taxonomy {
		return JSON.parse(this.meta('data.taxonomy') ?? '{"sectors":[],"editions":[]}') as Taxonomy;
	}

	/** The ranked matches of a search under the filter's sector and edition. */
	private ranked(filter: ListFilter & {query: string}): Ranked {
		const terms = searchTerms(filter);
		// A query of symbols only has no words to find: no results, no error.
		return terms ? this.search.run(terms) : NO_MATCHES;
	}

	/** Rows for rowids, in the order given. */
	private rowsOf(rowids: number[]): ArticleRow[] {
		if (rowids.length === 0) return [];
		const records = this.sql(`SELECT ${ROW_COLUMNS} FROM articles WHERE rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowids)) as RowRecord[];
		const byRowid = new Map(records.map(record => [record.rowid, record]));
		return rowids.flatMap(rowid => {
			const record = byRowid.get(rowid);
			return record ? [toRow(record)] : [];
		});
	}

	/** Sector or edition counts of ranked matches (at most SEARCH_LIMIT rows). */
	private countsOfMatches(ranked: Ranked, column?: 'sector' | 'edition'): Array<Counts & {key: string}> {
		const group = column ? `${column} AS key,` : "'' AS key,";
		return (
			this.db
				.prepare(`SELECT ${group} count(*) AS total, coalesce(sum(read = 0), 0) AS unread FROM articles WHERE rowid IN (SELECT value FROM json_each(?)) ${column ? `GROUP BY ${column}` : ''}`)
				.all(JSON.stringify(ranked.rowids)) as Array<Counts & {key: string}>
		).map(row => ({...row, ...(ranked.more ? {more: true} : {})}));
	}

	count(filter: ListFilter = {}): Counts {
		const query = filter.query?.trim();
		if (query) {
			const [counts] = this.countsOfMatches(this.ranked({...filter, query}));
			return {total: counts?.total ?? 0, unread: counts?.unread ?? 0, ...(counts?.more ? {more: true} : {})};
		}

		const {sql, params} = whereClause(filter);
		return this.sql(`SELECT coalesce(sum(total), 0) AS total, coalesce(sum(unread), 0) AS unread FROM counts ${sql}`).get(params) as Counts;
	}

	/**
	 * `limit` rows from `offset`: ranked when searching, else newest first
	 * with undated headlines last.
	 */
	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		const query = filter.query?.trim();
		if (query) return this.rowsOf(this.ranked({...filter, query}).rowids.slice(offset, offset + limit));
		const select = (order: string, from: number, count: number, more: string[] = [], bounds: Record<string, string | number> = {}) => {
			const {sql, params} = whereClause(filter, more);
			return this.sql(`SELECT ${ROW_COLUMNS} FROM articles ${sql} ORDER BY ${order} LIMIT @count OFFSET @from`).all({...params, ...bounds, count, from}) as RowRecord[];
		};

		const {total} = this.count(filter);
		if (offset <= total / 2) {
			// From the closest window read before (see anchors.ts): the rows from
			// an anchor on are those older than it, or as old and after it by id.
			const list = JSON.stringify([filter.sector, filter.edition]);
			const anchor = this.anchors.before(list, offset);
			const records = anchor
				? select('sort_time DESC, id', offset - anchor.offset, limit, ['sort_time <= @time', '(sort_time < @time OR id >= @id)'], {time: anchor.time, id: anchor.id})
				: select('sort_time DESC, id', offset, limit);
			const first = records[0];
			if (first) this.anchors.remember(list, {offset, time: first.sort_time, id: first.id});
			return records.map(record => toRow(record));
		}

		// A window in the far half of the list is read from its other end.
		const count = Math.max(0, Math.min(limit, total - offset));
		return select('sort_time, id DESC', Math.max(0, total - offset - count), count)
			.reverse()
			.map(record => toRow(record));
	}

	/**
	 * Every row of a list, in its order, read as it is consumed: the command
	 * line prints a million rows without holding them.
	 */
	*rows(filter: ListFilter): Generator<ArticleRow> {
		const query = filter.query?.trim();
		if (query) {
			yield* this.rowsOf(this.ranked({...filter, query}).rowids);
			return;
		}

		const {sql, params} = whereClause(filter);
		for (const record of this.db.prepare(`SELECT ${ROW_COLUMNS} FROM articles ${sql} ORDER BY sort_time DESC, id`).iterate(params)) yield toRow(record as RowRecord);
	}

	/** Whether a search found more matches than it ranks (SEARCH_LIMIT). */
	searchHasMore(filter: ListFilter & {query: string}): boolean {
		return this.ranked(filter).more;
	}

	/** How many articles (and unread) each sector or edition holds under the rest of the filter. */
	countsBy(column: 'sector' | 'edition', filter: ListFilter): Map<string, Counts> {
		const others = {...filter, [column]: undefined};
		const query = filter.query?.trim();
		const rows = query
			? this.countsOfMatches(this.ranked({...others, query}), column)
			: (this.db
					.prepare(`SELECT ${column} AS key, sum(total) AS total, sum(unread) AS unread FROM counts ${whereClause(others).sql} GROUP BY ${column} HAVING sum(total) > 0`)
					.all(whereClause(others).params) as Array<Counts & {key: string}>);
		return new Map(rows.map(({key, ...counts}) => [key, counts]));
	}

	article(id: string): Article | undefined {
		const row = this.sql('SELECT s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.id = ?').get(id) as {doc: string} | undefined;
		return row ? (JSON.parse(row.doc) as Article) : undefined;
	}

	/** Where the reader was in a story (0 to 1), and whether it was read. */
	reading(id: string): {read: boolean; position: number} {
		const row = this.sql('SELECT read, position FROM articles WHERE id = ?').get(id) as {read: number; position: number} | undefined;
		return {read: row?.read === 1, position: row?.position ?? 0};
	}

	setRead(id: string, read: boolean): void {
		this.sql('UPDATE articles SET read = ? WHERE id = ? AND read != ?').run(read ? 1 : 0, id, read ? 1 : 0);
	}

	setPosition(id: string, position: number): void {
		this.sql('UPDATE articles SET position = ? WHERE id = ?').run(Math.min(1, Math.max(0, position)), id);
	}

	feedState(url: string): FeedState {
		const row = this.sql('SELECT etag, last_modified, last_success, last_error FROM feeds WHERE url = ?').get(url) as
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
