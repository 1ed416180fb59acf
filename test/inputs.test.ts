// Inputs that are not what they claim: a pipe where a data file goes,
// numbers outside what a flag can take, a config or a bookmarks list of
// another shape. Each is refused or skipped with one line that says what it
// really is, and nothing the user saved is lost (docs/bounds.md lists them all).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {CLI, copyOfShippedData, isolatedEnv, openBookmarks, SHIPPED, tempDir} from './helpers.js';

/** The built devnews, given at most 15 s: a start that waits for ever shows as a failure, not a stuck test run. */
function devnews(args: string[], env = isolatedEnv()) {
	const result = spawnSync(process.execPath, [CLI, ...args], {env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000});
	return {code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr};
}

const mkfifo = (file: string) => {
	const made = spawnSync('mkfifo', [file]);
	assert.equal(made.status, 0, `mkfifo ${file}`);
};

test('a named pipe, a folder and a symlink loop among the data files are each skipped with one line; the rest lists, and start does not wait', () => {
	const data = copyOfShippedData();
	const {articles, feeds} = dataFolder(data);
	mkfifo(path.join(articles, 'pipe.json'));
	fs.mkdirSync(path.join(articles, 'folder.json'));
	fs.symlinkSync('loop.json', path.join(articles, 'loop.json'));
	fs.rmSync(feeds);
	mkfifo(feeds);
	const {code, signal, stdout, stderr} = devnews(['list', '--data', data, '--json']);
	assert.equal(signal, null, 'devnews did not wait on the pipe');
	assert.equal(code, 0, stderr);
	assert.equal((JSON.parse(stdout) as unknown[]).length, SHIPPED.full + SHIPPED.headlines);
	assert.match(stderr, /pipe\.json: cannot read \(a named pipe, not a file\)/);
	assert.match(stderr, /folder\.json: cannot read \(a folder, not a file\)/);
	assert.match(stderr, /loop\.json: cannot read \(ELOOP\)/);
	assert.match(stderr, /feeds\.json: a named pipe, not a file/);
});

test('a named pipe in place of config.json is left alone, not waited on and not written over', () => {
	const env = isolatedEnv();
	const dir = path.join(env['XDG_CONFIG_HOME']!, 'devnews');
	fs.mkdirSync(dir, {recursive: true});
	mkfifo(path.join(dir, 'config.json'));
	const {code, signal, stderr} = devnews(['bookmark', '3710216'], env);
	assert.equal(signal, null);
	assert.equal(code, 1);
	assert.match(stderr, /config\.json cannot be read \(a named pipe, not a file\); browsing without your bookmarks and feeds, and saving nothing/);
	assert.ok(fs.statSync(path.join(dir, 'config.json')).isFIFO(), 'still the pipe it was');
});

/** A data folder with no feeds: a fetch that wrongly ran would reach no network. */
function noFeeds(): string {
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, '[]');
	return data;
}

/** Every numeric flag, with values outside its range: each is refused with exit 2 and a line naming the flag and its range. */
const OUT_OF_RANGE: Array<{command: string[]; flag: string; values: string[]; range: RegExp}> = [
	{command: ['fetch'], flag: '--timeout', values: ['0.0005', '1e7', '1e308', 'Infinity', 'NaN', '-1', '0', 'soon'], range: /takes seconds, from 0\.001 to 2147483 \(about 24 days\), not /},
	{command: ['fetch'], flag: '--concurrency', values: ['0', '0.5', '65', '1e308', 'Infinity'], range: /takes a whole number of feeds at once, from 1 to 64, not /},
	{command: ['fetch'], flag: '--max-bytes', values: ['0', '1.5', '1e9', 'Infinity', '-5'], range: /takes a whole number of bytes, from 1 to 268435456 \(256 MB\), not /},
	{command: ['fetch'], flag: '--complete', values: ['-1', '2.5', '1001', 'Infinity', 'many'], range: /takes a whole number of stories, from 0 \(none\) to 1000, not /},
	{command: ['list'], flag: '--limit', values: ['0', '1.5', 'Infinity', '1e308', '-1'], range: /takes a whole number of articles, at least 1, not /},
];

test('every numeric flag outside its range: exit 2, one usage line naming the flag and its range, and nothing written', () => {
	const data = noFeeds();
	for (const {command, flag, values, range} of OUT_OF_RANGE) {
		for (const value of values) {
			const home = tempDir('devnews-home');
			const {code, stdout, stderr} = devnews([...command, '--data', data, `${flag}=${value}`], isolatedEnv(home));
			const said = `${flag} ${value}`;
			assert.equal(code, 2, `${said}: ${stderr}`);
			assert.equal(stdout, '', said);
			assert.match(stderr, new RegExp(`^devnews: ${flag} ${range.source}.*See devnews --help\\.\\n$`), said);
			assert.ok(!fs.existsSync(path.join(home, 'cache')), `${said}: no library was made`);
		}
	}
});

test('a flag given twice, or one devnews does not take, is a usage mistake: exit 2 and one line', () => {
	const twice = devnews(['list', '--limit', '2', '--limit', '3']);
	assert.equal(twice.code, 2);
	assert.equal(twice.stderr, 'devnews: The flag --limit can only be set once. See devnews --help.\n');
	const unknown = devnews(['list', '--bogus']);
	assert.equal(unknown.code, 2);
	assert.match(unknown.stderr, /^devnews: Unknown flag --bogus\. Flags: --sector, .* See devnews --help\.\n$/);
});

test('a config of [] or null is valid JSON but no settings object: moved aside with a message saying so', async () => {
	const shapes: Array<[string, string]> = [
		['[]', 'an array'],
		['null', 'null'],
		['"bookmarks"', 'a string'],
		['42', 'a number'],
	];
	for (const [text, kind] of shapes) {
		const dir = tempDir('devnews-config');
		fs.writeFileSync(path.join(dir, 'config.json'), text);
		const {warning, store} = await openBookmarks(dir); // eslint-disable-line no-await-in-loop -- one config at a time
		assert.match(warning ?? '', new RegExp(`config\\.json holds ${kind}, not a settings object; moved it to .*config\\.json\\.corrupt-`), text);
		assert.doesNotMatch(warning ?? '', /not valid JSON/);
		const aside = fs.readdirSync(dir).find(name => name.startsWith('config.json.corrupt-'));
		assert.equal(fs.readFileSync(path.join(dir, aside!), 'utf8'), text, 'kept as it was');
		assert.deepEqual(store.list(), []);
	}
});

test('bookmarks written as a list are listed, kept a list when changed, and an entry that is not a bookmark is named, never dropped', async () => {
	const dir = tempDir('devnews-config');
	const file = path.join(dir, 'config.json');
	const mine = {id: '3710216', title: 'Leaked Call', savedAt: '2026-01-02T00:00:00.000Z'};
	fs.writeFileSync(file, JSON.stringify({bookmarks: [mine, '12345', {id: 'x'}]}));
	const {store} = await openBookmarks(dir);
	assert.deepEqual(store.list(), [mine]);
	assert.ok(store.has('3710216'));
	assert.deepEqual(store.problems(), [
		'bookmarks.1: Invalid input: expected object, received string; kept in the file, not listed (a bookmark needs an id, a title and savedAt).',
		'bookmarks.2: title: Invalid input: expected string, received undefined; kept in the file, not listed (a bookmark needs an id, a title and savedAt).',
	]);
	await store.add({id: 'new', title: 'New'});
	assert.equal(await store.remove('3710216'), true);
	const written = (JSON.parse(fs.readFileSync(file, 'utf8')) as {bookmarks: unknown[]}).bookmarks;
	assert.ok(Array.isArray(written), 'still a list');
	assert.deepEqual(written.slice(0, 2), ['12345', {id: 'x'}], 'what is not a bookmark stays');
	assert.equal((written[2] as {id: string}).id, 'new');

	// The command line says so too, naming the file.
	const env = isolatedEnv();
	const home = path.join(env['XDG_CONFIG_HOME']!, 'devnews');
	fs.mkdirSync(home, {recursive: true});
	fs.writeFileSync(path.join(home, 'config.json'), JSON.stringify({bookmarks: [mine, '12345']}));
	const {code, stdout, stderr} = devnews(['bookmarks', '--json'], env);
	assert.equal(code, 0, stderr);
	assert.deepEqual((JSON.parse(stdout) as Array<{id: string}>).map(bookmark => bookmark.id), ['3710216']);
	assert.match(stderr, /config\.json: bookmarks\.1: Invalid input: expected object, received string; kept in the file, not listed/);
});

test('bookmarks that are neither a list nor an object: nothing is listed, the line says why, and bookmarking refuses to write over them', async () => {
	const dir = tempDir('devnews-config');
	const file = path.join(dir, 'config.json');
	const text = JSON.stringify({bookmarks: 'see my notes'});
	fs.writeFileSync(file, text);
	const {store} = await openBookmarks(dir);
	assert.deepEqual(store.list(), []);
	assert.match(store.problems()[0] ?? '', /^bookmarks: expected an object of bookmarks by id, not "see my notes"/);
	await assert.rejects(store.add({id: 'a', title: 'A'}), /bookmarks is "see my notes", not a list of bookmarks: fix or remove it first/);
	assert.equal(fs.readFileSync(file, 'utf8'), text, 'not written over');
});

test('a search is at most 32 distinct words of at most 100 characters: a pasted page is searched by its first words, not for seconds', async () => {
	const {searchTerms, MAX_SEARCH_WORDS} = await import('../source/library/search-query.js');
	const page = Array.from({length: 20_000}, (_, index) => `word${index}`).join(' ');
	assert.equal(searchTerms({query: page})!.words.split(' ').length, MAX_SEARCH_WORDS);
	assert.equal(searchTerms({query: 'leaked '.repeat(20_000)})!.words, '"leaked"*', 'a word repeated is one word');
	const {code, stdout, stderr} = devnews(['search', `leaked call ${'x'.repeat(101)}`]);
	assert.equal(code, 0, stderr);
	assert.match(stdout, /Leaked Call/, 'a blob longer than any word is left out');
});

test('numeric settings: keepDays of at least 1 day, however large (1e308 keeps everything), textWidth a whole number of at least 0; others named, their default used', async () => {
	const {readSettings} = await import('../source/config/settings.js');
	const {Library} = await import('../source/library/store.js');
	const read = async (settings: Record<string, unknown>) => {
		const dir = tempDir('devnews-config');
		fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(settings));
		return readSettings((await openBookmarks(dir)).config);
	};

	const huge = await read({keepDays: 1e308, textWidth: 1e308});
	assert.deepEqual(huge.problems, []);
	const {library} = Library.open(path.join(tempDir('devnews-cache'), 'library.sqlite'));
	library.upsert([{id: 'old', title: 'Old', createdAt: '2001-01-01T00:00:00Z', countries: [], sectors: [], editions: [], body: [], kind: 'headline', source: 'https://e.com/feed'}], 'https://e.com/feed');
	library.setRead('old', true);
	assert.equal(library.prune(huge.settings.keepDays, new Set()), 0, 'a keepDays past any date keeps everything');
	assert.equal(library.prune(1, new Set()), 1);
	library.close();

	const wrong = await read({keepDays: 0.5, textWidth: -1});
	assert.deepEqual(wrong.problems, [
		'keepDays: expected a number of days of at least 1, not 0.5; keeping 365 days.',
		'textWidth: expected a whole number of columns (0 for the full width), not -1; using 80.',
	]);
});
