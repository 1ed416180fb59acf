// What the library keeps when an article it holds arrives again. A feed
// re-sends its items on every refresh, mostly as summaries: a story the
// library already holds in full (shipped in data/, or fetched from its page
// for offline reading) must not fall back to a summary because of that,
// nor a clean story to a read of it garbled by a wrong charset.
import type {Article} from '../core/article.js';
import {isGarbled} from '../core/garbled-text.js';

export type Stored = {article: Article; origin: string};

/**
 * A summary seen again, from a source that states less of it: what another
 * source stated stays until one states otherwise (the sitemap's
 * publication time and label, when a JSON listing that has neither lists
 * the story; a listing's sector, when another listing names none).
 */
function withStatedFacts(kept: Article, incoming: Article): Article {
	return {
		...incoming,
		createdAt: incoming.createdAt ?? kept.createdAt,
		updatedAt: incoming.updatedAt ?? kept.updatedAt,
		listedAt: incoming.listedAt ?? kept.listedAt,
		label: incoming.label ?? kept.label,
		sectors: incoming.sectors.length > 0 ? incoming.sectors : kept.sectors,
	};
}

/**
 * The article to store when `incoming` (from `origin`) meets `existing`:
 * the incoming one, except that a summary-only item never replaces a story
 * held in full; then the full story stays, with its origin, and takes only
 * the fields it lacked. A full story garbled by a wrong charset does not
 * replace a clean one (a garbled one it does: a page read again, now in
 * its own charset).
 */
export function mergeArticle(existing: Stored | undefined, incoming: Article, origin: string): Stored {
	if (existing?.article.kind === 'full' && incoming.kind === 'full' && isGarbled(incoming) && !isGarbled(existing.article)) return existing;
	if (!existing || incoming.kind === 'full') return {article: incoming, origin};
	if (existing.article.kind !== 'full') return {article: withStatedFacts(existing.article, incoming), origin};
	const kept = existing.article;
	const lacking = Object.entries(incoming).filter(([key, value]) => value !== undefined && kept[key as keyof Article] === undefined);
	return {
		origin: existing.origin,
		article: {
			...kept,
			...Object.fromEntries(lacking),
			countries: kept.countries.length > 0 ? kept.countries : incoming.countries,
		},
	};
}
