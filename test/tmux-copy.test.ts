// y in tmux, as people run devnews over SSH: the link lands in tmux's paste
// buffer when its set-clipboard option is on (tmux then passes it on to the
// outer terminal's clipboard too), and with it off the status line says so
// and how to turn it on, instead of "Copied".
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Tmux, withoutTmux} from './tmux.js';

const LINK = 'https://www.devdiscourse.com/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks';

test('y puts the link in tmux\'s paste buffer when set-clipboard is on', {skip: withoutTmux}, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({options: [['-g', 'set-clipboard', 'on']]});
		await tmux.waitFor('Leaked Call');
		await tmux.press('y');
		await tmux.waitFor('Copied (OSC 52)');
		assert.equal(tmux.run('show-buffer'), LINK);
	} finally {
		tmux.kill();
	}
});

test('with set-clipboard off, y says nothing was copied, how to turn it on, and the whole link', {skip: withoutTmux}, async () => {
	const tmux = new Tmux();
	try {
		// Wide enough for the whole message.
		tmux.start({options: [['-g', 'set-clipboard', 'off']], size: {columns: 200, rows: 24}});
		await tmux.waitFor('Leaked Call');
		await tmux.press('y');
		await tmux.waitFor('Not copied');
		assert.ok(tmux.screen().includes(`Not copied: tmux's set-clipboard is off (tmux set -g set-clipboard on): ${LINK}`), tmux.screen().join('\n'));
		assert.throws(() => tmux.run('show-buffer'), 'no paste buffer');
	} finally {
		tmux.kill();
	}
});
