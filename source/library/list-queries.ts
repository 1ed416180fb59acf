// The rows of a list, a window at a time, in the order the filter asks
// (newest first, oldest first, unread first; undated ones last), or ranked
// when searching. Every window costs the same however deep in a list of a
// million articles it lies (see anchors.ts): a list is read as one or two
// walks of `listings` in time order (walks.ts), each an index walk.
import type Database from 'better-sqlite3';
import type {ArticleRow, TimeKind} from '../core/article.js';
import {nextUnreadIn, type UnreadFound} from '../core/next-unread.js';
import {Anchors} from './anchors.js';
import type {CountQueries} from './counts.js';
import {searchOf, type ListFilter} from './list-filter.js';
import type {SearchMatches} from './search-matches.js';
import type {Statements} from './statements.js';
import {isReadWalk, walkKey, walkOrder, walkPosition, walksOf, walkWhere, type Walk} from './walks.js';

type RowRecord = {
	rowid: number;
	id: string;
	title: string;
	url: string | null;
	sectors: string;
	editions: string;
	countries: string;
	section: string | null;
	kind: ArticleRow['kind'];
	created_at: string | null;
	read: number;
	sort_time: number;
	time_kind: TimeKind | null;
	sectors_guessed: number;
};

const ROW_COLUMNS = 'a.rowid, a.id, a.title, a.url, a.sectors, a.editions, a.countries, a.section, a.kind, a.created_at, a.read, a.sort_time, a.time_kind, a.sectors_guessed';

function toRow(record: RowRecord): ArticleRow {
	return {
		id: record.id,
		title: record.title,
		url: record.url ?? undefined,
		sectors: JSON.parse(record.sectors) as string[],
		editions: JSON.parse(record.editions) as string[],
		countries: JSON.parse(record.countries) as string[],
		section: record.section ?? undefined,
		kind: record.kind,
		...(record.sectors_guessed === 1 ? {sectorsGuessed: true} : {}),
		createdAt: record.created_at ?? undefined,
		// A row sorted by another of the story's times says which, by its name.
		...(record.time_kind === 'updated' || record.time_kind === 'listed' ? {[`${record.time_kind}At`]: new Date(record.sort_time).toISOString()} : {}),
		read: record.read === 1,
	};
}

export class ListQueries {
	private readonly anchors = new Anchors();

	constructor(private readonly db: Database.Database, private readonly sql: Statements, private readonly search: SearchMatches, private readonly counts: CountQueries) {}

	/** `limit` rows from `offset`, in the filter's order. */
	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		const search = searchOf(filter);
		if (search) return this.rowsOf(this.search.matches(search).rowids.slice(offset, offset + limit));
		const records: RowRecord[] = [];
		let start = 0;
		for (const walk of this.walks(filter)) {
			const from = offset + records.length - start;
			if (records.length < limit && from < walk.size) records.push(...this.window(walk, Math.max(0, from), limit - records.length));
			start += walk.size;
		}

		return records.map(record => toRow(record));
	}

	/**
	 * Every row of a list, in its order, read as it is consumed: the command
	 * line prints a million rows without holding them.
	 */
	*rows(filter: ListFilter): Generator<ArticleRow> {
		const search = searchOf(filter);
		if (search) {
			yield* this.rowsOf(this.search.matches(search).rowids);
			return;
		}

		for (const walk of this.walks(filter)) {
			// Prepared for this walk alone: a statement being iterated cannot run again until the walk ends.
			const statement = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM ${walkWhere(walk).from} WHERE ${walkWhere(walk).where} ORDER BY ${walkOrder(walk)}`);
			for (const record of statement.iterate(walkWhere(walk).parameters)) yield toRow(record as RowRecord);
		}
	}

	/** Where article `id` is in the list, or undefined when the list does not hold it. */
	indexOf(filter: ListFilter, id: string): number | undefined {
		const record = this.sql.get('SELECT rowid, sort_time, read FROM articles WHERE id = ?').get(id) as {rowid: number; sort_time: number; read: number} | undefined;
		if (!record) return undefined;
		const search = searchOf(filter);
		if (search) {
			const index = this.search.matches(search).rowids.indexOf(record.rowid);
			return index === -1 ? undefined : index;
		}

		let start = 0;
		for (const walk of this.walks(filter)) {
			if (walk.unread === undefined || walk.unread === (record.read === 0)) {
				const {from, where, parameters} = walkWhere(walk, false);
				const bounds = {...parameters, time: record.sort_time, id};
				if (this.sql.get(`SELECT 1 FROM ${from} WHERE ${where} AND l.sort_time = @time AND l.id = @id`).get(bounds)) {
					// The rows before it in the walk: an index walk of that many entries.
					return start + (this.sql.get(`SELECT count(*) FROM ${from} WHERE ${where} AND ${walkPosition(walk, 'before')}`).pluck().get(bounds) as number);
				}
			}

			start += walk.size;
		}

		return undefined;
	}

	/**
	 * The next (or, `backwards`, the previous) unread story after article
	 * `fromId` in the list's order (from the top with none), going round
	 * the list's end once. Found in the list's unread walk, in the order of
	 * time the list is read in, from where `fromId` sorts, whether or not it
	 * is still in the list (a story read in an unread-only list leaves it).
	 */
	nextUnread(filter: ListFilter, fromId: string | undefined, backwards = false): UnreadFound | undefined {
		const search = searchOf(filter);
		if (search) return nextUnreadIn(this.rowsOf(this.search.matches(search).rowids), fromId, backwards);
		const [first] = this.walks(filter);
		if (!first) return undefined;
		const walk: Walk = {...first, unread: true, size: 0};
		const {from, where, parameters} = walkWhere(walk, false);
		const anchor = fromId === undefined ? undefined : (this.sql.get('SELECT sort_time AS time, id FROM articles WHERE id = ?').get(fromId) as {time: number; id: string} | undefined);
		const pick = (position: string, reverse: boolean, bounds = {}) =>
			this.sql.get(`SELECT l.id FROM ${from} WHERE ${where}${position ? ` AND ${position}` : ''} ORDER BY ${walkOrder(walk, reverse)} LIMIT 1`).pluck().get({...parameters, ...bounds}) as string | undefined;
		let found = anchor ? pick(walkPosition(walk, backwards ? 'before' : 'after'), backwards, anchor) : undefined;
		let wrapped = false;
		if (found === undefined) {
			found = pick('', backwards);
			wrapped = anchor !== undefined;
		}

		if (found === undefined || found === fromId) return undefined;
		const index = this.indexOf(filter, found);
		return index === undefined ? undefined : {id: found, index, wrapped};
	}

	/** The rowids of the list's unread stories (what marking it all read changes). */
	unreadIn(filter: ListFilter): number[] {
		const search = searchOf(filter);
		if (search) return this.search.matches({...search, unreadOnly: true}).rowids;
		const [first] = this.walks(filter);
		if (!first) return [];
		const {from, where, parameters} = walkWhere({...first, unread: true}, false);
		return this.sql.get(`SELECT l.article FROM ${from} WHERE ${where}`).pluck().all(parameters) as number[];
	}

	/** Rows for articles by id, in the order given; ids the library no longer holds are left out. */
	rowsById(ids: string[]): ArticleRow[] {
		return this.rowsIn('id', ids);
	}

	/** Articles were added or removed: every remembered position may have moved. */
	forget(): void {
		this.anchors.forget();
	}

	/** Read marks moved: positions in the walks of unread or read stories may have; those of whole lists have not. */
	forgetReadWalks(): void {
		this.anchors.forgetWalks(isReadWalk);
	}

	private walks(filter: ListFilter): Walk[] {
		const source = filter.source === undefined ? undefined : (this.sql.get('SELECT number FROM sources WHERE url = ?').pluck().get(filter.source) as number | undefined) ?? -1;
		return walksOf(filter, source, this.counts.count({...filter, query: undefined, unreadOnly: false}));
	}

	/**
	 * `limit` rows of one walk from `offset`, reached the shortest way: from
	 * its start, from the closest window read before (an anchor), or from its
	 * other end; each an index walk of that many rows. Where the window began
	 * is remembered, so the next near it costs the rows between.
	 */
	private window(walk: Walk, offset: number, limit: number): RowRecord[] {
		const {from, where, parameters} = walkWhere(walk);
		const select = (reverse: boolean, skip: number, count: number, position = '', bounds = {}) =>
			this.sql
				.get(`SELECT ${ROW_COLUMNS} FROM ${from} WHERE ${where}${position ? ` AND ${position}` : ''} ORDER BY ${walkOrder(walk, reverse)} LIMIT @count OFFSET @skip`)
				.all({...parameters, ...bounds, count, skip}) as RowRecord[];

		const key = walkKey(walk);
		const anchor = this.anchors.before(key, offset);
		const count = Math.max(0, Math.min(limit, walk.size - offset));
		const fromEnd = walk.size - offset - count;
		let records: RowRecord[];
		if (anchor && offset - anchor.offset <= Math.min(offset, fromEnd)) {
			// The rows from an anchor on are those at or after it in the walk.
			records = select(false, offset - anchor.offset, limit, walkPosition(walk, 'atOrAfter'), {time: anchor.time, id: anchor.id});
		} else if (offset <= fromEnd) {
			records = select(false, offset, limit);
		} else {
			records = select(true, Math.max(0, fromEnd), count).reverse();
		}

		const first = records[0];
		if (first) this.anchors.remember(key, {offset, time: first.sort_time, id: first.id});
		return records;
	}

	/** Rows for rowids, in the order given. */
	private rowsOf(rowids: number[]): ArticleRow[] {
		return this.rowsIn('rowid', rowids);
	}

	/** Rows for articles by rowid or id, in the order given; those the library does not hold are left out. */
	private rowsIn<K extends 'rowid' | 'id'>(column: K, keys: Array<RowRecord[K]>): ArticleRow[] {
		if (keys.length === 0) return [];
		const records = this.sql.get(`SELECT ${ROW_COLUMNS} FROM articles a WHERE a.${column} IN (SELECT value FROM json_each(?))`).all(JSON.stringify(keys)) as RowRecord[];
		const byKey = new Map(records.map(record => [record[column], record]));
		return keys.flatMap(key => {
			const record = byKey.get(key);
			return record ? [toRow(record)] : [];
		});
	}
}
