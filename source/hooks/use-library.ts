// The library as React state: the current view, which changes whenever the
// library does (a refresh, a read mark, a fetched story), so whatever reads
// through it draws again, and nothing else has to announce the change.
import {useEffect, useSyncExternalStore} from 'react';
import type {Library, LibraryView} from '../library/store.js';

export function useLibraryView(library: Library): LibraryView {
	return useSyncExternalStore(library.subscribe, library.view);
}

/**
 * Each repair of the library (library/repair.ts) said once, by `say` (the
 * status line); and, while the browser runs, the file checked for damage in
 * the background (check-worker.ts, loaded after the first screen).
 */
export function useRepairs(library: Library, say: (line: string) => void): void {
	useEffect(() => {
		let stop: (() => void) | undefined;
		let ended = false;
		void import('../library/check-worker.js').then(({checkInBackground}) => {
			if (!ended) stop = checkInBackground(library);
		});
		const unsubscribe = library.onRepaired(say);
		return () => {
			ended = true;
			stop?.();
			unsubscribe();
		};
	}, [library, say]);
}
