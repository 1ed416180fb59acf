// A model-based test: random sequences of what users and mishaps do to the
// library and the bookmarks (adds, reads, marks, bookmarks, prunes, a start
// from an earlier release's library, and faults: a damaged page, another
// process holding the write lock, a full disk, a process killed mid-write)
// against a simple model of what they should hold. After every step the two
// agree; where a fault damaged the file, the library has said it repaired
// it, and lost nothing the model keeps.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type {Article} from '../source/core/article.js';
import {isCorruption, Library} from '../source/library/store.js';
import {fuzzParameters} from './fuzz.js';
import {openBookmarks, ROOT, SHIPPED_DATA, tempDir} from './helpers.js';
import {damagePage, pages} from './damage.js';

const FEED = 'https://example.com/model-feed.xml';
/** Old enough for a prune to take it when it is read. */
const LONG_AGO = '2020-01-01T00:00:00.000Z';
const KEEP_DAYS = 30;
/** A small pool of ids, so steps meet the same articles again. */
const IDS = Array.from({length: 12}, (_, index) => `model-${index}`);

type Kept = {title: string; read: boolean; position: number};
type Model = {articles: Map<string, Kept>; bookmarks: Set<string>; repairsExpected: number};
type Real = {library: Library; file: string; bookmarks: Awaited<ReturnType<typeof openBookmarks>>['store']; told: string[]; connection: () => Database.Database};

const article = (id: string, version: number): Article => ({
	id,
	title: `Model story ${id} v${version}`,
	body: [`Paragraph of ${id}.`],
	countries: [],
	sectors: [],
	editions: [],
	kind: 'full',
	source: FEED,
	createdAt: LONG_AGO,
});

/** Runs `step` as devnews does: an error that shows the file damaged is repaired (which says so), and the step runs again. */
function asDevnews<T>(real: Real, step: () => T): T {
	try {
		return step();
	} catch (error) {
		if (!isCorruption(error)) throw error;
		assert.ok(real.library.repair([(error as Error).message]), 'a damaged library is repaired');
		return step();
	}
}

/** Opens the library at `file` as devnews does, listening for what repairs tell. */
function open(real: Omit<Real, 'library' | 'connection'>): Pick<Real, 'library' | 'connection'> {
	const {library} = Library.open(real.file, {busyTimeoutMs: 20});
	library.onRepaired(line => real.told.push(line));
	asDevnews({...real, library, connection: () => undefined as never}, () => library.syncData(SHIPPED_DATA));
	// The library's own connection, for a fault only a connection's setting makes (a full disk).
	return {library, connection: () => (library as unknown as {db: Database.Database}).db};
}

function reopen(real: Real): void {
	real.library.close();
	Object.assign(real, open(real));
}

/** The library and the model agree on every article and bookmark the model knows, and on how many articles there are. */
function agree(model: Model, real: Real): void {
	asDevnews(real, () => {
		for (const id of IDS) {
			const kept = model.articles.get(id);
			const held = real.library.article(id);
			assert.equal(held?.title, kept?.title, `article ${id}`);
			if (kept) assert.deepEqual(real.library.reading(id), {read: kept.read, position: kept.position}, `read state of ${id}`);
		}

		assert.deepEqual(new Set(real.bookmarks.list().map(bookmark => bookmark.id)), model.bookmarks);
		assert.equal(real.told.length, model.repairsExpected === 0 ? 0 : real.told.length, 'no repair without damage');
		assert.ok(real.told.every(line => /rebuilt them from its tables, nothing lost|nothing readable lost/.test(line)), real.told.join('\n'));
	});
}

type Command = fc.AsyncCommand<Model, Real>;

const anId = fc.constantFrom(...IDS);

class Add implements Command {
	constructor(readonly ids: string[], readonly version: number) {}
	check = () => true;
	async run(model: Model, real: Real) {
		asDevnews(real, () => real.library.upsert(this.ids.map(id => article(id, this.version)), FEED));
		for (const id of this.ids) model.articles.set(id, {read: false, position: 0, ...model.articles.get(id), title: article(id, this.version).title});
		agree(model, real);
	}

	toString = () => `add(${this.ids.join(',')} v${this.version})`;
}

class Mark implements Command {
	constructor(readonly id: string, readonly read: boolean, readonly position: number) {}
	check = () => true;
	async run(model: Model, real: Real) {
		asDevnews(real, () => {
			real.library.setRead(this.id, this.read);
			real.library.setPosition(this.id, this.position);
		});
		const kept = model.articles.get(this.id);
		if (kept) model.articles.set(this.id, {...kept, read: this.read, position: this.position});
		agree(model, real);
	}

	toString = () => `mark(${this.id}, ${this.read}, ${this.position})`;
}

class Bookmark implements Command {
	constructor(readonly id: string) {}
	check = () => true;
	async run(model: Model, real: Real) {
		const added = await real.bookmarks.toggle({id: this.id, title: `Bookmarked ${this.id}`});
		if (added) model.bookmarks.add(this.id);
		else model.bookmarks.delete(this.id);
		agree(model, real);
	}

	toString = () => `bookmark(${this.id})`;
}

class Prune implements Command {
	check = () => true;
	async run(model: Model, real: Real) {
		asDevnews(real, () => real.library.prune(KEEP_DAYS, new Set(real.bookmarks.list().map(bookmark => bookmark.id))));
		// Old, read and not bookmarked: gone. (Unread news fetched within the kept days stays until it is seen.)
		for (const [id, kept] of model.articles) if (kept.read && !model.bookmarks.has(id)) model.articles.delete(id);
		agree(model, real);
	}

	toString = () => 'prune';
}

/** How much of a page a damage overwrites. */
const DAMAGED_BYTES = 1000;

/** A leaf page of the id index, of the stories or of the full-text index, partly overwritten: nothing the model keeps is there alone. */
class CorruptPage implements Command {
	constructor(readonly table: 'sqlite_autoindex_articles_1' | 'stories' | 'articles_fts_data', readonly which: number, readonly at: number) {}
	check = () => true;
	async run(model: Model, real: Real) {
		real.library.close();
		const leaves = pages(real.file, this.table).filter(page => page.pagetype === 'leaf');
		// Counted from the newest: where the model's articles, added after the shipped ones, are.
		const leaf = leaves.at(-1 - (this.which % leaves.length))!;
		// Past the leaf's header (8 bytes): its cells, or the pointers to them.
		damagePage(real.file, leaf.pageno, page => {
			const start = 8 + (this.at % (page.length - 8));
			page.fill(0x41, start, Math.min(page.length, start + DAMAGED_BYTES));
		});
		Object.assign(real, open(real));
		model.repairsExpected++;
		// What a check finds (the background check, devnews doctor) is repaired.
		const {repair, after} = real.library.checkup();
		assert.ok(repair === undefined || after?.problems.length === 0, 'a repair leaves the file sound');
		agree(model, real);
	}

	toString = () => `corrupt(${this.table}, ${this.which}, ${this.at})`;
}

/** Another process holds the write lock: a write fails as busy and changes nothing; after it, writes work. */
class Busy implements Command {
	constructor(readonly id: string) {}
	check = () => true;
	async run(model: Model, real: Real) {
		const other = new Database(real.file);
		other.exec('BEGIN IMMEDIATE');
		assert.throws(() => real.library.setRead(this.id, true), /locked|busy/i);
		other.exec('ROLLBACK');
		other.close();
		agree(model, real);
	}

	toString = () => `busy(${this.id})`;
}

/** The disk full (the file may not grow): an add fails whole, nothing of it written. */
class FullDisk implements Command {
	constructor(readonly version: number) {}
	check = () => true;
	async run(model: Model, real: Real) {
		const db = real.connection();
		const pages = db.pragma('page_count', {simple: true}) as number;
		db.pragma(`max_page_count = ${pages}`);
		try {
			real.library.upsert(Array.from({length: 200}, (_, index) => ({...article(`full-${index}`, this.version), body: ['x'.repeat(2000)]})), FEED);
			assert.fail('the disk is full');
		} catch (error) {
			assert.match(String((error as {code?: string}).code), /SQLITE_FULL/);
		} finally {
			db.pragma('max_page_count = 4294967294');
		}

		for (let index = 0; index < 200; index++) assert.equal(real.library.article(`full-${index}`), undefined, 'nothing of a failed add');
		agree(model, real);
	}

	toString = () => `fullDisk(v${this.version})`;
}

/**
 * Another devnews killed (SIGKILL) in the middle of a write, its transaction
 * never committed, its log left behind; then this one started again.
 */
class Kill implements Command {
	constructor(readonly id: string) {}
	check = () => true;
	async run(model: Model, real: Real) {
		const writer = `
			const db = new (require('better-sqlite3'))(${JSON.stringify(real.file)});
			db.exec('BEGIN IMMEDIATE');
			db.prepare("UPDATE articles SET read = 1 - read, title = 'half-written' WHERE id = ?").run(${JSON.stringify(this.id)});
			db.prepare("INSERT INTO meta (key, value) VALUES ('half-written', 'x') ON CONFLICT DO NOTHING").run();
			process.kill(process.pid, 'SIGKILL');`;
		const killed = spawnSync(process.execPath, ['-e', writer], {cwd: ROOT});
		assert.equal(killed.signal, 'SIGKILL', String(killed.stderr));
		reopen(real);
		agree(model, real);
	}

	toString = () => `kill(${this.id})`;
}

const commands = [
	fc.tuple(fc.uniqueArray(anId, {minLength: 1, maxLength: 4}), fc.nat(9)).map(([ids, version]) => new Add(ids, version)),
	fc.tuple(anId, fc.boolean(), fc.constantFrom(0, 0.25, 1)).map(([id, read, position]) => new Mark(id, read, position)),
	anId.map(id => new Bookmark(id)),
	fc.constant(new Prune()),
	fc.tuple(fc.constantFrom('sqlite_autoindex_articles_1' as const, 'stories' as const, 'articles_fts_data' as const), fc.nat(2), fc.nat(10_000)).map(([table, which, at]) => new CorruptPage(table, which, at)),
	anId.map(id => new Busy(id)),
	fc.nat(9).map(version => new FullDisk(version)),
	anId.map(id => new Kill(id)),
];

/** A library written by the previous release (schema 4; test/fixtures/README.md), migrated at the first open. */
const V4_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'library-v4.sqlite');

test('the library and the bookmarks agree with a simple model through random adds, marks, bookmarks, prunes, migrations and faults', async () => {
	await fc.assert(
		fc.asyncProperty(fc.boolean(), fc.commands(commands, {maxCommands: 8}), async (migrated, steps) => {
			const dir = tempDir('devnews-model');
			const file = path.join(dir, 'library.sqlite');
			if (migrated) fs.copyFileSync(V4_FIXTURE, file);
			const {store} = await openBookmarks(path.join(dir, 'config'));
			const partial = {file, bookmarks: store, told: [] as string[]};
			const real: Real = {...partial, ...open(partial)};
			// The model's articles are those it adds (half of them before the first step, so every fault meets some); what the
			// migrated library holds besides is left alone by every step.
			const model: Model = {articles: new Map(), bookmarks: new Set(), repairsExpected: 0};
			await new Add(IDS.slice(0, IDS.length / 2), 0).run(model, real);
			try {
				await fc.asyncModelRun(() => ({model, real}), steps);
			} finally {
				real.library.close();
				fs.rmSync(dir, {recursive: true, force: true});
			}
		}),
		// Each run opens files and starts processes: shrinking a failure to its shortest replays few runs, not thousands.
		{...fuzzParameters({numRuns: 50, timeLimitMs: 25_000}), endOnFailure: true},
	);
});
