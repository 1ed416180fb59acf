// Where devnews keeps its files. env-paths follows XDG_CONFIG_HOME and
// XDG_CACHE_HOME on Linux (and the platform's folders elsewhere), so tests
// and users can point both at other folders.
import envPaths from 'env-paths';

const paths = () => envPaths('devnews', {suffix: ''});

/** Bookmarks and settings (conf's config.json). */
export const configDir = (): string => paths().config;

/** The article library (SQLite), rebuilt from data/ and feeds when lost. */
export const cacheDir = (): string => paths().cache;
