// The site's article page, as its template renders it (fixtures written
// from the template, see test/fixtures/devdiscourse): every field right,
// nothing from the sidebars, the share list or the AI card.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {parseHTML} from 'linkedom';
import {siteStory} from '../source/feeds/site-page.js';
import {fileArticle} from '../source/core/taxonomy.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {ROOT, SHIPPED_DATA} from './helpers.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'devdiscourse');
const HOST = 'http://127.0.0.1:9';

type Expected = {
	title: string;
	summary: string | null;
	byline: string | null;
	location: string | null;
	createdAt: string | null;
	updatedAt: string | null;
	countries: string[];
	imageNote: string | null;
	caption: string | null;
	sector: string;
	sectorName: string;
	/** Every sector the page states (the JSON-LD breadcrumb's stored list), when more than the breadcrumb's. */
	sectors?: string[];
	label: string;
	body: string[];
	credit: string | null;
	tags: string[];
	canonical: string;
};

const {taxonomy} = loadTaxonomy(SHIPPED_DATA);
const expected = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {articles: Record<string, Expected>}).articles;

for (const [file, want] of Object.entries(expected)) {
	test(`${file}: every field of the page, and nothing else`, () => {
		const html = fs.readFileSync(path.join(FIXTURES, file), 'utf8').replaceAll('HOST', HOST);
		const story = siteStory(parseHTML(html).document, want.canonical.replace('HOST', HOST));
		assert.ok(story, 'read as the site\'s article page');
		assert.equal(story.title, want.title, 'the h1, not the <title> with its " | Label"');
		assert.equal(story.summary, want.summary ?? undefined);
		assert.equal(story.byline, want.byline ?? undefined);
		assert.equal(story.location, want.location ?? undefined);
		assert.equal(story.createdAt, want.createdAt ?? undefined);
		assert.equal(story.updatedAt, want.updatedAt ?? undefined);
		assert.deepEqual(story.countries, want.countries, 'exactly the country list: no SHARE, no Key Takeaways');
		assert.equal(story.imageNote, want.imageNote ?? undefined);
		assert.equal(story.imageCaption, want.caption ?? undefined);
		assert.equal(story.sectors?.[0], want.sectorName, 'the breadcrumb first');
		assert.deepEqual(fileArticle(taxonomy, {sectors: story.sectors ?? [], editions: []}).sectors, want.sectors ?? [want.sector], 'then the stored list in the JSON-LD breadcrumb');
		assert.equal(story.label, want.label);
		assert.deepEqual(story.body, want.body);
		assert.equal(story.credit, want.credit ?? undefined);
		assert.deepEqual(story.tags ?? [], want.tags);
		for (const paragraph of story.body) assert.doesNotMatch(paragraph, /TRENDING|OPINION|Key Takeaways|AI Summary|Analyzing article|SHARE|READ MORE/);
	});
}

test('a page that is not the site\'s article template is not read as one', () => {
	assert.equal(siteStory(parseHTML('<html><body><h1>A title</h1><p>Text.</p></body></html>').document, `${HOST}/x`), undefined);
});
