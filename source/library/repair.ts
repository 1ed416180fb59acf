// Finds damage in the library's file and repairs it, losing as little as
// can be. The file holds what only it knows (articles with their read
// marks and positions, stories, feeds' states, meta) and what is worked
// out from that (the indexes, the lists and counts its triggers keep, the
// full-text indexes). So, in order of what is lost:
// 1. only what is worked out is damaged: it is worked out again in place
//    (REINDEX; the full-text indexes emptied and filled again): nothing lost;
// 2. a table is damaged: every row that can still be read is copied, table
//    by table, into a new file made by the normal schema code (whose
//    triggers work out the lists and counts again), which takes the old
//    one's name in one rename; the damaged file is kept beside it;
// 3. not even that (its schema cannot be read): the file is moved aside and
//    a new one made, as database.ts does with a file it cannot open.
// Each ends in one line saying what was done, for the user to be told once.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type {Article} from '../core/article.js';
import {counted} from '../core/numbers.js';
import {BATCH} from './article-writer.js';
import {asideName, damageMarker, isCorruption, moveAside, openWritable, type OpenOptions} from './database.js';
import {filingOf, FullTextIndex} from './full-text.js';
import {Statements} from './statements.js';

/** A check lists at most this many problems (SQLite stops looking after them). */
const MOST_PROBLEMS = 100;

/** The full-text indexes: FTS5 tables whose own tables (articles_fts_data, …) hold nothing but what is worked out. */
const FULL_TEXT = ['articles_fts', 'titles_fts'] as const;

/** The tables only the file knows, copied row by row into a new file; every other is worked out again from them. */
const KEPT_TABLES = ['articles', 'stories', 'feeds', 'meta'] as const;

/** What a repair did, for the user (`summary`, one line) and for devnews doctor. */
export type Repair = {
	/** rebuilt: indexes worked out again in place; recovered: readable rows copied into a new file; replaced: moved aside, a new one made. */
	action: 'rebuilt' | 'recovered' | 'replaced';
	summary: string;
	/** The problems found before it. */
	found: string[];
	/** Articles kept, and those that could not be read (unknown when even their count could not be). */
	articles?: {kept: number; lost?: number};
	/** Where the damaged file is kept, when it was replaced or recovered from. */
	aside?: string;
	ms: number;
};

/** What a repair leaves: the database to use from now on (the same, or a new one), what it did, and stories whose article rows were lost, to be written again. */
export type Repaired = {db: Database.Database; repair: Repair; orphans: Article[]};

/** SQLite's lines for each problem `pragma` (quick_check or integrity_check) finds, with `argument` (a table, or how many); none when sound. */
export function check(db: Database.Database, pragma: 'quick_check' | 'integrity_check', argument: string | number = MOST_PROBLEMS): string[] {
	try {
		const rows = db.pragma(`${pragma}(${argument})`) as Array<Record<string, string>>;
		return rows.flatMap(row => Object.values(row).flatMap(text => text.split('\n'))).filter(line => line !== 'ok' && !line.startsWith('*** in database'));
	} catch (error) {
		// Damage that stops the check is itself what it found.
		if (isCorruption(error)) return [(error as Error).message];
		throw error;
	}
}

/** FTS5's own check of each full-text index (quick_check sees only that its tables are sound b-trees). */
function checkFullText(db: Database.Database): string[] {
	return FULL_TEXT.flatMap(table => {
		try {
			// Rank 0: a contentless index is checked against itself, as it keeps no text to compare with.
			db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 0)`).run();
			return [];
		} catch (error) {
			return [`${table}: ${(error as Error).message}`];
		}
	});
}

type Schema = Map<string, {type: string; root: number}>;

function schemaOf(db: Database.Database): Schema {
	const rows = db.prepare('SELECT name, type, rootpage AS root FROM sqlite_schema').all() as Array<{name: string; type: string; root: number}>;
	return new Map(rows.map(({name, ...rest}) => [name, rest]));
}

/** The tables and indexes the problems name ("Tree 3 page 3 …" by its root page, "… in index x" by name); undefined when one names none of them (a page the file lost track of). */
function damagedObjects(schema: Schema, problems: string[]): Set<string> | undefined {
	const byRoot = new Map([...schema].map(([name, {root}]) => [root, name]));
	const found = new Set<string>();
	for (const problem of problems) {
		const named =
			FULL_TEXT.find(table => problem.startsWith(`${table}: `)) ?? /\bindex (\w+)/.exec(problem)?.[1] ?? byRoot.get(Number(/\bTree (\d+)\b/.exec(problem)?.[1]));
		if (named === undefined) return undefined;
		found.add(named);
	}

	return found;
}

/** Empties the full-text indexes and fills them again from the stories, a batch at a time, in one transaction. */
function refillFullText(db: Database.Database): void {
	const index = new FullTextIndex(new Statements(db));
	const next = db.prepare('SELECT a.rowid, a.sectors, a.editions, a.sort_time, s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?');
	db.transaction(() => {
		for (const table of FULL_TEXT) db.prepare(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`).run();
		for (let after = Number.MIN_SAFE_INTEGER; ; ) {
			const rows = next.all(after, BATCH) as Array<{rowid: number; sectors: string; editions: string; sort_time: number; doc: string}>;
			if (rows.length === 0) break;
			for (const row of rows) index.add({rowid: row.rowid, sortTime: row.sort_time, article: JSON.parse(row.doc) as Article, filing: filingOf(row)});
			after = rows.at(-1)!.rowid;
		}
	})();
}

const isFullText = (name: string) => FULL_TEXT.some(table => name === table || name.startsWith(`${table}_`));

/** Whether `name` is only worked out from the tables: an index, or a full-text index or one of its tables. */
const isWorkedOut = (schema: Schema, name: string) => schema.get(name)?.type === 'index' || isFullText(name);

/**
 * Step 1: works out again in place what the problems name, when they name
 * only what is worked out (or `suspect`: indexes or tables a lookup found
 * wrong); when they name nothing (an error no check could place),
 * everything worked out. True when the file is sound afterwards.
 */
function rebuildInPlace(db: Database.Database, problems: string[], suspect: string[]): boolean {
	try {
		const schema = schemaOf(db);
		const damaged = damagedObjects(schema, problems);
		if (!damaged || ![...damaged].every(name => isWorkedOut(schema, name))) return false;
		const named = [...damaged, ...suspect];
		if (named.length === 0) db.exec('REINDEX');
		for (const name of named.filter(name => schema.has(name) && !isFullText(name))) db.exec(`REINDEX "${name}"`);
		if (named.length === 0 || named.some(isFullText)) refillFullText(db);
		return check(db, 'quick_check').length === 0 && checkFullText(db).length === 0;
	} catch (error) {
		if (isCorruption(error)) return false;
		throw error;
	}
}

/**
 * The rows of `table` that can be read, in rowid order: a batch at a time
 * while they read, one at a time up to damage, and past a damaged page (one
 * that fails, or gives rowids out of order) by finding, doubling then
 * halving the step, the first rowid from which reading works again.
 */
function* readableRows(db: Database.Database, table: string, columns: string[]): Generator<Record<string, unknown>> {
	type Row = Record<string, unknown> & {rowid: number};
	const select = (limit: number) => db.prepare(`SELECT rowid AS "rowid", ${columns.map(column => `"${column}"`).join(', ')} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ${limit}`);
	const batch = select(BATCH);
	const one = select(1);
	/** The rows after `after` that `statement` reads; undefined when reading fails. */
	const read = (statement: Database.Statement, after: number) => {
		try {
			return statement.all(after) as Row[];
		} catch (error) {
			if (isCorruption(error)) return undefined;
			throw error;
		}
	};

	/** Whether reading on from `after` works: no error, and the next row, if any, is after it. */
	const readsFrom = (after: number) => {
		const rows = read(one, after);
		return rows !== undefined && (rows.length === 0 || rows[0]!.rowid > after);
	};

	let after = Number.MIN_SAFE_INTEGER;
	for (;;) {
		const rows = read(batch, after) ?? read(one, after);
		if (rows?.length === 0) return;
		let progressed = false;
		for (const row of rows ?? []) {
			if (row.rowid <= after) break;
			yield row;
			after = row.rowid;
			progressed = true;
		}

		if (progressed) continue;
		// Past the damage: the first `after` from which reading works (or none is left).
		let step = 1;
		while (after + step < Number.MAX_SAFE_INTEGER && !readsFrom(after + step)) step *= 2;
		if (after + step >= Number.MAX_SAFE_INTEGER) return;
		let low = after + Math.floor(step / 2);
		let high = after + step;
		while (high - low > 1) {
			const middle = low + Math.floor((high - low) / 2);
			if (readsFrom(middle)) high = middle;
			else low = middle;
		}

		after = high;
	}
}

/** A story for an article whose row could be read but whose story could not: its headline, from the row. */
function storyFromRow(row: Record<string, unknown>): Article {
	const list = (value: unknown) => JSON.parse(String(value)) as string[];
	return {
		id: String(row['id']),
		title: String(row['title']),
		...(row['url'] ? {url: String(row['url'])} : {}),
		...(row['created_at'] ? {createdAt: String(row['created_at'])} : {}),
		...(row['section'] ? {section: String(row['section'])} : {}),
		countries: list(row['countries']),
		sectors: list(row['sectors']),
		editions: list(row['editions']),
		body: [],
		kind: 'headline',
		source: String(row['origin']),
	};
}

/** How many articles the damaged file says it held (its counts), when that can be read. */
function heldBefore(db: Database.Database): number | undefined {
	try {
		return db.prepare('SELECT coalesce(sum(total), 0) FROM counts').pluck().get() as number;
	} catch {
		return undefined;
	}
}

const columnsOf = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{name: string}>).map(column => column.name);

/**
 * Step 2: every readable row of the tables only the file knows, copied into
 * a new file beside it; the lists, counts and full-text indexes worked out
 * there again; the data folder's fingerprint dropped, so its articles lost
 * here are imported again. Returns the new file's name and what was kept.
 */
function recoverInto(db: Database.Database, file: string): {fresh: string; kept: number; orphans: Article[]} {
	const fresh = `${file}.repairing`;
	for (const companion of ['', '-wal', '-shm']) fs.rmSync(fresh + companion, {force: true});
	const target = openWritable(fresh);
	try {
		const columns = (table: string) => columnsOf(target, table).filter(column => columnsOf(db, table).includes(column));
		target.transaction(() => {
			for (const table of KEPT_TABLES) {
				const names = columns(table);
				const insert = target.prepare(`INSERT OR IGNORE INTO "${table}" (rowid, ${names.map(name => `"${name}"`).join(', ')}) VALUES (${['rowid', ...names].map(name => `@${name}`).join(', ')})`);
				for (const row of readableRows(db, table, names)) insert.run(row);
			}

			target.exec("DELETE FROM meta WHERE key = 'data.fingerprint'");
			// An article whose story is lost keeps its headline and read mark.
			const storyless = target.prepare('SELECT rowid AS article_rowid, * FROM articles WHERE rowid NOT IN (SELECT article FROM stories)').all() as Array<Record<string, unknown>>;
			const keep = target.prepare('INSERT INTO stories (article, doc) VALUES (?, ?)');
			for (const row of storyless) keep.run(row['article_rowid'], JSON.stringify(storyFromRow(row)));
		})();
		const orphans = target.prepare('SELECT doc FROM stories WHERE article NOT IN (SELECT rowid FROM articles)').pluck().all() as string[];
		target.exec('DELETE FROM stories WHERE article NOT IN (SELECT rowid FROM articles)');
		refillFullText(target);
		const kept = target.prepare('SELECT count(*) FROM articles').pluck().get() as number;
		return {fresh, kept, orphans: orphans.map(doc => JSON.parse(doc) as Article)};
	} finally {
		target.close();
	}
}

/** Keeps the damaged file at its aside name (a second name for it where the folder allows, else a copy), then puts `fresh` in its place in one rename. */
function swapIn(file: string, fresh: string): string {
	const aside = asideName(file);
	try {
		fs.linkSync(file, aside);
	} catch {
		fs.copyFileSync(file, aside);
	}

	for (const companion of ['-wal', '-shm']) fs.rmSync(file + companion, {force: true});
	fs.renameSync(fresh, file);
	fs.rmSync(damageMarker(file), {force: true});
	return aside;
}

/**
 * Repairs the library `db` (the file `file`) after `found` (what said it is
 * damaged: an error, a check's lines), as the file comment says; `suspect`
 * names indexes or tables a lookup found wrong though no check did. `db` is
 * closed when a new file replaces it, which is opened with `options`.
 */
export function repairLibrary(db: Database.Database, file: string, found: string[], suspect: string[] = [], options: OpenOptions = {}): Repaired {
	const started = performance.now();
	const problems = [...check(db, 'quick_check'), ...checkFullText(db)];
	const done = (repair: Omit<Repair, 'found' | 'ms'>, next: Database.Database, orphans: Article[] = []): Repaired => ({
		db: next,
		repair: {...repair, found: [...new Set([...found, ...problems])], ms: Math.round(performance.now() - started)},
		orphans,
	});

	if (rebuildInPlace(db, problems, suspect)) {
		return done({action: 'rebuilt', summary: `Library ${file} had damaged indexes; rebuilt them from its tables, nothing lost.`}, db);
	}

	if (db.memory || !fs.existsSync(file)) {
		throw new Error(`the library in ${db.memory ? 'memory' : file} is damaged past rebuilding its indexes`);
	}

	const before = heldBefore(db);
	try {
		const {fresh, kept, orphans} = recoverInto(db, file);
		db.close();
		const aside = swapIn(file, fresh);
		const lost = before === undefined ? undefined : Math.max(0, before - kept - orphans.length);
		const losses = lost === undefined ? 'some may not have been readable' : lost === 0 ? 'nothing readable lost' : `${counted(lost, 'article')} could not be read`;
		return done(
			{
				action: 'recovered',
				summary: `Library ${file} was damaged; copied what could be read (${counted(kept + orphans.length, 'article')}; ${losses}) into a new file; the damaged one is kept as ${aside}.`,
				articles: {kept: kept + orphans.length, lost},
				aside,
			},
			openWritable(file, options),
			orphans,
		);
	} catch (error) {
		if (!isCorruption(error)) throw error;
		if (db.open) db.close();
		const aside = moveAside(file);
		return done(
			{action: 'replaced', summary: `Library ${file} was damaged past reading; moved it to ${aside} and made a new one.`, articles: {kept: 0, lost: before}, aside},
			openWritable(file, options),
		);
	}
}

/** What a check of the whole file found, with what it holds. */
export type Examination = {problems: string[]; rows: {articles: number; stories: number; feeds: number}; bytes: number; ms: number};

/**
 * Every check there is (devnews doctor): every page, index entry and
 * constraint (integrity_check, which also finds an index that misses rows),
 * and each full-text index; with the rows each kept table holds.
 */
export function examine(db: Database.Database): Examination {
	const started = performance.now();
	const problems = [...check(db, 'integrity_check'), ...checkFullText(db)];
	const count = (table: string) => {
		try {
			return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
		} catch {
			return Number.NaN;
		}
	};

	const rows = {articles: count('articles'), stories: count('stories'), feeds: count('feeds')};
	const bytes = db.memory ? 0 : fs.statSync(db.name).size;
	return {problems, rows, bytes, ms: Math.round(performance.now() - started)};
}
