// The rows of a list, a window at a time: newest first with undated ones
// last, or ranked when searching. Every window costs the same however deep
// in a list of a million articles it lies (see anchors.ts).
import type Database from 'better-sqlite3';
import type {ArticleRow} from '../core/article.js';
import {Anchors} from './anchors.js';
import type {CountQueries} from './counts.js';
import {searchOf, whereClause, type ListFilter} from './list-filter.js';
import type {RankedSearch} from './ranked-search.js';
import type {Statements} from './statements.js';

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

export class ListQueries {
	private readonly anchors = new Anchors();

	constructor(private readonly db: Database.Database, private readonly sql: Statements, private readonly search: RankedSearch, private readonly counts: CountQueries) {}

	/** `limit` rows from `offset`: ranked when searching, else newest first with undated headlines last. */
	page(filter: ListFilter, offset: number, limit: number): ArticleRow[] {
		const search = searchOf(filter);
		if (search) return this.rowsOf(this.search.rank(search).rowids.slice(offset, offset + limit));
		const select = (order: string, from: number, count: number, more: string[] = [], bounds: Record<string, string | number> = {}) => {
			const {sql, params} = whereClause(filter, more);
			return this.sql.get(`SELECT ${ROW_COLUMNS} FROM articles ${sql} ORDER BY ${order} LIMIT @count OFFSET @from`).all({...params, ...bounds, count, from}) as RowRecord[];
		};

		const {total} = this.counts.count(filter);
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
		const search = searchOf(filter);
		if (search) {
			yield* this.rowsOf(this.search.rank(search).rowids);
			return;
		}

		const {sql, params} = whereClause(filter);
		// Prepared for this walk alone: a statement being iterated cannot run again until the walk ends.
		for (const record of this.db.prepare(`SELECT ${ROW_COLUMNS} FROM articles ${sql} ORDER BY sort_time DESC, id`).iterate(params)) yield toRow(record as RowRecord);
	}

	/** Where article `id` is in the list, or undefined when the list does not hold it. */
	indexOf(filter: ListFilter, id: string): number | undefined {
		const record = this.sql.get('SELECT rowid, sector, edition, sort_time FROM articles WHERE id = ?').get(id) as
			| {rowid: number; sector: string; edition: string; sort_time: number}
			| undefined;
		if (!record) return undefined;
		const search = searchOf(filter);
		if (search) {
			const index = this.search.rank(search).rowids.indexOf(record.rowid);
			return index === -1 ? undefined : index;
		}

		if ((filter.sector && filter.sector !== record.sector) || (filter.edition && filter.edition !== record.edition)) return undefined;
		// The rows before it: newer, or as new and before it by id (the list's order). An index walk of that many entries.
		const {sql, params} = whereClause(filter, ['(sort_time > @time OR (sort_time = @time AND id < @id))']);
		return this.sql.get(`SELECT count(*) FROM articles ${sql}`).pluck().get({...params, time: record.sort_time, id}) as number;
	}

	/** Articles were added or removed: every remembered position may have moved. */
	forget(): void {
		this.anchors.forget();
	}

	/** Rows for rowids, in the order given. */
	private rowsOf(rowids: number[]): ArticleRow[] {
		if (rowids.length === 0) return [];
		const records = this.sql.get(`SELECT ${ROW_COLUMNS} FROM articles WHERE rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowids)) as RowRecord[];
		const byRowid = new Map(records.map(record => [record.rowid, record]));
		return rowids.flatMap(rowid => {
			const record = byRowid.get(rowid);
			return record ? [toRow(record)] : [];
		});
	}
}
