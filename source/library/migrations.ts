// Moves a library made by an earlier devnews to this version's schema, in
// one transaction, keeping everything the user has: read marks, reading
// positions, fetched stories, feed validators and state. Forward only; a
// library made by a newer devnews is refused, untouched (see database.ts).
//
// Versions devnews has shipped:
//   0  (no version set) the shipped data only: no feeds, no read marks;
//   2  articles held each story's JSON in a `doc` column;
//   3  stories apart, in `stories`; one index per filter; counts by trigger;
//   4  as 3, the indexes in time-ascending order;
//   5  several sectors and editions per article, kept in `listings` and
//      `counts` by triggers; undated articles sort last; when an article
//      was added, for retention;
//   6  a list per source, and whether each listed article is
//      unread (unread only, unread first, next unread); each filing counted
//      per source; a feed's own title; the kind "summary" for an item that
//      came with a summary and no story; a title index keyed by time
//      (search-schema.ts);
//   7  (this one) which of its times an article sorts by, and whether its
//      sectors are only guessed from its link's label; stories keep each
//      value as what its source meant (no "agency-wire" label, a JSON
//      listing's time as an update or listing time, not the creation).
// Each step to 5 and 6 rebuilds the lists from the articles; what the articles'
// sectors and editions mean under the current taxonomy is decided later,
// once the data folder's taxonomy is known (refile.ts).
import type Database from 'better-sqlite3';
import {migrateSearchIndex} from './search-schema.js';
import {SCHEMA, SCHEMA_VERSION, UNDATED} from './sql.js';

/** The oldest schema a migration starts from. */
const OLDEST_MIGRATED = 2;

/** Set by a migration: the articles must be filed again and their full-text index rebuilt. */
export const REINDEX_NEEDED = 'refile.reindex';

type Old = Record<string, unknown> & {sector?: unknown; edition?: unknown};

/**
 * A story as an earlier devnews stored it, in this version's contract:
 * its one sector and edition become lists (kept as they were given; they
 * are resolved when filed).
 */
function migrateDoc(doc: string): string {
	const {sector, edition, ...rest} = JSON.parse(doc) as Old;
	const listOf = (value: unknown) => (typeof value === 'string' && value ? [value] : []);
	return JSON.stringify({...rest, sectors: listOf(sector), editions: listOf(edition)});
}

function tableExists(db: Database.Database, name: string): boolean {
	return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function columns(db: Database.Database, table: string): Set<string> {
	return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{name: string}>).map(column => column.name));
}

/** From 2, 3 or 4 to 5. */
function toVersion5(db: Database.Database): void {
	db.function('devnews_migrate_doc', {deterministic: true}, (doc: unknown) => migrateDoc(String(doc)));
	const old = columns(db, 'articles');
	// The old table goes aside with everything that hangs on it.
	for (const trigger of ['articles_counted', 'articles_uncounted', 'articles_recounted']) db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
	for (const index of ['articles_by_time', 'articles_by_sector', 'articles_by_edition', 'articles_by_sector_edition', 'articles_from_data', 'articles_by_origin']) {
		db.exec(`DROP INDEX IF EXISTS ${index}`);
	}

	db.exec('ALTER TABLE articles RENAME TO articles_before_5');
	// Counts and the full-text index are rebuilt; their old forms hold nothing of the user's.
	db.exec('DROP TABLE IF EXISTS counts');
	db.exec('DROP TABLE IF EXISTS articles_fts');
	db.exec(SCHEMA);
	if (old.has('doc')) {
		// Version 2 kept the story in the article's row.
		db.exec('INSERT INTO stories (article, doc) SELECT rowid, devnews_migrate_doc(doc) FROM articles_before_5');
	} else if (tableExists(db, 'stories')) {
		db.exec('UPDATE stories SET doc = devnews_migrate_doc(doc)');
	}

	// Rowids are kept: stories are keyed by them. Every article is in the
	// "other" lists until it is filed under the taxonomy.
	db.prepare(
		`INSERT INTO articles (rowid, id, origin, title, url, sectors, editions, section, kind, created_at, sort_time, added_at, read, position)
		SELECT rowid, id, origin, title, url, '["other"]', '["other"]', section, kind, created_at,
			CASE WHEN created_at IS NULL THEN @undated ELSE sort_time END, @now, read, position
		FROM articles_before_5`,
	).run({undated: UNDATED, now: Date.now()});
	db.exec('DROP TABLE articles_before_5');
	// The taxonomy the articles were filed under is the old one: the next
	// import of the data folder (data-import.ts) files them again under its
	// taxonomy, and indexes them as it goes.
	db.prepare("INSERT INTO meta (key, value) VALUES (?, '0') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(REINDEX_NEEDED);
	db.exec("DELETE FROM meta WHERE key IN ('data.taxonomy', 'data.fingerprint')");
}

/**
 * The articles written again into this version's table, rowids kept
 * (stories and the full-text index are keyed by them): its triggers file
 * each one in every list and filing it is in.
 */
function relist(db: Database.Database): void {
	for (const trigger of ['articles_listed', 'articles_unlisted', 'articles_relisted', 'articles_reread']) db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
	db.exec('DROP INDEX IF EXISTS articles_from_data');
	db.exec('ALTER TABLE articles RENAME TO articles_before_6');
	db.exec('DROP TABLE IF EXISTS listings');
	db.exec('DROP TABLE IF EXISTS counts');
	db.exec(SCHEMA);
	db.exec(`INSERT INTO articles (rowid, id, origin, title, url, sectors, editions, countries, section, kind, created_at, sort_time, added_at, read, position)
		SELECT rowid, id, origin, title, url, sectors, editions, countries, section, kind, created_at, sort_time, added_at, read, position FROM articles_before_6`);
	db.exec('DROP TABLE articles_before_6');
}

/** From 5 to 6 (also the end of a step to 5, whose lists are already this version's). */
function toVersion6(db: Database.Database): void {
	if (!columns(db, 'feeds').has('title')) db.exec('ALTER TABLE feeds ADD COLUMN title TEXT');
	// A feed item that came with a summary and no story was a "headline"; it is a "summary" now.
	// (The data folder's entries say what they are in their files, and are imported from them.)
	db.exec(`UPDATE stories SET doc = json_set(doc, '$.kind', 'summary')
		WHERE json_extract(doc, '$.kind') = 'headline' AND coalesce(json_extract(doc, '$.summary'), '') != '' AND json_array_length(doc, '$.body') = 0
			AND article IN (SELECT rowid FROM articles WHERE origin != 'data')`);
	db.exec("UPDATE articles SET kind = 'summary' WHERE kind = 'headline' AND rowid IN (SELECT article FROM stories WHERE json_extract(doc, '$.kind') = 'summary')");
	if (!columns(db, 'listings').has('unread')) relist(db);
	migrateSearchIndex(db);
}

/**
 * From 6 to 7. Stories are rewritten as this version stores them: the
 * site's "agency-wire" states no label, and the time a summary from one of
 * the site's JSON listings was dated by is its update time (ModifiedOn:
 * GetSectorNews, GetSectorDevNews, GetDevNews) or a listing time (any
 * other), never its creation. Each article sorts where it did (the title
 * index is keyed by that time), now saying which time that is. Whether
 * sectors are guessed is decided when the articles are filed again under
 * the data folder's taxonomy, which forgetting the taxonomy they were
 * filed under (and the folder's fingerprint) brings about at the next
 * import (data-import.ts); the full-text index holds nothing that changed,
 * and is kept.
 */
function toVersion7(db: Database.Database): void {
	const have = columns(db, 'articles');
	if (!have.has('time_kind')) db.exec('ALTER TABLE articles ADD COLUMN time_kind TEXT');
	if (!have.has('sectors_guessed')) db.exec('ALTER TABLE articles ADD COLUMN sectors_guessed INTEGER NOT NULL DEFAULT 0');
	db.exec(`UPDATE stories SET doc = json_remove(doc, '$.label') WHERE json_extract(doc, '$.label') = 'agency-wire'`);
	const listed = `(SELECT rowid FROM articles WHERE lower(origin) LIKE '%/api/%' AND kind != 'full')`;
	const modifiedOn = `(lower(a.origin) LIKE '%/getsectornews/%' OR lower(a.origin) LIKE '%/getsectordevnews/%' OR lower(a.origin) LIKE '%/getdevnews/%')`;
	db.exec(`UPDATE stories SET doc = json_remove(json_set(doc,
			CASE WHEN (SELECT ${modifiedOn} FROM articles a WHERE a.rowid = stories.article) THEN '$.updatedAt' ELSE '$.listedAt' END,
			json_extract(doc, '$.createdAt')), '$.createdAt')
		WHERE article IN ${listed} AND json_extract(doc, '$.createdAt') IS NOT NULL`);
	db.exec(`UPDATE articles AS a SET created_at = NULL, time_kind = CASE WHEN ${modifiedOn} THEN 'updated' ELSE 'listed' END
		WHERE rowid IN ${listed} AND created_at IS NOT NULL`);
	db.prepare(`UPDATE articles SET time_kind = 'created' WHERE time_kind IS NULL AND created_at IS NOT NULL AND sort_time != ?`).run(UNDATED);
	db.exec("DELETE FROM meta WHERE key IN ('data.taxonomy', 'data.fingerprint')");
}

/** The steps, by the version each leads to. */
const STEPS: Record<number, (db: Database.Database) => void> = {5: toVersion5, 6: toVersion6, 7: toVersion7};

/**
 * Brings `db` (at `from`) to SCHEMA_VERSION, each step in the caller's
 * transaction. A new library (version 0, no tables) just gets the schema.
 */
export function migrate(db: Database.Database, from: number): void {
	if (from < OLDEST_MIGRATED) {
		// A new file, or one from before devnews kept anything of the user's in
		// it (the shipped data alone, imported again on every start).
		for (const {name} of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{name: string}>) {
			db.exec(`DROP TABLE IF EXISTS "${name}"`);
		}

		db.exec(SCHEMA);
	} else {
		// Versions 2, 3 and 4 differ in nothing a step to 5 reads but where the story is.
		for (let version = Math.max(from, OLDEST_MIGRATED) + 1; version <= SCHEMA_VERSION; version++) STEPS[version]?.(db);
	}

	db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
