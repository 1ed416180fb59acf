// Synthetic articles served as RSS 2.0 from 127.0.0.1, for the ingest
// measurement and for loading newsboat with the same items devnews holds.
// Each feed's XML is made when it is asked for, so a hundred thousand items
// never sit in memory at once.
import {syntheticArticle} from './synthetic.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from '../test/feed-server.js';
import type {Taxonomy} from '../source/core/article.js';

export type SyntheticFeeds = {server: FeedServer; urls: string[]; feedTitle: (feed: number) => string};

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** `feeds` feeds of `perFeed` items each, holding synthetic articles from number `first` on. */
export async function serveSyntheticFeeds(taxonomy: Taxonomy, feeds: number, perFeed: number, first = 0): Promise<SyntheticFeeds> {
	const server = await startFeedServer();
	const feedTitle = (feed: number) => `Synthetic feed ${feed + 1}`;
	const urls: string[] = [];
	for (let feed = 0; feed < feeds; feed++) {
		const route = `/synthetic-${first}-${feed}.xml`;
		server.route(route, (request, response) => {
			const items = Array.from({length: perFeed}, (_, index) => {
				const article = syntheticArticle(first + feed * perFeed + index, taxonomy);
				return {
					id: article.id,
					title: article.title,
					summary: article.summary,
					content: article.body.map(paragraph => `<p>${escapeHtml(paragraph)}</p>`).join(''),
					link: article.url,
					date: article.createdAt,
				};
			});
			serveXml(rss2(items, feedTitle(feed)), {etag: `"${route}"`})(request, response);
		});
		urls.push(server.url(route));
	}

	return {server, urls, feedTitle};
}
