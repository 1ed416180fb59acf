// An RSS or Atom item's categories name its sectors and editions, by the
// taxonomy's ids, names and aliases, before what its feed is listed with; a
// category that names neither changes nothing. Fetched by the built devnews
// from a feed server on 127.0.0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {after, before, test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {feedArticles} from '../source/feeds/feed-parser.js';
import {atom, rss2, serveXml, startFeedServer, type FeedServer, type FixtureItem} from './feed-server.js';
import {copyOfShippedData, isolatedEnv, runDevnews, SHIPPED_DATA} from './helpers.js';

const ITEMS: FixtureItem[] = [
	{id: 'named-sector', title: 'Synthetic item filed as Politics', categories: ['Politics']},
	{id: 'unknown', title: 'Synthetic item in Breaking News', categories: ['Breaking News']},
	{id: 'alias-and-edition', title: 'Synthetic item filed as business in South Asia', categories: ['Breaking News', 'business', 'South Asia']},
	{id: 'none', title: 'Synthetic item with no category'},
];

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	server.route('/rss', serveXml(rss2(ITEMS)));
	server.route('/atom', serveXml(atom(ITEMS.map(item => ({...item, title: item.title.replace('Synthetic', 'Synthetic Atom')}))), {contentType: 'application/atom+xml'}));
});

after(async () => server.close());

type Row = {title: string; sectors: string[]; editions: string[]};

for (const format of ['rss', 'atom']) {
	test(`${format}: categories that name a sector or an edition file the item there; others leave it where its feed is listed`, async () => {
		const data = copyOfShippedData();
		// The feed is listed with a sector and an edition, which an item's own categories come before.
		fs.writeFileSync(dataFolder(data).feeds, JSON.stringify([{url: server.url(`/${format}`), sector: 'technology', edition: 'global'}]));
		const env = isolatedEnv();
		const fetched = await runDevnews(['fetch', '--data', data], env);
		assert.equal(fetched.code, 0, fetched.stderr);
		const rows = JSON.parse((await runDevnews(['search', 'synthetic', '--json', '--data', data], env)).stdout) as Row[];
		const filed = (title: string) => {
			const row = rows.find(candidate => candidate.title.endsWith(title));
			assert.ok(row, `${title} in ${rows.map(candidate => candidate.title).join(', ')}`);
			return {sectors: row.sectors, editions: row.editions};
		};

		assert.deepEqual(filed('item filed as Politics'), {sectors: ['politics'], editions: ['global']}, 'its category names its sector; the feed its edition');
		assert.deepEqual(filed('item in Breaking News'), {sectors: ['technology'], editions: ['global']}, 'an unknown category changes nothing');
		assert.deepEqual(filed('item filed as business in South Asia'), {sectors: ['economy-business'], editions: ['south-asia']}, 'an alias, and an edition by its name');
		assert.deepEqual(filed('item with no category'), {sectors: ['technology'], editions: ['global']});
		const politics = JSON.parse((await runDevnews(['list', '--sector', 'politics', '--json', '--data', data], env)).stdout) as Row[];
		assert.ok(politics.some(row => row.title.endsWith('item filed as Politics')), 'listed under Politics');
	});
}

test('an article holds only the sectors and editions its categories name, as ids', () => {
	const {taxonomy} = loadTaxonomy(SHIPPED_DATA);
	const articles = feedArticles(rss2(ITEMS), {url: 'https://example.com/feed'}, taxonomy).articles;
	assert.deepEqual(
		articles.map(article => [article.sectors, article.editions]),
		[
			[['politics'], []],
			[[], []],
			[['economy-business'], ['south-asia']],
			[[], []],
		],
	);
});
