// The command line as a newsboat user tries it on a first day: help asked
// for beside a command, a mistyped flag, a file or folder in a bad state,
// feeds that go wrong. The built devnews, spawned with its own config and
// cache, against a feed server on 127.0.0.1 where it needs one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import pty from 'node-pty';
import {cleanEnv} from '../bench/pty.js';
import {rss2, serveXml, startFeedServer, storyPage} from './feed-server.js';
import {CLI, isolatedEnv, ROOT, runDevnews} from './helpers.js';

const devnews = runDevnews;

test('--help or -h beside a command prints the help and runs nothing; --version likewise prints the version', async () => {
	for (const args of [['feeds', 'import', 'subscriptions.opml', '--help'], ['feeds', 'remove', 'https://www.devdiscourse.com/RSS/GoogleNews', '--help'], ['bookmark', '3710216', '-h'], ['-h'], ['list', '--json', '--help']]) {
		const env = isolatedEnv();
		const ran = await devnews(args, env); // eslint-disable-line no-await-in-loop -- one at a time, each its own folders
		assert.equal(ran.code, 0, `${args.join(' ')}: ${ran.stderr}`);
		assert.match(ran.stdout, /Usage[\s\S]*devnews feeds import FILE/, args.join(' '));
		assert.equal(ran.stderr, '', args.join(' '));
		assert.ok(!fs.existsSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json')), `${args.join(' ')} saved nothing`);
	}

	const version = await devnews(['list', '--version'], isolatedEnv());
	assert.equal(version.code, 0, version.stderr);
	assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('a flag devnews does not take is refused in one line that names it and lists the flags; nothing runs', async () => {
	for (const [args, named] of [
		[['list', '--jsn'], '--jsn'],
		[['feeds', 'remove', 'https://www.devdiscourse.com/RSS/GoogleNews', '--max-byte', '5'], '--max-byte'],
		[['bookmark', '3710216', '-x'], '-x'],
	] as const) {
		// Those that need no network first: without the check, fetch and feeds check would reach for the shipped feeds.
		const env = isolatedEnv();
		const ran = await devnews([...args], env); // eslint-disable-line no-await-in-loop -- one at a time, each its own folders
		assert.equal(ran.code, 2, args.join(' '));
		assert.equal(ran.stdout, '');
		assert.match(ran.stderr, new RegExp(`^devnews: Unknown flag ${named}\\. Flags: --sector, --edition, --json, --limit, .*--max-bytes.* See devnews --help\\.\\n$`), args.join(' '));
		assert.ok(!fs.existsSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json')), `${args.join(' ')} saved nothing`);
	}
});

test('a number flag typed with no number after it is refused, not taken as not given', async () => {
	for (const args of [['list', '--limit'], ['search', 'Ukraine', '--limit', '--json'], ['feeds', 'export', '--max-bytes']]) {
		const ran = await devnews(args, isolatedEnv()); // eslint-disable-line no-await-in-loop -- one at a time
		assert.equal(ran.code, 2, args.join(' '));
		assert.equal(ran.stdout, '', args.join(' '));
		assert.match(ran.stderr, /^devnews: --(limit|max-bytes) takes .+, and was given none\. See devnews --help\.\n$/, args.join(' '));
	}
});

test('a command missing what it needs is a usage mistake, exit 2, like any other: search with no words as read with no id', async () => {
	for (const args of [['search'], ['search', '  '], ['read']]) {
		const ran = await devnews(args, isolatedEnv()); // eslint-disable-line no-await-in-loop -- one at a time
		assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`);
		assert.equal(ran.stdout, '');
		assert.match(ran.stderr, /^devnews: devnews (search|read) needs .+\.\n$/);
	}
});

test('feeds add of an address that answers with no feed devnews reads adds it as given and says why, in one line', async () => {
	const server = await startFeedServer();
	try {
		server.route('/broken', serveXml('<rss version="2.0"><channel><title>Synthetic broken feed<item></channel></rss>'));
		server.route('/data.json', serveXml('{"synthetic": true}', {contentType: 'application/json'}));
		const env = isolatedEnv();
		for (const route of ['/broken', '/data.json']) {
			const added = await devnews(['feeds', 'add', server.url(route)], env); // eslint-disable-line no-await-in-loop -- one at a time
			assert.equal(added.code, 0, added.stderr);
			assert.equal(added.stdout, `Added ${server.url(route)}\n`);
			assert.match(added.stderr, new RegExp(`^devnews: ${server.url(route).replaceAll('.', '\\.')} answers, but not as a feed devnews reads \\(.+\\); added as given: devnews feeds check tries it later\\.\\n$`), route);
		}
	} finally {
		await server.close();
	}
});

/** The config folder of `env`, made, with config.json holding `value`. */
function writeConfig(env: NodeJS.ProcessEnv, value: unknown): string {
	const file = path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json');
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, JSON.stringify(value));
	return file;
}

test('entries of the feed list that are not feeds (a bare address, null, one with no url) are kept as written by import and remove, never taken apart or merged', async () => {
	const env = isolatedEnv();
	const mine = ['https://example.com/bare-address.xml', null, {title: 'Synthetic, no url'}, {title: 'Synthetic, no url either'}];
	const file = writeConfig(env, {feeds: [...mine, {url: 'https://example.com/kept.xml'}]});
	const urls = path.join(path.dirname(file), 'urls');
	fs.writeFileSync(urls, 'https://example.com/new.xml\n');
	const imported = await devnews(['feeds', 'import', urls], env);
	assert.equal(imported.code, 0, imported.stderr);
	const read = () => (JSON.parse(fs.readFileSync(file, 'utf8')) as {feeds: unknown[]}).feeds;
	assert.deepEqual(read(), [{url: 'https://example.com/kept.xml'}, {url: 'https://example.com/new.xml'}, ...mine]);
	const removed = await devnews(['feeds', 'remove', 'https://example.com/kept.xml'], env);
	assert.equal(removed.code, 0, removed.stderr);
	assert.deepEqual(read(), [{url: 'https://example.com/new.xml'}, ...mine]);
});

test('a feed list entry that is not fetched is named at start, a line each; a feed list that is no list is named, and never written over', async () => {
	const env = isolatedEnv();
	const file = writeConfig(env, {feeds: ['https://example.com/bare-address.xml', {url: 'ftp://example.com/feed.xml'}, {url: 'https://example.com/kept.xml'}]});
	const listed = await devnews(['feeds'], env);
	assert.equal(listed.code, 0, listed.stderr);
	assert.equal(listed.stdout, 'https://example.com/kept.xml\n  sectors from each item · editions from each item · never fetched\n');
	const lines = listed.stderr.split('\n').filter(Boolean);
	assert.equal(lines.length, 2, listed.stderr);
	assert.match(lines[0]!, /^devnews: .*config\.json: feeds\.0: .*expected object.*; kept in the file, not fetched \(a feed is \{"url": "https:\/\/…"\}/);
	assert.match(lines[1]!, /^devnews: .*config\.json: feeds\.1: url: expected an http\(s\) link; kept in the file, not fetched/);

	const notAList = {feeds: {url: 'https://example.com/mine.xml'}};
	writeConfig(env, notAList);
	const text = fs.readFileSync(file, 'utf8');
	const said = await devnews(['feeds', '--json'], env);
	assert.match(said.stderr, /config\.json: feeds: expected a list of feeds, e\.g\. \[\{"url": "https:\/\/example\.com\/rss"\}\], not \{"url":"https:\/\/example\.com\/mine\.xml"\}; fetching the shipped feeds, and adding none, until it is one\.\n$/);
	const urls = path.join(path.dirname(file), 'urls');
	fs.writeFileSync(urls, 'https://example.com/new.xml\n');
	for (const args of [['feeds', 'import', urls], ['feeds', 'remove', 'https://www.devdiscourse.com/RSS/GoogleNews']]) {
		const refused = await devnews(args, env); // eslint-disable-line no-await-in-loop -- one at a time
		assert.equal(refused.code, 1, args.join(' '));
		assert.match(refused.stderr, /feeds is \{"url":"https:\/\/example\.com\/mine\.xml"\}, not a list of feeds: fix or remove it first/, args.join(' '));
		assert.equal(fs.readFileSync(file, 'utf8'), text, `${args.join(' ')} wrote nothing`);
	}
});

test('a keepDays that makes no sense is said once by prune, not again as it prunes', async () => {
	const env = isolatedEnv();
	writeConfig(env, {keepDays: 'ten'});
	const pruned = await devnews(['prune'], env);
	assert.equal(pruned.code, 0, pruned.stderr);
	assert.match(pruned.stdout, /^Removed 0 articles older than 365 days/);
	assert.equal(pruned.stderr.match(/keepDays: expected a number of days of at least 1, not "ten"; keeping 365 days\./g)?.length, 1, pruned.stderr);
});

test('a cache folder that cannot be made: the library is kept in memory, and the line says why (ENOTDIR), not that a folder does not exist', async () => {
	const env = isolatedEnv();
	const blocker = path.join(path.dirname(env['XDG_CONFIG_HOME']!), 'a-file');
	fs.writeFileSync(blocker, 'synthetic: a file where the cache folder would go');
	const listed = await devnews(['list', '--limit', '1'], {...env, XDG_CACHE_HOME: blocker});
	assert.equal(listed.code, 0, listed.stderr);
	assert.match(listed.stdout, /Leaked Call Sparks Controversy/);
	assert.match(listed.stderr, /^devnews: Library kept in memory only: cannot write .*a-file\/devnews\/library\.sqlite \(ENOTDIR\)\.\n$/);
});

test('an OPML file cut short is said to be, naming the elements left open and its last line', async () => {
	const env = isolatedEnv();
	const file = path.join(path.dirname(env['XDG_CONFIG_HOME']!), 'subscriptions.opml');
	const whole = '<?xml version="1.0"?>\n<opml version="2.0"><head><title>synthetic</title></head><body>\n<outline text="Synthetic A" xmlUrl="https://example.com/a.xml"/>\n<outline text="Synthetic B" xmlUrl="https://example.com/b.xml"/>\n</body></opml>\n';
	fs.writeFileSync(file, whole.slice(0, whole.indexOf('<outline text="Synthetic B"')));
	const imported = await devnews(['feeds', 'import', file], env);
	assert.equal(imported.code, 1);
	assert.equal(imported.stderr, `devnews: ${file}: malformed OPML: it ends with <opml>, <body> not closed; is the file cut short? (line 4)\n`);
});

test('feeds --json gives a feed the title the feed list gives it, as devnews feeds does, not the one its last fetch brought', async () => {
	const server = await startFeedServer();
	try {
		server.route('/feed', serveXml(rss2([{id: 's1', title: 'Synthetic story'}], 'Synthetic feed, its own title')));
		server.route('/untitled', serveXml(rss2([{id: 's2', title: 'Synthetic story two'}], 'Synthetic feed with no title in the list')));
		const env = isolatedEnv();
		writeConfig(env, {feeds: [{url: server.url('/feed'), title: 'My name for it'}, {url: server.url('/untitled')}]});
		const fetched = await devnews(['fetch', '--complete', '0'], env);
		assert.equal(fetched.code, 0, fetched.stderr);
		assert.match((await devnews(['feeds'], env)).stdout, /\/feed\n {2}My name for it · /);
		const json = JSON.parse((await devnews(['feeds', '--json'], env)).stdout) as Array<{url: string; title?: string; lastSuccess?: number}>;
		assert.deepEqual(json.map(feed => [feed.url, feed.title, typeof feed.lastSuccess]), [
			[server.url('/feed'), 'My name for it', 'number'],
			[server.url('/untitled'), 'Synthetic feed with no title in the list', 'number'],
		]);
	} finally {
		await server.close();
	}
});

// eslint-disable-next-line no-control-regex -- what must never reach the terminal
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

test('what a user typed, quoted back in a message (an id, a file\'s name, a command), reaches the terminal without its escape sequences', async () => {
	const env = isolatedEnv();
	const folder = path.join(path.dirname(env['XDG_CONFIG_HOME']!), 'downloads');
	fs.mkdirSync(folder);
	// A file named by a web site, as a shell's * hands it over.
	const file = path.join(folder, 'feeds\u001B]0;owned\u0007\u001B[2J.txt');
	fs.writeFileSync(file, 'https://example.com/rss\nnot-an-address\n');
	for (const args of [['read', '\u001B[2Jx'], ['bookmark', '\u001B[31mred'], ['\u001B[2J'], ['list', '--sector', '\u001B[31m'], ['feeds', 'import', file], ['feeds', 'import', `${file}.missing`]]) {
		const ran = await devnews(args, env); // eslint-disable-line no-await-in-loop -- one at a time
		assert.notEqual(ran.stderr, '', JSON.stringify(args));
		assert.doesNotMatch(ran.stderr, CONTROLS, JSON.stringify(args));
		assert.doesNotMatch(ran.stdout, CONTROLS, JSON.stringify(args));
	}
});

test('a config file that begins with a byte order mark, as some editors write it, is read and changed as it is, not moved aside as not JSON', async () => {
	const env = isolatedEnv();
	const file = writeConfig(env, {});
	const saved = {id: 'synthetic-1', title: 'Synthetic bookmark', savedAt: '2026-01-02T03:04:05.000Z'};
	fs.writeFileSync(file, `\uFEFF${JSON.stringify({bookmarks: {[saved.id]: saved}, keepDays: 30}, undefined, 2)}`);
	const listed = await devnews(['bookmarks', '--json'], env);
	assert.equal(listed.code, 0, listed.stderr);
	assert.equal(listed.stderr, '');
	assert.deepEqual(JSON.parse(listed.stdout), [saved]);
	const bookmarked = await devnews(['bookmark', '3710216'], env);
	assert.equal(bookmarked.code, 0, bookmarked.stderr);
	assert.deepEqual(fs.readdirSync(path.dirname(file)).filter(name => name.includes('corrupt')), [], 'nothing moved aside');
	const written = JSON.parse(fs.readFileSync(file, 'utf8')) as {bookmarks: Record<string, unknown>; keepDays: number};
	assert.deepEqual(Object.keys(written.bookmarks).sort(), ['3710216', 'synthetic-1']);
	assert.equal(written.keepDays, 30);
});

test('feeds import of a urls file saved with a byte order mark and CRLF line ends reads its feeds', async () => {
	const env = isolatedEnv();
	const file = path.join(path.dirname(env['XDG_CONFIG_HOME']!), 'urls');
	fs.writeFileSync(file, '\uFEFFhttps://example.com/a.xml\r\nhttps://example.com/b.xml "~Synthetic B"\r\n');
	const imported = await devnews(['feeds', 'import', file], env);
	assert.equal(imported.code, 0, imported.stderr);
	assert.equal(imported.stderr, '');
	assert.match(imported.stdout, /^Imported 2 feeds from .*urls \(2 new\)\.\n$/);
	const listed = JSON.parse((await devnews(['feeds', '--json'], env)).stdout) as Array<{url: string; title?: string}>;
	assert.deepEqual(listed.slice(-2).map(feed => [feed.url, feed.title]), [['https://example.com/a.xml', undefined], ['https://example.com/b.xml', 'Synthetic B']]);
});

test('--data naming no data folder (a typo, the folder above) is refused before the library is opened: the shipped stories and their read marks stay', async () => {
	const env = isolatedEnv();
	const read = await devnews(['read', '3710216'], env);
	assert.equal(read.code, 0, read.stderr);
	const missing = path.join(path.dirname(env['XDG_CONFIG_HOME']!), 'no-such-data');
	for (const args of [['list', '--data', missing], ['list', '--data', path.join(ROOT, 'README.md')], ['list', '--data', path.join(ROOT, 'docs')]]) {
		const refused = await devnews(args, env); // eslint-disable-line no-await-in-loop -- one at a time
		assert.equal(refused.code, 2, refused.stderr);
		assert.equal(refused.stdout, '');
		assert.match(refused.stderr, /^devnews: --data .+: (no such folder \(ENOENT\)|not a folder|holds none of a data folder's files \(sectors\.json, editions\.json, labels\.json, feeds\.json, articles\)); it takes a folder of articles like devnews's own data\/\. Nothing was changed\. See devnews --help\.\n$/);
	}

	const listed = JSON.parse((await devnews(['list', '--json'], env)).stdout) as Array<{id: string; read: boolean}>;
	assert.equal(listed.find(row => row.id === '3710216')?.read, true, 'still read');
});

test('a flag the command does not take is refused, naming the flags it does, where it was left unread: fetch --sector fetched every feed', async () => {
	for (const [args, said] of [
		[['bookmarks', '--sector', 'politics', '--limit', '2'], 'devnews bookmarks does not take --sector, --limit: its flags are --json, --data.'],
		[['feeds', 'remove', 'https://www.devdiscourse.com/RSS/GoogleNews', '--json'], 'devnews feeds remove does not take --json: its only flag is --data.'],
		[['fetch', '--sector', 'politics'], 'devnews fetch does not take --sector: its flags are --concurrency, --timeout, --max-bytes, --complete, --data.'],
		[['feeds', 'check', '--json'], 'devnews feeds check does not take --json: its flags are --concurrency, --timeout, --max-bytes, --data.'],
	] as const) {
		// Those that need no network first: without the check, fetch and feeds check would reach for the shipped feeds.
		const env = isolatedEnv();
		const ran = await devnews([...args], env); // eslint-disable-line no-await-in-loop -- one at a time, each its own folders
		assert.equal(ran.code, 2, args.join(' '));
		assert.equal(ran.stdout, '', args.join(' '));
		assert.equal(ran.stderr, `devnews: ${said} See devnews --help.\n`);
		assert.ok(!fs.existsSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json')), `${args.join(' ')} saved nothing`);
	}

	const listed = await devnews(['search', 'Ukraine', '--sector', 'politics', '--json', '--limit', '1', '--data', path.join(ROOT, 'data')], isolatedEnv());
	assert.equal(listed.code, 0, listed.stderr);
});

test('--help fits 80 columns: its description, commands, options, files and keys', async () => {
	const help = await devnews(['--help'], isolatedEnv());
	const lines = help.stdout.split('\n');
	assert.ok(lines.length > 60, help.stdout);
	assert.deepEqual(lines.filter(line => line.length > 80), []);
});

test('devnews bookmarks into a pipe gives whole titles, as devnews list does, so grep finds the end of a long one', async () => {
	const env = isolatedEnv();
	const id = 'historic-expansion-eil-and-dangote-group-set-to-transform-energy-landscape-with-world-s-largest-refinery';
	assert.equal((await devnews(['bookmark', id], env)).code, 0);
	const listed = await devnews(['bookmarks'], env);
	assert.equal(listed.code, 0, listed.stderr);
	assert.match(listed.stdout, /^★ Historic Expansion: EIL and Dangote Group Set to Transform Energy Landscape with World's Largest Refinery\n {2}historic-expansion-.*-largest-refinery · saved /);
});

test('a word where a number goes is quoted back as typed', async () => {
	for (const args of [['list', '--limit', 'abc'], ['list', '--limit=ten'], ['search', 'x', '--json', '--limit', 'few']]) {
		const ran = await devnews(args, isolatedEnv()); // eslint-disable-line no-await-in-loop -- one at a time
		assert.equal(ran.code, 2, args.join(' '));
		const word = args.at(-1)!.replace('--limit=', '');
		assert.equal(ran.stderr, `devnews: --limit takes a whole number of articles, at least 1, not "${word}". See devnews --help.\n`, args.join(' '));
	}
});

test('feeds add of a page keeps the title its link gives a feed as one plain line, as an import does, never with its escape sequences', async () => {
	const server = await startFeedServer();
	try {
		server.route('/feed', serveXml(rss2([{id: 's1', title: 'Synthetic story'}])));
		server.route('/page', serveXml(`<html><head><link rel="alternate" type="application/rss+xml" title="Synthetic \u001B]0;owned\u0007\u001B[31mred\u009B2J feed" href="/feed"></head><body>synthetic</body></html>`, {contentType: 'text/html'}));
		const env = isolatedEnv();
		const added = await devnews(['feeds', 'add', server.url('/page')], env);
		assert.equal(added.code, 0, added.stderr);
		const stored = JSON.parse(fs.readFileSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json'), 'utf8')) as {feeds: Array<{url: string; title?: string}>};
		assert.equal(stored.feeds.find(feed => feed.url === server.url('/feed'))?.title, 'Synthetic red feed');
	} finally {
		await server.close();
	}
});

test('feeds add of a page that links a feed already listed keeps the title the list gives it, and says it is already listed', async () => {
	const server = await startFeedServer();
	try {
		server.route('/feed', serveXml(rss2([{id: 's1', title: 'Synthetic story'}])));
		server.route('/page', serveXml('<html><head><link rel="alternate" type="application/rss+xml" title="The page\'s name for it" href="/feed"></head><body>synthetic</body></html>', {contentType: 'text/html'}));
		const env = isolatedEnv();
		const file = writeConfig(env, {feeds: [{url: server.url('/feed'), title: 'My own name', sector: 'health'}]});
		const added = await devnews(['feeds', 'add', server.url('/page')], env);
		assert.equal(added.code, 0, added.stderr);
		assert.equal(added.stdout, `Already listed: ${server.url('/feed')} (My own name)\n`);
		assert.deepEqual((JSON.parse(fs.readFileSync(file, 'utf8')) as {feeds: unknown[]}).feeds, [{url: server.url('/feed'), title: 'My own name', sector: 'health'}]);
	} finally {
		await server.close();
	}
});

test('words after a command beyond those it takes are refused, quoted, where they were left unread: feeds remove A B removed A alone', async () => {
	const env = isolatedEnv();
	const file = writeConfig(env, {feeds: [{url: 'https://example.com/a.xml'}, {url: 'https://example.com/b.xml'}]});
	const text = fs.readFileSync(file, 'utf8');
	for (const [args, said] of [
		[['feeds', 'remove', 'https://example.com/a.xml', 'https://example.com/b.xml'], 'devnews feeds remove URL takes nothing more: "https://example.com/b.xml" is left over.'],
		[['read', '3710216', '3710367', 'x'], 'devnews read ID takes nothing more: "3710367", "x" are left over.'],
		[['list', 'politics'], 'devnews list takes nothing more: "politics" is left over.'],
		[['feeds', 'import', 'a.opml', 'b.opml'], 'devnews feeds import FILE takes nothing more: "b.opml" is left over.'],
	] as const) {
		const ran = await devnews([...args], env); // eslint-disable-line no-await-in-loop -- one at a time
		assert.equal(ran.code, 2, args.join(' '));
		assert.equal(ran.stdout, '', args.join(' '));
		assert.equal(ran.stderr, `devnews: ${said} See devnews --help.\n`);
	}

	assert.equal(fs.readFileSync(file, 'utf8'), text, 'nothing removed');
	const searched = await devnews(['search', 'leaked', 'call', 'kremlin'], env);
	assert.equal(searched.code, 0, searched.stderr);
});

test('fetch on a TERM=dumb terminal (Emacs\'s shell) writes its progress as lines, with no escape sequence', async () => {
	const server = await startFeedServer();
	try {
		server.route('/story', serveXml(storyPage(), {contentType: 'text/html'}));
		server.route('/feed', serveXml(rss2(Array.from({length: 3}, (_, index) => ({id: `s${index}`, title: `Synthetic story ${index}`, link: `${server.url('/story')}?n=${index}`})))));
		const env = isolatedEnv();
		writeConfig(env, {feeds: [{url: server.url('/feed')}]});
		const child = pty.spawn(process.execPath, [CLI, 'fetch'], {name: 'dumb', cols: 80, rows: 24, env: {...cleanEnv(env), TERM: 'dumb'}});
		let output = '';
		child.onData(data => {
			output += data;
		});
		const code = await new Promise<number>(resolve => {
			child.onExit(({exitCode}) => resolve(exitCode));
		});
		assert.equal(code, 0, output);
		assert.match(output, /devnews: completing stories 3\/3…/);
		assert.match(output, /Completed 3 of 3 summary-only stories/);
		assert.ok(!output.includes('\u001B'), JSON.stringify(output));
	} finally {
		await server.close();
	}
});

test('devnews doctor\'s report fits 80 columns, past the library\'s own path', async () => {
	const doctor = await devnews(['doctor'], isolatedEnv());
	assert.equal(doctor.code, 0, doctor.stderr);
	const [, ...report] = doctor.stdout.trimEnd().split('\n');
	assert.match(report.join('\n'), /^ {2}checked: every page, row and index entry \(SQLite integrity_check\);\n {11}the full-text indexes \(FTS5 integrity-check\)\n {2}held: /);
	assert.deepEqual(report.filter(line => line.length > 80), []);
});

test('fetch says what it pruned with the days counted as words count them: "older than 1 day"', async () => {
	const server = await startFeedServer();
	try {
		server.route('/feed', serveXml(rss2([{id: 'old', title: 'Synthetic old story', content: '<p>Synthetic story, whole.</p>', date: '2020-01-02T03:04:05Z'}])));
		const env = isolatedEnv();
		writeConfig(env, {feeds: [{url: server.url('/feed')}], keepDays: 1});
		assert.match((await devnews(['fetch', '--complete', '0'], env)).stdout, /1 feed: 1 new article\.\n$/);
		const [row] = JSON.parse((await devnews(['search', 'synthetic', 'old', '--json'], env)).stdout) as Array<{id: string}>;
		assert.equal((await devnews(['read', row!.id], env)).code, 0);
		const again = await devnews(['fetch', '--complete', '0'], env);
		assert.equal(again.code, 0, again.stderr);
		assert.match(again.stdout, /^1 feed: 0 new articles; removed 1 older than 1 day\.$/m);
	} finally {
		await server.close();
	}
});

test('feeds check gives the advice that fits a TLS failure, a redirect loop, a 403 or a 429, not "not a feed devnews reads"', async () => {
	const server = await startFeedServer();
	try {
		server.route('/loop', (_request, response) => {
			response.writeHead(302, {location: '/loop'}).end();
		});
		server.route('/forbidden', (_request, response) => {
			response.writeHead(403).end();
		});
		server.route('/busy', (_request, response) => {
			response.writeHead(429).end();
		});
		// The test server speaks plain HTTP: asked for https, the handshake fails.
		const insecure = server.url('/feed').replace('http:', 'https:');
		const env = isolatedEnv();
		writeConfig(env, {feeds: [{url: server.url('/loop')}, {url: insecure}, {url: server.url('/forbidden')}, {url: server.url('/busy')}]});
		const checked = await devnews(['feeds', 'check'], env);
		assert.equal(checked.code, 1);
		assert.doesNotMatch(checked.stderr, /not a feed devnews reads/);
		assert.match(checked.stderr, /\/loop: more than 5 redirects — it sends devnews from address to address: open it in a browser and add the address it ends at\n/);
		assert.match(checked.stderr, /https:\/\/127\.0\.0\.1:\d+\/feed: ERR_SSL_\w+ — its secure connection failed \(TLS, or the site's certificate\): check whether the address is http or https\n/);
		assert.match(checked.stderr, /\/forbidden: HTTP 403 Forbidden — the site refuses devnews this address: it may be for signed-in readers only\n/);
		assert.match(checked.stderr, /\/busy: HTTP 429 Too Many Requests — the site asks for fewer requests: try again later\n/);
	} finally {
		await server.close();
	}
});

test('devnews --json or --limit N on a terminal prints the list as asked, where it opened the browser and left them unread', async () => {
	for (const [args, printed] of [
		[['--limit', '2'], /Leaked Call Sparks[^\n]*\r?\n[^\n]*\r?\n[^\n]*Hungary Pledges/],
		[['--json', '--limit', '1'], /^\[\r?\n {2}\{\r?\n {4}"id": "3710216"/m],
	] as const) {
		const child = pty.spawn(process.execPath, [CLI, ...args], {name: 'xterm-256color', cols: 100, rows: 24, env: cleanEnv(isolatedEnv())});
		let output = '';
		child.onData(data => {
			output += data;
		});
		// The browser would wait for keys: killed after 10 s, it ends with no exit code of its own.
		const timer = setTimeout(() => child.kill(), 10_000);
		// eslint-disable-next-line no-await-in-loop -- one program at a time
		const code = await new Promise<number>(resolve => {
			child.onExit(({exitCode}) => resolve(exitCode));
		});
		clearTimeout(timer);
		assert.equal(code, 0, output);
		assert.match(output, printed, args.join(' '));
		assert.ok(!output.includes('\u001B[?1049h'), 'no full-screen browser');
	}
});
