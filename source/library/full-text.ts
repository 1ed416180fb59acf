// The full-text indexes, written in one place: `articles_fts` of every
// article's text, keyed by its rowid, and `titles_fts` of its title, keyed
// by its time (search-schema.ts). Both are contentless (they keep no copy
// of the text), so a story leaves them by being given again exactly as it
// was indexed, at the key it was indexed under: FTS5's 'delete' command
// with the same values. (FTS5's contentless_delete option needs no values,
// but every commit after such deletes rewrote tombstones across the
// index's segments: removing articles ran at a few hundred a second.)
// Every value indexed comes from here, from the stored story, its filing
// and its sort time, so the indexes and the articles always agree.
import type {Article} from '../core/article.js';
import {titleKey} from './search-schema.js';
import {facetText} from './search-query.js';
import type {Statements} from './statements.js';

/** Where an article is filed: its taxonomy ids, as the articles table holds them. */
export type Filing = {sectors: string[]; editions: string[]};

/** A stored article's filing, as its row holds it (JSON lists of taxonomy ids). */
export const filingOf = (row: {sectors: string; editions: string}): Filing => ({sectors: JSON.parse(row.sectors) as string[], editions: JSON.parse(row.editions) as string[]});

/** An article as the indexes hold it: its rowid, its sort time (the title index's key), its text and its filing. */
export type Indexed = {rowid: number; sortTime: number; article: Article; filing: Filing};

export class FullTextIndex {
	constructor(private readonly sql: Statements) {}

	add({rowid, sortTime, article, filing}: Indexed): void {
		const facets = facetText(filing.sectors, filing.editions);
		this.sql.get('INSERT INTO articles_fts (rowid, title, summary, body, countries, facets) VALUES (?, ?, ?, ?, ?, ?)').run(rowid, ...texts(article), facets);
		this.sql.get('INSERT INTO titles_fts (rowid, title, facets) VALUES (?, ?, ?)').run(titleKey(sortTime, rowid), article.title, facets);
	}

	/** Takes out what add() put in for this article, as it was then. */
	remove({rowid, sortTime, article, filing}: Indexed): void {
		const facets = facetText(filing.sectors, filing.editions);
		this.sql.get("INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, countries, facets) VALUES ('delete', ?, ?, ?, ?, ?, ?)").run(rowid, ...texts(article), facets);
		this.sql.get("INSERT INTO titles_fts (titles_fts, rowid, title, facets) VALUES ('delete', ?, ?, ?)").run(titleKey(sortTime, rowid), article.title, facets);
	}
}

function texts(article: Article): [string, string, string, string] {
	return [article.title, article.summary ?? '', article.body.join('\n'), article.countries.join('\n')];
}
