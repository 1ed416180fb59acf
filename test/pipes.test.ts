// The command line when its reader goes away (`| head`, `| less` quit early)
// or it is stopped by a signal: it ends quietly, with the usual status, and
// keeps what it had finished.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {rss2, serveXml, startFeedServer, type FeedServer} from './feed-server.js';
import {CLI, copyOfShippedData, isolatedEnv} from './helpers.js';

let server: FeedServer;

before(async () => {
	server = await startFeedServer();
	server.route('/quick', serveXml(rss2([{id: 'q1', title: 'Synthetic quick item', date: new Date(Date.now() - 60_000).toISOString()}])));
	server.route('/hang', (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.write('<?xml version="1.0"?><rss><channel>');
	});
});

after(async () => server.close());

/** A data folder with `count` synthetic articles beside the shipped ones, their titles `words` words longer than the first few. */
function dataWithSyntheticArticles(count: number, words = 0): string {
	const data = copyOfShippedData();
	const articles = Array.from({length: count}, (_, index) => ({
		id: `synthetic-${index}`,
		title: `Synthetic article ${index} about nothing in particular${' and more'.repeat(words)}`,
		summary: 'A synthetic summary, long enough to make the JSON of a row a few hundred bytes.',
		createdAt: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
		sector: 'politics',
		edition: 'global',
		kind: 'headline',
		synthetic: true,
	}));
	fs.writeFileSync(path.join(data, 'articles', 'synthetic.json'), JSON.stringify(articles));
	return data;
}

type Ended = {code: number | null; signal: NodeJS.Signals | null; stderr: string};

function ended(child: ReturnType<typeof spawn>): Promise<Ended> {
	let stderr = '';
	child.stderr?.on('data', chunk => (stderr += chunk));
	return new Promise(resolve => child.on('close', (code, signal) => resolve({code, signal, stderr})));
}

test('list --json whose reader closes after a few bytes ends quietly with status 0', async () => {
	const env = isolatedEnv();
	const data = dataWithSyntheticArticles(4000);
	for (const args of [['list', '--json'], ['list'], ['search', 'synthetic', '--json']]) {
		const child = spawn(process.execPath, [CLI, ...args, '--data', data], {env, stdio: ['ignore', 'pipe', 'pipe']});
		const done = ended(child);
		// eslint-disable-next-line no-await-in-loop -- one command at a time, each with its pipe closed
		await new Promise<void>(resolve => {
			child.stdout.once('data', () => {
				child.stdout.destroy();
				resolve();
			});
		});
		const {code, stderr} = await done; // eslint-disable-line no-await-in-loop -- as above
		assert.equal(code, 0, `${args.join(' ')}: ${stderr}`);
		assert.doesNotMatch(stderr, /EPIPE|\n\s+at /, args.join(' '));
	}
});

for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
	test(`${signal} during fetch stops it with status ${status}, no stack trace, and keeps the feeds already fetched`, async () => {
		const env = isolatedEnv();
		const data = copyOfShippedData();
		fs.writeFileSync(path.join(data, 'feeds.json'), JSON.stringify([{url: server.url('/quick')}, {url: server.url('/hang')}]));
		const child = spawn(process.execPath, [CLI, 'fetch', '--data', data, '--timeout', '30'], {env, stdio: ['ignore', 'pipe', 'pipe']});
		const done = ended(child);
		let stdout = '';
		await new Promise<void>(resolve => {
			child.stdout.on('data', chunk => {
				stdout += chunk;
				if (/\/quick: 1 item,/.test(stdout)) resolve();
			});
		});
		const started = Date.now();
		child.kill(signal);
		const {code, stderr} = await done;
		assert.ok(Date.now() - started < 5000, 'stopped promptly, not at the 30 s timeout');
		assert.equal(code, status, stderr);
		assert.doesNotMatch(stderr, /\n\s+at /);
		assert.match(stderr, new RegExp(`stopped by ${signal}`));
		const list = await new Promise<string>(resolve => {
			const lister = spawn(process.execPath, [CLI, 'list', '--json', '--data', data], {env, stdio: ['ignore', 'pipe', 'ignore']});
			let text = '';
			lister.stdout.on('data', chunk => (text += chunk));
			lister.on('close', () => resolve(text));
		});
		assert.match(list, /Synthetic quick item/, 'what was fetched is kept');
	});
}

test('a search whose reader leaves after its first rows stops there: it does not go on to the end and say more stories match', async () => {
	const env = isolatedEnv();
	// 1,000 rows of about 2 KB: far more than a pipe holds and a reader takes in before it can leave.
	const data = dataWithSyntheticArticles(1500, 200);
	const whole = await new Promise<Ended>(resolve => {
		const child = spawn(process.execPath, [CLI, 'search', 'synthetic', '--data', data], {env, stdio: ['ignore', 'ignore', 'pipe']});
		void ended(child).then(resolve);
	});
	assert.match(whole.stderr, /more than 1,000 stories match/, 'read to the end, it says so');
	const child = spawn(process.execPath, [CLI, 'search', 'synthetic', '--data', data], {env, stdio: ['ignore', 'pipe', 'pipe']});
	const done = ended(child);
	await new Promise<void>(resolve => {
		child.stdout.once('data', () => {
			child.stdout.destroy();
			resolve();
		});
	});
	const {code, stderr} = await done;
	assert.equal(code, 0, stderr);
	assert.equal(stderr, '', 'stopped when its reader left');
});
