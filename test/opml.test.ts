// OPML in and out: titles sanitised on the way in and escaped on the way out,
// URL variants merged, categories checked against the taxonomy, imports
// linear in the number of outlines and never half-written.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {ConfigFile} from '../source/config/config-file.js';
import {FeedList, normalizeFeedUrl} from '../source/feeds/feed-list.js';
import {buildOpml, parseOpml} from '../source/feeds/opml.js';
import {CLI, isolatedEnv, tempDir} from './helpers.js';

const taxonomy = {sectors: [{id: 'politics', name: 'Politics', order: 1}], editions: [{id: 'global', name: 'Global', order: 1}], labels: {}};
const opml = (outlines: string) => `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${outlines}</body></opml>`;
// eslint-disable-next-line no-control-regex -- what must not be written out
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

test('a title carrying escape bytes is stored without them, and export escapes everything', () => {
	const {feeds} = parseOpml(opml('<outline text="x" title="Owned\u001B]0;pwned\u0007 &amp; &lt;b&gt; &quot;q&quot;" xmlUrl="https://example.com/rss"/>'), taxonomy);
	assert.equal(feeds[0]?.title, 'Owned & <b> "q"');
	const written = buildOpml([{url: 'https://example.com/rss?a=1&b=2', title: 'Old\u001B]0;pwned\u0007 <b> & "q"'}]);
	assert.doesNotMatch(written, CONTROL_BUT_NEWLINE);
	assert.match(written, /title="Old &lt;b&gt; &amp; &quot;q&quot;"/);
	assert.match(written, /xmlUrl="https:\/\/example\.com\/rss\?a=1&amp;b=2"/);
	assert.deepEqual(parseOpml(written, taxonomy).feeds, [{url: 'https://example.com/rss?a=1&b=2', title: 'Old <b> & "q"'}]);
});

test('URL variants are one feed: scheme and host case, default port, trailing slash, fragment', () => {
	for (const variant of ['HTTP://Example.COM:80/rss/', 'http://example.com/rss#top', 'http://example.com:80/rss', 'http://EXAMPLE.com/rss']) {
		assert.equal(normalizeFeedUrl(variant), 'http://example.com/rss', variant);
	}

	assert.equal(normalizeFeedUrl('https://example.com'), 'https://example.com/');
	assert.equal(normalizeFeedUrl('https://example.com/rss?b=2&a=1'), 'https://example.com/rss?b=2&a=1', 'the query is the server\'s business');
	const {feeds} = parseOpml(
		opml('<outline xmlUrl="HTTP://Example.COM/rss/" title="A"/><outline xmlUrl="http://example.com:80/rss#x" title="B" category="/sector/politics"/>'),
		taxonomy,
	);
	assert.deepEqual(feeds, [{url: 'http://example.com/rss', title: 'B', sector: 'politics'}]);
});

test('a category must name a sector or edition the taxonomy knows; others are dropped with a warning naming the outline', () => {
	const {feeds, warnings} = parseOpml(
		opml('<outline xmlUrl="https://a.example/rss" title="A" category="/sector/..,/edition/global"/><outline xmlUrl="https://b.example/rss" category="/sector/from-link,/edition/mars"/><outline xmlUrl="https://c.example/rss" category="/sector/POLITICS"/>'),
		taxonomy,
	);
	assert.deepEqual(feeds, [
		{url: 'https://a.example/rss', title: 'A', edition: 'global'},
		{url: 'https://b.example/rss', sector: 'from-link'},
		{url: 'https://c.example/rss', sector: 'politics'},
	]);
	assert.deepEqual(warnings, [
		'outline "A" (https://a.example/rss): unknown sector "..", dropped',
		'outline https://b.example/rss: unknown edition "mars", dropped',
	]);
});

test('adding 40,000 feeds to a list of 40,000 takes well under a second of merging, and variants merge with what is stored', async () => {
	const {config} = ConfigFile.open(tempDir('devnews-config'));
	const list = new FeedList(config, [{url: 'HTTP://Example.com/rss/', title: 'kept'}]);
	const many = Array.from({length: 40_000}, (_, index) => ({url: `https://feeds.example/${index}`}));
	await list.add(many);
	const started = performance.now();
	const added = await list.add([...many.map(feed => ({...feed, sector: 'politics'})), {url: 'http://example.com/rss', edition: 'global'}]);
	assert.ok(performance.now() - started < 3000, `took ${Math.round(performance.now() - started)} ms`);
	assert.equal(added, 0);
	const stored = list.list();
	assert.equal(stored.length, 40_001);
	assert.deepEqual(stored[0], {url: 'http://example.com/rss', title: 'kept', edition: 'global'});
	assert.equal(stored[1]?.sector, 'politics');
});

test('an import stopped before it is written leaves the old list as it was', async () => {
	const {config} = ConfigFile.open(tempDir('devnews-config'));
	const list = new FeedList(config, []);
	await list.add([{url: 'https://kept.example/rss'}]);
	const stop = new AbortController();
	stop.abort();
	await assert.rejects(list.add([{url: 'https://new.example/rss'}], stop.signal));
	assert.deepEqual(list.list(), [{url: 'https://kept.example/rss'}]);
});

test('feeds import stopped by Ctrl-C exits 130 (or dies by the signal) and never leaves a half-merged list', async () => {
	const env = isolatedEnv();
	const file = path.join(tempDir('devnews-opml'), 'many.opml');
	fs.writeFileSync(file, opml(Array.from({length: 60_000}, (_, index) => `<outline xmlUrl="https://feeds.example/${index}" title="Synthetic ${index}"/>`).join('\n')));
	const configFile = path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json');
	const child = spawn(process.execPath, [CLI, 'feeds', 'import', file], {env, stdio: ['ignore', 'pipe', 'pipe']});
	let stderr = '';
	child.stderr.on('data', chunk => (stderr += chunk));
	setTimeout(() => child.kill('SIGINT'), 300);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve => child.on('close', (...ended) => resolve(ended)));
	assert.doesNotMatch(stderr, /\n\s+at /);
	const feeds = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as {feeds?: unknown[]}).feeds : undefined;
	if (code === 0) assert.equal(feeds?.length, 60_000 + 6, 'finished before the signal: all of it');
	else {
		assert.ok(code === 130 || signal === 'SIGINT', `code ${code}, signal ${signal}`);
		assert.equal(feeds, undefined, 'nothing written');
	}
});

test('feeds export of a title saved with escape bytes writes none of them', async () => {
	const env = isolatedEnv();
	const configDir = path.join(env['XDG_CONFIG_HOME']!, 'devnews');
	fs.mkdirSync(configDir, {recursive: true});
	fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({feeds: [{url: 'https://example.com/rss', title: 'T\u001B]0;pwned\u0007itle'}]}));
	const stdout = await new Promise<string>(resolve => {
		const child = spawn(process.execPath, [CLI, 'feeds', 'export'], {env, stdio: ['ignore', 'pipe', 'ignore']});
		let text = '';
		child.stdout.on('data', chunk => (text += chunk));
		child.on('close', () => resolve(text));
	});
	assert.match(stdout, /title="Title"/);
	assert.doesNotMatch(stdout, CONTROL_BUT_NEWLINE);
});

test('an outline whose xmlUrl is not a web address is skipped with a warning naming it, not dropped unseen', () => {
	const {feeds, warnings} = parseOpml(
		opml('<outline xmlUrl="feed://example.com/podcast" title="Synthetic podcast"/><outline xmlUrl="javascript:alert(1)"/><outline text="a folder"/><outline xmlUrl="https://a.example/rss"/>'),
		taxonomy,
	);
	assert.deepEqual(feeds, [{url: 'https://a.example/rss'}]);
	assert.deepEqual(warnings, [
		'outline "Synthetic podcast": skipped, its xmlUrl "feed://example.com/podcast" is not a web address',
		'outline without a title: skipped, its xmlUrl "javascript:alert(1)" is not a web address',
	]);
});

test('an OPML file with an empty body, as feeds export writes an empty list, imports as no feeds, not as "not an OPML document"', () => {
	assert.deepEqual(parseOpml(buildOpml([]), taxonomy), {feeds: [], warnings: []});
	assert.deepEqual(parseOpml('<opml version="1.0"><head/><body></body></opml>', taxonomy), {feeds: [], warnings: []});
	assert.throws(() => parseOpml('<opml version="2.0"><head/></opml>', taxonomy), /not an OPML document \(no <opml><body>\)/);
});
