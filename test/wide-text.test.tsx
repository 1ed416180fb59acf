// Titles in other scripts keep every row on one line and every column in
// its place: CJK and Hangul (two cells a character), emoji with ZWJ
// sequences, flags and skin tones, combining marks, zero-width characters.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {fit, truncate, wrapText} from '../source/core/layout.js';
import {copyOfShippedData, writeArticle} from './helpers.js';
import {renderApp} from './render-app.js';

const WIDE_TITLES = [
	'合成テスト記事：東京の新しい橋が開通し、市民が祝う長い見出しの例です',
	'합성 테스트 기사: 서울에서 새로운 다리가 개통되어 시민들이 축하합니다 긴 제목',
	'Synthetic: emoji 👩‍👩‍👧‍👦 family, flags 🇮🇳🇧🇷, skin 👍🏽 and e\u0301 combining, zero\u200Bwidth, a long title',
	'Synthétique : café, naïve façade à São Paulo — accentué et assez long pour être coupé',
	'合成测试文章：中文标题在列表中应该保持在一行内而不会换行到第二行去',
];

const graphemes = (text: string) => Array.from(new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text), part => part.segment);

test('cutting never splits a character and never goes past the width; fitting fills it exactly', () => {
	for (const title of WIDE_TITLES) {
		const whole = graphemes(title);
		for (let width = 1; width <= 60; width++) {
			const cut = truncate(title, width);
			assert.ok(stringWidth(cut) <= width, `${width}: ${cut}`);
			const kept = graphemes(cut.replace(/…$/, ''));
			assert.deepEqual(kept, whole.slice(0, kept.length), `${width}: whole characters, from the start`);
			assert.equal(stringWidth(fit(title, width)), width, `${width}: fitted`);
		}

		for (const width of [10, 17, 40]) {
			for (const line of wrapText(title, width)) assert.ok(stringWidth(line) <= width, `wrapped to ${width}: ${line}`);
		}
	}
});

function wideData(): string {
	const data = copyOfShippedData();
	writeArticle(
		data,
		'wide.json',
		WIDE_TITLES.map((title, index) => ({
			id: `wide-${index}`,
			title,
			kind: 'full',
			body: [`${title}。${title}`],
			createdAt: `2025-11-27T1${index}:00:00+05:30`,
			sectors: [['politics', 'health', 'technology', 'sports', 'wash'][index]!],
			editions: ['global'],
			synthetic: true,
		})),
	);
	return data;
}

for (const [width, height] of [
	[80, 24],
	[40, 12],
] as const) {
	test(`at ${width}×${height}, rows with wide titles are one line each, columns aligned, the selection where it should be`, async () => {
		const {frame, press, ui} = await renderApp({width, height, dataDir: wideData()});
		await press('j', 'j');
		const lines = frame().split('\n');
		assert.equal(lines.length, height, 'the screen is exactly the terminal');
		for (const line of lines) assert.ok(stringWidth(line) <= width, `${stringWidth(line)} cells: ${line}`);
		const rows = lines.slice(1, -1);
		assert.equal(rows.length, height - 2, 'every body line a row');
		const newest = WIDE_TITLES.map((_, index) => index).reverse();
		// The five synthetic rows are the newest; each starts with the title it should.
		for (const [line, index] of rows.slice(0, 5).map((line, row) => [line, newest[row]!] as const)) {
			const start = graphemes(WIDE_TITLES[index]!).slice(0, 3).join('');
			assert.ok(line.slice(5).startsWith(start), `row of title ${index}: ${line}`);
		}

		assert.ok(rows[2]?.startsWith('›'), 'j j selected the third row');
		assert.equal(rows.filter(line => line.startsWith('›')).length, 1);
		if (width >= 44) {
			// The time column ends every dated row at the same cell.
			const timeEnds = rows.slice(0, 5).map(line => stringWidth(line.trimEnd()));
			assert.deepEqual(new Set(timeEnds).size, 1, `time columns: ${timeEnds.join(', ')}`);
		}

		ui.unmount();
	});

	test(`at ${width}×${height}, the reader wraps a wide story within the width`, async () => {
		const {frame, press, ui} = await renderApp({width, height, dataDir: wideData()});
		await press('\r');
		const lines = frame().split('\n');
		assert.equal(lines.length, height);
		for (const line of lines) assert.ok(stringWidth(line) <= width, `${stringWidth(line)} cells: ${line}`);
		assert.match(frame(), /合成测试文章/);
		ui.unmount();
	});
}
