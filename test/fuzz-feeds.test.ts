// Property-based tests of the readers of untrusted documents: feeds, OPML
// and pages. On random text and on valid samples mutated at random, a
// reader returns what it found or throws one FeedError with a one-line
// message (the page extractor: a story or nothing), and never takes long.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {plausibleTime} from '../source/core/time.js';
import {extractStory} from '../source/feeds/extract-page.js';
import {feedArticles} from '../source/feeds/feed-parser.js';
import {buildOpml, parseOpml} from '../source/feeds/opml.js';
import {FeedError, parseFeed} from '../source/feeds/parse-feed.js';
import {atom, rss1, rss2, storyPage} from './feed-server.js';
import {codePoint, codeUnit, fuzzParameters, mutated, timed} from './fuzz.js';

// eslint-disable-next-line no-control-regex -- what an error message must not carry
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Slow enough to be a bug on any machine, even a busy one (the pathological
 * inputs found took from seconds to minutes), fast enough to keep the suite short.
 */
const MAX_MS = 3000;

const SAMPLE_ITEMS = [
	{id: 'f1', title: 'Synthetic fuzz item & one', summary: '<p>Para <b>one</b></p>', content: '<p>Body</p><p>two</p>', date: '2026-01-02T03:04:05Z'},
	{id: 'f2', title: 'Synthetic fuzz item two', link: 'https://www.devdiscourse.com/article/health/3710999-story'},
];

const FEEDS = [rss2(SAMPLE_ITEMS), rss1(SAMPLE_ITEMS), atom(SAMPLE_ITEMS)];

const OPML = buildOpml([
	{url: 'https://example.com/rss', title: 'Synthetic example', sector: 'politics', edition: 'global'},
	{url: 'https://example.org/feed.xml'},
]).replace('<body>', '<body><outline text="folder"><outline type="rss" text="nested" xmlUrl="http://example.net/a"/></outline>');

/** What fuzzers put into XML: entities good and bad, markup pieces, deep nesting, huge attributes. */
const XML_PIECES = fc.oneof(
	fc.constantFrom(
		'&amp;', '&lt;', '&#0;', '&#x1B;', '&#xD800;', '&#99999999;', '&#x110000;', '&nbsp;', '&unknown;', '&', '&#', '&#x;', ';',
		'<', '>', '</', '/>', '"', "'", '=', '<item>', '</item>', '<entry>', '<title>', '</title>', '<link>', '<link href="javascript:alert(1)"/>',
		'<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE rss [<!ENTITY a "b">]>', '<!DOCTYPE x>', '<!ENTITY e "&e;">',
		'<pubDate>Sat, 13 Sep 275760 00:00:00 GMT</pubDate>', '<pubDate>-000001-01-01T00:00:00Z</pubDate>', '<guid>', '\u0000', '\u001B]0;t\u0007', '\uD800',
		'xmlns:a="x"', ' a="1" a="2"', '<__proto__>', '<constructor>', '<hasOwnProperty>x</hasOwnProperty>', '<toString/>', ' __proto__="x"',
	),
	fc.integer({min: 1, max: 5000}).map(depth => '<a>'.repeat(depth)),
	fc.integer({min: 1, max: 5000}).map(depth => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`),
	fc.integer({min: 1000, max: 300_000}).map(length => ` title="${'x'.repeat(length)}"`),
	fc.integer({min: 1, max: 20_000}).map(count => '&amp;'.repeat(count)),
	fc.string({unit: fc.oneof(codeUnit, codePoint), maxLength: 40}),
);

const randomText = fc.oneof(
	fc.string({unit: fc.oneof(codeUnit, codePoint), maxLength: 500}),
	fc.string({unit: XML_PIECES, maxLength: 30}),
);

/** Runs `read`; it returns, or throws a FeedError whose message is one line; within MAX_MS. */
function returnsOrFeedError(read: () => unknown): void {
	const {ms} = timed(() => {
		try {
			read();
		} catch (error) {
			assert.ok(error instanceof FeedError, `not a FeedError: ${(error as Error)?.stack ?? String(error)}`);
			assert.match(error.message, /^[^\n]+$/, 'one line');
			assert.doesNotMatch(error.message, CONTROL, 'nothing from the document reaches the terminal raw');
		}
	});
	assert.ok(ms < MAX_MS, `took ${Math.round(ms)} ms`);
}

const TAXONOMY = {sectors: [{id: 'politics', name: 'Politics', order: 1}], editions: [{id: 'global', name: 'Global', order: 1}], labels: {}};

const FEED = {url: 'https://example.com/feed', sector: 'from-link'};

test('parseFeed and feedArticles on random text: items or one FeedError, quickly', () => {
	fc.assert(
		fc.property(randomText, text => {
			returnsOrFeedError(() => parseFeed(text));
			returnsOrFeedError(() => feedArticles(text, FEED, TAXONOMY));
		}),
		fuzzParameters({numRuns: 150}),
	);
});

for (const [index, name] of ['RSS 2.0', 'RSS 1.0', 'Atom'].entries()) {
	test(`feedArticles on a mutated ${name} feed: articles or one FeedError, quickly`, () => {
		fc.assert(
			fc.property(mutated(FEEDS[index]!, XML_PIECES), text => {
				returnsOrFeedError(() => {
					for (const article of feedArticles(text, FEED, TAXONOMY).articles) {
						if (article.createdAt !== undefined) assert.ok(plausibleTime(article.createdAt) !== undefined, `createdAt ${article.createdAt}`);
					}
				});
			}),
			fuzzParameters({numRuns: 150}),
		);
	});
}

test('parseOpml on random text and on mutated OPML: feeds or one FeedError, quickly', () => {
	fc.assert(
		fc.property(fc.oneof(randomText, mutated(OPML, XML_PIECES)), text => {
			returnsOrFeedError(() => parseOpml(text, TAXONOMY));
		}),
		fuzzParameters({numRuns: 200}),
	);
});

const HTML_PIECES = fc.oneof(
	fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<script>', '</script>', '<style>', '<!--', '-->', '<br>', '&nbsp;', '&#0;', '<template>', '<svg>', '<math>', '<table>', '<tr>', '<base href="javascript:x">', '<a href="javascript:alert(1)">x</a>', '<img src=x onerror=alert(1)>', '<h1>Title</h1>', 'Country:', '\u0000', '\uDC00'),
	fc.integer({min: 1, max: 3000}).map(depth => '<div>'.repeat(depth)),
	fc.integer({min: 1, max: 500}).map(count => '<p>Paragraph text of some length.</p>'.repeat(count)),
	fc.integer({min: 1, max: 20_000}).map(count => '&amp;'.repeat(count)),
	fc.string({unit: fc.oneof(codeUnit, codePoint), maxLength: 40}),
);

test('extractStory on random and mutated HTML: a story or nothing, never an exception, quickly', () => {
	const page = storyPage();
	fc.assert(
		fc.property(fc.oneof(randomText, fc.string({unit: HTML_PIECES, maxLength: 10}), mutated(page, HTML_PIECES, 5)), html => {
			const {value, ms} = timed(() => extractStory(html, 'https://example.com/story'));
			if (value) assert.ok(value.body.length > 0);
			assert.ok(ms < MAX_MS, `took ${Math.round(ms)} ms`);
		}),
		fuzzParameters({numRuns: 40, timeLimitMs: 5000}),
	);
});

// What the fuzzers found, kept as plain tests.

test('a page without <html> and <body> is read as a browser would read it; an empty one has no story', () => {
	assert.deepEqual(extractStory('<p>Only a paragraph, with a comma, and some more words.</p><p>And a second one.</p>', 'https://example.com/')?.body, [
		'Only a paragraph, with a comma, and some more words.',
		'And a second one.',
	]);
	assert.equal(extractStory('', 'https://example.com/'), undefined);
});

test('a page nested thousands deep, or full of character references, is refused quickly rather than read for minutes', () => {
	const page = storyPage();
	for (const hostile of [`${'<div>'.repeat(3000)}<p>The city council voted`, `<p>${'&amp;'.repeat(200_000)}</p><p>The city council voted`]) {
		const {value, ms} = timed(() => extractStory(page.replace('<p>The city council voted', hostile), 'https://example.com/story'));
		assert.equal(value, undefined);
		assert.ok(ms < MAX_MS / 3, `took ${Math.round(ms)} ms`);
	}

	assert.ok(extractStory(page.replace('<p>The city council voted', `${'<div>'.repeat(40)}<p>The city council voted`), 'https://example.com/story'), 'ordinary nesting still reads');
});

test('a large feed of escaped HTML is read, not refused as an entity bomb', () => {
	const items = Array.from({length: 1000}, (_, index) => ({id: `e${index}`, title: `Synthetic <b>escaped</b> item ${index}`, summary: '<p>one</p><p>two</p><p>three</p>'}));
	const articles = feedArticles(rss2(items), FEED, TAXONOMY).articles;
	assert.equal(articles.length, 1000);
	assert.equal(articles[0]!.title, 'Synthetic escaped item 0');
	assert.equal(articles[0]!.summary, 'one two three');
});

test('an OPML file that does not parse gets one plain line, without the file\'s control characters', () => {
	assert.throws(
		() => parseOpml('<opml><body>\n<outline xmlUrl="http://example.net/a"/x"/>\u001B]0;owned\u0007\n</body></opml>', TAXONOMY),
		(error: Error) => error instanceof FeedError && /^malformed OPML: .*\(line \d+\)$/.test(error.message) && !CONTROL.test(error.message),
	);
});
