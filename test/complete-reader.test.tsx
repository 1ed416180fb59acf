// The browser completes summary-only stories after r, the progress on the
// status line, and never changes the story open in the reader. Feeds and
// pages on 127.0.0.1.
import assert from 'node:assert/strict';
import type http from 'node:http';
import {after, before, test} from 'node:test';
import {DEFAULT_REFRESH} from '../source/feeds/limits.js';
import {rss2, serveXml, startFeedServer, storyPage, type FeedServer} from './feed-server.js';
import {until} from './helpers.js';
import {KEYS, renderApp} from './render-app.js';

let server: FeedServer;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const refresh = {...DEFAULT_REFRESH, timeoutMs: 5000};
/** The first request for the open story's page, held until the test answers it. */
let held: http.ServerResponse | undefined;
let asked = 0;

before(async () => {
	server = await startFeedServer();
	server.route(
		'/feed',
		serveXml(
			rss2([
				{id: 'x', title: 'Synthetic story being read', summary: 'Only the summary of the story being read.', link: server.url('/x'), date: minutesAgo(1)},
				{id: 'y', title: 'Synthetic second story', link: server.url('/y'), date: minutesAgo(2)},
				{id: 'z', title: 'Synthetic third story', link: server.url('/z'), date: minutesAgo(3)},
			]),
		),
	);
	for (const route of ['/y', '/z']) server.route(route, serveXml(storyPage(), {contentType: 'text/html'}));
	// The completion's request waits; the reader's, after it, fails: the story stays a summary on screen.
	server.route('/x', (_request, response) => {
		asked++;
		if (held) response.writeHead(503, 'Service Unavailable').end();
		else held = response;
	});
});

after(async () => server.close());

test('after r the newest summary-only stories are completed, the progress on the status line; the story open in the reader is left as it is', async () => {
	const {frame, press, waitFor, ui, library} = await renderApp({width: 100, height: 20, feeds: [{url: server.url('/feed')}], refresh});
	await press('r');
	await waitFor(/Refreshed 1 feed: 3 new\.\s+· Completing stories 0\/3…/, 15_000);
	await until(() => asked > 0, 'the completion asked for the page', 30_000);

	await press('g', KEYS.enter);
	await waitFor(/Summary only — fetching the story from its page failed: HTTP 503/, 10_000);
	held!.writeHead(200, {'content-type': 'text/html'}).end(storyPage());
	await until(() => !/Completing stories/.test(frame()), () => `the completion ended:\n${frame()}`, 30_000);

	assert.equal(asked, 2, 'asked for by the completion, then by the reader');
	assert.match(frame(), /Only the summary of the story being read\./);
	assert.doesNotMatch(frame(), /The city council voted/, 'the page that came in is not shown under the reader');
	const kinds = Object.fromEntries(library.page({query: 'Synthetic'}, 0, 10).map(row => [row.title, row.kind]));
	assert.deepEqual(kinds, {'Synthetic story being read': 'summary', 'Synthetic second story': 'full', 'Synthetic third story': 'full'});
	await press(KEYS.escape);
	assert.doesNotMatch(frame(), /Completing stories/);
	ui.unmount();
});
