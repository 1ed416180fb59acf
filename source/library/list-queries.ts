// The rows of a list, a window at a time: newest first with undated ones
// last, or ranked when searching. Every window costs the same however deep
// in a list of a million articles it lies (see anchors.ts).
import type Database from 'better-sqlite3';
import type {ArticleRow} from '../core/article.js';
import {Anchors} from './anchors.js';
import type {CountQueries} from './counts.js';
import {searchOf, type ListFilter} from './list-filter.js';
import type {RankedSearch} from './ranked-search.js';
import {listKey} from './sql.js';
import type {Statements} from './statements.js';

type RowRecord = {
	rowid: number;
	id: string;
	title: string;
	url: string | null;
	sectors: string;
	editions: string;
	countries: string;
	section: string | null;
	kind: 'full' | 'headline';
	created_at: string | null;
	read: number;
	sort_time: number;
};

const ROW_COLUMNS = 'a.rowid, a.id, a.title, a.url, a.sectors, a.editions, a.countries, a.section, a.kind, a.created_at, a.read, a.sort_time';

/** A list's rows: its listings, newest first (see sql.ts), joined to their articles. */
const FROM_LIST = 'listings l JOIN articles a ON a.rowid = l.article WHERE l.list = @list';

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
		createdAt: record.created_at ?? undefined,
		read: record.read === 1,
	};
}

export class ListQueries {
	private readonly anchors = new Anchors();

	constructor(private readonly db: Database.Database, private readonly sql: Statements, private readonly search: RankedSearch, private readonly counts: CountQueries) {}

	/** `limit` rows from `offset`: ranked when searching, else newest first with undated headlines last. */
	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		const search = searchOf(filter);
		if (search) return this.rowsOf(this.search.rank(search).rowids.slice(offset, offset + limit));
		const list = listKey(filter);
		const select = (order: string, from: number, count: number, after = '', bounds: Record<string, string | number> = {}) =>
			this.sql.get(`SELECT ${ROW_COLUMNS} FROM ${FROM_LIST} ${after} ORDER BY ${order} LIMIT @count OFFSET @from`).all({list, ...bounds, count, from}) as RowRecord[];

		const {total} = this.counts.count(filter);
		if (offset <= total / 2) {
			// From the closest window read before (see anchors.ts): the rows from
			// an anchor on are those older than it, or as old and after it by id.
			const anchor = this.anchors.before(list, offset);
			const records = anchor
				? select('l.sort_time DESC, l.id', offset - anchor.offset, limit, 'AND l.sort_time <= @time AND (l.sort_time < @time OR l.id >= @id)', {time: anchor.time, id: anchor.id})
				: select('l.sort_time DESC, l.id', offset, limit);
			const first = records[0];
			if (first) this.anchors.remember(list, {offset, time: first.sort_time, id: first.id});
			return records.map(record => toRow(record));
		}

		// A window in the far half of the list is read from its other end.
		const count = Math.max(0, Math.min(limit, total - offset));
		return select('l.sort_time, l.id DESC', Math.max(0, total - offset - count), count)
			.reverse()
			.map(record => toRow(record));
	}

	/**
	 * Every row of a list, in its order, read as it is consumed: the command
	 * line prints a million rows without holding them.
	 */
	*rows(filter: ListFilter): Generator<ArticleRow> {
		const search = searchOf(filter);
		if (search) {
			yield* this.rowsOf(this.search.rank(search).rowids);
			return;
		}

		// Prepared for this walk alone: a statement being iterated cannot run again until the walk ends.
		for (const record of this.db.prepare(`SELECT ${ROW_COLUMNS} FROM ${FROM_LIST} ORDER BY l.sort_time DESC, l.id`).iterate({list: listKey(filter)})) yield toRow(record as RowRecord);
	}

	/** Where article `id` is in the list, or undefined when the list does not hold it. */
	indexOf(filter: ListFilter, id: string): number | undefined {
		const record = this.sql.get('SELECT rowid, sort_time FROM articles WHERE id = ?').get(id) as {rowid: number; sort_time: number} | undefined;
		if (!record) return undefined;
		const search = searchOf(filter);
		if (search) {
			const index = this.search.rank(search).rowids.indexOf(record.rowid);
			return index === -1 ? undefined : index;
		}

		const list = listKey(filter);
		const bounds = {list, time: record.sort_time, id};
		if (!this.sql.get('SELECT 1 FROM listings WHERE list = @list AND sort_time = @time AND id = @id').get(bounds)) return undefined;
		// The rows before it: newer, or as new and before it by id (the list's order). An index walk of that many entries.
		return this.sql.get('SELECT count(*) FROM listings WHERE list = @list AND (sort_time > @time OR (sort_time = @time AND id < @id))').pluck().get(bounds) as number;
	}

	/** Articles were added or removed: every remembered position may have moved. */
	forget(): void {
		this.anchors.forget();
	}

	/** Rows for rowids, in the order given. */
	private rowsOf(rowids: number[]): ArticleRow[] {
		if (rowids.length === 0) return [];
		const records = this.sql.get(`SELECT ${ROW_COLUMNS} FROM articles a WHERE a.rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowids)) as RowRecord[];
		const byRowid = new Map(records.map(record => [record.rowid, record]));
		return rowids.flatMap(rowid => {
			const record = byRowid.get(rowid);
			return record ? [toRow(record)] : [];
		});
	}
}
