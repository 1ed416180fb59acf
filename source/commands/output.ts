// What the command line prints: plain text for people (sanitised, wrapped
// to the width), or JSON with the data contract's field names for scripts.
import type {Article, ArticleRow} from '../core/article.js';
import {fileArticle, OTHER, taxonomyName, type Taxonomy} from '../core/taxonomy.js';
import {GUESSED_FROM_LINK, KIND_WORDS, readerLines, rowTimeWords, truncate, type ReaderExtras} from '../core/layout.js';
import {formatIst} from '../core/time.js';
import type {Bookmark} from '../bookmarks/bookmark-store.js';
import {hyperlink} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';

/** A line of output: cut to `width` on a terminal, whole (width undefined) for pipes and grep; one plain line either way. */
const outputLine = (text: string, width?: number): string => (width ? truncate(text, width) : sanitizeLine(text));

/**
 * Two lines an article: the title, then sector · edition · time · section,
 * "summary only" or "headline only" when so, and the id to read it by. Cut to `width` on a
 * terminal; whole lines (width undefined) for pipes and grep.
 */
export function listText(rows: ArticleRow[], taxonomy: Taxonomy, width?: number): string {
	return rows
		.map(row => {
			const sectors = known(row.sectors).map(id => taxonomyName(taxonomy.sectors, id));
			const details = [
				...(row.sectorsGuessed ? [`${sectors.join(', ')} ${GUESSED_FROM_LINK}`] : sectors),
				...known(row.editions).map(id => taxonomyName(taxonomy.editions, id)),
				rowTimeWords(row, formatIst),
				...row.countries,
				row.section,
				KIND_WORDS[row.kind]?.toLowerCase(),
				`id ${row.id}`,
			].filter(Boolean);
			return `${outputLine(row.title, width)}\n${outputLine(`  ${details.join(' · ')}`, width)}`;
		})
		.join('\n');
}

/** Sector or edition ids without the OTHER that stands for none known. */
const known = (ids: string[]) => ids.filter(id => id !== OTHER);

/**
 * The sectors as JSON: those a source stated in `sectors`; one only
 * guessed from the link's label in `guessedSectors` (and `sectors` empty),
 * so a script never takes a guess for a fact.
 */
function sectorsJson(sectors: string[], guessed: boolean | undefined): {sectors: string[]; guessedSectors?: string[]} {
	return guessed ? {sectors: [], guessedSectors: known(sectors)} : {sectors: known(sectors)};
}

/** A row as JSON: the contract's names; the sectors and editions devnews knows (none: empty lists); the time it sorts by under its own name. */
export function rowJson(row: ArticleRow): Record<string, unknown> {
	const {sectorsGuessed, ...fields} = row;
	return {...fields, ...sectorsJson(row.sectors, sectorsGuessed), editions: known(row.editions)};
}

/** A story as JSON: the contract's fields, its sectors and editions as taxonomy ids. */
export function articleJson(article: Article, taxonomy: Taxonomy): Record<string, unknown> {
	const {sectors, editions, sectorsGuessed} = fileArticle(taxonomy, article);
	return {...article, ...sectorsJson(sectors, sectorsGuessed), editions: known(editions)};
}

/** The story as the reader shows it; its link lines clickable (OSC 8) when `hyperlinks`. */
export function readText(article: Article, taxonomy: Taxonomy, width: number, {hyperlinks = false, ...extras}: ReaderExtras & {hyperlinks?: boolean} = {}): string {
	return readerLines(article, taxonomy, width, extras)
		.map(line => (hyperlinks && article.url && line.tone === 'link' ? hyperlink(article.url, line.text) : line.text))
		.join('\n');
}

/** Two lines a bookmark, as the list's: cut to `width` on a terminal; whole lines (width undefined) for pipes and grep. */
export function bookmarksText(bookmarks: Bookmark[], width?: number): string {
	if (bookmarks.length === 0) return 'No bookmarks yet.';
	return bookmarks.map(bookmark => `${outputLine(`★ ${bookmark.title}`, width)}\n${outputLine(`  ${bookmark.id} · saved ${formatIst(bookmark.savedAt) ?? bookmark.savedAt}`, width)}`).join('\n');
}

/**
 * A JSON array written an item at a time, as JSON.stringify(items, undefined, 2)
 * would write it whole.
 */
export function jsonArrayWriter(write: (text: string) => void): {item: (value: unknown) => void; end: () => void} {
	let count = 0;
	return {
		item(value) {
			write(`${count++ === 0 ? '[\n' : ',\n'}${jsonText(value).replaceAll(/^/gm, '  ')}`);
		},
		end() {
			write(count === 0 ? '[]\n' : '\n]\n');
		},
	};
}

/**
 * JSON for stdout. JSON.stringify escapes C0 controls but not DEL, C1 or
 * the bidi controls, which a terminal may still act on; escape those too.
 */
export function jsonText(value: unknown): string {
	return JSON.stringify(value, undefined, 2).replaceAll(
		/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g,
		character => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`,
	);
}
