// The browser with live feeds: r refreshes while the list stays usable,
// opening a summary-only item fetches its story, read state and position.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {rss2, serveXml, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {closedPort, tempDir} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

let server: FeedServer;
// Newer than the shipped data, so the items head the list; a date ahead of the clock would count as none.
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
// Generous: the machine may be busy with other tests; /slow answers in 0.4 s.
const refresh = {...DEFAULT_REFRESH, timeoutMs: 3000};

before(async () => {
	server = await startFeedServer();
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
	server.route(
		'/feed',
		serveXml(
			rss2([
				{id: 'a', title: 'Synthetic council approves bridge repairs', summary: 'Only a summary in the feed.', link: server.url('/story'), date: minutesAgo(1)},
				{id: 'b', title: 'Synthetic second item', date: minutesAgo(2)},
			]),
		),
	);
	server.route('/slow', (_request, response) => {
		setTimeout(() => serveXml(rss2([{id: 's', title: 'Synthetic slow item'}]))(_request, response), 400);
	});
	server.route('/broken', serveXml('<rss><channel><item>'));
});

after(async () => server.close());

test('r refreshes the feeds with progress on screen; the list stays usable and then updates', async () => {
	const feeds = [{url: server.url('/feed'), sector: 'politics', edition: 'global'}, {url: server.url('/slow')}, {url: server.url('/broken')}];
	const {frame, press, waitFor, ui} = await renderApp({width: 100, height: 24, feeds, refresh});
	assert.match(frame(), /never refreshed/);
	await press('r');
	await waitFor(/Refreshing feeds \d\/3/);
	await press('j');
	assert.match(frame(), /› .*Hungary/, 'keys still work during the refresh');
	await waitFor(/Refreshed 3 feeds: 3 new, 1 failed — .*\/broken: malformed XML/);
	assert.match(frame(), /12 articles · 12 unread · refreshed just now/);
	assert.match(frame(), /Synthetic council approves bridge repairs/);
	ui.unmount();
});

test('r with no answer from any source of a host says so in one line, with what to do, not one source\'s error', async () => {
	const nowhere = `http://127.0.0.1:${await closedPort()}`;
	const feeds = [{url: `${nowhere}/a`}, {url: `${nowhere}/b`}, {url: `${nowhere}/c`}];
	const {press, waitFor, frame, ui} = await renderApp({width: 200, height: 24, feeds, refresh});
	await press('r');
	await waitFor(/Refreshed 3 feeds: 0 new, 3 failed — 127\.0\.0\.1:\d+ cannot be reached \(all 3 sources\): .* — nothing answers there: check the address, or try later$/m);
	assert.doesNotMatch(frame(), /devnews fetch lists all/);
	ui.unmount();
});

test('a keepDays in the config that makes no sense is named after a refresh, and a year is kept', async () => {
	const configDir = tempDir('devnews-config');
	fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({keepDays: 'a while'}));
	const {press, waitFor, ui} = await renderApp({width: 200, height: 24, configDir, feeds: [{url: server.url('/feed')}], refresh});
	await press('r');
	await waitFor(/Refreshed 1 feed: 2 new\. .*config\.json: keepDays: expected a number of days of at least 1, not "a while"; keeping 365 days\./);
	ui.unmount();
});

test('opening a summary-only item fetches its full story; read marks and positions are kept', async () => {
	const feeds = [{url: server.url('/feed'), sector: 'politics', edition: 'global'}];
	const {frame, press, waitFor, ui, library} = await renderApp({width: 80, height: 14, feeds, refresh});
	await press('r');
	await waitFor(/Refreshed 1 feed/);
	await press('g', KEYS.enter);
	await waitFor(/The city council voted on Monday/);
	assert.match(frame(), /Test News Desk \| Lisbon/);
	assert.equal(library.reading(library.page({query: 'bridge'}, 0, 1)[0]!.id).read, true);
	await press('G');
	const position = /(\d+)–(\d+)\/(\d+)/.exec(frame());
	assert.ok(position, frame());
	await press(KEYS.escape);
	assert.match(frame(), /› {3}◦? ?Synthetic council/, 'no longer marked unread');
	await press(KEYS.enter);
	await waitFor(new RegExp(`${position[1]}–${position[2]}/${position[3]}`));
	await press('u');
	assert.match(frame(), /Marked unread/);
	await press(KEYS.escape);
	assert.match(frame(), /› • {2}Synthetic council/, 'marked unread again');
	ui.unmount();
});

test('offline, a summary-only item shows its summary and says what failed when its story was fetched', async () => {
	const feeds = [{url: server.url('/feed'), sector: 'politics', edition: 'global'}];
	// No completion after the refresh: the story is fetched when opened, and that fetch fails.
	const {press, waitFor, frame, ui} = await renderApp({width: 80, height: 20, feeds, refresh, settings: {complete: 0}});
	await press('r');
	await waitFor(/Refreshed 1 feed/);
	server.route('/story', (_request, response) => {
		response.destroy();
	});
	await press('g', KEYS.enter);
	await waitFor(/Summary only — fetching the story from its page failed: /);
	assert.doesNotMatch(frame(), /not fetched yet/, 'the reader says what failed, not that it was not tried');
	assert.match(frame(), /Only a summary in the feed\./);
	server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
	ui.unmount();
});
