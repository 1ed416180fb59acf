// devnews bookmark and unbookmark say the same things in the same
// situations: one line an id, with the id and its title, for a change made
// and for one already so; and the same refusal, changing nothing, for an id
// that names neither an article nor a bookmark.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {dataFolder} from '../source/data/data-folder.js';
import {copyOfShippedData, isolatedEnv, LEAKED_CALL_ID, runDevnews} from './helpers.js';

const TITLE = 'Leaked Call Sparks Controversy';
const OPINION = 'how-quantum-tech-could-collapse-existing-cryptocurrencies';

async function bookmarked(env: NodeJS.ProcessEnv, data: string): Promise<string[]> {
	return (JSON.parse((await runDevnews(['bookmarks', '--json', '--data', data], env)).stdout) as Array<{id: string}>).map(bookmark => bookmark.id).sort();
}

test('bookmark and unbookmark: a line an id with its title, done or already so, in the same shape', async () => {
	const env = isolatedEnv();
	const data = copyOfShippedData();
	const run = async (...args: string[]) => runDevnews([...args, '--data', data], env);
	const lines = [
		await run('bookmark', LEAKED_CALL_ID),
		await run('bookmark', LEAKED_CALL_ID),
		await run('unbookmark', LEAKED_CALL_ID),
		await run('unbookmark', LEAKED_CALL_ID),
	];
	assert.deepEqual(
		lines.map(({code, stderr}) => ({code, stderr})),
		lines.map(() => ({code: 0, stderr: ''})),
	);
	const said = lines.map(({stdout}) => stdout.replace(/^(.*?) 3710216: (.*)\n$/, '$1 | $2'));
	assert.deepEqual(
		said.map(line => line.split(' | ')[0]),
		['Bookmarked', 'Already bookmarked', 'Unbookmarked', 'Not bookmarked'],
	);
	for (const line of said) assert.match(line, new RegExp(` \\| ${TITLE}`), 'the title, after the id');
	const two = await run('bookmark', LEAKED_CALL_ID, OPINION);
	assert.equal(two.stdout.split('\n').filter(Boolean).length, 2, 'a line for each id');
	assert.match(two.stdout, new RegExp(`^Bookmarked ${OPINION}: `, 'm'));
});

test('an id that names nothing: bookmark and unbookmark refuse alike, and change nothing', async () => {
	const env = isolatedEnv();
	const data = copyOfShippedData();
	await runDevnews(['bookmark', OPINION, '--data', data], env);
	const bookmarking = await runDevnews(['bookmark', LEAKED_CALL_ID, 'no-such-id', '--data', data], env);
	const unbookmarking = await runDevnews(['unbookmark', OPINION, 'no-such-id', '--data', data], env);
	for (const refused of [bookmarking, unbookmarking]) {
		assert.equal(refused.code, 1);
		assert.equal(refused.stdout, '');
		assert.equal(refused.stderr, 'devnews: No article or bookmark with id "no-such-id"; nothing changed. Run devnews list or devnews bookmarks to see ids.\n');
	}

	assert.deepEqual(await bookmarked(env, data), [OPINION], 'neither the good id bookmarked nor the bookmark removed');
});

test("a bookmark whose article has left the library is named by its bookmark's title", async () => {
	const env = isolatedEnv();
	const data = copyOfShippedData();
	await runDevnews(['bookmark', LEAKED_CALL_ID, '--data', data], env);
	// The data folder without the story: the library lets it go, the bookmark keeps it.
	fs.rmSync(path.join(dataFolder(data).articles, `${LEAKED_CALL_ID}.json`));
	const again = await runDevnews(['bookmark', LEAKED_CALL_ID, '--data', data], env);
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stdout, new RegExp(`^Already bookmarked ${LEAKED_CALL_ID}: ${TITLE}`));
	const removed = await runDevnews(['unbookmark', LEAKED_CALL_ID, '--data', data], env);
	assert.equal(removed.code, 0, removed.stderr);
	assert.match(removed.stdout, new RegExp(`^Unbookmarked ${LEAKED_CALL_ID}: ${TITLE}`));
	assert.deepEqual(await bookmarked(env, data), []);
});
