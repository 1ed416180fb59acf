// A list row gives a story of today its time of day and an older one its
// date; a browser left open past midnight (in IST) shows yesterday's
// stories by their date from then on, without a key pressed.
import assert from 'node:assert/strict';
import {mock, test} from 'node:test';
import {render} from 'ink-testing-library';
import type {ArticleRow} from '../source/core/article.js';
import {EMPTY_TAXONOMY} from '../source/core/taxonomy.js';
import {ArticleList} from '../source/components/ArticleList.js';

const row: ArticleRow = {id: '1', title: 'A story of the morning', sectors: [], editions: [], countries: [], createdAt: '2026-12-05T05:00:00Z', kind: 'full', read: false};

test('a story of today shows its time of day, and its date once the day is over', async () => {
	// 23:30 in IST, the story from 10:30 the same day.
	mock.timers.enable({apis: ['setTimeout', 'Date'], now: Date.parse('2026-12-05T18:00:00Z')});
	try {
		const {lastFrame, unmount} = render(<ArticleList rows={[row]} selected={0} bookmarked={new Set()} taxonomy={EMPTY_TAXONOMY} width={80} height={3} empty="" />);
		assert.match(lastFrame() ?? '', /A story of the morning .* 10:30$/m);
		// Midnight in IST, and a moment.
		mock.timers.tick(30 * 60_000 + 1000);
		await new Promise(resolve => setImmediate(resolve));
		assert.match(lastFrame() ?? '', /A story of the morning .* 05 Dec$/m);
		unmount();
	} finally {
		mock.timers.reset();
	}
});
