// Synthetic articles served as RSS 2.0 from 127.0.0.1, for the ingest
// measurement and for loading newsboat with the same items devnews holds.
// Each feed's XML is made when it is asked for, so a hundred thousand items
// never sit in memory at once.
import {CORPUS_END, syntheticArticle} from './synthetic.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from '../test/feed-server.js';
import type {Taxonomy} from '../source/core/taxonomy.js';

export type SyntheticFeeds = {server: FeedServer; urls: string[]; feedTitle: (feed: number) => string};

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export type FeedOptions = {
	feeds: number;
	perFeed: number;
	/** The number of the first synthetic article served. */
	first?: number;
	/** Whether items carry the whole story (content:encoded), or only a summary as most news feeds do. */
	fullText: boolean;
	/**
	 * Make every feed's XML before serving, so a measurement of the client
	 * is not a measurement of this server; else each is made when asked for.
	 */
	ready?: boolean;
	/**
	 * Date the items after the library's newest, a second apart, as a
	 * refresh brings news newer than what is held; else the articles' own
	 * dates, spread over two years.
	 */
	fresh?: boolean;
	/** Cut each title at a word to at most this many characters (short headlines); else whole, 60 to 120. */
	titleLength?: number;
};

/** `title` cut at a word to at most `length` characters. */
function shortened(title: string, length: number): string {
	if (title.length <= length) return title;
	const space = title.lastIndexOf(' ', length);
	return title.slice(0, space > 0 ? space : length);
}

/** Feeds of synthetic articles, as RSS 2.0 items with a title, link, guid, date and summary. */
export async function serveSyntheticFeeds(taxonomy: Taxonomy, {feeds, perFeed, first = 0, fullText, ready = false, fresh = false, titleLength}: FeedOptions): Promise<SyntheticFeeds> {
	const server = await startFeedServer();
	const feedTitle = (feed: number) => `Synthetic feed ${feed + 1}`;
	const urls: string[] = [];
	for (let feed = 0; feed < feeds; feed++) {
		const route = `/synthetic-${first}-${feed}.xml`;
		const xml = () => {
			const items = Array.from({length: perFeed}, (_, index) => {
				const number = first + feed * perFeed + index;
				const article = syntheticArticle(number, taxonomy, feeds * perFeed);
				return {
					id: article.id,
					title: titleLength === undefined ? article.title : shortened(article.title, titleLength),
					summary: article.summary,
					content: fullText ? article.body.map(paragraph => `<p>${escapeHtml(paragraph)}</p>`).join('') : undefined,
					link: article.url,
					date: fresh ? new Date(CORPUS_END + (number - first) * 1000).toISOString() : article.createdAt,
				};
			});
			return rss2(items, feedTitle(feed));
		};

		const made = ready ? xml() : undefined;
		server.route(route, (request, response) => {
			serveXml(made ?? xml(), {etag: `"${route}"`})(request, response);
		});
		urls.push(server.url(route));
	}

	return {server, urls, feedTitle};
}
