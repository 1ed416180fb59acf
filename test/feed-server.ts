// A feed server for the tests, on 127.0.0.1 only: well-formed feeds in the
// three formats, and every way a feed can go wrong. Everything it serves is
// written here, by the tests, and labelled synthetic.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Article} from '../source/core/article.js';
import {ROOT} from './helpers.js';

export type FixtureItem = {id: string; title: string; summary?: string; content?: string; link?: string; date?: string; categories?: string[]};

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function rss2(items: FixtureItem[], title = 'Synthetic RSS 2.0 feed'): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(title)}</title>
${items
	.map(
		item => `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link ?? `https://example.com/news/${item.id}`)}</link><guid isPermaLink="false">${item.id}</guid>
<description>${escapeXml(item.summary ?? `Synthetic summary of ${item.title}.`)}</description>${item.content ? `<content:encoded><![CDATA[${item.content}]]></content:encoded>` : ''}
<pubDate>${new Date(item.date ?? '2026-01-02T03:04:05Z').toUTCString()}</pubDate>${(item.categories ?? []).map(category => `<category>${escapeXml(category)}</category>`).join('')}</item>`,
	)
	.join('\n')}
</channel></rss>`;
}

export function atom(items: FixtureItem[]): string {
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Synthetic Atom feed</title><id>urn:synthetic</id><updated>2026-01-02T03:04:05Z</updated>
${items
	.map(
		item => `<entry><id>urn:synthetic:${item.id}</id><title>${escapeXml(item.title)}</title><link rel="alternate" href="${escapeXml(item.link ?? `https://example.org/atom/${item.id}`)}"/>
<summary>${escapeXml(item.summary ?? `Synthetic summary of ${item.title}.`)}</summary><updated>${item.date ?? '2026-01-02T03:04:05Z'}</updated><author><name>Synthetic Desk</name></author>${(item.categories ?? []).map(category => `<category term="${escapeXml(category).replaceAll('"', '&quot;')}"/>`).join('')}</entry>`,
	)
	.join('\n')}
</feed>`;
}

export function rss1(items: FixtureItem[]): string {
	return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.net/"><title>Synthetic RSS 1.0 feed</title><link>https://example.net/</link><description>synthetic</description></channel>
${items
	.map(
		item => `<item rdf:about="${escapeXml(item.link ?? `https://example.net/rdf/${item.id}`)}"><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link ?? `https://example.net/rdf/${item.id}`)}</link>
<description>${escapeXml(item.summary ?? `Synthetic summary of ${item.title}.`)}</description><dc:date>${item.date ?? '2026-01-02T03:04:05Z'}</dc:date></item>`,
	)
	.join('\n')}
</rdf:RDF>`;
}

export function billionLaughs(): string {
	const levels = Array.from({length: 9}, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`).join('');
	return `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss version="2.0"><channel><title>bomb</title><item><title>&lol9;</title></item></channel></rss>`;
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export type FeedServer = {
	url: (route: string) => string;
	/** Requests seen per route, with the conditional headers they carried. */
	requests: Map<string, Array<{ifNoneMatch?: string; ifModifiedSince?: string}>>;
	route: (route: string, handler: Handler) => void;
	close: () => Promise<void>;
};

export async function startFeedServer(): Promise<FeedServer> {
	const routes = new Map<string, Handler>();
	const requests = new Map<string, Array<{ifNoneMatch?: string; ifModifiedSince?: string}>>();
	const server = http.createServer((request, response) => {
		const route = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
		requests.set(route, [
			...(requests.get(route) ?? []),
			{ifNoneMatch: request.headers['if-none-match'], ifModifiedSince: request.headers['if-modified-since']},
		]);
		const handler = routes.get(route);
		if (handler) {
			handler(request, response);
		} else {
			response.writeHead(404).end('not found');
		}
	});
	const sockets = new Set<import('node:net').Socket>();
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as import('node:net').AddressInfo;
	return {
		url: route => `http://127.0.0.1:${port}${route}`,
		requests,
		route: (route, handler) => routes.set(route, handler),
		close: async () => {
			// The hung responses never end by themselves.
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => {
				server.close(resolve);
			});
		},
	};
}

/** Serves `body` as XML; with an ETag and Last-Modified, answering 304 to a request that has them. */
export function serveXml(body: string | Buffer, options: {etag?: string; lastModified?: string; contentType?: string; gzip?: boolean} = {}): Handler {
	return (request, response) => {
		if (options.etag && request.headers['if-none-match'] === options.etag) {
			response.writeHead(304).end();
			return;
		}

		if (options.lastModified && !options.etag && request.headers['if-modified-since'] === options.lastModified) {
			response.writeHead(304).end();
			return;
		}

		const headers: http.OutgoingHttpHeaders = {'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8'};
		if (options.etag) headers['etag'] = options.etag;
		if (options.lastModified) headers['last-modified'] = options.lastModified;
		let payload = typeof body === 'string' ? Buffer.from(body) : body;
		if (options.gzip) {
			payload = gzipSync(payload);
			headers['content-encoding'] = 'gzip';
		}

		response.writeHead(200, headers).end(payload);
	};
}

/** A summary-only item of the feed at `source`, whose page is at `url`: what a story page is fetched for. */
export const summaryItem = (url: string | undefined, source: string): Article => ({
	id: 'synthetic-item',
	url,
	title: 'Synthetic item',
	summary: 'Only a summary.',
	countries: [],
	sectors: [],
	editions: [],
	body: [],
	kind: 'summary',
	source,
});

export const storyPage = (): string => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'story-page.html'), 'utf8');
