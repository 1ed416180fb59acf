// Whether a story's text was garbled by decoding it in the wrong charset: it
// holds U+FFFD (bytes that were not UTF-8, read as UTF-8) or mojibake (UTF-8
// read as windows-1252, the usual "â€™" for a curly quote). Such a story was
// kept before devnews read pages' <meta charset>; it is read again from its
// page, and a clean story is never replaced by a garbled read of it.
import type {Article} from './article.js';

// What windows-1252 makes of UTF-8's continuation bytes 0x80–0xBF.
const CONTINUATION = '[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';

// A character read that way: a two-byte lead (Â to ß) or a three-byte lead (à to ï) with its continuations.
const MOJIBAKE = new RegExp(`\uFFFD|[\u00C2-\u00DF]${CONTINUATION}|[\u00E0-\u00EF]${CONTINUATION}{2}`, 'u');

/** Whether the story's text (title, summary, body) shows a wrong charset. */
export function isGarbled(article: Article): boolean {
	return [article.title, article.summary ?? '', ...article.body].some(text => MOJIBAKE.test(text));
}
