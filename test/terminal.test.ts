// The browser in a real pseudo-terminal: it starts on the alternate
// screen and leaves it, with the terminal restored, however it ends.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import pty from 'node-pty';
import stripAnsi from 'strip-ansi';
import {CLI, isolatedEnv} from './helpers.js';

const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** The alternate screen was left, nothing was drawn on the shell's screen after it, and the cursor and autowrap are back. */
function assertLeftCleanly(output: string): void {
	const left = output.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
	assert.ok(left > 0, 'the shell gets its screen back');
	assert.equal(stripAnsi(output.slice(left)).trim(), '');
	assert.ok(output.lastIndexOf('\u001B[?25h') > output.lastIndexOf('\u001B[?25l'), 'the cursor is shown again');
	assert.ok(output.lastIndexOf('\u001B[?7h') > output.lastIndexOf('\u001B[?7l'), 'autowrap is on again');
}

function startBrowser(args: string[] = []) {
	const env = isolatedEnv();
	delete env['CI'];
	const child = pty.spawn(process.execPath, [CLI, ...args], {cols: 80, rows: 24, env: env as Record<string, string>});
	let output = '';
	child.onData(data => {
		output += data;
	});
	const exited = new Promise<number>(resolve => {
		child.onExit(({exitCode}) => resolve(exitCode));
	});
	const shown = async (text: string) => {
		const started = Date.now();
		while (!output.includes(text)) {
			if (Date.now() - started > 10_000) throw new Error(`never showed ${text}:\n${output}`);
			await new Promise(resolve => setTimeout(resolve, 20)); // eslint-disable-line no-await-in-loop -- polling the output
		}
	};

	return {child, exited, shown, output: () => output};
}

test('q quits the browser and leaves the alternate screen', async () => {
	const browser = startBrowser();
	await browser.shown('Leaked Call');
	browser.child.write('q');
	assert.equal(await browser.exited, 0);
	assertLeftCleanly(browser.output());
});

test('stopped by a signal, the browser still leaves the alternate screen', async () => {
	const browser = startBrowser();
	await browser.shown('Leaked Call');
	browser.child.kill('SIGTERM');
	assert.equal(await browser.exited, 143);
	assertLeftCleanly(browser.output());
});

test('Ctrl-l draws the whole screen again; j after it sends only what changed, never a clear', async () => {
	const browser = startBrowser();
	await browser.shown('Leaked Call');
	const before = browser.output().length;
	browser.child.write('\u000C');
	const clear = '\u001B[2J';
	const started = Date.now();
	while (!browser.output().slice(before).includes(clear)) {
		if (Date.now() - started > 5000) throw new Error('Ctrl-l drew nothing again');
		await new Promise(resolve => setTimeout(resolve, 20)); // eslint-disable-line no-await-in-loop -- polling the output
	}

	assert.match(stripAnsi(browser.output().slice(before)), /Leaked Call/, 'the rows are drawn again');
	const afterRepaint = browser.output().length;
	browser.child.write('j');
	await new Promise(resolve => setTimeout(resolve, 300));
	const moved = browser.output().slice(afterRepaint);
	assert.ok(moved.length > 0 && !moved.includes(clear) && !moved.includes('\u001B[3J'), 'a key sends changes, not a cleared screen');
	browser.child.write('q');
	assert.equal(await browser.exited, 0);
});

test('--screen-reader: plain sentences on the normal screen, no alternate screen, no frame writer', async () => {
	const browser = startBrowser(['--screen-reader']);
	await browser.shown('Selected. Leaked Call Sparks Controversy');
	assert.ok(!browser.output().includes('\u001B[?1049h'), 'stays on the normal screen, where a screen reader follows it');
	browser.child.write('q');
	assert.equal(await browser.exited, 0);
});
