// Reads feeds into articles on a worker thread, so parsing (the larger part
// of a refresh's work, after writing to the library) runs beside the
// library's writes on another core, and never holds up the browser's keys.
import type {Article} from '../core/article.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {endWorker, startWorker, workerFor} from '../threads.js';
import type {Feed} from './feed-list.js';
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

type Request = {id: number; text: string; feed: Feed} | 'close';
type Reply = ({id: number} & ReadFeed) | {id: number; error: string};

const ROLE = 'feeds';

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

		const {id, text, feed} = request;
		try {
			port.postMessage({id, ...feedArticles(text, feed, data.taxonomy)} satisfies Reply);
		} catch (error) {
			port.postMessage({id, error: (error as Error).message} satisfies Reply);
		}
	});
}

/** One worker for a refresh, reading categories by the library's taxonomy: parse() as many feeds as needed, then close(). */
export class FeedParser {
	private readonly worker: ReturnType<typeof startWorker>;
	private readonly waiting = new Map<number, {resolve: (read: ReadFeed) => void; reject: (error: Error) => void}>();
	private failure: FeedError | undefined;
	private next = 0;

	constructor(taxonomy: Taxonomy) {
		this.worker = startWorker(import.meta.url, ROLE, {taxonomy} satisfies Start);
		this.worker.on('message', (reply: Reply) => {
			const waiting = this.waiting.get(reply.id);
			this.waiting.delete(reply.id);
			if ('error' in reply) waiting?.reject(new FeedError(reply.error));
			else waiting?.resolve({title: reply.title, articles: reply.articles});
		});
		this.worker.on('error', error => {
			this.failure = new FeedError(`the feed reader stopped: ${error.message}`);
			for (const {reject} of this.waiting.values()) reject(this.failure);
			this.waiting.clear();
		});
	}

	async parse(text: string, feed: Feed): Promise<ReadFeed> {
		if (this.failure) throw this.failure;
		const id = this.next++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, {resolve, reject});
			this.worker.postMessage({id, text, feed} satisfies Request);
		});
	}

	async close(): Promise<void> {
		await endWorker(this.worker);
	}
}
