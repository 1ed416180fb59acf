// devnews --screen-reader in a real pseudo-terminal at 80×24, on a library
// of a few hundred articles (more than a screen of rows): it reads like a
// conversation. At the start, where you are and the selected row; after each
// j, the newly selected row alone, once, never the whole page again.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import pty from 'node-pty';
import {cleanEnv} from '../bench/pty.js';
import {syntheticArticle} from '../bench/synthetic.js';
import {Library} from '../source/library/store.js';
import {CLI, isolatedEnv, SHIPPED_DATA} from './helpers.js';

const SIZE = 300;
const HEADER = `devnews, All sectors · All editions, ${SIZE + 9} articles, ${SIZE + 9} unread, never refreshed.`;
// Longer than devnews takes to write what a key changed.
const QUIET_MS = 300;

/** The environment of a devnews whose library holds the shipped data and SIZE synthetic articles; their titles, newest first. */
function libraryOfSynthetic(): {env: NodeJS.ProcessEnv; titles: string[]} {
	const env = isolatedEnv();
	const {library} = Library.open(path.join(env['XDG_CACHE_HOME']!, 'devnews', 'library.sqlite'));
	library.syncData(SHIPPED_DATA);
	const taxonomy = library.taxonomy();
	// The newest synthetic article is newer than the shipped ones: these list first.
	const articles = Array.from({length: SIZE}, (_, index) => syntheticArticle(index, taxonomy, SIZE));
	library.upsert(articles, 'synthetic');
	library.close();
	return {env, titles: articles.map(article => article.title).reverse()};
}

test('--screen-reader says where you are and the selected row, then after each j only the row it selected', async () => {
	const {env, titles} = libraryOfSynthetic();
	const child = pty.spawn(process.execPath, [CLI, '--screen-reader'], {name: 'xterm-256color', cols: 80, rows: 24, env: cleanEnv(env)});
	let output = '';
	let lastOutput = Date.now();
	child.onData(data => {
		output += data;
		lastOutput = Date.now();
	});
	const exited = new Promise<number>(resolve => {
		child.onExit(({exitCode}) => resolve(exitCode));
	});
	/** What devnews wrote from `from` on, once it has been quiet a while. */
	const settled = async (from: number) => {
		const started = Date.now();
		while (output.length === from || Date.now() - lastOutput < QUIET_MS) {
			if (Date.now() - started > 15_000) throw new Error(`devnews wrote nothing, or never stopped:\n${output.slice(from)}`);
			await new Promise(resolve => setTimeout(resolve, 20)); // eslint-disable-line no-await-in-loop -- polling the output
		}

		return output.slice(from);
	};

	try {
		const start = (await settled(0)).split('\r\n');
		assert.equal(start.length, 4, start.join('\n'));
		assert.equal(start[0], HEADER);
		assert.ok(start[1]!.startsWith(`Selected. ${titles[0]}. `), start[1]);
		assert.deepEqual(start.slice(2), ['Press question mark for the keys.', '']);
		for (let press = 1; press <= 5; press++) {
			const from = output.length;
			child.write('j');
			const said = await settled(from); // eslint-disable-line no-await-in-loop
			const lines = said.split('\r\n');
			assert.equal(lines.length, 2, `press ${press} wrote one line: ${JSON.stringify(said)}`);
			assert.ok(lines[0]!.startsWith(`Selected. ${titles[press]}. `), `press ${press} said the row it selected: ${JSON.stringify(said)}`);
			assert.equal(lines[1], '');
		}

		assert.equal(output.split(HEADER).length - 1, 1, 'the header sentence once in all');
	} finally {
		child.write('q');
		await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
		child.kill();
	}
});
