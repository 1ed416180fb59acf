// The library's SQLite schema. It is shaped so that nothing the browser
// does per key or at start grows with the number of articles:
// - `articles` holds only what a list row needs; story text lives apart in
//   `stories`, so paging a list never reads it;
// - `listings` holds every list an article is in, one row each: all
//   articles ('*'), each of its sectors ('s:politics'), editions
//   ('e:global') and sector × edition pairs ('se:politics|global'). Keyed in
//   time order, so one screen of any list is an index walk of that many
//   entries (read backwards: newest first, then by id). Time ascending,
//   because news arrives newest last: a new article lands at the end;
// - `counts` keeps, for each filing (the set of sectors and editions an
//   article is filed under: a few hundred different ones at most), how
//   many articles and how many unread, so the header and the pickers never
//   count rows: they add up the filings a list takes in (counts.ts). One
//   count an article, not one per list: four made adding a third slower.
//   Triggers on `articles` keep `listings` and `counts`, so no write can
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

export const SCHEMA_VERSION = 6;

/** The sort time of an undated article: below every dated one, however old. */
export const UNDATED = -Number.MAX_SAFE_INTEGER;

/** The lists an article (`row`: `new` or `old` in a trigger) is in. */
const listsOf = (row: 'new' | 'old') => `
	SELECT '*' AS list
	UNION ALL SELECT 's:' || value FROM json_each(${row}.sectors)
	UNION ALL SELECT 'e:' || value FROM json_each(${row}.editions)
	UNION ALL SELECT 'se:' || s.value || '|' || e.value FROM json_each(${row}.sectors) AS s, json_each(${row}.editions) AS e`;

/** An article's filing, as `counts` keys it: its sectors and editions (JSON lists of taxonomy ids). */
const filingOf = (row: 'new' | 'old') => `${row}.sectors || '|' || ${row}.editions`;

const list = (row: 'new' | 'old') => `
	INSERT INTO listings (list, sort_time, id, article) SELECT list, ${row}.sort_time, ${row}.id, ${row}.rowid FROM (${listsOf(row)});
	INSERT INTO counts (filing, total, unread) VALUES (${filingOf(row)}, 1, ${row}.read = 0)
		ON CONFLICT (filing) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;`;

const unlist = (row: 'new' | 'old') => `
	DELETE FROM listings WHERE list IN (${listsOf(row)}) AND sort_time = ${row}.sort_time AND id = ${row}.id;
	UPDATE counts SET total = total - 1, unread = unread - (${row}.read = 0) WHERE filing = ${filingOf(row)};`;

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
	added_at INTEGER NOT NULL,
	read INTEGER NOT NULL DEFAULT 0,
	position REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_from_data ON articles (origin) WHERE origin = 'data';

CREATE TABLE IF NOT EXISTS stories (article INTEGER PRIMARY KEY, doc TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS listings (
	list TEXT NOT NULL,
	sort_time INTEGER NOT NULL,
	id TEXT NOT NULL,
	article INTEGER NOT NULL,
	PRIMARY KEY (list, sort_time, id DESC)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS counts (filing TEXT PRIMARY KEY, total INTEGER NOT NULL, unread INTEGER NOT NULL) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS articles_listed AFTER INSERT ON articles BEGIN ${list('new')}
END;
CREATE TRIGGER IF NOT EXISTS articles_unlisted AFTER DELETE ON articles BEGIN ${unlist('old')}
END;
CREATE TRIGGER IF NOT EXISTS articles_relisted AFTER UPDATE OF sectors, editions, sort_time ON articles
	WHEN old.sectors != new.sectors OR old.editions != new.editions OR old.sort_time != new.sort_time BEGIN ${unlist('old')} ${list('new')}
END;
CREATE TRIGGER IF NOT EXISTS articles_reread AFTER UPDATE OF read ON articles
	WHEN old.read != new.read AND old.sectors = new.sectors AND old.editions = new.editions AND old.sort_time = new.sort_time BEGIN
	UPDATE counts SET unread = unread + (new.read = 0) - (old.read = 0) WHERE filing = ${filingOf('new')};
END;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
	title, summary, body, countries, facets,
	content='', detail=column, prefix='3', tokenize='unicode61 remove_diacritics 2'
);
${SEARCH_SCHEMA}
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_success INTEGER, last_error TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The list key of a filter: what `listings` and `counts` know it by. */
export function listKey(filter: {sector?: string; edition?: string}): string {
	if (filter.sector && filter.edition) return `se:${filter.sector}|${filter.edition}`;
	if (filter.sector) return `s:${filter.sector}`;
	if (filter.edition) return `e:${filter.edition}`;
	return '*';
}
