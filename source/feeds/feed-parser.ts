// Reads feeds into articles on a worker thread, so parsing (the larger part
// of a refresh's work, after writing to the library) runs beside the
// library's writes on another core, and never holds up the browser's keys.
// The same thread copies the library's write-ahead log into the database
// while the refresh writes (a checkpoint, which held the main thread for
// 100 to 150 ms at a time when the writes did it; see
// Library.checkpointsHere). The worker is this same module, started again:
// in the bundle it is the chunk this code lands in, under tsx the source file.
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads';
import Database from 'better-sqlite3';
import type {Article} from '../core/article.js';
import type {Taxonomy} from '../core/taxonomy.js';
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

/**
 * What the worker is started with: the taxonomy its items' categories are
 * read by (sent once for every feed of a refresh), and the library's file
 * to copy the log of, if any.
 */
type Start = {taxonomy: Taxonomy; library?: string};

/** How often the worker copies the log into the database while a refresh writes. */
const CHECKPOINT_MS = 200;

/** The library's file opened for checkpoints; undefined for none, or one that cannot be opened (parsing goes on without). */
function openLibrary(file: string | undefined): Database.Database | undefined {
	try {
		return file === undefined ? undefined : new Database(file, {fileMustExist: true});
	} catch {
		return undefined;
	}
}

if (!isMainThread && parentPort) {
	const port = parentPort;
	const {taxonomy, library} = workerData as Start;
	const db = openLibrary(library);
	const checkpoints =
		db &&
		setInterval(() => {
			try {
				// PASSIVE: as much as can be done without waiting for a reader or a writer.
				db.pragma('wal_checkpoint(PASSIVE)');
			} catch {
				// Only a help: what is not copied now, the writes' own checkpoints copy after the refresh.
			}
		}, CHECKPOINT_MS);
	port.on('message', (request: Request) => {
		if (request === 'close') {
			clearInterval(checkpoints);
			db?.close();
			port.close();
			return;
		}

		const {id, text, feed} = request;
		try {
			port.postMessage({id, ...feedArticles(text, feed, taxonomy)} satisfies Reply);
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

/** How long close() waits for the worker to finish a checkpoint and end, before it is stopped. */
const CLOSE_WAIT_MS = 2000;

/**
 * One worker for a refresh, reading categories by the library's taxonomy:
 * parse() as many feeds as needed, then close(). Given the library's file,
 * it copies the library's log into it meanwhile.
 */
export class FeedParser {
	private readonly worker: Worker;
	private readonly waiting = new Map<number, {resolve: (read: ReadFeed) => void; reject: (error: Error) => void}>();
	private failure: FeedError | undefined;
	private next = 0;

	constructor(taxonomy: Taxonomy, library?: string) {
		this.worker = startWorker({taxonomy, library});
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
		const ended = new Promise(resolve => {
			this.worker.once('exit', resolve);
		});
		this.worker.postMessage('close' satisfies Request);
		const timer = setTimeout(() => void this.worker.terminate(), CLOSE_WAIT_MS);
		await ended;
		clearTimeout(timer);
	}
}
