import assert from 'node:assert/strict';
import {test} from 'node:test';
import {canStartBrowser, hyperlink, isWebUrl, openInBrowser, osc52Copy, supportsHyperlinks} from '../source/terminal/links.js';

test('only absolute http(s) links count as web links', () => {
	for (const url of ['https://www.devdiscourse.com/article/politics/3710216-x', 'http://127.0.0.1:8080/feed']) assert.ok(isWebUrl(url), url);
	for (const url of [undefined, '', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '/relative', 'not a url', 'https://e.com/\u001B]0;x\u0007', 'https://e.com/a b']) {
		assert.ok(!isWebUrl(url), String(url));
	}
});

test('OSC 8 wraps web links only', () => {
	assert.equal(hyperlink('https://e.com/', 'text'), '\u001B]8;;https://e.com/\u001B\\text\u001B]8;;\u001B\\');
	assert.equal(hyperlink('javascript:alert(1)', 'text'), 'text');
});

test('hyperlinks only where the terminal is known to show them', () => {
	assert.equal(supportsHyperlinks({TERM_PROGRAM: 'WezTerm'}, true), true);
	assert.equal(supportsHyperlinks({TERM: 'xterm-kitty'}, true), true);
	assert.equal(supportsHyperlinks({VTE_VERSION: '7200'}, true), true);
	assert.equal(supportsHyperlinks({TERM_PROGRAM: 'WezTerm'}, false), false, 'not a terminal');
	assert.equal(supportsHyperlinks({TERM_PROGRAM: 'WezTerm', TMUX: '/tmp/tmux'}, true), false, 'tmux may not pass it on');
	assert.equal(supportsHyperlinks({TERM: 'xterm-256color'}, true), false);
	assert.equal(supportsHyperlinks({TERM: 'dumb', FORCE_HYPERLINK: '1'}, false), true);
	assert.equal(supportsHyperlinks({TERM_PROGRAM: 'WezTerm', FORCE_HYPERLINK: '0'}, true), false);
});

test('OSC 52 carries the text base64-encoded, wrapped for tmux inside tmux', () => {
	const plain = osc52Copy('https://e.com/a', {});
	assert.equal(plain, `\u001B]52;c;${Buffer.from('https://e.com/a').toString('base64')}\u0007`);
	const tmux = osc52Copy('https://e.com/a', {TMUX: '/tmp/tmux-0/default,1,0'});
	assert.ok(tmux.startsWith('\u001BPtmux;\u001B\u001B]52;c;'));
	assert.ok(tmux.endsWith('\u001B\\'));
	assert.equal(osc52Copy('a\u001B]0;x\u0007b', {}), `\u001B]52;c;${Buffer.from('ab').toString('base64')}\u0007`);
});

test('links open only when they are web links and a browser can start', async () => {
	assert.deepEqual(await openInBrowser('javascript:alert(1)', {DISPLAY: ':0'}), {ok: false, reason: 'not an http(s) link'});
	assert.deepEqual(await openInBrowser('file:///etc/passwd', {DISPLAY: ':0'}), {ok: false, reason: 'not an http(s) link'});
	if (process.platform === 'linux') {
		assert.deepEqual(await openInBrowser('https://e.com/', {}), {ok: false, reason: 'no display to start a browser on'});
		assert.equal(canStartBrowser({}, 'linux'), false);
		assert.equal(canStartBrowser({DISPLAY: ':0'}, 'linux'), true);
	}

	assert.equal(canStartBrowser({}, 'darwin'), true);
});
