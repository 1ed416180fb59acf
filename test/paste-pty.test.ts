// A 10,000-character paste into the search line, through a real
// pseudo-terminal, as a terminal hands it over: in reads of up to 4 KB. The
// pasted text is one edit of the query (held to its first 1,000 characters,
// which the status line says), searched once, in a few frames; and Ctrl-C
// typed right after it quits at once, not after the paste was typed a
// character at a time.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import pty from 'node-pty';
import {cleanEnv} from '../bench/pty.js';
import {BEGIN_SYNCHRONIZED} from '../source/render/escapes.js';
import {EmulatedTerminal} from './emulator.js';
import {CLI, isolatedEnv} from './helpers.js';

const COLUMNS = 80;
const ROWS = 24;
// Longer than devnews takes to draw a key's frame, and the search after it.
const QUIET_MS = 400;
// A shipped article's title words, padded so the 1,000th character falls in
// the padding: the query kept is the words, again and again.
const WORDS = 'Leaked Call Sparks';
const PASTE = WORDS.padEnd(50).repeat(200);

type Session = {
	child: pty.IPty;
	terminal: EmulatedTerminal;
	output: () => string;
	/** Once the screen shows `pattern`, and nothing more has come for a while. */
	settled: (pattern?: RegExp) => Promise<void>;
	exited: Promise<number>;
};

function start(): Session {
	const child = pty.spawn(process.execPath, [CLI], {name: 'xterm-256color', cols: COLUMNS, rows: ROWS, env: cleanEnv(isolatedEnv())});
	const terminal = new EmulatedTerminal(COLUMNS, ROWS);
	let output = '';
	let lastOutput = Date.now();
	child.onData(data => {
		output += data;
		lastOutput = Date.now();
		terminal.write(data);
	});
	const exited = new Promise<number>(resolve => {
		child.onExit(({exitCode}) => resolve(exitCode));
	});
	const settled = async (pattern = /./) => {
		const started = Date.now();
		// eslint-disable-next-line no-await-in-loop -- polling the output
		while (!pattern.test(await terminal.text()) || Date.now() - lastOutput < QUIET_MS) {
			if (Date.now() - started > 30_000) throw new Error(`devnews wrote nothing, or never stopped:\n${output.slice(-2000)}`);
			await new Promise(resolve => setTimeout(resolve, 20)); // eslint-disable-line no-await-in-loop -- polling the output
		}
	};

	return {child, terminal, output: () => output, settled, exited};
}

async function stop({child, exited}: Session): Promise<void> {
	child.write('\u0003');
	await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
	child.kill();
}

/** Starts devnews, opens the search line and waits until it shows. */
async function searching(): Promise<Session> {
	const session = start();
	await session.settled(/↑↓ move/);
	session.child.write('/');
	await session.settled(/^\/▏/m);
	return session;
}

test('a 10,000-character paste is one edit of the search: its first 1,000 characters, searched, in a few frames', async () => {
	const session = await searching();
	try {
		const before = session.output().length;
		session.child.write(PASTE);
		await session.settled(/\b1 article\b/);
		const screen = await session.terminal.text();
		const frames = session.output().slice(before).split(BEGIN_SYNCHRONIZED).length - 1;
		// A character at a time it took a frame each, as fast as frames are drawn: hundreds.
		assert.ok(frames <= 6, `the paste drew ${frames} frames`);
		// The search line, being typed, shows the query's end and the caret (its start cut with an ellipsis).
		assert.match(screen, new RegExp(`^/….* ${WORDS} {32}▏$`, 'm'), screen);
		assert.match(screen, /The search holds 1,000 characters; the rest was left out\./, screen);
		// The one article whose title has the words, and no other.
		assert.match(screen, /Leaked Call Sparks/, screen);
		assert.match(screen, /\b1 article\b/, screen);
	} finally {
		await stop(session);
	}
});

test('Ctrl-C right after a 10,000-character paste quits at once, the paste not typed out first', async () => {
	const session = await searching();
	const before = session.output().length;
	session.child.write(PASTE);
	session.child.write('\u0003');
	const code = await Promise.race([session.exited, new Promise<string>(resolve => setTimeout(() => resolve('still running'), 5000))]);
	session.child.kill();
	assert.equal(code, 0);
	const frames = session.output().slice(before).split(BEGIN_SYNCHRONIZED).length - 1;
	assert.ok(frames <= 4, `${frames} frames were drawn before quitting`);
});
