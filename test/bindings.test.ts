// Keys are defined once (source/core/bindings.ts); the keymap, the help
// overlay, the footer, --help and the README's key table all follow it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {helpText} from '../source/command-line.js';
import {BINDINGS, fitHints, footerHints, helpColumns, helpLines, readmeKeyRows, type Binding} from '../source/core/bindings.js';
import {createKeymap} from '../source/core/keymap.js';
import {initialState} from '../source/core/state.js';
import {ROOT} from './helpers.js';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const list = initialState({width: 80, height: 24});

/** The README's key table rows (after its header), as written. */
function readmeRows(readme: string): string[] {
	const section = readme.split(/^## Keys$/m)[1]?.split(/^## /m)[0] ?? '';
	return section
		.split('\n')
		.filter(line => line.startsWith('|'))
		.slice(2);
}

/** How the README's key table differs from the bindings: rows missing from it, then rows it has that the bindings do not. */
function readmeDifferences(readme: string, bindings: Binding[]): string[] {
	const written = readmeRows(readme);
	const wanted = readmeKeyRows(bindings);
	return [...wanted.filter(row => !written.includes(row)).map(row => `missing: ${row}`), ...written.filter(row => !wanted.includes(row)).map(row => `not bound: ${row}`)];
}

/** The bindings with the bookmark key moved from b to m. */
function withBookmarkOn(letter: string): Binding[] {
	return BINDINGS.map(binding => ({
		...binding,
		commands: binding.commands.map(entry => (entry.command === 'bookmark' ? {...entry, keys: [{char: letter}]} : entry)),
	}));
}

test("the README's key table is the table of bindings, row for row", () => {
	assert.deepEqual(readmeDifferences(README, BINDINGS), []);
	assert.deepEqual(readmeRows(README), readmeKeyRows(), 'in the same order');
});

test('a key changed in the table changes the keymap, the help, the footer and --help, and the README check fails until it follows', () => {
	const moved = withBookmarkOn('m');
	const keymap = createKeymap(moved);
	assert.equal(keymap('m', {}, list), 'bookmark');
	assert.equal(keymap('b', {}, list), undefined);
	assert.equal(createKeymap(BINDINGS)('b', {}, list), 'bookmark', 'the shipped table still binds b');

	assert.ok(helpLines(moved).some(line => line.keys === 'm' && line.does === 'bookmark or unbookmark'));
	assert.ok(!helpLines(moved).some(line => line.keys === 'b'));
	const readerHints = (bindings: Binding[]) => footerHints('reader', bindings).map(hint => hint.text);
	assert.ok(readerHints(moved).includes('m bookmark'));
	assert.ok(!readerHints(moved).includes('b bookmark'));
	assert.match(helpText(moved), /^ {4}m {23}bookmark or unbookmark$/m);
	assert.doesNotMatch(helpText(moved), /^ {4}b {23}/m);

	const differences = readmeDifferences(README, moved);
	assert.deepEqual(differences, ['missing: | `m` | bookmark or unbookmark |', 'not bound: | `b` | bookmark or unbookmark |']);
	const followed = README.replace('| `b` | bookmark or unbookmark |', '| `m` | bookmark or unbookmark |');
	assert.deepEqual(readmeDifferences(followed, moved), [], 'the README, once changed, agrees again');
});

test('the footer hints and help come from the table', () => {
	const footer = (screen: Parameters<typeof footerHints>[0], width = 200) => fitHints(footerHints(screen), width, text => text.length);
	assert.equal(footer('list'), '↑↓ move  ⏎ open  n/N unread  A all read  / search  r/R refresh  ? help  q quit');
	assert.equal(footer('bookmarks'), '↑↓ move  ⏎ open  n/N unread  A all read  / search  r/R refresh  ? help  q back', 'q goes back from the bookmarks');
	assert.equal(footer('reader'), '↑↓ scroll  ← back  n/N unread  b bookmark  o open link  ? help');
	assert.equal(footer('picker'), '↑↓ move  ⏎ pick  Esc cancel');
	assert.equal(footer('help'), '↑↓ scroll  PgUp/PgDn page  Esc close');
	assert.equal(footer('search'), '⏎ keep  Esc clear  ⌫ delete  ↑↓ move', 'while typing a search, only its own keys');
	assert.equal(footer('list', 40), '↑↓ move  ⏎ open  n/N unread  ? help', 'narrow: the last hints go, the help\'s stays');
	assert.equal(helpLines().length, BINDINGS.length);
	assert.deepEqual(helpLines()[0], {keys: '↑ k / ↓ j', does: 'move the selection; in a story or the help, scroll a line'});
});

test('help in two columns: keys wider than the key column get a line of their own, their words below in the column', () => {
	const columns = helpColumns(helpLines());
	const at = columns.indexOf('PgUp Ctrl-u / PgDn Ctrl-d space');
	assert.ok(at >= 0, 'the long keys alone on their line');
	assert.equal(columns[at + 1], `${' '.repeat(24)}page up / down`);
	assert.equal(columns[0], `${'↑ k / ↓ j'.padEnd(24)}move the selection; in a story or the help, scroll a line`);
	assert.deepEqual(helpColumns([{keys: 'a', does: 'x'}, {keys: 'bb', does: 'y'}]), ['a   x', 'bb  y'], 'a short table takes only what it needs');
});
