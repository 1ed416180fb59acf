import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import type {Article, ArticleRow} from '../source/core/article.js';
import type {Taxonomy} from '../source/core/taxonomy.js';
import {countText, fit, formatRow, headerDetails, headerParts, packFields, readerLines, rowSentence, truncate, truncateStart, wrapText} from '../source/core/layout.js';

const taxonomy: Taxonomy = {
	sectors: [{id: 'politics', name: 'Politics', order: 1}],
	editions: [{id: 'global', name: 'Global', order: 1}],
	labels: {politics: 'politics', headlines: null},
};

const story: Article = {
	id: '1',
	url: 'https://www.devdiscourse.com/article/politics/1-a-story',
	title: 'A story',
	summary: 'The standfirst.',
	byline: 'Devdiscourse News Desk',
	location: 'Moscow',
	createdAt: '2025-11-26T11:56:00+05:30',
	updatedAt: '2025-11-26T12:10:00+05:30',
	countries: ['Russia'],
	sectors: ['politics'],
	editions: ['global'],
	imageNote: 'This image is AI-generated.',
	body: ['First paragraph.', 'Second paragraph.'],
	credit: '(With inputs from agencies.)',
	kind: 'full',
	source: 'data',
};

test('wrapping keeps every line within the width, counting wide characters as two cells', () => {
	const lines = wrapText('東京で記者会見が開かれた。 The quick brown fox 🦊 jumps over the lazy dog.', 12);
	assert.ok(lines.length > 2);
	for (const line of lines) assert.ok(stringWidth(line) <= 12, line);
	assert.deepEqual(wrapText('averyveryverylongwordindeed', 10), ['averyveryv', 'erylongwor', 'dindeed']);
});

test('truncation and fitting are by cells, with an ellipsis', () => {
	assert.equal(truncate('Hello world', 8), 'Hello w…');
	assert.equal(stringWidth(truncate('漢字漢字漢字', 5)), 5);
	assert.equal(stringWidth(fit('漢字', 7)), 7);
	assert.equal(stringWidth(fit('a very long title indeed', 7)), 7);
	assert.equal(truncate('anything', 0), '');
});

test('metadata fields pack onto lines without splitting a field', () => {
	const fields = ['Devdiscourse News Desk', 'Moscow', 'Updated: 26-11-2025 11:56 IST', 'Created: 26-11-2025 11:56 IST'];
	assert.deepEqual(packFields(fields, 60), ['Devdiscourse News Desk | Moscow', 'Updated: 26-11-2025 11:56 IST', 'Created: 26-11-2025 11:56 IST']);
	assert.deepEqual(packFields(fields, 200), [fields.join(' | ')]);
	for (const line of packFields(['x'.repeat(30), 'y'], 10)) assert.ok(line.length <= 10);
});

test('the reader document: title, metadata, link, image note, summary, body, credit, in that order', () => {
	const lines = readerLines(story, taxonomy, 120);
	const texts = lines.map(line => line.text);
	const order = [
		'A story',
		'Devdiscourse News Desk | Moscow | Updated: 26-11-2025 12:10 IST | Created: 26-11-2025 11:56 IST | Country: Russia',
		'Sector: Politics | Edition: Global',
		'https://www.devdiscourse.com/article/politics/1-a-story',
		'This image is AI-generated.',
		'The standfirst.',
		'First paragraph.',
		'Second paragraph.',
		'(With inputs from agencies.)',
	].map(text => texts.indexOf(text));
	assert.ok(order.every(index => index >= 0), JSON.stringify(texts));
	assert.deepEqual([...order].sort((a, b) => a - b), order);
	assert.equal(lines.find(line => line.text === '(With inputs from agencies.)')?.tone, 'credit');
	assert.ok(!texts.some(text => /Headline only/.test(text)));
});

test('a headline-only entry says so, with or without a link; a synthetic one is labelled', () => {
	const headline: Article = {id: 'h', title: 'Just a headline', countries: [], sectors: [], editions: [], body: [], kind: 'headline', source: 'data', section: 'trending'};
	const withLink = readerLines({...headline, url: 'https://example.com/h'}, taxonomy, 80).map(line => line.text);
	assert.ok(withLink.includes('Headline only — open the link for the story.'));
	assert.ok(withLink.some(text => text.includes('Listed in: Trending')));
	assert.ok(withLink.some(text => text.includes('Sector: not given')));
	assert.ok(withLink.some(text => text.includes('Edition: not given')));
	const withoutLink = readerLines(headline, taxonomy, 80).map(line => line.text);
	assert.ok(withoutLink.includes('Headline only — the page listed no link for this story.'));
	const synthetic = readerLines({...story, synthetic: true}, taxonomy, 80).map(line => line.text);
	assert.ok(synthetic.some(text => text.startsWith('Synthetic article')));
});

test('a list row is exactly the width, and drops columns as the terminal narrows', () => {
	const row: ArticleRow = {id: '1', title: 'Leaked call 漢字 🦊 sparks controversy', sectors: ['politics'], editions: ['global'], countries: [], createdAt: story.createdAt, kind: 'full', read: false};
	for (const width of [100, 72, 60, 44, 30, 12]) {
		const line = formatRow(row, taxonomy, width, {selected: true, bookmarked: true});
		assert.equal(stringWidth(line), width, `${width}: ${line}`);
		assert.ok(line.startsWith('›★•'), 'selected, bookmarked, unread');
	}

	assert.match(formatRow(row, taxonomy, 100, {selected: false, bookmarked: false}), /Global +Politics +Nov 2025$/);
	assert.doesNotMatch(formatRow(row, taxonomy, 60, {selected: false, bookmarked: false}), /Politics/);
	assert.doesNotMatch(formatRow(row, taxonomy, 40, {selected: false, bookmarked: false}), /Global|Nov 2025/);
	assert.match(formatRow({...row, kind: 'headline', read: true}, taxonomy, 60, {selected: false, bookmarked: false}), /^ {3}◦ /);
});

test('untrusted text is sanitised on its way through layout', () => {
	const hostile = readerLines({...story, title: 'Evil\u001B[2J\u001B]0;x\u0007 title', body: ['a\u009B31mb']}, taxonomy, 80);
	assert.equal(hostile[0]?.text, 'Evil title');
	assert.ok(hostile.some(line => line.text === 'ab'));
	assert.equal(truncate('x\u001B]52;c;AAAA\u0007y', 10), 'xy');
});

test('counts of a search that found more than it ranked carry a "+"', () => {
	assert.deepEqual(headerDetails({total: 1, unread: 0}, undefined)[0], ['1 article', 'never refreshed']);
	assert.deepEqual(headerDetails({total: 1000, unread: 12, more: true}, Date.now())[0], ['1,000+ articles', '12+ unread', 'refreshed just now']);
	assert.deepEqual(headerDetails({total: 12, unread: 12}, Date.now(), {unreadOnly: true})[0], ['12 articles', 'refreshed just now'], 'unread only: the count is the unread count');
	assert.deepEqual(headerDetails({total: 12_345, unread: 9, more: false}, Date.now() - 5 * 60_000).at(-2), ['12,345', '5 min ago'], 'at its shortest, the count and how fresh');
	assert.equal(countText({total: 3, unread: 2}), '(3 · 2 unread)');
	assert.equal(countText({total: 40, unread: 0, more: true}), '(40+)');
	assert.equal(countText({total: 12_345, unread: 1234}), '(12,345 · 1,234 unread)', 'thousands separated');
	assert.equal(countText(undefined), '(0)');
});

test('the header cuts the place, never the flags, with details and without them (a story, a picker, the help)', () => {
	const details = headerDetails({total: 40, unread: 40}, Date.now(), {unreadOnly: true});
	const flags = ['unread only', 'oldest first'];
	for (const [shown, width] of [[details, 60], [[], 50]] as Array<[string[][], number]>) {
		const {left, right} = headerParts('Synthetic 世界 News of a long name', flags, shown, width);
		assert.ok(left.endsWith(' · unread only · oldest first'), `${width}: ${left}`);
		assert.match(left, /^(?:devnews › )?Synthetic .*…/);
		assert.ok(stringWidth(left) + (right ? 2 + stringWidth(right) : 0) <= width, `${width}: fits`);
	}

	assert.equal(headerParts('Synthetic 世界 News of a long name', flags, [], 60).left, 'devnews › Synthetic 世界 News … · unread only · oldest first', 'with room, devnews\'s name stays');
	assert.equal(headerParts('Synthetic 世界 News of a long name', flags, [], 50).left, 'Synthetic 世界 News … · unread only · oldest first', 'the place would keep 11 cells: devnews\'s name gives way');
	assert.equal(headerParts('Synthetic 世界 News', flags, [], 40).left, 'Synthetic … · unread only · oldest first', 'devnews\'s name gives way to the place, which keeps its first words');
	assert.equal(headerParts('Synthetic 世界 News', flags, [], 30).left, '… · unread only · oldest first', 'the flags stay while a cell of the place is left');
	assert.equal(headerParts('Synthetic 世界 News', flags, [], 12).left, 'Synthetic …', 'under the flags\' width, the line is cut from its end');
	assert.deepEqual(headerParts('Politics · All editions', [], [], 80), {left: 'devnews › Politics · All editions', right: ''});
});

test('a sector guessed from the link is marked as a guess, in the reader, the row and its sentence; a time other than the creation is named', () => {
	const guessed: Article = {...story, sectors: [], label: 'politics', createdAt: undefined, updatedAt: undefined, listedAt: '2025-11-26T06:00:00Z'};
	const meta = readerLines(guessed, taxonomy, 200)
		.filter(line => line.tone === 'meta')
		.map(line => line.text)
		.join(' ');
	assert.match(meta, /Sector: Politics \(guessed from the link\)/);
	assert.match(meta, /Listed: 26-11-2025 11:30 IST/, 'a listing\'s time, named for what it is, when nothing else dates the story');
	assert.doesNotMatch(readerLines(story, taxonomy, 200).map(line => line.text).join(' '), /guessed|Listed/, 'a stated sector and the page\'s times are not');
	const row: ArticleRow = {id: '1', title: 'A story', sectors: ['politics'], sectorsGuessed: true, editions: ['global'], countries: [], updatedAt: '2025-11-26T06:00:00Z', kind: 'summary', read: false};
	assert.match(formatRow(row, taxonomy, 100, {selected: false, bookmarked: false}), /Politics\? +Nov 2025/);
	assert.match(rowSentence(row, taxonomy, {selected: false, bookmarked: false}), /Politics, guessed\. Global\. updated Nov 2025\./);
});

test('truncateStart keeps a line\'s end within the width, a wide character whole or left out', () => {
	assert.equal(truncateStart('a search typed past the width▏', 12), '… the width▏');
	assert.equal(truncateStart('a search typed past the width', 12), '…t the width', 'plain ASCII, cut directly');
	for (let width = 1; width <= 12; width++) {
		const cut = truncateStart('東京で開かれた会議▏', width);
		assert.ok(stringWidth(cut) <= width, `${cut} at ${width}`);
		if (width > 2) assert.match(cut, /^….*▏$/);
	}
});
