// Devdiscourse's sectors and editions, and how the names people and feeds
// use for them become taxonomy ids. The taxonomy itself is data
// (data/sectors.json, editions.json, labels.json); this is only the rule
// for reading it: an id, a display name or an alias, in any case, with "&"
// and "and" alike; and an article link's label names a sector only where
// labels.json says it does, and then only as a guess.

/** A sector or an edition, as listed in data/sectors.json and data/editions.json. */
export type TaxonomyEntry = {
	id: string;
	name: string;
	/** A shorter name for narrow columns (the site's own, where its menus shorten one). */
	short?: string;
	order: number;
	/** What the site calls it in its own URLs and APIs: a sector's number, an edition's name. */
	siteId?: number | string;
	/** Other names a person or a feed may use for it ("business", "tech"). */
	aliases?: string[];
};

export type Taxonomy = {
	sectors: TaxonomyEntry[];
	editions: TaxonomyEntry[];
	/** The label of an article link (/article/{label}/…) → the sector it names, or null for one that names none. */
	labels: Record<string, string | null>;
};

export const EMPTY_TAXONOMY: Taxonomy = {sectors: [], editions: [], labels: {}};

/** The bucket for articles whose sector or edition is missing or unknown. */
export const OTHER = 'other';

/** "Science & Environment", "science-environment" and "SCIENCE and environment" alike. */
export function normalizeName(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replaceAll('&', ' and ')
		.replaceAll(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

// Each list of entries by every name it answers to (id, name, aliases, the
// site's id), normalised once: every article is filed as it is written and
// as it is drawn, and each lookup normalised every name of every entry.
const indexes = new WeakMap<TaxonomyEntry[], Map<string, TaxonomyEntry>>();

function nameIndex(entries: TaxonomyEntry[]): Map<string, TaxonomyEntry> {
	let index = indexes.get(entries);
	if (!index) {
		index = new Map();
		for (const entry of entries) {
			for (const name of [entry.id, entry.name, ...(entry.aliases ?? []), String(entry.siteId ?? '')]) {
				const key = normalizeName(name);
				// The first entry to answer to a name keeps it, as the entries' order says.
				if (key && !index.has(key)) index.set(key, entry);
			}
		}

		indexes.set(entries, index);
	}

	return index;
}

function findEntry(entries: TaxonomyEntry[], value: string): TaxonomyEntry | undefined {
	return nameIndex(entries).get(normalizeName(value));
}

/** The id of the sector `value` names (an id, its name or an alias), if any. */
export function resolveSector(taxonomy: Taxonomy, value: string): string | undefined {
	return findEntry(taxonomy.sectors, value)?.id;
}

/** The id of the edition `value` names, if any. */
export function resolveEdition(taxonomy: Taxonomy, value: string): string | undefined {
	return findEntry(taxonomy.editions, value)?.id;
}

/** The sector an article link's label names (labels.json), if it names one. */
export function sectorOfLabel(taxonomy: Taxonomy, label: string | undefined): string | undefined {
	if (!label) return undefined;
	const sector = taxonomy.labels[label.toLowerCase()];
	return sector && taxonomy.sectors.some(entry => entry.id === sector) ? sector : undefined;
}

/** Whether `value` is a label of article links (not a sector, though it may name one). */
export function isLabel(taxonomy: Taxonomy, value: string): boolean {
	return Object.hasOwn(taxonomy.labels, value.toLowerCase());
}

/** The display name of a sector or edition id; "Other" for none or one the taxonomy does not know. */
export function taxonomyName(entries: TaxonomyEntry[], id: string | undefined): string {
	if (!id || id === OTHER) return 'Other';
	return entries.find(entry => entry.id === id)?.name ?? 'Other';
}

/** Where an article is filed: its sectors and editions as taxonomy ids (OTHER for none known). */
export type Filing = {
	sectors: string[];
	editions: string[];
	/** True when no source stated a sector devnews knows, and `sectors` is the one its link's label names: a guess, shown as one. */
	sectorsGuessed: boolean;
};

/**
 * What an article's sectors and editions are, as taxonomy ids: each value
 * it gives that the taxonomy knows (by id, name or alias), in order, once.
 * With no sector stated, the one its link's label names is a guess (no
 * code of the site ties a label to a sector: the admin form chooses them
 * apart), filed under that sector so that browsing by sector finds it, and
 * marked as guessed. None known: OTHER.
 */
export function fileArticle(taxonomy: Taxonomy, article: {sectors: string[]; editions: string[]; label?: string}): Filing {
	const known = (values: Array<string | undefined>) => [...new Set(values.filter((value): value is string => value !== undefined))];
	// A sector given as a label (as devnews stored links' labels before it knew them apart) counts where it names one.
	const sectors = known(article.sectors.map(value => resolveSector(taxonomy, value) ?? sectorOfLabel(taxonomy, value)));
	const editions = known(article.editions.map(value => resolveEdition(taxonomy, value)));
	const guessed = sectors.length === 0 ? sectorOfLabel(taxonomy, article.label) : undefined;
	return {
		sectors: sectors.length > 0 ? sectors : guessed ? [guessed] : [OTHER],
		editions: editions.length > 0 ? editions : [OTHER],
		sectorsGuessed: guessed !== undefined,
	};
}
