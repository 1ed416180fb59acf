import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {EMPTY_TAXONOMY} from '../source/core/taxonomy.js';
import {formatIst, formatIstShort, SHORT_TIME_WIDTH} from '../source/core/time.js';
import {extractStory} from '../source/feeds/extract-page.js';
import {feedArticles} from '../source/feeds/feed-parser.js';
import {isoTime} from '../source/feeds/to-article.js';
import {rss2, storyPage} from './feed-server.js';
import {fuzzParameters} from './fuzz.js';

test('formats times in IST the way the site does, whatever the offset given', () => {
	assert.equal(formatIst('2025-11-26T11:56:00+05:30'), '26-11-2025 11:56 IST');
	assert.equal(formatIst('2025-11-26T06:26:00Z'), '26-11-2025 11:56 IST');
	assert.equal(formatIst('2025-12-31T20:00:00Z'), '01-01-2026 01:30 IST');
	const inThatYear = Date.parse('2025-12-01T00:00:00Z');
	assert.equal(formatIstShort('2025-11-26T11:56:00+05:30', inThatYear), '26 Nov', 'this year: the day');
	assert.equal(formatIstShort('2025-11-26T11:56:00+05:30', Date.parse('2025-11-26T18:29:00Z')), '11:56', 'today: the time');
	assert.equal(formatIstShort('2025-11-26T11:56:00+05:30', Date.parse('2025-11-26T18:30:00Z')), '26 Nov', 'the day after, in IST: the day');
	assert.equal(formatIstShort('2025-11-26T11:56:00+05:30', Date.parse('2026-11-26T06:00:00Z')), 'Nov 2025', 'the same day of another year: the month and the year');
	assert.equal(formatIstShort('2025-12-31T20:00:00Z', inThatYear), 'Jan 2026', 'the year in IST');
	assert.equal(formatIstShort('2025-12-31T20:00:00Z', Date.parse('2025-12-31T19:00:00Z')), '01:30', 'today in IST, not in UTC');
});

test('a row\'s short time fits its column, whatever the time and the day it is read', () => {
	const time = fc.integer({min: Date.UTC(1990, 0, 1), max: Date.UTC(9999, 0, 1)});
	fc.assert(
		fc.property(time, time, (at, now) => {
			const text = formatIstShort(new Date(at).toISOString(), now);
			return text !== undefined && text.length <= SHORT_TIME_WIDTH && text.length >= 5;
		}),
		fuzzParameters(),
	);
});

test('a missing or unreadable time formats as nothing', () => {
	assert.equal(formatIst(undefined), undefined);
	assert.equal(formatIst('yesterday'), undefined);
});

test('a time beyond what a date can show formats as nothing, never NaN', () => {
	for (const iso of ['+275760-09-13T00:00:00.000Z', '+275760-09-12T20:00:00.000Z', '-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z']) {
		assert.equal(formatIst(iso), undefined, iso);
		assert.equal(formatIstShort(iso), undefined, iso);
	}
});

test('feed times before 1990 or more than a day after ingestion count as unknown', () => {
	const now = Date.parse('2026-01-10T12:00:00Z');
	assert.equal(isoTime('Sat, 13 Sep 275760 00:00:00 GMT', now), undefined);
	assert.equal(isoTime('Thu, 01 Jan 1970 00:00:00 GMT', now), undefined);
	assert.equal(isoTime('1989-12-31T23:59:59Z', now), undefined);
	assert.equal(isoTime('2026-01-11T13:00:00Z', now), undefined, 'more than a day ahead');
	assert.equal(isoTime('2026-01-11T11:00:00Z', now), '2026-01-11T11:00:00.000Z', 'a clock a little ahead is fine');
	assert.equal(isoTime('Fri, 02 Jan 2026 03:04:05 GMT', now), '2026-01-02T03:04:05.000Z');
	assert.equal(isoTime('1990-01-01T00:00:00Z', now), '1990-01-01T00:00:00.000Z');
});

test('a feed item with an impossible date is stored undated', () => {
	const feed = rss2([{id: 'd1', title: 'Synthetic far future'}, {id: 'd2', title: 'Synthetic ordinary'}]).replace(/<pubDate>[^<]*<\/pubDate>/, '<pubDate>Sat, 13 Sep 275760 00:00:00 GMT</pubDate>');
	const [future, ordinary] = feedArticles(feed, {url: 'https://example.com/feed'}, EMPTY_TAXONOMY).articles;
	assert.equal(future?.createdAt, undefined);
	assert.equal(ordinary?.createdAt, '2026-01-02T03:04:05.000Z');
});

test('a page whose Created or Updated time is impossible gives no time', () => {
	const page = storyPage().replace('Updated: 02-03-2026 09:15 IST', 'Updated: 31-02-2026 09:15 IST').replace('Created: 02-03-2026 08:40 IST', 'Created: 02-03-9999 08:40 IST');
	const story = extractStory(page, 'https://example.com/story');
	assert.equal(story?.byline, 'Test News Desk');
	assert.equal(story?.updatedAt, undefined);
	assert.equal(story?.createdAt, undefined);
});
