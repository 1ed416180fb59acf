// Reads feeds into articles on a worker thread, so parsing (the larger part
// of a refresh's work, after writing to the library) runs beside the
// library's writes on another core, and never holds up the browser's keys.
import type {Article} from '../core/article.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {endWorker, startWorker, workerFor} from '../threads.js';
import type {Feed} from './feed-list.js';
import {decode} from './http.js';
import {FeedError, parseFeed, type ParsedFeed} from './parse-feed.js';
import {looksLikeJson, parseSiteListing} from './site-api.js';
import {toArticle} from './to-article.js';

/** A feed read: its articles, and its own title where it gives one. */
export type ReadFeed = {title?: string; articles: Article[]};

/**
 * A feed's text (a feed, a news sitemap, or one of the site's JSON
 * listings) as library articles, the sectors and editions its items'
 * categories name read by `taxonomy`; FeedError when it is none of them.
 */
export function feedArticles(text: string, feed: Feed, taxonomy: Taxonomy): ReadFeed {
	const {title, items} = readFeed(text, feed.url);
	return {title, articles: items.flatMap(item => toArticle(item, feed, taxonomy) ?? [])};
}

/** Any document devnews reads items from, parsed: one of the site's JSON listings, or an XML feed or sitemap. */
export function readFeed(text: string, url: string): ParsedFeed {
	return looksLikeJson(text) ? parseSiteListing(text, url) : parseFeed(text);
}

/** A feed's body as it came (`bytes`, handed over, not copied) and its Content-Type, which may name its charset. */
type Request = {id: number; bytes: Uint8Array; contentType?: string; feed: Feed} | 'close';
/** A feed's articles come a chunk at a time, then its end (with its title), or one error before any chunk. */
type Reply = {id: number; articles: Article[]} | {id: number; end: true; title?: string} | {id: number; error: string};

const ROLE = 'feeds';

/**
 * Articles a chunk holds. A feed's are handed over and written a chunk at
 * a time, so neither thread holds all of a feed's articles, nor a copy of
 * them all in flight between the two.
 */
const CHUNK = 500;

/**
 * The worker's heap for its young objects, at most. A feed's parse makes
 * them in tens of megabytes, nearly all garbage at once; V8's default of
 * 48 MB kept that much resident for the refresh's length, for no speed.
 */
const YOUNG_GENERATION_MB = 8;

/** What the worker is started with: the taxonomy its items' categories are read by, sent once for every feed of a refresh. */
type Start = {taxonomy: Taxonomy};

const worker = workerFor<Start>(ROLE);
if (worker) {
	const {port, data} = worker;
	port.on('message', (request: Request) => {
		if (request === 'close') {
			port.close();
			return;
		}

		const {id, bytes, contentType, feed} = request;
		try {
			const {title, items} = readFeed(decode(bytes, contentType), feed.url);
			// toArticle takes any item (one it cannot use it leaves out): once parsed, a feed's chunks all come.
			for (let first = 0; first < items.length; first += CHUNK) {
				const articles = items.slice(first, first + CHUNK).flatMap(item => toArticle(item, feed, data.taxonomy) ?? []);
				if (articles.length > 0) port.postMessage({id, articles} satisfies Reply);
			}

			port.postMessage({id, end: true, title} satisfies Reply);
		} catch (error) {
			port.postMessage({id, error: (error as Error).message} satisfies Reply);
		}
	});
}

/** A feed being read: its chunks of articles as they come, then how it ended. */
type Reading = {chunks: Article[][]; end?: {title?: string} | {error: FeedError}; wake?: () => void};

/** One worker for a refresh, reading categories by the library's taxonomy: read() as many feeds as needed, then close(). */
export class FeedParser {
	private readonly worker: ReturnType<typeof startWorker>;
	private readonly reading = new Map<number, Reading>();
	private failure: FeedError | undefined;
	private next = 0;

	constructor(taxonomy: Taxonomy) {
		this.worker = startWorker(import.meta.url, ROLE, {taxonomy} satisfies Start, {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB});
		this.worker.on('message', (reply: Reply) => {
			const reading = this.reading.get(reply.id);
			if (!reading) return;
			if ('articles' in reply) reading.chunks.push(reply.articles);
			else reading.end = 'error' in reply ? {error: new FeedError(reply.error)} : {title: reply.title};
			reading.wake?.();
		});
		this.worker.on('error', error => {
			this.failure = new FeedError(`the feed reader stopped: ${error.message}`);
			for (const reading of this.reading.values()) {
				reading.end = {error: this.failure};
				reading.wake?.();
			}
		});
	}

	/**
	 * The feed's articles from its body (`bytes`, decoded by its charset
	 * on the worker), a chunk at a time as the worker makes them; its own
	 * title is what the generator returns. A document that is not a feed,
	 * or in no charset known, throws (a FeedError) before the first chunk.
	 * Left early, the rest of the feed's chunks are dropped as they come.
	 * The bytes are handed over, not copied: `bytes` is empty after.
	 */
	async *read(bytes: Uint8Array, contentType: string | undefined, feed: Feed): AsyncGenerator<Article[], string | undefined> {
		if (this.failure) throw this.failure;
		const id = this.next++;
		const reading: Reading = {chunks: []};
		this.reading.set(id, reading);
		try {
			// A buffer of its own moves to the worker; a view of a larger one (Node's shared pool) is copied.
			const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
			this.worker.postMessage({id, bytes: owned, contentType, feed} satisfies Request, [owned.buffer as ArrayBuffer]);
			for (;;) {
				const chunk = reading.chunks.shift();
				if (chunk) {
					yield chunk;
				} else if (reading.end) {
					if ('error' in reading.end) throw reading.end.error;
					return reading.end.title;
				} else {
					// eslint-disable-next-line no-await-in-loop -- the next chunk is waited for
					await new Promise<void>(resolve => {
						reading.wake = resolve;
					});
				}
			}
		} finally {
			this.reading.delete(id);
		}
	}

	async close(): Promise<void> {
		await endWorker(this.worker);
	}
}
