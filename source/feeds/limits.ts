// The limits every feed and page fetch runs within, apart from the code
// that fetches, so the command line can read the defaults without loading
// the fetching and parsing code it may never run.

export type FetchLimits = {
	timeoutMs: number;
	maxBytes: number;
	maxRedirects: number;
};

export const DEFAULT_LIMITS: FetchLimits = {timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5};

export type RefreshOptions = FetchLimits & {concurrency: number};

export const DEFAULT_REFRESH: RefreshOptions = {...DEFAULT_LIMITS, concurrency: 4};
