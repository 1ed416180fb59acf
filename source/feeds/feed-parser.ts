// Reads feeds into articles on a worker thread, so parsing (the larger part
// of a refresh's work, after writing to the library) runs beside the
// library's writes on another core, and never holds up the browser's keys.
// The worker is this same module, started again: in the bundle it is the
// chunk this code lands in, under tsx the source file.
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads';
import type {Article} from '../core/article.js';
import type {Taxonomy} from '../core/taxonomy.js';
import type {Feed} from './feed-list.js';
import {FeedError, parseFeed, type ParsedFeed} from './parse-feed.js';
import {looksLikeJson, parseSiteListing} from './site-api.js';
import {toArticle} from './to-article.js';

/**
 * A feed's text (a feed, a news sitemap, or one of the site's JSON
 * listings) as library articles, the sectors and editions its items'
 * categories name read by `taxonomy`; FeedError when it is none of them.
 */
export function feedArticles(text: string, feed: Feed, taxonomy: Taxonomy): Article[] {
	return readFeed(text, feed.url).items.flatMap(item => toArticle(item, feed, taxonomy) ?? []);
}

/** Any document devnews reads items from, parsed: one of the site's JSON listings, or an XML feed or sitemap. */
export function readFeed(text: string, url: string): ParsedFeed {
	return looksLikeJson(text) ? parseSiteListing(text, url) : parseFeed(text);
}

type Request = {id: number; text: string; feed: Feed};
type Reply = {id: number; articles: Article[]} | {id: number; error: string};

/** What the worker is started with: the taxonomy its items' categories are read by, sent once for every feed of a refresh. */
type Start = {taxonomy: Taxonomy};

if (!isMainThread && parentPort) {
	const port = parentPort;
	const {taxonomy} = workerData as Start;
	port.on('message', ({id, text, feed}: Request) => {
		try {
			port.postMessage({id, articles: feedArticles(text, feed, taxonomy)} satisfies Reply);
		} catch (error) {
			port.postMessage({id, error: (error as Error).message} satisfies Reply);
		}
	});
}

/** This module as a worker. Under tsx (the tests run the source) a worker does not inherit tsx's loader, so it is given one. */
function startWorker(start: Start): Worker {
	const self = new URL(import.meta.url);
	if (!self.pathname.endsWith('.ts')) return new Worker(self, {workerData: start});
	const tsx = import.meta.resolve('tsx/esm/api');
	return new Worker(`import(${JSON.stringify(tsx)}).then(({register}) => { register(); return import(${JSON.stringify(self.href)}); })`, {eval: true, workerData: start});
}

/** One worker for a refresh, reading categories by the library's taxonomy: parse() as many feeds as needed, then close(). */
export class FeedParser {
	private readonly worker: Worker;
	private readonly waiting = new Map<number, {resolve: (articles: Article[]) => void; reject: (error: Error) => void}>();
	private failure: FeedError | undefined;
	private next = 0;

	constructor(taxonomy: Taxonomy) {
		this.worker = startWorker({taxonomy});
		this.worker.on('message', (reply: Reply) => {
			const waiting = this.waiting.get(reply.id);
			this.waiting.delete(reply.id);
			if ('error' in reply) waiting?.reject(new FeedError(reply.error));
			else waiting?.resolve(reply.articles);
		});
		this.worker.on('error', error => {
			this.failure = new FeedError(`the feed reader stopped: ${error.message}`);
			for (const {reject} of this.waiting.values()) reject(this.failure);
			this.waiting.clear();
		});
	}

	async parse(text: string, feed: Feed): Promise<Article[]> {
		if (this.failure) throw this.failure;
		const id = this.next++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, {resolve, reject});
			this.worker.postMessage({id, text, feed} satisfies Request);
		});
	}

	async close(): Promise<void> {
		await this.worker.terminate();
	}
}
