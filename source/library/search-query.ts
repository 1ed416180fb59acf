// What the user types becomes FTS5 terms: every word is quoted, so no
// character can be FTS syntax (AND, NEAR, quotes, colons, parentheses) and
// nothing the user types can raise a syntax error. The sector and edition
// filters become terms of the index's `facets` column, so FTS5 applies them
// while it walks its lists instead of devnews checking every match.
import type {SearchTerms} from './ranked-search.js';

/** The term that marks an article's sector or edition in the index's `facets` column. */
export function facetTerm(kind: 'sector' | 'edition', id: string): string {
	return `x${kind}${id.toLowerCase().replaceAll(/[^a-z0-9]/g, '')}`;
}

/** The facet terms of an article's sectors and editions, as the `facets` column holds them. */
export function facetText(sectors: string[], editions: string[]): string {
	return [...sectors.map(id => facetTerm('sector', id)), ...editions.map(id => facetTerm('edition', id))].join(' ');
}

/**
 * The last word matches as a prefix, for search as you type, once it has
 * three characters: the index keeps a list for every three-letter prefix,
 * while a shorter one would match nearly everything.
 */
const PREFIX_FROM = 3;

/**
 * Han, kana and Hangul words match as a prefix, wherever they are in the
 * search, from two characters: the index's tokenizer keeps a run of them as
 * one token (Chinese and Japanese put no spaces between words, Korean joins
 * its particles to the noun), so "서울" is the start of the token "서울에서"
 * and is found only as a prefix; and two such characters are a word, not a
 * start that matches nearly everything.
 */
const CJK_PREFIX_FROM = 2;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether a word of the search matches as a prefix: the last one as it is typed, and a CJK one anywhere. */
function isPrefix(word: string, last: boolean): boolean {
	const cjk = CJK.test(word);
	return (last || cjk) && Array.from(word).length >= (cjk ? CJK_PREFIX_FROM : PREFIX_FROM);
}

/**
 * A search's bounds. Every word must match, so a search of more words than
 * these finds no more and could only take longer: a pasted page of 20,000
 * words took seconds on a library of nine stories. Past the first
 * MAX_SEARCH_WORDS distinct words the rest are left out, as is a "word"
 * longer than MAX_WORD_LENGTH (no text's word is; a pasted blob's is).
 */
export const MAX_SEARCH_WORDS = 32;
const MAX_WORD_LENGTH = 100;

export type SearchFilter = {query: string; sector?: string; edition?: string};

/** The FTS5 terms of a search, or undefined when the query has no words. */
export function searchTerms({query, sector, edition}: SearchFilter): SearchTerms | undefined {
	const found = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
	const words = [...new Set(found.filter(word => word.length <= MAX_WORD_LENGTH))].slice(0, MAX_SEARCH_WORDS);
	if (words.length === 0) return undefined;
	const last = words.length - 1;
	return {
		words: words.map((word, index) => `"${word}"${isPrefix(word, index === last) ? '*' : ''}`).join(' '),
		facets: [sector && facetTerm('sector', sector), edition && facetTerm('edition', edition)].filter((term): term is string => Boolean(term)),
	};
}
