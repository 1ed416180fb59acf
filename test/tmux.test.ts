// The browser in tmux, as people run it over SSH: output a shell printed
// before devnews is still in the pane's scrollback after moving around in
// devnews and quitting (an erase of the scrollback, ESC[3J, would wipe it).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Tmux, withoutTmux} from './tmux.js';

test('the scrollback before devnews is still there after moving in devnews and quitting', {skip: withoutTmux}, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({before: 'seq 300; '});
		await tmux.waitFor('Leaked Call');
		await tmux.press('j', 'j', 'j', 'k', 'PageDown', 'Enter', 'q', 'q');
		await tmux.waitFor('devnews exited 0');
		const everything = tmux.everything().split('\n');
		const first = everything.indexOf('1');
		assert.ok(first >= 0, 'the first line seq printed is in the scrollback');
		assert.deepEqual(everything.slice(first, first + 300), Array.from({length: 300}, (_, index) => String(index + 1)));
		// And the screen is the shell's again: the end of seq's output, then the exit line.
		assert.deepEqual(tmux.screen().slice(-2), ['300', 'devnews exited 0']);
	} finally {
		tmux.kill();
	}
});
