// What the pickers list: "All" first, then each sector, edition or source
// with how many stories picking it would show, and how many are unread.
// Plain functions of the counts; the app reads the counts, the picker
// screen draws the entries and the reducer moves through them.
import {DATA_SOURCE, type Counts} from './article.js';
import {countLabel} from './layout.js';
import {OTHER, type TaxonomyEntry} from './taxonomy.js';

/** An entry: its label, and the filter it sets (undefined: "All", no filter). */
export type PickerEntry = {label: string; value?: string};

/** A source as the feed list names it: its URL and, where known, its title. */
export type Source = {url: string; title?: string};

/** The sectors or editions in the taxonomy's order, and "Other" when it holds anything. */
export function taxonomyEntries(entries: TaxonomyEntry[], counts: Map<string, Counts>, all: Counts): PickerEntry[] {
	const picked = [{label: countLabel('All', all)}, ...entries.map(entry => ({label: countLabel(entry.name, counts.get(entry.id)), value: entry.id}))];
	return counts.has(OTHER) ? [...picked, {label: countLabel('Other', counts.get(OTHER)), value: OTHER}] : picked;
}

/** How a source is named: its title (the feed list's, else the feed's own), the data folder by what it is, else its URL. */
export function sourceTitle(url: string, sources: Source[]): string {
	if (url === DATA_SOURCE) return 'Shipped with devnews';
	return sources.find(source => source.url === url)?.title ?? url;
}

/**
 * The feeds in the feed list's order, then the data folder's stories, then
 * sources the library still holds stories of that are no longer feeds.
 */
export function sourceEntries(sources: Source[], counts: Map<string, Counts>, all: Counts): PickerEntry[] {
	const listed = new Set(sources.map(source => source.url));
	const held = [...counts.keys()].filter(url => !listed.has(url));
	const gone = held.filter(url => url !== DATA_SOURCE).sort();
	return [
		{label: countLabel('All', all)},
		...sources.map(({url}) => ({label: countLabel(sourceTitle(url, sources), counts.get(url)), value: url})),
		...(held.includes(DATA_SOURCE) ? [{label: countLabel(sourceTitle(DATA_SOURCE, sources), counts.get(DATA_SOURCE)), value: DATA_SOURCE}] : []),
		...gone.map(url => ({label: countLabel(`${url} (no longer a feed)`, counts.get(url)), value: url})),
	];
}

/** Where the picker opens: on the entry of the current choice, or "All". */
export function currentEntry(entries: PickerEntry[], current: string | undefined): number {
	return Math.max(0, entries.findIndex(entry => entry.value === current));
}
