// What completing summary-only stories from their pages costs (npm run
// bench, or alone with --only complete): a feed of PAGES summary-only items
// and their pages (the site's article template, a real page's size) served
// from 127.0.0.1 by this process, completed by complete-runner.tsx in a
// process of its own: pages a second, and j/k key → frame in the browser
// while it runs, beside the same keys before it. The targets are those of
// keys during a refresh: the median at most ten times the quiet one, the
// p99 within a tenth of a second.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {rss2, startFeedServer} from '../test/feed-server.js';
import {ROOT, SHIPPED_DATA} from './corpus.js';
import type {CompletionResult} from './complete-runner.js';
import type {Ratio} from './report.js';

/** Summary-only items completed in each measurement. */
const PAGES = 200;

/** A real article page of the site, its title made each page's own. */
const PAGE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'devdiscourse', 'article-seed.html'), 'utf8');

export type {CompletionResult} from './complete-runner.js';

export async function measureCompletion(runner: string, terminal: {cols: number; rows: number}, presses: number): Promise<CompletionResult> {
	const server = await startFeedServer();
	const dated = (index: number) => new Date(Date.now() - (index + 1) * 60_000).toISOString();
	const items = Array.from({length: PAGES}, (_, index) => ({id: `complete-${index}`, title: `Synthetic page to complete ${index}`, link: server.url(`/page-${index}`), date: dated(index)}));
	const feed = rss2(items);
	server.route('/feed', (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8'}).end(feed);
	});
	for (const [index, item] of items.entries()) {
		const page = PAGE.replaceAll(/<h1 class="title">[^<]*</g, `<h1 class="title">${item.title}<`);
		server.route(`/page-${index}`, (_request, response) => {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(page);
		});
	}

	try {
		const options = {feed: server.url('/feed'), pages: PAGES, data: SHIPPED_DATA, ...terminal, presses};
		const out = await new Promise<string>((resolve, reject) => {
			const child = spawn(runner, [JSON.stringify(options)], {cwd: ROOT, env: {...process.env, NODE_ENV: 'production'}, stdio: ['ignore', 'pipe', 'inherit']});
			let stdout = '';
			child.stdout.on('data', chunk => (stdout += chunk));
			child.on('error', reject);
			child.on('close', code => (code === 0 ? resolve(stdout) : reject(new Error(`the completion benchmark exited with ${code}`))));
		});
		return JSON.parse(out) as CompletionResult;
	} finally {
		await server.close();
	}
}

export function completionTargets({browser}: CompletionResult): Ratio[] {
	const medianRatio = browser.completing.median / browser.quiet.median;
	return [
		{what: 'j/k during completion, median ÷ quiet median', value: medianRatio, target: '≤ 10', met: medianRatio <= 10},
		{what: 'j/k during completion, p99 (ms)', value: browser.completing.p99, target: '≤ 100', met: browser.completing.p99 <= 100},
	];
}

export function printCompletion(result: CompletionResult, targets: Ratio[]): string {
	const {headless, browser} = result;
	const ms = (value: number) => value.toFixed(1);
	return [
		`Completing ${result.pages} summary-only stories from their pages on 127.0.0.1 (two requests at a time to the host):`,
		`  no screen:   ${headless.pagesPerSecond.toFixed(1)} pages/s (${headless.seconds.toFixed(1)} s)`,
		`  in browser:  ${browser.pagesPerSecond.toFixed(1)} pages/s (${browser.seconds.toFixed(1)} s)`,
		`  j/k key → frame, quiet:      median ${ms(browser.quiet.median)} ms, p99 ${ms(browser.quiet.p99)} ms (${browser.quiet.presses} presses)`,
		`  j/k key → frame, completing: median ${ms(browser.completing.median)} ms, p99 ${ms(browser.completing.p99)} ms (${browser.completing.presses} presses)`,
		...targets.map(({what, value, target, met}) => `  ${met ? 'met ' : 'MISS'}  ${what}: ${value.toFixed(2)} (target ${target})`),
		'',
	].join('\n');
}
