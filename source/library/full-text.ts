// The full-text index, written in one place. It is contentless (it keeps
// no copy of the text), so a story leaves it by being given again exactly
// as it was indexed: FTS5's 'delete' command with the same values. (FTS5's
// contentless_delete option needs no values, but every commit after such
// deletes rewrote tombstones across the index's segments: removing
// articles ran at a few hundred a second.) Every value indexed comes from
// here, from the stored story and its filing, so the two always agree.
import type {Article} from '../core/article.js';
import {facetText} from './search-query.js';
import type {Statements} from './statements.js';

/** Where an article is filed: its taxonomy ids, as the articles table holds them. */
export type Filing = {sectors: string[]; editions: string[]};

/** A stored article's filing, as its row holds it (JSON lists of taxonomy ids). */
export const filingOf = (row: {sectors: string; editions: string}): Filing => ({sectors: JSON.parse(row.sectors) as string[], editions: JSON.parse(row.editions) as string[]});

export class FullTextIndex {
	constructor(private readonly sql: Statements) {}

	add(rowid: number, article: Article, filing: Filing): void {
		this.sql.get('INSERT INTO articles_fts (rowid, title, summary, body, countries, facets) VALUES (?, ?, ?, ?, ?, ?)').run(rowid, ...values(article, filing));
	}

	/** Takes out what add() put in for this article, filed as it was then. */
	remove(rowid: number, article: Article, filing: Filing): void {
		this.sql.get("INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, countries, facets) VALUES ('delete', ?, ?, ?, ?, ?, ?)").run(rowid, ...values(article, filing));
	}
}

function values(article: Article, filing: Filing): [string, string, string, string, string] {
	return [article.title, article.summary ?? '', article.body.join('\n'), article.countries.join('\n'), facetText(filing.sectors, filing.editions)];
}
