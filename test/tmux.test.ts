// The browser in tmux, as people run it over SSH: output a shell printed
// before devnews is still in the pane's scrollback after moving around in
// devnews and quitting (an erase of the scrollback, ESC[3J, would wipe it).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {CLI, isolatedEnv} from './helpers.js';

function tmuxVersion(): string | undefined {
	try {
		return execFileSync('tmux', ['-V'], {encoding: 'utf8'}).trim();
	} catch {
		return undefined;
	}
}

const version = tmuxVersion();

test('the scrollback before devnews is still there after moving in devnews and quitting', {skip: version ? false : 'tmux is not installed'}, async () => {
	const env = isolatedEnv();
	// A tmux server of its own (its own socket), never the user's; devnews as a person runs it, not in CI mode.
	delete env['CI'];
	delete env['TMUX'];
	const socket = `devnews-test-${process.pid}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8', env});
	const pane = () => tmux('capture-pane', '-p', '-t', 'devnews');
	const waitFor = async (text: string) => {
		const started = Date.now();
		while (!pane().includes(text)) {
			if (Date.now() - started > 15_000) throw new Error(`the pane never showed ${text}:\n${pane()}`);
			await new Promise(resolve => setTimeout(resolve, 100)); // eslint-disable-line no-await-in-loop
		}
	};

	try {
		tmux('new-session', '-d', '-s', 'devnews', '-x', '80', '-y', '24', `seq 300; ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}; echo "devnews exited $?"; exec sleep 600`);
		await waitFor('Leaked Call');
		for (const key of ['j', 'j', 'j', 'k', 'PageDown', 'Enter', 'q']) {
			tmux('send-keys', '-t', 'devnews', key);
			await new Promise(resolve => setTimeout(resolve, 200)); // eslint-disable-line no-await-in-loop
		}

		tmux('send-keys', '-t', 'devnews', 'q');
		await waitFor('devnews exited 0');
		const everything = tmux('capture-pane', '-p', '-t', 'devnews', '-S', '-').split('\n');
		const first = everything.indexOf('1');
		assert.ok(first >= 0, 'the first line seq printed is in the scrollback');
		assert.deepEqual(everything.slice(first, first + 300), Array.from({length: 300}, (_, index) => String(index + 1)));
		// And the screen is the shell's again: the end of seq's output, then the exit line.
		assert.match(pane(), /^300\ndevnews exited 0$/m);
	} finally {
		try {
			tmux('kill-server');
		} catch {
			// The server may have ended with its last window.
		}
	}
});
