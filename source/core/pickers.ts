// What the pickers list: "All" first, then each sector, edition or source
// with how many stories picking it would show, and how many are unread.
// Plain functions of the counts; the app reads the counts, the picker
// screen draws the entries and the reducer moves through them.
import {DATA_SOURCE, type Counts} from './article.js';
import {countText} from './layout.js';
import {OTHER, type TaxonomyEntry} from './taxonomy.js';
import {sanitizeLine} from '../terminal/sanitize.js';

/** An entry: its name, how many stories it holds ("(3 · 2 unread)"), and the filter it sets (undefined: "All", no filter). */
export type PickerEntry = {name: string; count: string; value?: string};

/** An entry named `name`, with its counts. */
const entry = (name: string, counts: Counts | undefined, value?: string): PickerEntry => ({name, count: countText(counts), value});

/** A source as the feed list names it: its URL and, where known, its title. */
export type Source = {url: string; title?: string};

/** The feeds, each by the title the feed list gives it, else its own (`titles`: as each one's last fetch gave it). */
export function titledSources<T extends Source>(feeds: T[], titles: Map<string, string>): T[] {
	return feeds.map(feed => ({...feed, title: feed.title ?? titles.get(feed.url)}));
}

/** The sectors or editions in the taxonomy's order, and "Other" when it holds anything. */
export function taxonomyEntries(entries: TaxonomyEntry[], counts: Map<string, Counts>, all: Counts): PickerEntry[] {
	const picked = [entry('All', all), ...entries.map(({name, id}) => entry(name, counts.get(id), id))];
	return counts.has(OTHER) ? [...picked, entry('Other', counts.get(OTHER), OTHER)] : picked;
}

/**
 * How a source is named: its title (the feed list's, else the feed's own), the data folder by what it is, else its URL.
 * A feed's own title is untrusted, and a screen reader's line (the header, a picker entry) is written as it is: sanitised here.
 */
export function sourceTitle(url: string, sources: Source[]): string {
	if (url === DATA_SOURCE) return 'Shipped with devnews';
	return sanitizeLine(sources.find(source => source.url === url)?.title ?? url);
}

/**
 * The sources in the picker's order: the feeds in the feed list's order,
 * then the data folder, then sources the library still holds stories of
 * that are no longer feeds (`counts`: the stories held, by source).
 */
export function sourceOrder(sources: Source[], counts: Map<string, Counts>): string[] {
	const listed = new Set(sources.map(source => source.url));
	const held = [...counts.keys()].filter(url => !listed.has(url));
	const gone = held.filter(url => url !== DATA_SOURCE).sort();
	return [...listed, ...(held.includes(DATA_SOURCE) ? [DATA_SOURCE] : []), ...gone];
}

/** The source picker's entries: "All", then each source in sourceOrder's order with its counts. */
export function sourceEntries(sources: Source[], counts: Map<string, Counts>, all: Counts): PickerEntry[] {
	const listed = new Set(sources.map(source => source.url));
	const name = (url: string) => (listed.has(url) || url === DATA_SOURCE ? sourceTitle(url, sources) : `${url} (no longer a feed)`);
	return [entry('All', all), ...sourceOrder(sources, counts).map(url => entry(name(url), counts.get(url), url))];
}

/** Where the picker opens: on the entry of the current choice, or "All". */
export function currentEntry(entries: PickerEntry[], current: string | undefined): number {
	return Math.max(0, entries.findIndex(({value}) => value === current));
}
