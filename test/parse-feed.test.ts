// The feed reader reads a document item by item, as a stream, without its
// tree: what it gives back is what the document says, written either way
// XML allows (escaped or as CDATA, with comments and space between); its
// entities are decoded as devnews always has; a declared entity is bounded;
// and a document that is not well-formed fails whole, with its line.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {htmlParagraphs} from '../source/feeds/html-text.js';
import {FeedError, parseFeed, type FeedItem} from '../source/feeds/parse-feed.js';
import {rss2} from './feed-server.js';
import {fuzzParameters, timed} from './fuzz.js';

/** Text a feed's field may hold: markup's own characters, entities' look-alikes, CDATA's end, wide and astral characters, space. */
const fieldText = fc.string({
	unit: fc.constantFrom(...'ab Z09.'.split(''), '&', '<', '>', '"', "'", ';', '#', '&amp;', ']]>', '<![CDATA[', '-->', 'é', '漢', '👍', '\n', '\t', '  '),
	maxLength: 30,
});

/** One way of writing `text` as an element's content: escaped, or in CDATA sections (split where the text holds their end). */
const written = (text: string) =>
	fc.constantFrom(
		text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
		`<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`,
	);

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;');

/** What a field reads back as: its text trimmed, or nothing when that is empty. */
const read = (text: string | undefined) => text?.trim() || undefined;

const between = fc.constantFrom('', '\n', '  ', '<!-- a comment -->', '\n<?pi x?>\n');

type Fields = {title: string; link?: string; guid?: string; summary?: string; content?: string; author?: string; date?: string; categories: string[]};

const itemFields = fc.record(
	{
		title: fieldText,
		link: fieldText,
		guid: fieldText,
		summary: fieldText,
		content: fieldText,
		author: fieldText,
		date: fieldText,
		categories: fc.array(fieldText, {maxLength: 3}),
	},
	{requiredKeys: ['title', 'categories']},
);

/** An element `name` holding `text` written one of the ways, or nothing when there is no text. */
function element(name: string, text: string | undefined, attributes = ''): fc.Arbitrary<string> {
	return text === undefined ? fc.constant('') : fc.tuple(written(text), between).map(([content, space]) => `${space}<${name}${attributes}>${content}</${name}>`);
}

function rssItem(fields: Fields): fc.Arbitrary<string> {
	return fc
		.tuple(
			element('title', fields.title),
			element('link', fields.link),
			element('guid', fields.guid, ' isPermaLink="false"'),
			element('description', fields.summary),
			element('content:encoded', fields.content),
			element('dc:creator', fields.author),
			element('pubDate', fields.date),
			...fields.categories.map(category => element('category', category)),
		)
		.map(parts => `<item>${parts.join('')}</item>`);
}

function atomEntry(fields: Fields): fc.Arbitrary<string> {
	const link = fields.link === undefined ? '' : `<link rel="alternate" href="${attribute(fields.link)}"/>`;
	const categories = fields.categories.map(category => `<category term="${attribute(category)}"/>`).join('');
	return fc
		.tuple(
			element('id', fields.guid),
			element('title', fields.title),
			element('summary', fields.summary),
			element('content', fields.content, ' type="html"'),
			fields.author === undefined ? fc.constant('') : element('name', fields.author).map(name => `<author>${name}</author>`),
			element('published', fields.date),
		)
		.map(parts => `<entry>${parts.join('')}${link}${categories}</entry>`);
}

const categories = (values: string[]) => {
	const found = [...new Set(values.flatMap(value => read(value) ?? []))];
	return found.length > 0 ? {categories: found} : {};
};

test('a generated RSS 2.0 or Atom document reads back as its fields, however its text is written', () => {
	const feed = fc.record({title: fieldText, items: fc.array(itemFields, {maxLength: 4}), atom: fc.boolean()}).chain(({title, items, atom}) =>
		fc.tuple(fc.constant({title, items, atom}), written(title), fc.tuple(...items.map(fields => (atom ? atomEntry(fields) : rssItem(fields))))),
	);
	fc.assert(
		fc.property(feed, ([{title, items, atom}, writtenTitle, writtenItems]) => {
			const xml = atom
				? `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${writtenTitle}</title>\n${writtenItems.join('\n')}</feed>`
				: `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>${writtenTitle}</title>\n${writtenItems.join('\n')}</channel></rss>`;
			const expected: FeedItem[] = items.map(fields =>
				atom
					? {
							guid: read(fields.guid),
							link: fields.link,
							title: read(fields.title) ?? '',
							summary: read(fields.summary),
							content: read(fields.content),
							author: read(fields.author),
							published: read(fields.date),
							updated: undefined,
							...categories(fields.categories),
						}
					: {
							guid: read(fields.guid),
							link: read(fields.link),
							title: read(fields.title) ?? '',
							summary: read(fields.summary),
							content: read(fields.content),
							author: read(fields.author),
							published: read(fields.date),
							...categories(fields.categories),
						},
			);
			assert.deepEqual(parseFeed(xml), {format: atom ? 'Atom' : 'RSS 2.0', title: read(title), items: expected});
		}),
		fuzzParameters(),
	);
});

test('entities are decoded as devnews has read them: XML\'s, numbers, the HTML names feeds use; others left for the HTML reader; forbidden characters dropped', () => {
	const {items} = parseFeed('<rss><channel><item><title>&lt;b&gt; &amp;amp; &#8217;&#x2019; a&nbsp;b &mdash; &euro; &eacute; &unknown; [&#0;&#x1B;&#xD800;]</title><link>https://example.com/?a=1&amp;b=2</link></item></channel></rss>');
	assert.equal(items[0]?.title, '<b> &amp; ’’ a\u00A0b — € &eacute; &unknown; []');
	assert.equal(items[0]?.link, 'https://example.com/?a=1&b=2');
});

test('entities a document declares are expanded, within bounds: past them, or built from each other, the document is refused quickly', () => {
	const declaring = (value: string, uses: number) => `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY desk "${value}">]><rss><channel><item><title>${'&desk;'.repeat(uses)}</title></item></channel></rss>`;
	assert.equal(parseFeed(declaring('Synthetic Desk', 2)).items[0]?.title, 'Synthetic DeskSynthetic Desk');
	for (const bomb of [declaring('x'.repeat(1000), 2000), declaring('x', 20_000)]) {
		const {ms} = timed(() => assert.throws(() => parseFeed(bomb), (error: Error) => error instanceof FeedError && /entity-expansion bomb/.test(error.message)));
		assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
	}
});

test('a billion laughs written in a story, not declared by the document, is only text', () => {
	const bomb = '<!DOCTYPE rss [<!ENTITY lol0 "lol"><!ENTITY lol1 "&lol0;&lol0;&lol0;">]>&lol1;';
	const xml = rss2([{id: 'b1', title: 'Synthetic bomb in a story', content: bomb}]);
	const {value, ms} = timed(() => parseFeed(xml));
	assert.equal(value.items[0]?.content, bomb);
	assert.ok(ms < 1000, `took ${Math.round(ms)} ms`);
});

test('a document that is not well-formed fails whole, on one line naming its first mistake and the line it is on', () => {
	const good = rss2(Array.from({length: 1000}, (_, index) => ({id: `m${index}`, title: `Synthetic item ${index}`})));
	const cases: Array<[string, RegExp]> = [
		[good.replace('</channel>', '<item><title>late</titl></item></channel>'), /^malformed XML: <\/titl> where <\/title> \(opened at line \d+\) was expected \(line 3003\)$/],
		[good.replace('</channel></rss>', '</channel>'), /^malformed XML: <rss> is not closed \(line 2\)$/],
		[`${good}\n<rss/>`, /^malformed XML: more after the root element \(line 3004\)$/],
		[good.replace('Synthetic item 999', 'Synthetic & item'), /^malformed XML: an "&" that begins no entity reference \(line 3000\)$/],
		[good.replace('<guid isPermaLink="false">m5</guid>', '<guid isPermaLink=false>m5</guid>'), /^malformed XML: the attribute "isPermaLink" has no quoted value \(line 18\)$/],
		['<html><head><meta charset="utf-8"><title>A page</title></head></html>', /^malformed XML: <\/head> where <\/meta> \(opened at line 1\) was expected \(line 1\)$/],
	];
	for (const [xml, message] of cases) assert.throws(() => parseFeed(xml), (error: Error) => error instanceof FeedError && message.test(error.message), message.source);
});

test('of an element given twice the first is read, the item\'s own text only; a guid is its link when its attributes allow it; an RSS 1.0 item is named by its own rdf:about', () => {
	const {items} = parseFeed(
		'<rss><channel><item><title>first<media:x>ignored</media:x></title><title>second</title><guid isPermaLink="true">https://example.com/g</guid></item><item><title>x</title><guid>https://example.com/bare</guid></item></channel></rss>',
	);
	assert.deepEqual(
		items.map(item => [item.title, item.link]),
		[
			['first', 'https://example.com/g'],
			['x', undefined],
		],
	);	const rdf = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item rdf:about="https://example.net/a"><title>x</title><item rdf:about="https://example.net/b"/></item></rdf:RDF>';
	assert.equal(parseFeed(rdf).items[0]?.guid, 'https://example.net/a', "an RSS 1.0 item's rdf:about is its guid, not one within it");
});

test('a story\'s paragraphs have each run of whitespace, of any kind, folded to one space', () => {
	const paragraph = fc.string({unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r', '\u00A0', '\u2003', '\u3000', '\uFEFF'), maxLength: 20});
	fc.assert(
		fc.property(fc.array(paragraph, {maxLength: 4}), fc.boolean(), (paragraphs, marked) => {
			const expected = paragraphs.map(text => text.replaceAll(/\s+/g, ' ').trim()).filter(Boolean);
			const html = marked ? paragraphs.map(text => `<p>${text}</p>`).join('') : paragraphs.join('');
			assert.deepEqual(htmlParagraphs(html), marked ? expected : [paragraphs.join('').replaceAll(/\s+/g, ' ').trim()].filter(Boolean));
		}),
		fuzzParameters(),
	);
});

test('hostile shapes are read or refused quickly: unfinished document types, deep nesting, a million references', () => {
	const hostile = [
		`<rss>${'<!DOCTYPE ['.repeat(100_000)}</rss>`,
		`<rss>${'<a>'.repeat(500_000)}`,
		`<rss><channel><item><title>${'&amp;'.repeat(1_000_000)}</title></item></channel></rss>`,
	];
	for (const xml of hostile) {
		const {ms} = timed(() => {
			try {
				parseFeed(xml);
			} catch (error) {
				assert.ok(error instanceof FeedError, String(error));
			}
		});
		assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
	}
});
