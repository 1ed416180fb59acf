// A list of addresses one a line, as newsboat keeps its feeds (its urls
// file): what an import keeps of each line, what it says it skipped, and
// that nothing from the file reaches the list unsanitised.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {isUrlList, parseUrlList} from '../source/feeds/url-list.js';
import {isWebUrl} from '../source/terminal/links.js';
import {codePoint, fuzzParameters} from './fuzz.js';

const taxonomy = {
	sectors: [{id: 'politics', name: 'Politics', order: 1}, {id: 'science-technology', name: 'Science & Technology', order: 2, aliases: ['tech']}],
	editions: [{id: 'global', name: 'Global Edition', order: 1, aliases: ['global']}],
	labels: {},
};
// eslint-disable-next-line no-control-regex -- what must not be stored
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

test('newsboat\'s urls file: addresses kept, ~titles as titles, tags that name a sector or edition as its filing', () => {
	const text = [
		'# my feeds',
		'',
		'https://example.com/rss politics "~Example News"',
		'  http://example.org/feed.xml   tech "Global Edition" "!"   # a comment',
		'HTTPS://Example.COM/rss/ "~Example again"',
		'https://example.net/atom "some tag" "~Net \\"quoted\\" title"',
		'"query:Unread Articles:unread = \\"yes\\""',
		'exec:~/bin/feed.sh',
		'filter:~/bin/f.sh:https://example.com/other',
	].join('\n');
	assert.equal(isUrlList(text), true);
	const {feeds, warnings} = parseUrlList(text, taxonomy);
	assert.deepEqual(feeds, [
		{url: 'https://example.com/rss', sector: 'politics', title: 'Example again'},
		{url: 'http://example.org/feed.xml', sector: 'science-technology', edition: 'global'},
		{url: 'https://example.net/atom', title: 'Net "quoted" title'},
	]);
	assert.deepEqual(warnings, [
		'line 6: tag "some tag" names no sector or edition, not kept',
		'line 7: skipped, a newsboat query: source, which devnews cannot fetch',
		'line 8: skipped, a newsboat exec: source, which devnews cannot fetch',
		'line 9: skipped, a newsboat filter: source, which devnews cannot fetch',
	]);
});

test('OPML is not taken for a list of addresses, nor a list for OPML', () => {
	assert.equal(isUrlList('<?xml version="1.0"?><opml version="2.0"><body/></opml>'), false);
	assert.equal(isUrlList('<opml>\nhttps://example.com/rss\n</opml>'), false);
	assert.equal(isUrlList('# feeds\n\r\n  # more\nhttps://example.com/rss\n'), true);
});

test('a urls file whose first source is a newsboat query, exec or filter line (quoted or not) is still a urls file: its feeds are read', () => {
	for (const first of ['"query:Unread Articles:unread = \\"yes\\""', 'exec:~/bin/synthetic-feed.sh', '"filter:~/bin/synthetic-filter.sh:https://example.com/rss"']) {
		const text = `# synthetic\n${first}\nhttps://example.com/rss "~Synthetic"\n`;
		assert.equal(isUrlList(text), true, first);
		assert.deepEqual(parseUrlList(text, taxonomy).feeds, [{url: 'https://example.com/rss', title: 'Synthetic'}], first);
	}
});

test('a title with escape sequences and control characters is stored without them', () => {
	const {feeds} = parseUrlList('https://example.com/rss "~Owned\u001B]0;pwned\u0007 \u001B[31mred\u009B2J"\n', taxonomy);
	assert.deepEqual(feeds, [{url: 'https://example.com/rss', title: 'Owned red'}]);
});

test('any file: every feed kept is a web address, no title or warning holds a control character, and nothing throws', () => {
	const line = fc.oneof(
		fc.string({unit: fc.oneof(codePoint, fc.constantFrom(' ', '"', '\\', '#', '~', '!', '\t', '\r')), maxLength: 60}),
		fc.tuple(fc.webUrl(), fc.array(fc.string({unit: fc.oneof(codePoint, fc.constantFrom('"', '\\', ' ', '~')), maxLength: 20}), {maxLength: 4})).map(([url, tags]) => [url, ...tags].join(' ')),
	);
	fc.assert(
		fc.property(fc.array(line, {maxLength: 12}), lines => {
			const {feeds, warnings} = parseUrlList(lines.join('\n'), taxonomy);
			for (const feed of feeds) {
				assert.ok(isWebUrl(feed.url), feed.url);
				assert.doesNotMatch(feed.title ?? '', CONTROL);
			}

			for (const warning of warnings) assert.doesNotMatch(warning, CONTROL);
		}),
		fuzzParameters(),
	);
});
