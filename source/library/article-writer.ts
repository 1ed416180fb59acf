// Writes articles into the library: inserted or updated by id, so an item
// seen again updates its row and never duplicates it; one that has not
// changed costs no write. Read state and position are kept, and a story
// held in full is never replaced by a summary of it (see merge.ts).
//
// Writes go in batches of a few hundred articles, each its own short
// transaction: another devnews (a second fetch, the browser marking a
// story read) never waits long for the database, and a process killed
// mid-refresh leaves whole batches, never half an article. A refresh
// writes in steps (upsertInSteps): a transaction of what a few
// milliseconds write, then the event loop, so the browser answers a key
// while news lands; written at once, a feed of 500 items held the main
// thread for 200 ms, and the four a refresh reads at a time for a second.
import {setImmediate as turn} from 'node:timers/promises';
import type Database from 'better-sqlite3';
import {DATA_SOURCE, storyTime, type Article, type TimeKind} from '../core/article.js';
import {isSiteUrl} from '../core/devdiscourse.js';
import {fileArticle, type Taxonomy} from '../core/taxonomy.js';
import {AHEAD} from '../core/time.js';
import {filingOf, FullTextIndex, type Indexed} from './full-text.js';
import {mergeArticle, type Stored} from './merge.js';
import {UNDATED} from './sql.js';
import type {Statements} from './statements.js';

/** What a write did to the library; `refused`: items that would have replaced another source's story. */
export type UpsertResult = {added: number; updated: number; refused: number};

/** Articles a transaction writes or removes at most. */
export const BATCH = 500;

/**
 * How long a step of upsertInSteps writes articles before it commits and
 * lets the event loop run, while someone is at the keys (the browser).
 */
const STEP_MS = 10;

/**
 * Two turns of the event loop: a key read in the first is drawn (React
 * draws in a setImmediate of its own, queued after the first turn's) before
 * the next step, not after it.
 */
async function betweenSteps(): Promise<void> {
	await turn();
	await turn();
}

/**
 * Where an article sorts: by the best time known of it (storyTime), and
 * which time that is; UNDATED for none, an unreadable one or one further
 * ahead than a wrong clock explains (AHEAD, as for feed items). A data
 * file's old dates sort as dated: an archive may hold them.
 */
export function sortTimeOf(article: Pick<Article, 'createdAt' | 'updatedAt' | 'listedAt'>, now = Date.now()): {sortTime: number; timeKind: TimeKind | null} {
	const best = storyTime(article);
	const time = best ? Date.parse(best.at) : Number.NaN;
	return Number.isFinite(time) && time <= now + AHEAD ? {sortTime: time, timeKind: best!.kind} : {sortTime: UNDATED, timeKind: null};
}

/**
 * Whether a story from `origin` may replace one from `existing`: its own
 * source always; otherwise only between the shipped data and the site's
 * own feeds, which name the site's articles by their numbers. A feed
 * elsewhere can never overwrite another's story (its items' ids are its own).
 */
function mayReplace(existing: string, origin: string): boolean {
	const trusted = (source: string) => source === DATA_SOURCE || isSiteUrl(source);
	return existing === origin || (trusted(existing) && trusted(origin));
}

type Existing = {rowid: number; origin: string; doc: string; sectors: string; editions: string; sort_time: number};

export class ArticleWriter {
	private readonly index: FullTextIndex;

	constructor(private readonly db: Database.Database, private readonly sql: Statements) {
		this.index = new FullTextIndex(sql);
	}

	upsert(articles: Article[], origin: string, taxonomy: Taxonomy): UpsertResult {
		const result: UpsertResult = {added: 0, updated: 0, refused: 0};
		for (let next = 0; next < articles.length; ) next = this.upsertBatch(articles, next, Number.POSITIVE_INFINITY, origin, taxonomy, result);
		return result;
	}

	/**
	 * The same as upsert, in steps: each a transaction of what `stepMs`
	 * writes, then `stepped` (told what the step did), then a turn of the
	 * event loop. The whole is written even if the caller stops waiting.
	 */
	async upsertInSteps(articles: Article[], origin: string, taxonomy: Taxonomy, stepped: (step: UpsertResult) => void, stepMs = STEP_MS): Promise<UpsertResult> {
		const result: UpsertResult = {added: 0, updated: 0, refused: 0};
		for (let next = 0; next < articles.length; ) {
			const step: UpsertResult = {added: 0, updated: 0, refused: 0};
			next = this.upsertBatch(articles, next, performance.now() + stepMs, origin, taxonomy, step);
			for (const key of ['added', 'updated', 'refused'] as const) result[key] += step[key];
			stepped(step);
			if (next < articles.length) await betweenSteps(); // eslint-disable-line no-await-in-loop -- a step at a time, the event loop between them
		}

		return result;
	}

	/** One transaction: the articles from `first`, BATCH at most, until `deadline` (at least one); returns where it stopped. */
	private upsertBatch(articles: Article[], first: number, deadline: number, origin: string, taxonomy: Taxonomy, result: UpsertResult): number {
		return this.db.transaction(() => this.writeBatch(articles, first, deadline, origin, taxonomy, result)).immediate();
	}

	private writeBatch(articles: Article[], first: number, deadline: number, origin: string, taxonomy: Taxonomy, result: UpsertResult): number {
		const find = this.sql.get('SELECT a.rowid, a.origin, a.sectors, a.editions, a.sort_time, s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.id = ?');
		const write = this.sql.get(`
			INSERT INTO articles (id, origin, title, url, sectors, sectors_guessed, editions, countries, section, kind, created_at, sort_time, time_kind, added_at)
			VALUES (@id, @origin, @title, @url, @sectors, @sectorsGuessed, @editions, @countries, @section, @kind, @createdAt, @sortTime, @timeKind, @now)
			ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, url = excluded.url,
				sectors = excluded.sectors, sectors_guessed = excluded.sectors_guessed, editions = excluded.editions, countries = excluded.countries,
				section = excluded.section, kind = excluded.kind, created_at = excluded.created_at, sort_time = excluded.sort_time, time_kind = excluded.time_kind
			RETURNING rowid`);
		const keep = this.sql.get('INSERT OR REPLACE INTO stories (article, doc) VALUES (?, ?)');
		const now = Date.now();
		// The full-text index is written last: FTS5 flushes what it holds in
		// memory whenever another statement opens a savepoint, and flushing
		// after every article made imports twice as slow.
		const indexed: Array<{after: Indexed; before?: Indexed}> = [];
		const end = Math.min(articles.length, first + BATCH);
		let next = first;
		for (; next < end && (next === first || performance.now() < deadline); next++) {
			const incoming = articles[next]!;
			const existing = find.get(incoming.id) as Existing | undefined;
			if (existing && !mayReplace(existing.origin, origin)) {
				result.refused++;
				continue;
			}

			const stored: Stored | undefined = existing && {article: JSON.parse(existing.doc) as Article, origin: existing.origin};
			const {article, origin: keptOrigin} = mergeArticle(stored, incoming, origin);
			const doc = JSON.stringify(article);
			if (existing && doc === existing.doc && keptOrigin === existing.origin) continue;
			const filed = fileArticle(taxonomy, article);
			const {sortTime: time, timeKind} = sortTimeOf(article, now);
			const {rowid} = write.get({
				id: article.id,
				origin: keptOrigin,
				title: article.title,
				url: article.url ?? null,
				sectors: JSON.stringify(filed.sectors),
				sectorsGuessed: filed.sectorsGuessed ? 1 : 0,
				editions: JSON.stringify(filed.editions),
				countries: JSON.stringify(article.countries),
				section: article.section ?? null,
				kind: article.kind,
				createdAt: article.createdAt ?? null,
				sortTime: time,
				timeKind,
				now,
			}) as {rowid: number};
			keep.run(rowid, doc);
			indexed.push({
				after: {rowid, sortTime: time, article, filing: filed},
				before: stored && existing && {rowid, sortTime: existing.sort_time, article: stored.article, filing: filingOf(existing)},
			});
			result[existing ? 'updated' : 'added']++;
		}

		for (const {after, before} of indexed) {
			if (before) this.index.remove(before);
			this.index.add(after);
		}

		return next;
	}

	/** Removes articles by rowid, a batch a transaction; the triggers take them off their lists. Returns how many went. */
	remove(rowids: number[]): number {
		let removed = 0;
		for (let start = 0; start < rowids.length; start += BATCH) {
			const batch = JSON.stringify(rowids.slice(start, start + BATCH));
			this.db
				.transaction(() => {
					const records = this.sql
						.get('SELECT a.rowid, a.sectors, a.editions, a.sort_time, s.doc FROM articles a JOIN stories s ON s.article = a.rowid WHERE a.rowid IN (SELECT value FROM json_each(?))')
						.all(batch) as Array<Omit<Existing, 'origin'>>;
					this.sql.get('DELETE FROM stories WHERE article IN (SELECT value FROM json_each(?))').run(batch);
					removed += this.sql.get('DELETE FROM articles WHERE rowid IN (SELECT value FROM json_each(?))').run(batch).changes;
					// The index last, as in upsert: FTS5 flushes its pending work at every other statement.
					for (const record of records) this.index.remove({rowid: record.rowid, sortTime: record.sort_time, article: JSON.parse(record.doc) as Article, filing: filingOf(record)});
				})
				.immediate();
		}

		return removed;
	}
}
