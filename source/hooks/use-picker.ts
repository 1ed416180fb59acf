// The open picker's entries, with the counts of what picking each would
// show under the rest of the list's filter: read when the picker opens and
// when the library changes, not on every frame.
import {useMemo} from 'react';
import {sourceEntries, taxonomyEntries, type PickerEntry} from '../core/pickers.js';
import type {Overlay, Picker} from '../core/state.js';
import type {Taxonomy} from '../core/taxonomy.js';
import type {Feed} from '../feeds/feed-list.js';
import type {Library, LibraryView, ListFilter} from '../library/store.js';

/** A picker's entries under `filter` (its own axis left out: it is what is picked). */
export function pickerEntries(library: Library, picker: Picker, filter: ListFilter, taxonomy: Taxonomy, feeds: Feed[]): PickerEntry[] {
	const counts = library.countsBy(picker, filter);
	const all = library.count({...filter, [picker]: undefined});
	if (picker === 'source') return sourceEntries(feeds, counts, all);
	return taxonomyEntries(picker === 'sector' ? taxonomy.sectors : taxonomy.editions, counts, all);
}

export function usePickerEntries(view: LibraryView, overlay: Overlay, filter: ListFilter, taxonomy: Taxonomy, feeds: Feed[]): PickerEntry[] | undefined {
	return useMemo(
		() => (overlay === 'sector' || overlay === 'edition' || overlay === 'source' ? pickerEntries(view.library, overlay, filter, taxonomy, feeds) : undefined),
		[view, overlay, filter, taxonomy, feeds],
	);
}
