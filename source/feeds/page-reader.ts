// Fetches and reads story pages for the background completion on a worker
// thread (fetchFullStory, as a story opened in the reader is fetched):
// reading a page, its HTML parsed and its story found, holds a core for
// tens of milliseconds, which on the main thread would hold up the
// browser's keys. A stop ends the thread, and the pages under way with it.
import type {Article} from '../core/article.js';
import {endWorker, startWorker, workerFor} from '../threads.js';
import {FetchError, type FetchFailure} from './http.js';
import type {FetchLimits} from './limits.js';

type Request = {id: number; article: Article; limits: FetchLimits} | 'close';
type Reply = {id: number; full: Article} | {id: number; error: string; failure: FetchFailure; retryAfter?: string};

const ROLE = 'pages';

const worker = workerFor<undefined>(ROLE);
if (worker) {
	const {port} = worker;
	port.on('message', (request: Request) => {
		if (request === 'close') {
			port.close();
			return;
		}

		const {id, article, limits} = request;
		void import('./full-story.js')
			.then(async ({fetchFullStory}) => fetchFullStory(article, limits))
			.then(
				full => port.postMessage({id, full} satisfies Reply),
				(error: unknown) => {
					const known = error instanceof FetchError ? error : undefined;
					port.postMessage({id, error: (error as Error).message, failure: known?.failure ?? 'other', retryAfter: known?.retryAfter} satisfies Reply);
				},
			);
	});
}

/** One worker for a completion: read() as many pages as needed, then close(), or stop() to cut them off. */
export class PageReader {
	private readonly worker = startWorker(import.meta.url, ROLE, undefined);
	private readonly waiting = new Map<number, {resolve: (full: Article) => void; reject: (error: Error) => void}>();
	private failure: Error | undefined;
	private next = 0;

	constructor() {
		this.worker.on('message', (reply: Reply) => {
			const waiting = this.waiting.get(reply.id);
			this.waiting.delete(reply.id);
			if ('error' in reply) waiting?.reject(new FetchError(reply.error, reply.failure, reply.retryAfter));
			else waiting?.resolve(reply.full);
		});
		this.worker.on('error', error => this.fail(new FetchError(`the page reader stopped: ${error.message}`)));
	}

	/** The article completed from its page (fetchFullStory's answer), or its FetchError. */
	async read(article: Article, limits: FetchLimits): Promise<Article> {
		if (this.failure) throw this.failure;
		const id = this.next++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, {resolve, reject});
			this.worker.postMessage({id, article, limits} satisfies Request);
		});
	}

	async close(): Promise<void> {
		await endWorker(this.worker);
	}

	/** Ends the thread now: the pages under way are not waited for. */
	async stop(): Promise<void> {
		this.fail(new FetchError('stopped'));
		await this.worker.terminate();
	}

	private fail(error: Error): void {
		this.failure = error;
		for (const {reject} of this.waiting.values()) reject(error);
		this.waiting.clear();
	}
}
