// Commands load what they use: `--version` nothing but the entry, and
// `--help`, `list` and `read` neither the browser (Ink, React) nor the feed
// code (the HTTP client, the XML and HTML parsers). What a command loads is
// read off the built bundle as it runs: a hook records each file loaded,
// and each chunk names the packages bundled in it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {CLI, isolatedEnv, LEAKED_CALL_ID, ROOT, runDevnews, tempDir} from './helpers.js';

const RECORDER = path.join(ROOT, 'test', 'record-loads.mjs');
const BROWSER_AND_FEEDS = ['ink', 'react', 'react-reconciler', 'undici', 'fast-xml-parser', 'htmlparser2', '@mozilla/readability', 'linkedom'];

/** The files a devnews command loads, and the packages bundled in them. */
async function loads(args: string[]): Promise<{files: string[]; packages: Set<string>}> {
	const record = path.join(tempDir('devnews-loads'), 'loads.txt');
	const ran = await runDevnews(args, {...isolatedEnv(), NODE_OPTIONS: `--import ${RECORDER}`, DEVNEWS_LOADS_FILE: record});
	assert.equal(ran.code, 0, ran.stderr);
	const files = fs.readFileSync(record, 'utf8').split('\n').filter(Boolean).map(url => fileURLToPath(url));
	const packages = new Set<string>();
	for (const file of files) {
		// esbuild heads each bundled file with a comment naming its path.
		for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/^\/\/ .*?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(name!);
	}

	return {files, packages};
}

test('devnews --version loads nothing but its entry', async () => {
	const {files} = await loads(['--version']);
	assert.deepEqual(files, [CLI]);
});

for (const args of [['--help'], ['list'], ['read', LEAKED_CALL_ID], ['bookmarks']]) {
	test(`devnews ${args.join(' ')} loads neither the browser nor the feed code`, async () => {
		const {packages} = await loads(args);
		// The recorder sees bundled packages: meow, which parses every command line, is one.
		assert.ok(packages.has('meow'), [...packages].join(', '));
		assert.deepEqual(
			BROWSER_AND_FEEDS.filter(name => packages.has(name)),
			[],
		);
	});
}
