import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {canStartBrowser, copyToClipboard, hyperlink, isWebUrl, openInBrowser, osc52Copy, supportsHyperlinks} from '../source/terminal/links.js';
import {tempDir} from './helpers.js';

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

test('OSC 52 carries the text base64-encoded, sanitised, the same sequence inside tmux (which takes it itself)', () => {
	assert.equal(osc52Copy('https://e.com/a'), `\u001B]52;c;${Buffer.from('https://e.com/a').toString('base64')}\u0007`);
	assert.equal(osc52Copy('a\u001B]0;x\u0007b'), `\u001B]52;c;${Buffer.from('ab').toString('base64')}\u0007`);
});

/** An environment inside tmux whose `tmux` (first on PATH) answers `answer` and notes how it was asked; none with no answer. */
function insideTmux(answer?: string) {
	const bin = tempDir('devnews-bin');
	const calls = path.join(bin, 'calls');
	if (answer !== undefined) {
		fs.writeFileSync(path.join(bin, 'tmux'), `#!/bin/sh\necho "$@" >> '${calls}'\necho ${answer}\n`, {mode: 0o755});
	}

	return {env: {TMUX: '/tmp/tmux-1000/default,1,0', PATH: bin}, calls: () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : '')};
}

test('a copy says it cannot land only inside tmux with set-clipboard off, and then how to turn it on', {skip: process.platform === 'win32'}, async () => {
	const written: string[] = [];
	const write = (sequence: string) => written.push(sequence);
	const off = insideTmux('off');
	const result = await copyToClipboard('https://e.com/a', write, off.env);
	assert.deepEqual(result, {ok: false, reason: "tmux's set-clipboard is off (tmux set -g set-clipboard on)"});
	assert.equal(off.calls(), 'show-options -gv set-clipboard\n');
	for (const answer of ['on', 'external']) assert.deepEqual(await copyToClipboard('https://e.com/a', write, insideTmux(answer).env), {ok: true}, answer); // eslint-disable-line no-await-in-loop
	// tmux not found: nothing says the copy failed.
	assert.deepEqual(await copyToClipboard('https://e.com/a', write, insideTmux().env), {ok: true});
	// Outside tmux, tmux is not asked.
	const outside = insideTmux('off');
	assert.deepEqual(await copyToClipboard('https://e.com/a', write, {PATH: outside.env.PATH}), {ok: true});
	assert.equal(outside.calls(), '');
	// The sequence is sent every time, first.
	assert.deepEqual(written, Array.from({length: 5}, () => osc52Copy('https://e.com/a')));
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
