// --sector and --edition: an id, a display name or an alias, in any case
// ("business", "Economy & Business", "south asia"). A word the taxonomy
// does not know gets one line that says what it is not, and lists what
// there is.
import {isLabel, OTHER, resolveEdition, resolveSector, type Taxonomy, type TaxonomyEntry} from '../core/taxonomy.js';
import {UsageError} from './context.js';

const listed = (entries: TaxonomyEntry[]) => entries.map(entry => `${entry.name} (${entry.id})`).join(', ');

/** The taxonomy id a flag names; `extra` values (like from-link) pass as they are. */
export function resolveFlag(kind: 'sector' | 'edition', value: string | undefined, taxonomy: Taxonomy, extra: string[] = []): string | undefined {
	if (value === undefined) return undefined;
	const wanted = value.trim().toLowerCase();
	if (wanted === OTHER || extra.includes(wanted)) return wanted;
	const id = kind === 'sector' ? resolveSector(taxonomy, value) : resolveEdition(taxonomy, value);
	if (id) return id;
	if (kind === 'sector') {
		const label = isLabel(taxonomy, wanted) ? ` "${value}" is a label Devdiscourse puts in article links, not a sector.` : '';
		throw new UsageError(`Unknown sector "${value}".${label} Sectors: ${listed(taxonomy.sectors)}; or ${OTHER}.`);
	}

	throw new UsageError(
		`Unknown edition "${value}". Devdiscourse's editions are regions: ${listed(taxonomy.editions)}; or ${OTHER}. A country is not an edition: devnews search ${JSON.stringify(value)} finds its stories.`,
	);
}
