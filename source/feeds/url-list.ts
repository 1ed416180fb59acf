// A list of feeds one a line, as newsboat keeps them in its urls file
// (newsboat's documentation, "The urls file"): an address, then tags, each
// a word or in double quotes ("a tag", with \" inside). A tag "~Name" names
// the feed; "!" hides it in newsboat, nothing here; any other tag that names
// a sector or an edition (by id, name or alias: "politics", "Health",
// "tech") files the feed there, as OPML's categories do. Lines that are no
// web feed (newsboat's query:, exec: and filter: sources, comments after #)
// are skipped, each but the comments with a warning. A file from elsewhere
// is untrusted: titles lose control characters and escape sequences, and
// URLs are normalised as every feed's are.
import {resolveEdition, resolveSector, type Taxonomy} from '../core/taxonomy.js';
import {isWebUrl} from '../terminal/links.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {mergeByUrl, normalizeFeedUrl, type Feed, type ImportedFeeds} from './feed-list.js';

/**
 * Whether `text` is a list of addresses rather than OPML: its first line past
 * blank lines and comments is one, or one of newsboat's other sources (a
 * query:, exec: or filter: line, often quoted), which a urls file may begin with.
 */
export const isUrlList = (text: string): boolean => /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:https?:\/\/|"?(?:query|exec|filter):)/i.test(text);

/**
 * A line's next word after blanks: a # that starts a comment (the rest of
 * the line), a word in double quotes (with \" and \\ inside, the closing
 * quote optional at the line's end), or a run of non-blanks. Sticky, so a
 * line is read once from start to end however many words it holds.
 */
const WORD = /[ \t]*(?:(#)|"((?:[^"\\]|\\[\s\S])*)"?|([^ \t]+))/y;

/** A line's words, a comment left out. */
function words(line: string): string[] {
	const found: string[] = [];
	WORD.lastIndex = 0;
	for (let match = WORD.exec(line); match && !match[1]; match = WORD.exec(line)) {
		found.push(match[2] === undefined ? match[3]! : match[2].replaceAll(/\\([\s\S])/g, '$1'));
	}

	return found;
}

/** How a skipped line's source is named in its warning: newsboat's own kinds by name. */
function skipped(first: string): string {
	const kind = /^(query|exec|filter):/i.exec(first)?.[1]?.toLowerCase();
	return kind ? `a newsboat ${kind}: source, which devnews cannot fetch` : `"${sanitizeLine(first).slice(0, 80)}" is not a web address`;
}

/** Every web feed of the list, one per address; and a warning line for each line skipped and each tag not kept. */
export function parseUrlList(text: string, taxonomy: Taxonomy): ImportedFeeds {
	const feeds: Feed[] = [];
	const warnings: string[] = [];
	for (const [index, line] of text.split(/\r?\n/).entries()) {
		const [first, ...tags] = words(line);
		if (first === undefined) continue;
		const where = `line ${index + 1}`;
		if (!isWebUrl(first)) {
			warnings.push(`${where}: skipped, ${skipped(first)}`);
			continue;
		}

		const feed: Feed = {url: normalizeFeedUrl(first)};
		for (const tag of tags) {
			if (tag.startsWith('~')) {
				const title = sanitizeLine(tag.slice(1)).trim();
				if (title) feed.title = title;
			} else if (tag !== '!') {
				const sector = resolveSector(taxonomy, tag);
				const edition = sector ? undefined : resolveEdition(taxonomy, tag);
				if (sector) feed.sector = sector;
				else if (edition) feed.edition = edition;
				else warnings.push(`${where}: tag "${sanitizeLine(tag).slice(0, 80)}" names no sector or edition, not kept`);
			}
		}

		feeds.push(feed);
	}

	return {feeds: [...mergeByUrl(feeds).values()], warnings};
}
