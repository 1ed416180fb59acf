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

/**
 * What the entities an XML document declares itself may come to: how many
 * it declares, how often they are used, and how many characters their uses
 * add. Past these it is taken for an entity-expansion bomb and refused,
 * whichever reader reads it (feeds: xml-events.ts; OPML: xml-validation.ts).
 */
export const ENTITY_BOUNDS = {declarations: 20, uses: 10_000, addedLength: 1_000_000};
