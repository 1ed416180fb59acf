// What devnews takes the terminal to do beyond the basics, from its
// environment: only what is sure, as a terminal that claims to be xterm
// may not be one (mosh, PuTTY), and GNU screen shares tmux's TERM.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {terminalAbilities} from '../source/render/terminal-abilities.js';

const none = {backColourErase: false, repeat: false};

test('an xterm-like TERM erases in the background colour; it repeats only where the terminal is known to', () => {
	assert.deepEqual(terminalAbilities({TERM: 'xterm-256color'}), {backColourErase: true, repeat: false});
	assert.deepEqual(terminalAbilities({TERM: 'xterm-256color', XTERM_VERSION: 'XTerm(390)'}), {backColourErase: true, repeat: true});
	assert.deepEqual(terminalAbilities({TERM: 'xterm-256color', TERM_PROGRAM: 'vscode'}), {backColourErase: true, repeat: true});
	assert.deepEqual(terminalAbilities({TERM: 'xterm-kitty'}), {backColourErase: true, repeat: true});
	assert.deepEqual(terminalAbilities({TERM: 'alacritty'}), {backColourErase: true, repeat: true});
	assert.deepEqual(terminalAbilities({TERM: 'linux'}), {backColourErase: true, repeat: false});
});

test('tmux is known by its TERM_PROGRAM; a screen or tmux TERM without it may be GNU screen, and gets neither', () => {
	assert.deepEqual(terminalAbilities({TERM: 'tmux-256color', TERM_PROGRAM: 'tmux'}), {backColourErase: true, repeat: true});
	assert.deepEqual(terminalAbilities({TERM: 'screen-256color', TERM_PROGRAM: 'tmux'}), {backColourErase: true, repeat: true});
	assert.deepEqual(terminalAbilities({TERM: 'screen-256color'}), none);
	assert.deepEqual(terminalAbilities({TERM: 'tmux-256color'}), none);
});

test('a terminal not known, or none named, gets neither', () => {
	assert.deepEqual(terminalAbilities({}), none);
	assert.deepEqual(terminalAbilities({TERM: 'vt100'}), none);
	assert.deepEqual(terminalAbilities({TERM: 'dumb'}), none);
});
