// The command line as a user runs it: the built devnews, spawned with its
// own config and cache folders and no terminal.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {CLI, copyOfShippedData, isolatedEnv, LEAKED_CALL_ID, tempDir, writeArticle} from './helpers.js';

function devnews(args: string[], env = isolatedEnv()) {
	const result = spawnSync(process.execPath, [CLI, ...args], {env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

test('--edition india says India is a country, not an edition; search finds its three trending headlines, marked headline only', () => {
	const refused = devnews(['list', '--edition', 'india']);
	assert.equal(refused.code, 2);
	assert.equal(refused.stdout, '');
	assert.match(refused.stderr, /^devnews: Unknown edition "india"\. Devdiscourse's editions are regions: Global Edition \(global\), Pacific \(pacific\), South Asia \(south-asia\)/);
	assert.match(refused.stderr, /A country is not an edition: devnews search "india" finds its stories\.\n$/);
	const {code, stdout, stderr} = devnews(['search', 'india']);
	assert.equal(code, 0, stderr);
	assert.equal(stderr, '');
	const titles = stdout.split('\n').filter(line => !line.startsWith('  ') && line);
	assert.deepEqual(titles.sort(), [
		"Historic Expansion: EIL and Dangote Group Set to Transform Energy Landscape with World's Largest Refinery",
		'Laser Power & Infra Secures Rs 836 Crore Projects for Utility Expansion',
		"Revamping Power: J&K's March Towards Smart Meter Success",
	]);
	assert.equal(stdout.match(/headline only/g)?.length, 3);
	assert.equal(stdout.match(/^ {2}India · trending · headline only · id /gm)?.length, 3, 'the trending tag is a country');
});

test('sector and edition take the id, the display name or an alias, in any case', () => {
	const bySector = devnews(['list', '--sector', 'POLITICS', '--json']);
	assert.equal(bySector.code, 0, bySector.stderr);
	const rows = JSON.parse(bySector.stdout) as Array<{id: string; sectors: string[]; editions: string[]}>;
	assert.deepEqual(rows.map(row => row.id), [LEAKED_CALL_ID]);
	assert.deepEqual([rows[0]?.sectors, (rows[0] as {guessedSectors?: string[]}).guessedSectors], [[], ['politics']], 'its page copy shows no sector: filed under its label\'s, as a guess');
	assert.deepEqual(rows[0]?.editions, [], 'the page gives no edition');
	assert.deepEqual((JSON.parse(devnews(['list', '--sector', 'tech', '--json']).stdout) as Array<{id: string}>).map(row => row.id), ['how-blockchain-can-securely-store-real-emission-data-from-everyday-driving']);
	for (const [flag, value, name] of [
		['--sector', 'Economy & Business', 'Economy & Business'],
		['--sector', 'business', 'Economy & Business'],
		['--sector', 'science and environment', 'Science & Environment'],
		['--edition', 'South Asia', 'South Asia'],
		['--edition', 'global edition', 'Global Edition'],
		['--edition', 'mena', 'Middle East and North Africa'],
	]) {
		const listed = devnews(['list', flag!, value!]);
		assert.equal(listed.code, 0, `${flag} ${value}: ${listed.stderr}`);
		assert.equal(listed.stdout, `No articles match in ${name}.\n`, 'the alias typed, named as the site names it');
	}
});

test('an unknown sector or edition gets one message listing the valid ones; a label says it is one', () => {
	const {code, stdout, stderr} = devnews(['list', '--sector', 'astrology']);
	assert.equal(code, 2);
	assert.equal(stdout, '');
	assert.match(stderr, /^devnews: Unknown sector "astrology"\. Sectors: Agro-Forestry \(agro-forestry\), .*Economy & Business \(economy-business\).*Politics \(politics\).*WASH \(wash\); or other\.\n$/);
	const label = devnews(['list', '--sector', 'headlines']);
	assert.equal(label.code, 2);
	assert.match(label.stderr, /Unknown sector "headlines"\. "headlines" is a label Devdiscourse puts in article links, not a sector\. Sectors: /);
	const edition = devnews(['--edition', 'mars']);
	assert.match(edition.stderr, /Unknown edition "mars"\. Devdiscourse's editions are regions: Global Edition \(global\), Pacific \(pacific\)/);
	assert.doesNotMatch(edition.stderr, /\n\s+at /);
});

test('read prints the whole story with its metadata, wrapped to 80 columns when not a terminal, its link whole on a line of its own', () => {
	const {code, stdout} = devnews(['read', LEAKED_CALL_ID]);
	assert.equal(code, 0);
	for (const text of [
		'Leaked Call Sparks Controversy Over US-Russia Ukraine Peace Talks',
		'Devdiscourse News Desk | Moscow | Updated: 26-11-2025 11:56 IST',
		'Created: 26-11-2025 11:56 IST | Country: Russia',
		'Sector: Politics (guessed from the link)',
		'Edition: not given | Label: politics',
		'This image is AI-generated',
		'According to Bloomberg News',
		'(With inputs from agencies.)',
	]) {
		assert.ok(stdout.includes(text), text);
	}

	// A link cut in two is no link to copy or grep: it alone is longer.
	const link = 'https://www.devdiscourse.com/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks';
	assert.ok(stdout.split('\n').includes(link), 'the link, whole');
	for (const line of stdout.split('\n')) assert.ok(line === link || line.length <= 80, line);
	const json = JSON.parse(devnews(['read', LEAKED_CALL_ID, '--json']).stdout) as Record<string, unknown>;
	assert.equal(json['byline'], 'Devdiscourse News Desk');
	assert.equal(json['createdAt'], '2025-11-26T11:56:00+05:30');
	assert.deepEqual(json['countries'], ['Russia']);
	assert.equal((json['body'] as string[]).length, 3);
	assert.deepEqual([json['sectors'], json['guessedSectors']], [[], ['politics']], 'the sector its label suggests, as a taxonomy id, under its own key: a guess');
	assert.deepEqual(json['editions'], []);
	assert.equal(json['label'], 'politics');
});

test('read of an unknown id, a missing id and an unknown command each say what to do', () => {
	assert.match(devnews(['read', 'nope']).stderr, /No article with id "nope"\. Run devnews list/);
	assert.equal(devnews(['read', 'nope']).code, 1);
	assert.match(devnews(['read']).stderr, /needs an article id/);
	assert.equal(devnews(['frobnicate']).code, 2);
	assert.match(devnews(['frobnicate']).stderr, /Unknown command "frobnicate"/);
	assert.match(devnews(['list', '--limit', '0']).stderr, /--limit takes a whole number/);
	const unknownFlag = devnews(['list', '--colour']);
	assert.notEqual(unknownFlag.code, 0);
	assert.doesNotMatch(unknownFlag.stderr, /\n\s+at /, 'no stack trace');
});

test('with no TTY and no command it prints the list, not an Ink error', () => {
	const {code, stdout, stderr} = devnews([]);
	assert.equal(code, 0);
	assert.match(stdout, /Leaked Call Sparks Controversy/);
	assert.match(stderr, /not a terminal, so printed the list/);
	assert.doesNotMatch(stdout + stderr, /Raw mode|\n\s+at /);
});

test('--limit, --help and --version', () => {
	const limited = JSON.parse(devnews(['list', '--limit', '2', '--json']).stdout) as unknown[];
	assert.equal(limited.length, 2);
	assert.match(devnews(['--help']).stdout, /devnews read ID/);
	assert.match(devnews(['--help']).stdout, /Keys in the browser[\s\S]*B +bookmarks view/);
	assert.match(devnews(['--help']).stdout, /^ {4}PgUp Ctrl-u \/ PgDn Ctrl-d space\n {28}page up \/ down$/m);
	assert.match(devnews(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('bookmark, then bookmarks --json in a new process lists it; unbookmark removes it', () => {
	const env = isolatedEnv();
	assert.match(devnews(['bookmark', LEAKED_CALL_ID], env).stdout, /^Bookmarked 3710216: Leaked Call/);
	const listed = JSON.parse(devnews(['bookmarks', '--json'], env).stdout) as Array<Record<string, string>>;
	assert.equal(listed.length, 1);
	assert.equal(listed[0]?.['id'], LEAKED_CALL_ID);
	assert.equal(listed[0]?.['title'], 'Leaked Call Sparks Controversy Over US-Russia Ukraine Peace Talks');
	assert.equal(listed[0]?.['sector'], undefined, 'a guessed sector is not kept as the bookmark\'s');
	assert.ok(fs.existsSync(path.join(env['XDG_CONFIG_HOME']!, 'devnews', 'config.json')), 'kept under XDG_CONFIG_HOME');
	assert.match(devnews(['bookmarks'], env).stdout, /★ Leaked Call/);
	assert.match(devnews(['unbookmark', LEAKED_CALL_ID], env).stdout, /^Unbookmarked 3710216: Leaked Call/);
	assert.match(devnews(['bookmarks'], env).stdout, /No bookmarks yet/);
});

test('a corrupt config is moved aside with a message, and devnews goes on', () => {
	const env = isolatedEnv();
	const dir = path.join(env['XDG_CONFIG_HOME']!, 'devnews');
	fs.mkdirSync(dir, {recursive: true});
	fs.writeFileSync(path.join(dir, 'config.json'), '{"bookmarks": {"a": ');
	const {code, stdout, stderr} = devnews(['list', '--limit', '1'], env);
	assert.equal(code, 0);
	assert.match(stdout, /Leaked Call/);
	assert.match(stderr, /config\.json was not valid JSON \(.*\); moved it to .*config\.json\.corrupt-/);
	const backup = fs.readdirSync(dir).find(name => name.includes('.corrupt-'));
	assert.equal(fs.readFileSync(path.join(dir, backup!), 'utf8'), '{"bookmarks": {"a": ');
});

test('an unwritable config folder: browsing works, bookmarking says why it cannot', () => {
	const env = isolatedEnv();
	const blocker = path.join(tempDir('devnews-blocker'), 'file');
	fs.writeFileSync(blocker, '');
	env['XDG_CONFIG_HOME'] = blocker;
	const listed = devnews(['list', '--limit', '1'], env);
	assert.equal(listed.code, 0);
	assert.match(listed.stdout, /Leaked Call/);
	const marked = devnews(['bookmark', LEAKED_CALL_ID], env);
	assert.equal(marked.code, 1);
	assert.match(marked.stderr, /file\/devnews\/config\.json/);
	assert.doesNotMatch(marked.stderr, /\n\s+at /);
});

test('a broken data file gets one line naming the file and field; the rest still lists', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'broken.json', {id: 'b', title: '', kind: 'headline', source: 'data'});
	const {code, stdout, stderr} = devnews(['list', '--data', data, '--json']);
	assert.equal(code, 0);
	assert.equal((JSON.parse(stdout) as unknown[]).length, 9);
	assert.equal(stderr.trim().split('\n').length, 1);
	assert.match(stderr, /^devnews: skipped .*broken\.json: title: must not be empty\n$/);
});

test('hostile text never reaches stdout as escape sequences, in text or JSON', () => {
	const data = copyOfShippedData();
	writeArticle(data, 'hostile.json', {
		id: 'hostile',
		title: 'Evil \u001B]0;pwned\u0007title \u009B2J\u202Eend',
		kind: 'full',
		body: ['Body \u001B[2J\u001B[31mred \u001BPdcs\u001B\\'],
		source: 'data',
	});
	const env = isolatedEnv();
	for (const args of [['list'], ['read', 'hostile'], ['read', 'hostile', '--json'], ['list', '--json']]) {
		const {stdout} = devnews([...args, '--data', data], env);
		// eslint-disable-next-line no-control-regex -- the point of the test
		assert.doesNotMatch(stdout, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/, args.join(' '));
		assert.match(stdout, /Evil/);
	}
});

test('two devnews processes bookmarking at once lose nothing', async () => {
	const env = isolatedEnv();
	const ids = ['3710216', '3710367', 'how-quantum-tech-could-collapse-existing-cryptocurrencies', 'technology-investments-fail-without-strong-organizational-values'];
	devnews(['list'], env); // build the library once, so the race is on the bookmarks file
	const run = (id: string) =>
		new Promise<number | null>(resolve => {
			spawn(process.execPath, [CLI, 'bookmark', id], {env, stdio: 'ignore'}).on('exit', resolve);
		});
	const codes = await Promise.all(ids.map(id => run(id)));
	assert.deepEqual(codes, [0, 0, 0, 0]);
	const listed = JSON.parse(devnews(['bookmarks', '--json'], env).stdout) as Array<{id: string}>;
	assert.deepEqual(listed.map(bookmark => bookmark.id).sort(), [...ids].sort());
});

test('list and search print long results as they read them, as valid JSON, and search says when it found more than it ranks', async () => {
	const {syntheticArticle} = await import('../bench/synthetic.js');
	const {loadDataDir} = await import('../source/data/load-data.js');
	const data = copyOfShippedData();
	const {taxonomy} = loadDataDir(data);
	const count = 1234;
	writeArticle(data, 'synthetic.json', Array.from({length: count}, (_, index) => syntheticArticle(index, taxonomy, count)));
	const env = isolatedEnv();
	const all = devnews(['list', '--json', '--data', data], env);
	assert.equal(all.code, 0, all.stderr);
	const rows = JSON.parse(all.stdout) as Array<{id: string; createdAt?: string}>;
	assert.equal(rows.length, count + 9);
	assert.equal(new Set(rows.map(row => row.id)).size, rows.length, 'each article once');
	const times = rows.filter(row => row.createdAt).map(row => Date.parse(row.createdAt!));
	assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
	assert.equal(devnews(['list', '--limit', '700', '--data', data], env).stdout.split('\n').filter(line => line && !line.startsWith('  ')).length, 700);
	const common = devnews(['search', 'the', '--json', '--data', data], env);
	assert.equal((JSON.parse(common.stdout) as unknown[]).length, 1000);
	assert.match(common.stderr, /more than 1,000 stories match; these are the best of the 1,000 most recently added/);
});
