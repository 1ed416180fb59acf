// Every example in devnews --help and in the README's code blocks runs:
// each `devnews …` (or `npx devnews …`) line is made concrete (its
// placeholders filled in, its addresses pointed at a feed server on
// 127.0.0.1) and run by the built devnews against its own config, cache and
// data folder. None may end in a usage mistake or an unknown sector or
// edition; every one must succeed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, serveXml, startFeedServer, type FeedServer} from './feed-server.js';
import {closedPort, copyOfShippedData, isolatedEnv, LEAKED_CALL_ID, ROOT, runDevnews, tempDir} from './helpers.js';

let server: FeedServer;
let data: string;
let opmlFile: string;
/** A list of addresses as newsboat keeps its feeds, for the examples that import one. */
let urlsFile: string;
/** A proxy where nothing listens, for every request not to 127.0.0.1: no example reaches the internet, whatever it names. */
let nowhere: string;

const feed = (name: string) => serveXml(rss2([{id: `${name}-1`, title: `Synthetic item of ${name}`}]));

before(async () => {
	server = await startFeedServer();
	nowhere = `http://127.0.0.1:${await closedPort()}`;
	server.route('/local/feed', feed('local'));
	data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify([{url: server.url('/local/feed'), sector: 'politics', edition: 'global'}]));
	opmlFile = path.join(tempDir('devnews-opml'), 'subscriptions.opml');
	fs.writeFileSync(opmlFile, `<?xml version="1.0"?><opml version="2.0"><body><outline text="Synthetic" xmlUrl="${server.url('/local/opml-feed')}" category="/sector/health"/></body></opml>`);
	server.route('/local/opml-feed', feed('opml'));
	urlsFile = path.join(tempDir('devnews-urls'), 'urls');
	fs.writeFileSync(urlsFile, `# synthetic\n${server.url('/local/urls-feed')} health "~Synthetic list"\n`);
	server.route('/local/urls-feed', feed('urls'));
});

after(async () => server.close());

/**
 * An example's address, on the feed server instead: a site's root (`/`)
 * is a web page linking to a feed (autodiscovery), anything else a feed.
 */
function local(address: string): string {
	const url = new URL(address);
	const route = `/${url.host}${url.pathname}`;
	if (url.pathname === '/') {
		server.route(`${route}rss`, feed(url.host));
		server.route(route, serveXml(`<html><head><link rel="alternate" type="application/rss+xml" href="${server.url(`${route}rss`)}"></head><body></body></html>`, {contentType: 'text/html'}));
	} else {
		server.route(route, feed(url.host));
	}

	return server.url(route);
}

/** What a placeholder stands for, after the flag that takes it… */
const FLAG_VALUES: Record<string, () => string> = {
	'--sector': () => 'politics',
	'--edition': () => 'global',
	'--limit': () => '2',
	'--data': () => data,
	'--concurrency': () => '2',
	'--timeout': () => '5',
	'--max-bytes': () => '1000000',
	'--complete': () => '0',
};

/** …or by itself. */
const PLACEHOLDERS: Record<string, () => string> = {
	ID: () => LEAKED_CALL_ID,
	WORDS: () => 'Ukraine',
	URL: () => local('https://example.com/placeholder-feed'),
	FILE: () => opmlFile,
	DIR: () => data,
};

const isPlaceholder = (word: string) => /^[A-Z][A-Z_]*(?:\.\.\.|\.\w+)?(?:\|\S+)?$/.test(word) || word.startsWith('[');

/** Words as a shell splits them, but an optional `[…]` kept whole. */
const words = (text: string): string[] => text.match(/\[[^\]]*\]|"[^"]*"|\S+/g) ?? [];

/**
 * A synopsis line as the commands it stands for: `A / B` and `A | B` are
 * two, B taking the place of A's last word that is not a placeholder
 * ("bookmark ID... / unbookmark ID...", "import FILE / export",
 * "--help | --version").
 */
function alternatives(line: string): string[][] {
	const [first = '', ...others] = line.split(/ [/|] /);
	const head = words(first);
	let fixed = head.length - 1;
	while (fixed > 0 && isPlaceholder(head[fixed]!)) fixed--;
	return [head, ...others.map(other => [...head.slice(0, fixed), ...words(other)])];
}

/** One command's words as arguments: optional parts included, placeholders filled in, addresses made local, a `> file` left out. */
function concrete(command: string[]): string[] {
	const args: string[] = [];
	const expanded = command.flatMap(word => (word.startsWith('[') ? words(word.slice(1, -1)) : [word]));
	for (let index = 0; index < expanded.length; index++) {
		const word = expanded[index]!;
		if (word === '>') {
			index++;
			continue;
		}

		const placeholder = word.split('|')[0]!.replace(/\.\.\.$/, '');
		const previous = args.at(-1) ?? '';
		if (isPlaceholder(word)) {
			const value = (previous.startsWith('--') ? FLAG_VALUES[previous] : undefined) ?? PLACEHOLDERS[placeholder];
			assert.ok(value, `the test knows no value for ${word} in: ${command.join(' ')}`);
			args.push(value());
		} else if (/^https?:\/\//.test(word)) {
			args.push(local(word));
		} else if (word.endsWith('.opml')) {
			// An OPML file an example names (subscriptions.opml): one the test wrote.
			args.push(opmlFile);
		} else if (word.endsWith('/urls')) {
			// newsboat's list of feeds an example names (~/.newsboat/urls): one the test wrote.
			args.push(urlsFile);
		} else {
			args.push(word.replace(/^"(.*)"$/, '$1'));
		}
	}

	return args;
}

/**
 * `devnews …` or `npx devnews …` as a command, its comment and its
 * description (after two spaces) left out; a line that only starts with the
 * word (a benchmark's heading) is none: a command is devnews alone, or
 * followed by a flag, an optional part or a word.
 */
function exampleOf(line: string): string | undefined {
	const command = line.trim().replace(/^(?:\$|npx) /, '').replace(/\s#.*$/, '').split(/ {2,}/)[0]!.trim();
	return /^devnews(?:$|\s+(?:-|\[|[a-z]+(?:\s|$)))/.test(command) ? command : undefined;
}

/** The commands an example stands for, as devnews's arguments (without "devnews"). */
const commandsOf = (example: string): string[][] => alternatives(example).map(command => concrete(command.slice(1)));

function readmeExamples(): string[] {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const blocks = [...readme.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map(block => block[1]!);
	return blocks.flatMap(block => block.split('\n').flatMap(line => exampleOf(line) ?? []));
}

/** The usage lines of --help, and each value its options give as an example ("e.g. global, "South Asia"") with list. */
function helpExamples(help: string): string[] {
	const usage = help.split('\n').flatMap(line => (line.trim().startsWith('$ ') ? (exampleOf(line) ?? []) : []));
	const values = [...help.matchAll(/^\s*(--[\w-]+) \S+\s.*\(e\.g\. (.+)\)$/gm)].flatMap(([, flag, list]) => (list!.match(/"[^"]*"|[^,\s][^,]*/g) ?? []).map(value => `devnews list ${flag} ${value.trim()}`));
	return [...usage, ...values];
}

/** Commands that read the feed list reach every feed on it: they run with only the data folder's, on 127.0.0.1 (an earlier example adds the site's own listing, which is not). */
const readsFeedList = (args: string[]) => args[0] === 'fetch' || (args[0] === 'feeds' && args[1] === 'check');

/** Its own config and cache, and every request but to 127.0.0.1 sent to a proxy where nothing listens. */
const sealedEnv = (): NodeJS.ProcessEnv => ({...isolatedEnv(), HTTP_PROXY: nowhere, HTTPS_PROXY: nowhere, http_proxy: nowhere, https_proxy: nowhere, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1'});

async function runAll(examples: string[], source: string): Promise<void> {
	const shared = sealedEnv();
	for (const example of examples) {
		for (const args of commandsOf(example)) {
			const env = readsFeedList(args) ? sealedEnv() : shared;
			const withData = args.includes('--data') ? args : [...args, '--data', data];
			const ran = await runDevnews(withData, env); // eslint-disable-line no-await-in-loop -- in order: an example may need the one before (bookmark, then unbookmark)
			const said = `${source}: ${example}\n  ran devnews ${withData.join(' ')}\n  ${ran.stderr}`;
			assert.notEqual(ran.code, 2, `a usage mistake — ${said}`);
			assert.doesNotMatch(ran.stderr, /unknown|not a sector|not an edition/i, said);
			assert.equal(ran.code, 0, said);
		}
	}
}

test('every devnews example in --help runs', async () => {
	const help = (await runDevnews(['--help'], isolatedEnv())).stdout;
	const examples = helpExamples(help);
	assert.ok(examples.length >= 15, `found ${examples.length} examples in --help:\n${examples.join('\n')}`);
	await runAll(examples, '--help');
});

test("every devnews example in the README's code blocks runs", async () => {
	const examples = readmeExamples();
	assert.ok(examples.length >= 25, `found ${examples.length} examples in README.md:\n${examples.join('\n')}`);
	await runAll(examples, 'README.md');
});

test('from a clone, npx devnews runs the package\'s own bin, offline', async () => {
	const {spawn} = await import('node:child_process');
	const npx = (args: string[]) =>
		new Promise<{code: number | null; stdout: string; stderr: string}>(resolve => {
			// Offline, with no update check and every request sent to a proxy that is not there: npx must find the bin locally.
			const env = {...sealedEnv(), npm_config_offline: 'true', npm_config_update_notifier: 'false'};
			const child = spawn('npx', ['devnews', ...args], {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', chunk => (stdout += chunk));
			child.stderr.on('data', chunk => (stderr += chunk));
			child.on('close', code => resolve({code, stdout, stderr}));
		});
	const version = await npx(['--version']);
	assert.equal(version.code, 0, version.stderr);
	assert.equal(version.stdout, `${(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}).version}\n`);
	const listed = await npx(['list']);
	assert.equal(listed.code, 0, listed.stderr);
	assert.match(listed.stdout, /^Leaked Call Sparks Controversy/);
});
