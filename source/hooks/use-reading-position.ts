// Remembers where the reader was in each story, in the library, so a story
// reopens where it was left, in this session or the next. Written when the
// story is left (or devnews quits), not on every scrolled line.
import {useEffect, useRef} from 'react';
import type {Library} from '../library/store.js';

/** `onError` hears of a place that could not be saved (a locked or full library); reading goes on. */
export function useReadingPosition(library: Library, id: string | undefined, scroll: number, lineCount: number, onError: (error: Error) => void): void {
	// The last place seen while the story was open: by the time the cleanup
	// runs, the render that closed the story has no scroll or lines any more.
	// (A commit's cleanups run before its effects, so this still holds the
	// open story's place when the story closes.)
	const latest = useRef({scroll, lineCount});
	useEffect(() => {
		if (id) latest.current = {scroll, lineCount};
	});
	useEffect(() => {
		if (!id) return;
		return () => {
			const {scroll: last, lineCount: total} = latest.current;
			try {
				if (total > 0) library.setPosition(id, last / total);
			} catch (error) {
				onError(error as Error);
			}
		};
	}, [id, library, onError]);
}
