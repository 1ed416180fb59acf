// The library's SQLite schema. It is shaped so that nothing the browser
// does per key or at start grows with the number of articles:
// - `articles` holds only what a list row needs; story text lives apart in
//   `stories`, so paging a list never reads it. A row says which of the
//   story's times it sorts by (`time_kind`: created, updated or listed, see
//   storyTime) and whether its sectors are only guessed from its link's
//   label (`sectors_guessed`), so a list can say so;
// - `listings` holds every list an article is in, one row each: all
//   articles ('*'), each of its sectors ('s:politics'), editions
//   ('e:global') and sector × edition pairs ('se:politics|global'), and its
//   source ('o:3', by the number `sources` gives the feed's URL). Keyed in
//   time order, so one screen of any list is an index walk of that many
//   entries (read backwards: newest first, then by id). Time ascending,
//   because news arrives newest last: a new article lands at the end. Each
//   entry also says whether its article is unread, with an index of its
//   own, so the unread of a list (unread only, unread first, the next
//   unread) are an index walk too;
// - `counts` keeps, for each filing (the source, sectors and editions an
//   article is filed under: a few thousand different ones at most), how
//   many articles and how many unread, so the header and the pickers never
//   count rows: they add up the filings a list takes in (counts.ts). One
//   count an article, not one per list: four made adding a third slower.
//   A filing includes the article's source, so a source's counts (the
//   source picker) add up the same way. Triggers on `articles` keep `listings` and `counts`, so no write can
//   forget them;
// - `articles_fts` is a contentless full-text index (FTS5) of title,
//   summary, body and countries, keyed by the article's rowid, with the sectors and
//   editions as terms of a `facets` column (search-query.ts). It keeps which
//   columns hold a word but not where in them (detail=column): half the
//   size, and searches are plain words, never phrases. Every three-letter
//   prefix has a list of its own, so search as you type never merges the
//   lists of the thousands of words that start with "the" or "con";
// - `titles_fts` indexes the titles again, keyed by time (search-schema.ts).
// The schema is versioned (PRAGMA user_version); migrations.ts moves a
// library made by an earlier devnews to this one without losing anything.
import {SEARCH_SCHEMA} from './search-schema.js';

export const SCHEMA_VERSION = 7;

/** The sort time of an undated article: below every dated one, however old. */
export const UNDATED = -Number.MAX_SAFE_INTEGER;

/** The number `sources` gives an article's origin (a feed's URL, or 'data'). */
export const sourceNumberOf = (row: string) => `(SELECT number FROM sources WHERE url = ${row}.origin)`;

/**
 * The lists an article (`row`: `new` or `old` in a trigger, or a table's
 * alias) is in: all, its sectors, editions, sector × edition pairs, and
 * its source's ('o:3').
 */
export const listsOf = (row: string) => `
	SELECT '*' AS list
	UNION ALL SELECT 's:' || value FROM json_each(${row}.sectors)
	UNION ALL SELECT 'e:' || value FROM json_each(${row}.editions)
	UNION ALL SELECT 'se:' || s.value || '|' || e.value FROM json_each(${row}.sectors) AS s, json_each(${row}.editions) AS e
	UNION ALL SELECT 'o:' || ${sourceNumberOf(row)}`;

/** An article's filing, as `counts` keys it: its source's number, its sectors and its editions (JSON lists of taxonomy ids). */
export const filingOf = (row: string) => `${sourceNumberOf(row)} || '|' || ${row}.sectors || '|' || ${row}.editions`;

const list = (row: 'new' | 'old') => `
	INSERT INTO listings (list, sort_time, id, article, unread) SELECT list, ${row}.sort_time, ${row}.id, ${row}.rowid, ${row}.read = 0 FROM (${listsOf(row)});
	INSERT INTO counts (filing, total, unread) VALUES (${filingOf(row)}, 1, ${row}.read = 0)
		ON CONFLICT (filing) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;`;

const unlist = (row: 'new' | 'old') => `
	DELETE FROM listings WHERE list IN (${listsOf(row)}) AND sort_time = ${row}.sort_time AND id = ${row}.id;
	UPDATE counts SET total = total - 1, unread = unread - (${row}.read = 0) WHERE filing = ${filingOf(row)};`;

/** Whether an update moved an article between lists or filings (its sectors, editions, time or source changed). */
const moved = 'old.sectors != new.sectors OR old.editions != new.editions OR old.sort_time != new.sort_time OR old.origin != new.origin';

/** The tables, indexes and triggers of this version, for a new library and as the last step of a migration. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
	id TEXT PRIMARY KEY,
	origin TEXT NOT NULL,
	title TEXT NOT NULL,
	url TEXT,
	sectors TEXT NOT NULL,
	editions TEXT NOT NULL,
	countries TEXT NOT NULL DEFAULT '[]',
	section TEXT,
	kind TEXT NOT NULL,
	created_at TEXT,
	sort_time INTEGER NOT NULL,
	time_kind TEXT,
	sectors_guessed INTEGER NOT NULL DEFAULT 0,
	added_at INTEGER NOT NULL,
	read INTEGER NOT NULL DEFAULT 0,
	position REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_from_data ON articles (origin) WHERE origin = 'data';

CREATE TABLE IF NOT EXISTS stories (article INTEGER PRIMARY KEY, doc TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS sources (number INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE);

CREATE TABLE IF NOT EXISTS listings (
	list TEXT NOT NULL,
	sort_time INTEGER NOT NULL,
	id TEXT NOT NULL,
	article INTEGER NOT NULL,
	unread INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (list, sort_time, id DESC)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS listings_unread ON listings (list, unread, sort_time, id DESC);

CREATE TABLE IF NOT EXISTS counts (filing TEXT PRIMARY KEY, total INTEGER NOT NULL, unread INTEGER NOT NULL) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS articles_sourced BEFORE INSERT ON articles BEGIN
	INSERT OR IGNORE INTO sources (url) VALUES (new.origin);
END;
CREATE TRIGGER IF NOT EXISTS articles_resourced BEFORE UPDATE OF origin ON articles WHEN old.origin != new.origin BEGIN
	INSERT OR IGNORE INTO sources (url) VALUES (new.origin);
END;
CREATE TRIGGER IF NOT EXISTS articles_listed AFTER INSERT ON articles BEGIN ${list('new')}
END;
CREATE TRIGGER IF NOT EXISTS articles_unlisted AFTER DELETE ON articles BEGIN ${unlist('old')}
END;
CREATE TRIGGER IF NOT EXISTS articles_relisted AFTER UPDATE OF sectors, editions, sort_time, origin ON articles
	WHEN ${moved} BEGIN ${unlist('old')} ${list('new')}
END;
CREATE TRIGGER IF NOT EXISTS articles_reread AFTER UPDATE OF read ON articles
	WHEN old.read != new.read AND NOT (${moved}) BEGIN
	UPDATE counts SET unread = unread + (new.read = 0) - (old.read = 0) WHERE filing = ${filingOf('new')};
	UPDATE listings SET unread = new.read = 0 WHERE list IN (${listsOf('new')}) AND sort_time = new.sort_time AND id = new.id;
END;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
	title, summary, body, countries, facets,
	content='', detail=column, prefix='3', tokenize='unicode61 remove_diacritics 2'
);
${SEARCH_SCHEMA}
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_success INTEGER, last_error TEXT, title TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The list key of a sector and edition: what `listings` knows it by. */
export function listKey(filter: {sector?: string; edition?: string}): string {
	if (filter.sector && filter.edition) return `se:${filter.sector}|${filter.edition}`;
	if (filter.sector) return `s:${filter.sector}`;
	if (filter.edition) return `e:${filter.edition}`;
	return '*';
}

/** The list key of a source, by its number in `sources`. */
export const sourceListKey = (number: number): string => `o:${number}`;
