// The bundle changes how Ink builds a frame (scripts/ink-patches.mjs); here
// Ink's Output, as shipped and as patched, draws the same frames, and the
// two must print the same strings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {build, type Plugin} from 'esbuild';
// @ts-expect-error: a plain ES module of the build scripts, without types
import {inkPatches} from '../scripts/ink-patches.mjs';

type Write = {x: number; y: number; text: string};
type OutputInstance = {write(x: number, y: number, text: string, options: {transformers: unknown[]}): void; get(): {output: string}};
type OutputClass = new (options: {width: number; height: number}) => OutputInstance;

const inkOutput = path.join(path.dirname(createRequire(import.meta.url).resolve('ink')), 'output.js');

async function loadOutput(plugins: Plugin[]): Promise<OutputClass> {
	const bundle = await build({
		stdin: {contents: `export {default} from ${JSON.stringify(inkOutput)};`, resolveDir: process.cwd(), loader: 'js'},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		plugins,
		logLevel: 'silent',
	});
	const module = (await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0]!.text).toString('base64')}`)) as {default: OutputClass};
	return module.default;
}

function draw(Output: OutputClass, writes: Write[], width = 40, height = 8): string {
	const output = new Output({width, height});
	for (const {x, y, text} of writes) output.write(x, y, text, {transformers: []});
	return output.get().output;
}

const red = (text: string) => `\u001B[31m${text}\u001B[39m`;
const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;

// Lines of every kind the patched parser treats differently: plain ASCII,
// other characters alone, beside ASCII, one ASCII character apart, at
// either end; clusters that join across ASCII (combining marks, Prepend),
// wide characters, emoji sequences, styles, and a C1 CSI.
const frames: Write[][] = [
	[
		{x: 0, y: 0, text: 'devnews · Politics · Global · 1000+'},
		{x: 0, y: 1, text: '  •  The Fefabat Nazais From Reache An… Africa'},
		{x: 0, y: 2, text: inverse('  •  A selected row, drawn inverse       ')},
		{x: 0, y: 3, text: red('headline only') + ' and plain after'},
		{x: 2, y: 4, text: 'cafe\u0301 na\u0308ive e\u0301\u0302 x\u0300y'},
		// Written at a column: a cluster split in two would push the text before it into it.
		{x: 20, y: 4, text: 'END'},
		{x: 0, y: 5, text: '漢字 and 한국어 then 👍🏽 and 👨‍👩‍👧 and 🇺🇦 end'},
	],
	[
		// The same lines again (from the last frame's caches), one changed.
		{x: 0, y: 0, text: 'devnews · Politics · Global · 1000+'},
		{x: 0, y: 1, text: '  •  The Fefabat Nazais From Reache An… Africa'},
		{x: 0, y: 2, text: '  •  A selected row, drawn inverse       '},
		{x: 0, y: 3, text: inverse('headline only') + ' and plain after'},
		{x: 2, y: 4, text: 'cafe\u0301 na\u0308ive e\u0301\u0302 x\u0300y'},
		{x: 0, y: 5, text: 'กำ ລຳ a\u0D4Eb \u0600x a\u200Db ☺\uFE0F ok'},
		// A Prepend character (no width of its own) joins the next one: split, it would take a column.
		{x: 0, y: 6, text: 'abcdefghijklmnopq\u0600x'},
		{x: 18, y: 6, text: 'END'},
	],
	[
		{x: 0, y: 0, text: '…starts and ends with others…'},
		{x: 0, y: 1, text: 'é•…·x'},
		{x: 0, y: 2, text: 'a•b•c•d and ••• then a•'},
		{x: 0, y: 3, text: 'C1 \u009B31mnot a style\u009B0m here'},
		// Two writes on one line: the second overwrites part of the first.
		{x: 0, y: 4, text: 'underneath underneath underneath'},
		{x: 5, y: 4, text: red('over•top')},
		{x: 0, y: 5, text: 'two\nlines • here'},
	],
];

test('the patched Ink draws every frame exactly as Ink does', async () => {
	const [shipped, patched] = await Promise.all([loadOutput([]), loadOutput([inkPatches as Plugin])]);
	for (const [index, writes] of frames.entries()) {
		assert.equal(draw(patched, writes), draw(shipped, writes), `frame ${index + 1}`);
	}

	// A frame after an unrelated one is drawn the same too.
	assert.equal(draw(patched, frames[0]!), draw(shipped, frames[0]!));
});

test('the patch fails the build when Ink no longer reads as expected', async () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-ink-'));
	try {
		const changedOutput = path.join(folder, 'ink', 'build', 'output.js');
		fs.mkdirSync(path.dirname(changedOutput), {recursive: true});
		fs.writeFileSync(changedOutput, 'export default class Output {}\n');
		await assert.rejects(
			build({entryPoints: [changedOutput], bundle: true, write: false, plugins: [inkPatches as Plugin], logLevel: 'silent'}),
			/no "caches = new OutputCaches\(\);…" to patch; check the Ink upgrade/,
		);
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});
