// Sources beside RSS and Atom, as the site's code serves them: the Google
// News sitemap (/RSS/GoogleNews), the JSON listings its pages call, and the
// feed links a page names for autodiscovery. Fixtures in test/fixtures/devdiscourse.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {feedLinks} from '../source/feeds/discover.js';
import {feedArticles} from '../source/feeds/feed-parser.js';
import {listingPlace, sectorListingUrl} from '../source/feeds/site-api.js';
import {fileArticle} from '../source/core/taxonomy.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {ROOT, SHIPPED_DATA} from './helpers.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'devdiscourse');
const HOST = 'https://www.devdiscourse.com';
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll('HOST', HOST);
const {taxonomy} = loadTaxonomy(SHIPPED_DATA);

test('the Google News sitemap: link, title, publication time, keywords; the label names the sector where labels.json says so', () => {
	const feed = {url: `${HOST}/RSS/GoogleNews`};
	const articles = feedArticles(fixture('google-news-sitemap.xml'), feed, taxonomy).articles;
	assert.deepEqual(
		articles.map(article => article.id),
		['9000010', '3710216', '9000011'],
		"the site's own feed: ids are the articles' numbers",
	);
	const [grid, leaked, markets] = articles;
	assert.equal(leaked?.title, 'Leaked Call Sparks Controversy Over US-Russia Ukraine Peace Talks');
	assert.equal(leaked?.url, `${HOST}/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks`);
	assert.equal(leaked?.createdAt, '2025-11-26T06:26:00.000Z');
	assert.equal(leaked?.label, 'politics');
	assert.deepEqual(fileArticle(taxonomy, leaked!).sectors, ['politics']);
	assert.equal(markets?.title, 'Synthetic test article: Markets & M&A outlook for "emerging" economies');
	assert.deepEqual(markets?.tags, ['markets', 'M&A', 'synthetic test']);
	assert.deepEqual(fileArticle(taxonomy, markets!).sectors, ['economy-business'], 'the "business" label names Economy & Business');
	assert.deepEqual(fileArticle(taxonomy, grid!).sectors, ['other'], '"agency-wire" names no sector');
	assert.ok(articles.every(article => article.kind === 'headline'), 'a sitemap has no story text: fetched from the page when opened');
});

test('the JSON listing per sector × edition: summary, label, countries, the listing\'s sector and edition; PascalCase from the cache too', () => {
	const url = sectorListingUrl(HOST, 19, 'Global Edition');
	assert.equal(url, `${HOST}/api/Search/GetSectorNews/19/Global%20Edition/1`);
	assert.deepEqual(listingPlace(url), {sector: '19', edition: 'Global Edition'});
	const articles = feedArticles(fixture('api-GetSectorNews.json'), {url}, taxonomy).articles;
	assert.deepEqual(
		articles.map(article => article.id),
		['3710216', '9000020', '9000021'],
	);
	const leaked = articles[0]!;
	assert.equal(leaked.summary?.startsWith('A leaked phone conversation'), true);
	assert.equal(leaked.createdAt, '2025-11-26T06:26:41.473Z', 'the site writes UTC without a zone');
	assert.deepEqual(leaked.countries, ['Russia']);
	assert.equal(leaked.url, `${HOST}/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks`);
	assert.deepEqual(fileArticle(taxonomy, leaked), {sectors: ['politics'], editions: ['global']}, "the site's sector number and edition name, as taxonomy ids");
	const blog = articles[2]!;
	assert.deepEqual(blog.countries, ['Kenya', 'Uganda']);
	assert.equal(blog.title, 'Synthetic test article: Coalition talks & the "caretaker" question');
	assert.match(blog.url ?? '', /\/article\/agency-wire\/9000021-/, 'no label: agency-wire, as the site links it');

	const devNews = feedArticles(fixture('api-GetSectorDevNews.json'), {url: `${HOST}/api/DevNews/GetSectorDevNews/Global%20Edition/19/1`}, taxonomy).articles;
	assert.deepEqual(devNews.map(article => fileArticle(taxonomy, article)), devNews.map(() => ({sectors: ['politics'], editions: ['global']})));
	const cached = feedArticles(fixture('api-GetEditionNews-cached.json'), {url: `${HOST}/api/Search/GetEditionNews/Global%20Edition/Global%20Edition`}, taxonomy).articles;
	const fresh = feedArticles(fixture('api-GetEditionNews.json'), {url: `${HOST}/api/Search/GetEditionNews/Global%20Edition/Global%20Edition`}, taxonomy).articles;
	assert.ok(fresh.length > 0);
	assert.deepEqual(cached, fresh, 'the same answer, whichever case its keys are in');
	assert.throws(() => feedArticles('{"unexpected": true}', {url}, taxonomy), /not one of the site's article listings/);
});

test("autodiscovery finds the feeds a page's head names, as absolute links", () => {
	const found = feedLinks(fixture('home-with-feed-links.html'), `${HOST}/`);
	assert.deepEqual(found, [{url: `${HOST}/rss/website`, title: 'Devdiscourse News'}]);
	assert.deepEqual(
		feedLinks('<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"><link rel="stylesheet" href="/x.css"><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>', 'https://example.com/news/'),
		[{url: 'https://example.com/atom.xml'}],
	);
});
