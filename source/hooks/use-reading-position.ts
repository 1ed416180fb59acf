// Remembers where the reader was in each story, in the library, so a story
// reopens where it was left, in this session or the next. Written when the
// story is left (or devnews quits), not on every scrolled line.
import {useEffect, useRef} from 'react';
import type {Library} from '../library/store.js';

export function useReadingPosition(library: Library, id: string | undefined, scroll: number, lineCount: number): void {
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
			if (total > 0) library.setPosition(id, last / total);
		};
	}, [id, library]);
}
