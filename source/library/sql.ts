// The library's SQLite schema. It is shaped so that nothing the browser
// does per key or at start grows with the number of articles:
// - `articles` holds only what a list row needs; story text lives apart in
//   `stories`, so paging a list never reads it;
// - an index per filter (all, sector, edition, both) in time order, so one
//   screen of rows is an index walk of that many entries (read backwards:
//   newest first, then by id). Time ascending, because news arrives newest
//   last: a new article lands at the end of an index, the cheapest place;
// - `counts` keeps totals and unread per sector × edition up to date
//   through triggers, so the header and the pickers never count rows;
// - `articles_fts` is a contentless full-text index (FTS5) of title,
//   summary and body, keyed by the article's rowid, with the sector and
//   edition as terms of a `facets` column (search-query.ts). It keeps which
//   columns hold a word but not where in them (detail=column): half the
//   size, and searches are plain words, never phrases. Every three-letter
//   prefix has a list of its own, so search as you type never merges the
//   lists of the thousands of words that start with "the" or "con".

/** Bump when the schema changes: the library is a cache, so an older one is dropped and rebuilt. */
export const SCHEMA_VERSION = 4;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
	id TEXT PRIMARY KEY,
	origin TEXT NOT NULL,
	title TEXT NOT NULL,
	url TEXT,
	sector TEXT NOT NULL,
	edition TEXT NOT NULL,
	section TEXT,
	kind TEXT NOT NULL,
	created_at TEXT,
	sort_time INTEGER NOT NULL,
	read INTEGER NOT NULL DEFAULT 0,
	position REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_by_time ON articles (sort_time, id DESC);
CREATE INDEX IF NOT EXISTS articles_by_sector ON articles (sector, sort_time, id DESC);
CREATE INDEX IF NOT EXISTS articles_by_edition ON articles (edition, sort_time, id DESC);
CREATE INDEX IF NOT EXISTS articles_by_sector_edition ON articles (sector, edition, sort_time, id DESC);
CREATE INDEX IF NOT EXISTS articles_from_data ON articles (origin) WHERE origin = 'data';

CREATE TABLE IF NOT EXISTS stories (article INTEGER PRIMARY KEY, doc TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS counts (
	sector TEXT NOT NULL,
	edition TEXT NOT NULL,
	total INTEGER NOT NULL,
	unread INTEGER NOT NULL,
	PRIMARY KEY (sector, edition)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS articles_counted AFTER INSERT ON articles BEGIN
	INSERT INTO counts VALUES (new.sector, new.edition, 1, new.read = 0)
		ON CONFLICT DO UPDATE SET total = total + 1, unread = unread + (new.read = 0);
END;
CREATE TRIGGER IF NOT EXISTS articles_uncounted AFTER DELETE ON articles BEGIN
	UPDATE counts SET total = total - 1, unread = unread - (old.read = 0) WHERE sector = old.sector AND edition = old.edition;
END;
CREATE TRIGGER IF NOT EXISTS articles_recounted AFTER UPDATE OF sector, edition, read ON articles BEGIN
	UPDATE counts SET total = total - 1, unread = unread - (old.read = 0) WHERE sector = old.sector AND edition = old.edition;
	INSERT INTO counts VALUES (new.sector, new.edition, 1, new.read = 0)
		ON CONFLICT DO UPDATE SET total = total + 1, unread = unread + (new.read = 0);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
	title, summary, body, facets,
	content='', contentless_delete=1, detail=column, prefix='3', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_success INTEGER, last_error TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
