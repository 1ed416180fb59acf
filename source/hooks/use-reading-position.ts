// Remembers where the reader was in each story, in the library, so a story
// reopens where it was left, in this session or the next. Written when the
// story is left (or devnews quits), not on every scrolled line.
import {useEffect, useRef} from 'react';
import type {Library} from '../library/store.js';

export function useReadingPosition(library: Library, id: string | undefined, scroll: number, lineCount: number): void {
	const latest = useRef({scroll, lineCount});
	latest.current = {scroll, lineCount};
	useEffect(() => {
		if (!id) return;
		return () => {
			const {scroll: last, lineCount: total} = latest.current;
			if (total > 0) library.setPosition(id, last / total);
		};
	}, [id, library]);
}
