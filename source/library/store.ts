// The article library: an SQLite database in the cache folder, holding the
// shipped data and every fetched feed item, with full-text search and read
// state. Views ask it for one screen of rows or one story at a time, and
// every such question costs the same however many articles it holds (see
// sql.ts for how the schema makes that so). Each job is a file of its own;
// this class puts them together and tells subscribers when anything changed.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type {Article, ArticleRow, Counts} from '../core/article.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {ArticleWriter, type UpsertResult} from './article-writer.js';
import {CountQueries} from './counts.js';
import {DataImport} from './data-import.js';
import {damageMarker, isCorruption, openDatabase, WAL_AUTOCHECKPOINT, type OpenOptions} from './database.js';
import {FeedStates, type FeedState} from './feed-state.js';
import type {ListFilter} from './list-filter.js';
import type {CountColumn} from './counts.js';
import type {UnreadFound} from '../core/next-unread.js';
import {ListQueries} from './list-queries.js';
import {Meta} from './meta.js';
import {RankedSearch} from './ranked-search.js';
import {SearchMatches} from './search-matches.js';
import {ReadState} from './read-state.js';
import {Refiling} from './refile.js';
import {Retention} from './retention.js';
import {Statements} from './statements.js';
import {newestSummaryOnly, type SummaryOnly} from './summary-only.js';
import {examine, repairLibrary, type Examination, type Repair} from './repair.js';

export type {ListFilter} from './list-filter.js';
export type {CountColumn} from './counts.js';
export type {FeedState} from './feed-state.js';
export type {UpsertResult} from './article-writer.js';
export type {Examination, Repair} from './repair.js';
export {LibraryError, isCorruption} from './database.js';

export type OpenedLibrary = {library: Library; warning?: string};

/**
 * While a refresh writes in steps, subscribers are told at most this
 * often (and once it is done); the view is new after every step, so a
 * screen drawn for a key in between reads what is there.
 */
const STEP_NOTICE_MS = 100;

/** After a repair an error asked for, how long before another error may ask for one (Library.repairAfter). */
const REPAIR_AGAIN_MS = 10_000;

/**
 * The library at one version. A new view is made whenever the library
 * changes, so what reads through a view (a memo that depends on it, a
 * component given it) reads again exactly when there is something new.
 */
export type LibraryView = {readonly library: Library; readonly version: number};

export class Library {
	/** Opens the library at `file` (see database.ts for what happens when it cannot be used as it is). */
	static open(file: string, options?: OpenOptions): OpenedLibrary {
		const {db, warning, persistent} = openDatabase(file, options);
		return {library: new Library(db, file, persistent, options), warning};
	}

	/** Whether what is written is kept (not a read-only library's copy, or memory). */
	readonly persistent: boolean;
	private readonly file: string;
	// Each part below is made again on the new connection when a repair replaces the file (attach).
	private db!: Database.Database;
	private writer!: ArticleWriter;
	private data!: DataImport;
	private search!: SearchMatches;
	private ranked!: RankedSearch;
	private counts!: CountQueries;
	private lists!: ListQueries;
	private readState!: ReadState;
	private feeds!: FeedStates;
	private retention!: Retention;
	private sql!: Statements;
	private readonly listeners = new Set<() => void>();
	private current: LibraryView = {library: this, version: 0};
	private lastNotice = Number.NEGATIVE_INFINITY;
	private notice: NodeJS.Timeout | undefined;
	/** SQLite's data_version as last seen: it moves when another connection commits. */
	private othersVersion!: number;
	/** The data folder last imported: imported again after a repair that may have lost its articles. */
	private dataDir: string | undefined;
	private readonly repairListeners = new Set<(line: string) => void>();
	/** Ids an expected lookup found the library does not hold, since it last changed (Library.article). */
	private readonly absent = new Set<string>();
	/** When repairAfter last repaired. */
	private repaired = Number.NEGATIVE_INFINITY;
	/** What repairs did before anyone listened: told to the first listener. */
	private readonly untold: string[] = [];

	private constructor(
		db: Database.Database,
		file: string,
		persistent: boolean,
		/** How it was opened: a file a repair makes is opened the same way. */
		private readonly options: OpenOptions = {},
	) {
		this.file = file;
		this.persistent = persistent;
		this.attach(db);
	}

	private attach(db: Database.Database): void {
		this.db = db;
		this.sql = new Statements(db);
		const meta = new Meta(this.sql);
		this.writer = new ArticleWriter(db, this.sql);
		const refiling = new Refiling(db, this.sql, meta);
		this.data = new DataImport(db, this.sql, meta, this.writer, refiling);
		this.retention = new Retention(this.sql, this.writer);
		this.ranked = new RankedSearch(db);
		this.search = new SearchMatches(this.sql, this.ranked);
		this.counts = new CountQueries(this.sql, this.search);
		this.lists = new ListQueries(db, this.sql, this.search, this.counts);
		this.readState = new ReadState(this.sql);
		this.feeds = new FeedStates(this.sql, meta);
		this.othersVersion = this.dataVersion();
	}

	private dataVersion(): number {
		return this.sql.get('PRAGMA data_version').pluck().get() as number;
	}

	/**
	 * Whether another process (another connection: devnews fetch, a second
	 * browser) wrote to the library since the last look; if one did, every
	 * view reads again, as after a change made here. One pragma, cheap enough
	 * to ask about once a second; this connection's own writes do not count.
	 */
	followOthers(): boolean {
		const version = this.dataVersion();
		if (version === this.othersVersion) return false;
		this.othersVersion = version;
		this.articlesChanged();
		return true;
	}

	close(): void {
		clearTimeout(this.notice);
		this.db.close();
	}

	/**
	 * Notes that the file was found damaged (an error said so) and closes it:
	 * the next devnews moves it aside and makes a new one. What a repair
	 * could not mend comes to this.
	 */
	markDamaged(error: unknown): boolean {
		if (!isCorruption(error) || !this.persistent) return false;
		fs.writeFileSync(damageMarker(this.file), `${(error as Error).message}\n`);
		return true;
	}

	/**
	 * Repairs the file (repair.ts) after `found` said it is damaged, or a
	 * lookup found `suspect` (indexes or tables) wrong; tells the listeners
	 * (onRepaired) what was done, in one line. Undefined when it could not be
	 * repaired (a library in memory, or a copy past rebuilding its indexes).
	 */
	repair(found: string[], suspect: string[] = []): Repair | undefined {
		let repaired;
		try {
			repaired = repairLibrary(this.db, this.db.memory ? this.file : this.db.name, found, suspect, this.options);
		} catch {
			return undefined;
		}

		const {db, repair, orphans} = repaired;
		if (db !== this.db) this.attach(db);
		// Stories whose article rows were lost are written again, as their feeds gave them; the data folder's articles come from the folder.
		for (const origin of new Set(orphans.map(article => article.source))) {
			this.writer.upsert(
				orphans.filter(article => article.source === origin),
				origin,
				this.taxonomy(),
			);
		}

		if (repair.action !== 'rebuilt' && this.dataDir !== undefined) this.data.sync(this.dataDir);

		this.articlesChanged();
		this.tellRepaired(repair.summary);
		return repair;
	}

	/** devnews doctor: every check (repair.ts examine); what it finds repaired, and checked again. */
	checkup(): {before: Examination; repair?: Repair; after?: Examination} {
		const before = examine(this.db);
		if (before.problems.length === 0) return {before};
		const repair = this.repair(before.problems);
		return {before, repair, after: examine(this.db)};
	}

	/**
	 * Repairs the file when `error` says it is damaged; true when it was
	 * repaired (what failed may be tried again). Not twice within
	 * REPAIR_AGAIN_MS: damage a repair did not mend is not repaired in a loop.
	 */
	repairAfter(error: unknown): boolean {
		if (!isCorruption(error) || performance.now() - this.repaired < REPAIR_AGAIN_MS) return false;
		this.repaired = performance.now();
		return this.repair([(error as Error).message]) !== undefined;
	}

	/** Calls `listener` with the line each repair leaves (and those left before it listened); returns the unsubscribe. */
	onRepaired(listener: (line: string) => void): () => void {
		this.repairListeners.add(listener);
		for (const line of this.untold.splice(0)) listener(line);
		return () => this.repairListeners.delete(listener);
	}

	private tellRepaired(line: string): void {
		if (this.repairListeners.size === 0) this.untold.push(line);
		for (const listener of this.repairListeners) listener(line);
	}

	/** Calls `listener` after every change; returns the unsubscribe. (React's useSyncExternalStore contract.) */
	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** The library's current view (see LibraryView). */
	readonly view = (): LibraryView => this.current;

	/** What the views show changed: they read the library again, told now or, for a step of a refresh, soon (STEP_NOTICE_MS). */
	private changed(step = false): void {
		this.current = {library: this, version: this.current.version + 1};
		const wait = this.lastNotice + STEP_NOTICE_MS - performance.now();
		if (!step || wait <= 0 || this.listeners.size === 0) this.tell();
		else this.notice ??= setTimeout(() => this.tell(), wait);
	}

	private tell(): void {
		clearTimeout(this.notice);
		this.notice = undefined;
		this.lastNotice = performance.now();
		for (const listener of this.listeners) listener();
	}

	/** Rows, counts and searches read before a change to the articles may be wrong now. */
	private articlesChanged(step = false): void {
		this.absent.clear();
		this.ranked.forget();
		this.lists.forget();
		this.counts.forget();
		this.changed(step);
	}

	/** Read marks moved: the unread counts, and where the walks of each list's unread and read are. */
	private readsChanged(): void {
		this.lists.forgetReadWalks();
		this.counts.forget();
		this.changed();
	}

	/**
	 * Imports a data folder when its files changed; returns the problems
	 * found in its files. Called first after opening: it also finishes what a
	 * migration left (filing every article again, the full-text index).
	 */
	syncData(dir: string): string[] {
		this.dataDir = dir;
		if (this.data.sync(dir)) this.articlesChanged();
		return this.data.errors();
	}

	taxonomy(): Taxonomy {
		return this.data.taxonomy();
	}

	upsert(articles: Article[], origin: string): UpsertResult {
		const result = this.writer.upsert(articles, origin, this.taxonomy());
		if (result.added + result.updated > 0) this.articlesChanged();
		return result;
	}

	/** The same as upsert, in steps of `stepMs` between which the event loop runs (a refresh: the browser answers keys meanwhile). */
	async upsertInSteps(articles: Article[], origin: string, stepMs?: number): Promise<UpsertResult> {
		const result = await this.writer.upsertInSteps(
			articles,
			origin,
			this.taxonomy(),
			step => {
				if (step.added + step.updated > 0) this.articlesChanged(true);
			},
			stepMs,
		);
		// The last step is told now.
		if (this.notice) this.tell();
		return result;
	}

	/** The database's file, for another thread to open (a refresh's checkpoints); undefined for one in memory. */
	databaseFile(): string | undefined {
		return this.db.memory ? undefined : this.db.name;
	}

	/**
	 * Whether writes here copy the write-ahead log into the database when it
	 * has grown (SQLite's checkpoint, which held a refresh's write for 100 to
	 * 150 ms each time), or leave that to another thread while a refresh writes.
	 */
	checkpointsHere(here: boolean): void {
		this.db.pragma(`wal_autocheckpoint = ${here ? WAL_AUTOCHECKPOINT : 0}`);
	}

	/** Removes news older than `keepDays` but what is bookmarked (see retention.ts); returns how many went. */
	prune(keepDays: number, bookmarked: ReadonlySet<string>): number {
		const removed = this.retention.prune(keepDays, bookmarked);
		if (removed > 0) this.articlesChanged();
		return removed;
	}

	count(filter: ListFilter = {}): Counts {
		return this.counts.count(filter);
	}

	countsBy(column: CountColumn, filter: ListFilter): Map<string, Counts> {
		return this.counts.countsBy(column, filter);
	}

	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		return this.lists.page(filter, offset, limit);
	}

	/** Where article `id` is in the list, or undefined when it is not in it. */
	indexOf(filter: ListFilter, id: string): number | undefined {
		return this.lists.indexOf(filter, id);
	}

	rows(filter: ListFilter): Generator<ArticleRow> {
		return this.lists.rows(filter);
	}

	/** Rows for articles by id, in that order (ids no longer held are left out). */
	rowsById(ids: string[]): ArticleRow[] {
		return this.lists.rowsById(ids);
	}

	/** The next (or previous) unread story in the list after article `fromId`, going round once (see list-queries.ts). */
	nextUnread(filter: ListFilter, fromId: string | undefined, backwards = false): UnreadFound | undefined {
		return this.lists.nextUnread(filter, fromId, backwards);
	}

	/** Whether a search found more matches than it ranks (SEARCH_LIMIT). */
	searchHasMore(filter: ListFilter & {query: string}): boolean {
		return this.search.hasMore(filter);
	}

	/**
	 * The article `id`, or undefined when the library does not hold it. With
	 * `expected` (the id came from a list, or was typed after one), a miss is
	 * asked again without the index on ids: by the list of all articles (a
	 * walk of that list, only on a miss, and once per change of the library),
	 * then by the table's own key. An article the table holds that its index
	 * does not find is a damaged index, rebuilt here rather than answered wrong.
	 */
	article(id: string, expected = true): Article | undefined {
		const found = this.storyOf(id);
		if (found !== undefined || !expected || this.absent.has(id)) return found;
		const rowid = this.sql.get("SELECT article FROM listings WHERE list = '*' AND id = ?").pluck().get(id) as number | undefined;
		if (rowid === undefined || this.sql.get('SELECT 1 FROM articles WHERE rowid = ? AND id = ?').get(rowid, id) === undefined) {
			this.absent.add(id);
			return undefined;
		}

		return this.repair([`article ${id} is in the articles table but its index on ids does not find it`], ['articles']) ? this.storyOf(id) : undefined;
	}

	private storyOf(id: string): Article | undefined {
		const doc = this.sql.get('SELECT s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.id = ?').pluck().get(id) as string | undefined;
		return doc === undefined ? undefined : (JSON.parse(doc) as Article);
	}

	/** The newest feed items held without their story, at most `limit` from the `offset`th (the background completion's, summary-only.ts). */
	newestSummaryOnly(limit: number, offset = 0): SummaryOnly[] {
		return newestSummaryOnly(this.sql, limit, offset);
	}

	reading(id: string): {read: boolean; position: number} {
		return this.readState.reading(id);
	}

	setRead(id: string, read: boolean): void {
		if (this.readState.setRead(id, read)) this.readsChanged();
	}

	/** The rowids of a list's unread stories: what marking it all read changes. */
	unreadIn(filter: ListFilter): number[] {
		return this.lists.unreadIn(filter);
	}

	/** The rowids of the articles with these ids (those the library holds). */
	rowidsOf(ids: string[]): number[] {
		return this.sql.get('SELECT rowid FROM articles WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[];
	}

	/**
	 * Marks articles (by rowid) read or unread, in one transaction; returns
	 * the rowids that changed (what an undo puts back). Many at once are
	 * marked a batch at a time (bulk-marks.ts).
	 */
	setReadMany(rowids: number[], read: boolean): number[] {
		const changed = this.readState.setReadMany(rowids, read);
		if (changed.length > 0) this.readsChanged();
		return changed;
	}

	// Where a story was left, and each feed's state, are read when needed
	// (opening the story, fetching, devnews feeds), never drawn from the
	// view: writing them asks no screen to read the library again.
	setPosition(id: string, position: number): void {
		this.readState.setPosition(id, position);
	}

	feedState(url: string): FeedState {
		return this.feeds.get(url);
	}

	feedFetched(url: string, validators: {etag?: string; lastModified?: string}, time: number, title?: string): void {
		this.feeds.fetched(url, validators, time, title);
	}

	/** Each feed's own title (its <title>), by URL, as its last fetch gave it. */
	feedTitles(): Map<string, string> {
		return this.feeds.titles();
	}

	feedUnchanged(url: string, time: number): void {
		this.feeds.unchanged(url, time);
	}

	feedFailed(url: string, reason: string): void {
		this.feeds.failed(url, reason);
	}

	lastRefresh(): number | undefined {
		return this.feeds.lastRefresh();
	}

	setLastRefresh(time: number): void {
		this.feeds.setLastRefresh(time);
		this.changed();
	}
}
