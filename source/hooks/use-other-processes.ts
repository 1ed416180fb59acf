// Another devnews on the same library and config (a second browser,
// devnews fetch or prune from a script) changes what this one shows: its
// refresh adds and prunes stories, its reader marks them read, its ★ adds
// bookmarks. The browser follows within about a second, never by reading
// anything again on every frame: once a second it asks the library one
// cheap question (has another connection written? SQLite's data_version),
// and the config file is watched, so the list, its counts, the open story
// and the ★ marks are read again only when something did change. The
// selection stays on its story, as when a refresh of its own lands (use-list).
import {useEffect} from 'react';
import type {ConfigFile} from '../config/config-file.js';
import type {Library} from '../library/store.js';

/** How often the library is asked whether another process wrote to it. */
export const FOLLOW_INTERVAL_MS = 1000;

export function useOtherProcesses(library: Library, config: ConfigFile, configChanged: () => void, failed: (error: Error) => void): void {
	useEffect(() => {
		const timer = setInterval(() => {
			try {
				library.followOthers();
			} catch (error) {
				// A damaged file is repaired (the repair says what it did on the status line), and followed on.
				if (library.repairAfter(error)) return;
				// Said once: a library that cannot answer now (gone, unreadable) shows it when next read.
				clearInterval(timer);
				failed(error as Error);
			}
		}, FOLLOW_INTERVAL_MS);
		timer.unref();
		return () => clearInterval(timer);
	}, [library, failed]);

	useEffect(() => config.watch(configChanged), [config, configChanged]);
}
