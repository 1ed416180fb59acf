// What the screen says about the list it shows, in words: where you are
// (the header), how it is read (unread only, the order), what to do when
// it is empty, and the pickers' and the help's titles. Every key these
// name is the user's own, so every hint does what it says.
import type {KeyNames} from './bindings.js';
import {formatCount} from './numbers.js';
import {sourceTitle, type Source} from './pickers.js';
import {SORT_NAMES} from './sort.js';
import type {Overlay, State} from './state.js';
import {taxonomyName, type Taxonomy} from './taxonomy.js';

/** The sector, edition and source the list is filtered by, in the site's words (none: empty). */
function filters(state: State, taxonomy: Taxonomy, sources: Source[]): string[] {
	return [
		state.source === undefined ? undefined : sourceTitle(state.source, sources),
		state.sector === undefined ? undefined : taxonomyName(taxonomy.sectors, state.sector),
		state.edition === undefined ? undefined : taxonomyName(taxonomy.editions, state.edition),
	].filter((name): name is string => name !== undefined);
}

/** The header's place: "Bookmarks", "Politics · All editions", a source's title, or "All sectors · All editions". */
export function listPlace(state: State, taxonomy: Taxonomy, sources: Source[]): string {
	if (state.mode === 'bookmarks') return 'Bookmarks';
	if (state.source !== undefined) return filters(state, taxonomy, sources).join(' · ');
	return `${state.sector === undefined ? 'All sectors' : taxonomyName(taxonomy.sectors, state.sector)} · ${state.edition === undefined ? 'All editions' : taxonomyName(taxonomy.editions, state.edition)}`;
}

/** How the list is read when not as usual: "unread only", "oldest first". */
export function listFlags(state: State): string[] {
	return [state.unreadOnly ? 'unread only' : undefined, state.sort === 'newest' || state.mode === 'bookmarks' ? undefined : SORT_NAMES[state.sort]].filter((flag): flag is string => flag !== undefined);
}

/** "n do this": a hint, when the user has a key for it. */
const hint = (key: string | undefined, words: string) => (key ? `${key} ${words}` : undefined);

/** What an empty list says: why it is empty, and the keys that show more (each does what it says: keymap.ts, commands.ts). */
export function emptyListHint(state: State, taxonomy: Taxonomy, sources: Source[]): string {
	const {keys} = state;
	const joined = (hints: Array<string | undefined>) => hints.filter(Boolean).join(', ');
	if (state.mode === 'bookmarks') {
		const why = state.unreadOnly ? 'No unread bookmarks' : 'No bookmarks yet';
		return `${why} — ${joined([state.unreadOnly ? hint(keys.unreadOnly, 'shows all') : undefined, hint(keys.bookmark, 'on a story keeps it here'), hint(keys.back, 'goes back')])}.`;
	}

	const within = filters(state, taxonomy, sources);
	const where = within.length > 0 ? ` in ${within.join(' · ')}` : '';
	// While the search is typed, only search mode's keys act: the rest are typed into it.
	if (state.query) return `No stories match “${state.query}”${where} — ${joined([hint(state.filtering ? keys.filterCancel : keys.back, 'clears the search')])}.`;
	const what = state.unreadOnly ? 'No unread stories' : 'No stories';
	const next = joined([
		state.unreadOnly ? hint(keys.unreadOnly, 'shows read ones too') : undefined,
		within.length > 0 ? hint(keys.back, 'clears the filters') : undefined,
		hint([keys.sectorPicker, keys.editionPicker, keys.sourcePicker].filter(Boolean).join(' / ') || undefined, 'picks another'),
		state.unreadOnly || within.length > 0 ? undefined : hint(keys.refreshAll ?? keys.refresh, 'fetches the news'),
	]);
	return `${what}${where}${next ? ` — ${next}` : ''}.`;
}

/**
 * What n or N says when the view holds no unread story beyond the one it
 * starts from: how many unread the other views hold, and in the list the
 * key that shows them (in the reader it goes back to the list first).
 */
export function noUnreadHere(state: State, backwards: boolean, elsewhere: number): string {
	const none = `No ${backwards ? 'earlier ' : ''}unread stories in this view`;
	if (elsewhere <= 0) return `${none}.`;
	const {keys} = state;
	const how = state.reader ? undefined : hint(keys.back, state.mode === 'bookmarks' ? 'goes back' : state.query ? 'clears the search' : 'clears the filters');
	return `${none}; ${formatCount(elsewhere)} elsewhere${how ? ` — ${how}` : ''}.`;
}

/** What the sort key says in the bookmarks view, whose order it does not change. */
export function bookmarksOrder(keys: KeyNames): string {
	return `Bookmarks stay newest first${keys.sort ? `; ${keys.sort} orders the stories` : ''}.`;
}

const PICKED: Record<Exclude<Overlay, 'none' | 'help'>, string> = {sector: 'Sector', edition: 'Edition', source: 'Source'};

/** "Sector — Enter picks, Esc cancels". */
export function pickerTitle(overlay: Overlay, keys: KeyNames): string {
	const name = overlay === 'none' || overlay === 'help' ? '' : PICKED[overlay];
	const hints = [hint(keys.open, 'picks'), hint(keys.back, 'cancels')].filter(Boolean).join(', ');
	return hints ? `${name} — ${hints}` : name;
}

/** "Keys (↑ ↓ scroll, other keys close)". */
export function helpTitle(keys: KeyNames): string {
	const scroll = [keys.up, keys.down].filter(Boolean).join(' ');
	return `Keys (${scroll ? `${scroll} scroll, other keys close` : 'any key closes'})`;
}

/** Keys a screen reader would read as punctuation, in words. */
const SPOKEN: Record<string, string> = {'?': 'question mark', '/': 'slash', '.': 'full stop', ',': 'comma'};

/** What a screen reader hears for the footer: "Press question mark for the keys." */
export function spokenHelp(keys: KeyNames): string {
	return keys.help ? `Press ${SPOKEN[keys.help] ?? keys.help} for the keys.` : 'devnews --help lists the keys.';
}
