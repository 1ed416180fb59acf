// The index that finds a search's title matches newest first by their own
// time, whatever order they came in. FTS5 walks its lists by rowid, and
// stops once it has enough: keyed by the article's rowid (the order it was
// added in), "the newest title matches" were the most recently added ones,
// and a story dated newest but written before a large feed was missing.
// Here a story's key is its time in seconds, then its rowid (the low 31
// bits), so the walk down the keys is newest first by time and the article
// is read back out of the key. It holds titles and the facet terms only:
// keyed this way the whole index (summary, story text) would be 1.4 to 2.6
// times the size (the keys' gaps cost bytes in every list; measured on
// 100,000 articles of the million-article benchmark library), while this
// one adds a fifth.
import type Database from 'better-sqlite3';
import {facetText} from './search-query.js';

/** The title index: titles and facet terms, keyed by time (titleKey). */
export const SEARCH_SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS titles_fts USING fts5 (
	title, facets,
	content='', detail=column, prefix='3', tokenize='unicode61 remove_diacritics 2'
);
`;

/** How many bits of a key hold the article's rowid. */
const ROWID_BITS = 31n;
/** The article's rowid in a key, as SQL reads it out. */
export const ROWID_OF_KEY = `rowid & ${(1n << ROWID_BITS) - 1n}`;
/** The seconds of a key, at most: 2106; as few: 1834. */
const SECONDS_BOUND = 2 ** 32 - 1;

/**
 * An article's key in the title index: its sort time in seconds, then its
 * rowid, as one 64-bit integer (too large for a JS number). An undated
 * article's sort time (UNDATED, sql.ts) keys at the bottom, below every
 * dated one as it lists, with any time before 1834; one after 2106 keys as
 * 2106.
 */
export function titleKey(sortTime: number, rowid: number): bigint {
	if (rowid >= 2 ** Number(ROWID_BITS)) throw new Error(`article ${rowid} is past what the title index can key (2^31 articles written)`);
	const seconds = Math.min(SECONDS_BOUND, Math.max(-SECONDS_BOUND, Math.floor(sortTime / 1000)));
	return (BigInt(seconds) << ROWID_BITS) + BigInt(rowid);
}

/**
 * The step to schema 6: the title index made and filled from the articles,
 * in the migration's transaction; everything else is kept as it was. A
 * migration from before 5 made it already, empty, with the rest of the
 * schema; the rebuild of the full-text index that step leaves to the first
 * import fills it.
 */
export function migrateSearchIndex(db: Database.Database): void {
	if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'titles_fts'").get()) return;
	db.exec(SEARCH_SCHEMA);
	db.function('devnews_title_key', {deterministic: true}, (sortTime: unknown, rowid: unknown) => titleKey(Number(sortTime), Number(rowid)));
	db.function('devnews_facets', {deterministic: true}, (sectors: unknown, editions: unknown) => facetText(JSON.parse(String(sectors)) as string[], JSON.parse(String(editions)) as string[]));
	// The title as the story holds it: the one the index is given again when the story leaves it (full-text.ts).
	db.exec(
		"INSERT INTO titles_fts (rowid, title, facets) SELECT devnews_title_key(a.sort_time, a.rowid), json_extract(s.doc, '$.title'), devnews_facets(a.sectors, a.editions) FROM articles a JOIN stories s ON s.article = a.rowid",
	);
}
