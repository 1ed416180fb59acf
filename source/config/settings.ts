// Settings a person may put in config.json beside their bookmarks and
// feeds. Each is read with its default, and a value that makes no sense is
// named in one line and the default used, never silently.
import type {Library} from '../library/store.js';
import type {ConfigFile} from './config-file.js';

/** How long fetched news is kept: a year, unless `keepDays` says otherwise. */
const DEFAULT_KEEP_DAYS = 365;

export function keepDays(config: ConfigFile): {days: number; warning?: string} {
	const value = config.get('keepDays');
	if (value === undefined) return {days: DEFAULT_KEEP_DAYS};
	if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return {days: value};
	return {days: DEFAULT_KEEP_DAYS, warning: `${config.file}: keepDays: expected a number of days of at least 1, not ${JSON.stringify(value)}; keeping ${DEFAULT_KEEP_DAYS} days.`};
}

/**
 * Removes news older than the kept days (bookmarks stay): what `devnews
 * prune` and every refresh do. How many went, the days, and the warning
 * about a keepDays that makes no sense, for the caller to show.
 */
export function pruneOld(library: Library, config: ConfigFile, bookmarked: Set<string>): {removed: number; days: number; warning?: string} {
	const {days, warning} = keepDays(config);
	return {removed: library.prune(days, bookmarked), days, warning};
}
