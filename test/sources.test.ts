// Sources beside RSS and Atom, as the site's code serves them: the Google
// News and Livediscourse sitemaps (/RSS/GoogleNews, /RSS/Livediscourse), the
// JSON listings its pages call, and the feed links a page names for
// autodiscovery. Fixtures in test/fixtures/devdiscourse, and sources
// rendered from one set of stories by test/site-render.ts. (The site serves
// no RSS of its own: the /rss/website its pages name has no handler.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import type {Article} from '../source/core/article.js';
import {articleLink} from '../source/core/devdiscourse.js';
import {articleJson} from '../source/commands/output.js';
import {feedLinks} from '../source/feeds/discover.js';
import {extractStory} from '../source/feeds/extract-page.js';
import type {PageStory} from '../source/feeds/site-page.js';
import {feedArticles} from '../source/feeds/feed-parser.js';
import {listingPlace, sectorListingUrl} from '../source/feeds/site-api.js';
import {fileArticle} from '../source/core/taxonomy.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {ROOT, SHIPPED_DATA} from './helpers.js';
import {
	articlePage,
	devNewsItem,
	editionNewsItem,
	googleNewsSitemap,
	latestNewsItem,
	livediscourseSitemap,
	secondSlug,
	sectorDevNewsItem,
	sectorNewsItem,
	siteJson,
	SITE_STORIES,
	type Json,
	type SiteStory,
} from './site-render.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'devdiscourse');
const HOST = 'https://www.devdiscourse.com';
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll('HOST', HOST);
const {taxonomy} = loadTaxonomy(SHIPPED_DATA);

test('the Google News sitemap: link, title, publication and update times, keywords; the label suggests a sector only as a guess', () => {
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
	assert.deepEqual(leaked?.sectors, [], 'a sitemap states no sector');
	assert.deepEqual(fileArticle(taxonomy, leaked!), {sectors: ['politics'], editions: ['other'], sectorsGuessed: true}, 'filed under the sector its label names, as a guess');
	assert.equal(markets?.title, 'Synthetic test article: Markets & M&A outlook for "emerging" economies');
	assert.deepEqual(markets?.tags, ['markets', 'M&A', 'synthetic test']);
	assert.deepEqual(fileArticle(taxonomy, markets!).sectors, ['economy-business'], 'the "business" label suggests Economy & Business');
	assert.equal(grid?.label, undefined, '"agency-wire" is the site\'s word for no label');
	assert.equal(grid?.updatedAt, '2025-11-26T06:32:00.000Z', 'lastmod is the update time');
	assert.deepEqual(fileArticle(taxonomy, grid!).sectors, ['other'], 'no label, no sector');
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
	assert.equal(leaked.updatedAt, '2025-11-26T06:26:41.473Z', 'UTC written without a zone; GetSectorNews fills createdOn from ModifiedOn');
	assert.equal(leaked.createdAt, undefined, 'a listing never says when a story was created');
	assert.deepEqual(leaked.countries, ['Russia']);
	assert.equal(leaked.url, `${HOST}/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks`);
	assert.deepEqual(fileArticle(taxonomy, leaked), {sectors: ['politics'], editions: ['global'], sectorsGuessed: false}, "the site's sector number and edition name, as taxonomy ids");
	const blog = articles[2]!;
	assert.deepEqual(blog.countries, ['Kenya', 'Uganda']);
	assert.equal(blog.title, 'Synthetic test article: Coalition talks & the "caretaker" question');
	assert.match(blog.url ?? '', /\/article\/agency-wire\/9000021-/, 'no label: linked as the site links it');
	assert.equal(blog.label, undefined, 'and no label stated');

	const devNews = feedArticles(fixture('api-GetSectorDevNews.json'), {url: `${HOST}/api/DevNews/GetSectorDevNews/Global%20Edition/19/1`}, taxonomy).articles;
	assert.deepEqual(devNews.map(article => fileArticle(taxonomy, article)), devNews.map(() => ({sectors: ['politics'], editions: ['global'], sectorsGuessed: false})));
	assert.ok(devNews.every(article => article.label === undefined && article.updatedAt && !article.createdAt), 'GetSectorDevNews: no label, and ModifiedOn');
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

// Every source, rendered from the same stories as the site's code renders it
// (test/site-render.ts), against what each story's page shows: a source may
// say less than the page, never something else; a listing's time is named
// for what the controller fills it from; a sector only guessed from the
// label is never among the stated ones.

/** What each story's page shows, read as devnews reads it. */
const pages = new Map(
	SITE_STORIES.map(story => {
		const url = `${HOST}/article/${story.newsLabels ?? 'agency-wire'}/${secondSlug(story)}`;
		return [String(story.newsId), extractStory(articlePage(story, HOST), url)!] as const;
	}),
);

const minute = (time: string | undefined) => (time === undefined ? undefined : Math.floor(Date.parse(time) / 60_000));

/** Every field of `article` agrees with its page, or is one the page cannot contradict; returns the page. */
function agreesWithPage(article: Article, source: string): PageStory {
	const page = pages.get(article.id);
	assert.ok(page, `${source}: ${article.id} is one of the stories, by its number`);
	const where = `${source}, ${article.id}`;
	const fields = new Set(['id', 'url', 'title', 'summary', 'createdAt', 'updatedAt', 'listedAt', 'countries', 'sectors', 'editions', 'tags', 'label', 'body', 'kind', 'source']);
	for (const [key, value] of Object.entries(article)) if (value !== undefined) assert.ok(fields.has(key), `${where}: ${key} is a field a source gives`);
	assert.equal(article.title, page.title, `${where}: title`);
	assert.equal(articleLink(article.url)?.number, article.id, `${where}: the link names the story`);
	if (article.summary !== undefined) assert.equal(article.summary, page.summary, `${where}: summary`);
	if (article.label !== undefined) assert.equal(article.label, page.label, `${where}: label`);
	if (article.createdAt !== undefined) assert.equal(minute(article.createdAt), minute(page.createdAt), `${where}: createdAt is the page's Created`);
	if (article.updatedAt !== undefined) assert.equal(minute(article.updatedAt), minute(page.updatedAt), `${where}: updatedAt is the page's Updated`);
	if (article.countries.length > 0) assert.deepEqual(article.countries, page.countries, `${where}: countries`);
	for (const tag of article.tags ?? []) assert.ok(page.tags?.includes(tag), `${where}: tag ${tag}`);
	const stated = fileArticle(taxonomy, {sectors: page.sectors ?? [], editions: []}).sectors;
	const filed = fileArticle(taxonomy, article);
	if (!filed.sectorsGuessed) for (const sector of filed.sectors.filter(id => id !== 'other')) assert.ok(stated.includes(sector), `${where}: sector ${sector} is one the page states`);
	const json = articleJson(article, taxonomy);
	for (const sector of json['sectors'] as string[]) assert.ok(stated.includes(sector), `${where}: --json's sectors are stated ones`);
	return page;
}

const listing = (route: string, items: Json[], pascal = false) => ({url: `${HOST}${route}`, text: siteJson(items, pascal)});

test('each story\'s page as its template renders it: the datelines\' special cases, both stored sectors, the label from the canonical address', () => {
	const [blog, wildfire, clinic] = SITE_STORIES.map(story => pages.get(String(story.newsId))!);
	assert.equal(blog?.location, 'Washington DC', 'a place containing "washington"');
	assert.equal(wildfire?.location, 'Los Angeles', '"losangeles"');
	assert.equal(clinic?.location, 'New Delhi', 'any other, title-cased');
	assert.equal(blog?.byline, 'Synthetic Test Author', 'a blog shows its author');
	assert.equal(wildfire?.byline, 'PTI');
	assert.deepEqual(fileArticle(taxonomy, {sectors: blog?.sectors ?? [], editions: []}).sectors, ['science-environment', 'technology'], '"6,15": the breadcrumb\'s (alphabetically first) and both stored');
	assert.equal(blog?.label, 'technology');
	assert.equal(wildfire?.label, undefined, 'canonical …/agency-wire/…: no label');
	assert.equal(clinic?.label, 'health');
	assert.equal(blog?.createdAt, '2025-11-25T12:05:00+05:30', 'Created is PublishedOn, in IST');
	assert.equal(blog?.updatedAt, '2025-11-26T09:40:00+05:30', 'Updated is ModifiedOn');
	assert.deepEqual(blog?.tags, ['solar', 'Schools', 'solar', 'micro-grids']);
});

test('the Google News sitemap, as RSSController writes it (utf-16 declared on UTF-8, links cut at 150): each field what the page shows', () => {
	const xml = googleNewsSitemap(SITE_STORIES, HOST);
	assert.match(xml, /^<\?xml version="1.0" encoding="utf-16"\?>/);
	const articles = feedArticles(Buffer.from(xml, 'utf8').toString('utf8'), {url: `${HOST}/RSS/GoogleNews`}, taxonomy).articles;
	assert.equal(articles.length, 3);
	for (const article of articles) {
		const page = agreesWithPage(article, 'sitemap');
		assert.equal(minute(article.createdAt), minute(page.createdAt), 'publication_date is the page\'s Created');
		assert.equal(minute(article.updatedAt), minute(page.updatedAt), 'lastmod is its Updated');
		assert.deepEqual(article.sectors, [], 'a sitemap states no sector');
	}

	const [blog, wildfire, clinic] = articles;
	assert.ok((wildfire?.url ?? '').length > 150 && new URL(wildfire!.url!).pathname.split('/')[3]!.length <= 150, 'the slug is cut at 150');
	assert.equal(wildfire?.label, undefined);
	assert.deepEqual(blog?.tags, ['solar', 'Schools', 'micro-grids'], 'at most ten distinct tags, trimmed');
	assert.equal(clinic?.label, 'health');
	assert.deepEqual(articleJson(clinic!, taxonomy), {...clinic, sectors: [], guessedSectors: ['health'], editions: []}, 'the label\'s sector is a guess: its own key');
});

test('the Livediscourse sitemap: each post at its parent\'s page, its own times and tags; no label, no sector', () => {
	const post = {id: 77, parentId: 500, parentTitle: 'Synthetic test live blog: Climate summit', title: 'Synthetic test post: delegates arrive', tags: 'climate,summit', publishedOn: '2025-11-26T03:00:00', modifiedOn: '2025-11-26T03:05:00'};
	const [article, ...rest] = feedArticles(livediscourseSitemap([post], HOST), {url: `${HOST}/RSS/Livediscourse`}, taxonomy).articles;
	assert.equal(rest.length, 0);
	assert.equal(article?.url, `${HOST}/live-discourse/500-synthetic-test-live-blog-climate-summit#post_77`);
	assert.equal(article?.createdAt, '2025-11-26T03:00:00.000Z');
	assert.equal(article?.updatedAt, '2025-11-26T03:05:00.000Z');
	assert.deepEqual(article?.tags, ['climate', 'summit']);
	assert.equal(article?.label, undefined);
	assert.deepEqual(fileArticle(taxonomy, article!), {sectors: ['other'], editions: ['other'], sectorsGuessed: false});
});

test('each JSON listing, camelCase and PascalCase from the cache: createdOn named for what its controller fills it from, labels only where given', () => {
	const perSector = (story: SiteStory) => `/${story.sector}/Global%20Edition/1`;
	const sources = [
		...SITE_STORIES.filter(story => !story.sector.includes(',')).flatMap(story => [
			{...listing(`/api/Search/GetSectorNews${perSector(story)}`, [sectorNewsItem(story)]), time: 'updatedAt'},
			{...listing(`/api/DevNews/GetSectorDevNews/Global%20Edition/${story.sector}/1`, [sectorDevNewsItem(story)]), time: 'updatedAt'},
		]),
		{...listing('/api/DevNews/GetDevNews/1/Global%20Edition', SITE_STORIES.map(devNewsItem)), time: 'updatedAt'},
		{...listing('/api/Search/GetLatestNews/Global%20Edition', SITE_STORIES.map(latestNewsItem)), time: 'listedAt'},
		{url: `${HOST}/api/Search/GetEditionNews/Global%20Edition/Global%20Edition`, text: siteJson({news: SITE_STORIES.map(editionNewsItem), edition: 'Global Edition'}), time: 'listedAt'},
		{url: `${HOST}/api/Search/GetEditionNews/Global%20Edition/Global%20Edition`, text: siteJson({news: SITE_STORIES.map(editionNewsItem), edition: 'Global Edition'}, true), time: 'listedAt'},
	];
	for (const {url, text, time} of sources) {
		const articles = feedArticles(text, {url}, taxonomy).articles;
		assert.ok(articles.length > 0, url);
		for (const article of articles) {
			agreesWithPage(article, url);
			const story = SITE_STORIES.find(candidate => String(candidate.newsId) === article.id)!;
			assert.equal(article.createdAt, undefined, `${url}: a listing never gives the Created time`);
			assert.deepEqual(
				Object.keys(article).filter(key => key.endsWith('At') && article[key as keyof Article] !== undefined),
				[time],
				`${url}: its time as ${time}`,
			);
			const expected = time === 'updatedAt' ? story.modifiedOn : story.createdOn;
			assert.equal(Date.parse(article[time as 'updatedAt' | 'listedAt']!), Date.parse(`${expected.slice(0, 23)}Z`), `${url}: UTC without a zone`);
			if (/GetSectorDevNews|GetDevNews/.test(url)) assert.equal(article.label, undefined, `${url}: no label`);
			else assert.equal(article.label, story.newsLabels ?? undefined, `${url}: the label it gives`);
		}
	}

	const lowerCase = feedArticles(siteJson([devNewsItem(SITE_STORIES[2]!)]), {url: `${HOST}/api/devnews/getdevnews/1/Global%20Edition`}, taxonomy).articles[0];
	assert.equal(lowerCase?.updatedAt, '2025-11-26T02:45:00.000Z', 'the site\'s routes match in any case');
	const [cached, fresh] = sources.slice(-2).map(({url, text}) => feedArticles(text, {url}, taxonomy).articles);
	assert.deepEqual(cached, fresh, 'the same, whichever case the keys are in');
	const devNews = feedArticles(sources.find(source => source.url.includes('GetDevNews'))!.text, {url: `${HOST}/api/DevNews/GetDevNews/1/Global%20Edition`}, taxonomy).articles;
	assert.deepEqual(fileArticle(taxonomy, devNews[0]!).sectors, ['technology', 'science-environment'], 'GetDevNews gives the stored sector list: both');
	assert.deepEqual(fileArticle(taxonomy, devNews[2]!), {sectors: ['politics'], editions: ['global'], sectorsGuessed: false}, 'a stated sector, not the one the "health" label suggests');
});
