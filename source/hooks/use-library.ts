// The library as React state: the current view, which changes whenever the
// library does (a refresh, a read mark, a fetched story), so whatever reads
// through it draws again, and nothing else has to announce the change.
import {useSyncExternalStore} from 'react';
import type {Library, LibraryView} from '../library/store.js';

export function useLibraryView(library: Library): LibraryView {
	return useSyncExternalStore(library.subscribe, library.view);
}
