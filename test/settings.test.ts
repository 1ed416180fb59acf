// Settings are the user's own file: whatever it holds, devnews starts,
// says in one line each what it could not use, and never binds one key to
// two commands.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {ConfigFile} from '../source/config/config-file.js';
import {readSettings} from '../source/config/settings.js';
import {BINDINGS, type Binding} from '../source/core/bindings.js';
import {createKeymap} from '../source/core/keymap.js';
import {initialState} from '../source/core/state.js';
import {themeOf} from '../source/core/theme.js';
import {commandName, parseKey, withUserKeys} from '../source/core/user-keys.js';
import {browserVariable, withLink} from '../source/terminal/browser-command.js';
import {fuzzParameters} from './fuzz.js';
import {isolatedEnv, ROOT, runDevnews, tempDir} from './helpers.js';

function configWith(value: unknown): ConfigFile {
	const dir = tempDir('devnews-config');
	fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(value));
	return ConfigFile.open(dir).config;
}

/** Every key bound twice in scopes whose lookups meet (the list reads `list`, then `browse`). */
function clashes(bindings: Binding[]): string[] {
	const owners = new Map<string, string>();
	const found: string[] = [];
	for (const binding of bindings) {
		for (const {command, keys} of binding.commands) {
			for (const key of keys) {
				const slot = `${binding.where === 'search' ? 'search' : 'browse'} ${JSON.stringify(key)}`;
				const owner = owners.get(slot);
				if (owner !== undefined && owner !== command) found.push(`${slot}: ${owner} and ${command}`);
				owners.set(slot, command);
			}
		}
	}

	return found;
}

test('keys are written as a character, a name or ctrl with a letter', () => {
	assert.deepEqual(parseKey('x'), {char: 'x'});
	assert.deepEqual(parseKey('G'), {char: 'G'});
	assert.deepEqual(parseKey('space'), {char: ' '});
	assert.deepEqual(parseKey('PgDn'), {named: 'pageDown'});
	assert.deepEqual(parseKey('esc'), {named: 'escape'});
	for (const ctrl of ['ctrl-d', 'C-d', '^D']) assert.deepEqual(parseKey(ctrl), {ctrl: 'd'});
	for (const bad of ['', 'xx', 'ctrl-', 'hyper-x', '\u0007']) assert.equal(parseKey(bad), undefined, JSON.stringify(bad));
	assert.equal(commandName('nextUnread'), 'next-unread');
});

test('the user\'s keys replace a command\'s own; a key taken from another command is said, and it is never bound twice', () => {
	const {bindings, problems} = withUserKeys({'next-unread': ['n', 'x'], 'toggle-read': ['x', 'm'], down: ['j', 'ctrl-n']});
	const keymap = createKeymap(bindings);
	const list = initialState({width: 80, height: 24});
	assert.equal(keymap('x', {}, list), 'nextUnread');
	assert.equal(keymap('m', {}, list), 'toggleRead');
	assert.equal(keymap('u', {}, list), undefined, 'toggle-read\'s own key was replaced');
	assert.equal(keymap('n', {ctrl: true}, list), 'down');
	assert.equal(keymap('', {downArrow: true}, list), undefined, 'down was given j and ctrl-n only');
	assert.deepEqual(problems, ['keys: toggle-read and next-unread both ask for "x"; next-unread keeps it']);
	assert.deepEqual(clashes(bindings), []);
	const taken = withUserKeys({search: ['n']});
	assert.deepEqual(taken.problems, ['keys: "n" now does search instead of next-unread', 'keys: next-unread has no key left']);
	assert.equal(createKeymap(taken.bindings)('n', {}, list), 'search');
});

test('whatever the settings hold, devnews reads them with one line per value it cannot use, and no key does two things (property)', () => {
	const names = [...new Set(BINDINGS.flatMap(binding => binding.commands.map(({command}) => commandName(command))))];
	const keyText = fc.oneof(fc.constantFrom('n', 'x', 'j', 'G', 'space', 'esc', 'enter', 'pgdn', 'ctrl-d', 'ctrl-c', '/', 'q', 'up'), fc.string({maxLength: 4}));
	const keys = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({maxLength: 6, unit: 'binary'})), fc.oneof(fc.array(keyText, {maxLength: 3}), keyText, fc.anything()), {maxKeys: 6});
	const settings = fc.record(
		{
			keys: fc.oneof(keys, fc.anything()),
			theme: fc.oneof(fc.constantFrom('dark', 'light', '16', 'none', 'neon'), fc.anything()),
			colors: fc.oneof(fc.dictionary(fc.constantFrom('accent', 'muted', 'warning', 'link', 'other'), fc.constantFrom('cyan', '#ff8700', 'rgb(1, 2, 3)', 'ansi256(300)', 'not a colour')), fc.anything()),
			browser: fc.oneof(fc.array(fc.string(), {maxLength: 3}), fc.string(), fc.anything()),
			textWidth: fc.oneof(fc.integer({min: -5, max: 300}), fc.double(), fc.anything()),
			sort: fc.oneof(fc.constantFrom('newest', 'oldest', 'unread', 'random'), fc.anything()),
			unreadOnly: fc.anything(),
			keepDays: fc.oneof(fc.integer({min: -5, max: 1000}), fc.anything()),
		},
		{requiredKeys: []},
	);
	fc.assert(
		fc.property(settings, value => {
			const config = configWith(value);
			const {settings: read, problems} = readSettings(config);
			const user = withUserKeys(read.keys);
			for (const problem of [...problems, ...user.problems]) assert.ok(!problem.includes('\n') && problem.length > 0, problem);
			assert.deepEqual(clashes(user.bindings), []);
			assert.ok(Number.isInteger(read.textWidth) && read.textWidth >= 0);
			assert.ok(['newest', 'oldest', 'unread'].includes(read.sort));
			assert.equal(typeof read.unreadOnly, 'boolean');
			assert.ok(read.keepDays >= 1);
			assert.ok(read.browser === undefined || (Array.isArray(read.browser) && read.browser.length > 0));
			const keymap = createKeymap(user.bindings);
			assert.equal(keymap('c', {ctrl: true}, initialState({width: 80, height: 24})), 'forceQuit', 'Ctrl-c always quits');
			themeOf(read.theme, read.colors, {});
		}),
		fuzzParameters({numRuns: 100}),
	);
});

test('a theme is its colours with the user\'s over them, and none at all under NO_COLOR', () => {
	assert.equal(themeOf('16', {}, {}).accent, 'cyan');
	assert.equal(themeOf('dark', {accent: 'magenta'}, {}).accent, 'magenta');
	assert.equal(themeOf('none', {accent: 'magenta'}, {}).accent, undefined);
	assert.equal(themeOf('light', {accent: 'magenta'}, {NO_COLOR: '1'}).accent, undefined);
});

test('a browser command is an argument list: the link is one argument, in place of %s or last; $BROWSER\'s commands are tried in turn', () => {
	const link = 'https://example.com/a?b=1;rm -rf $(x)';
	assert.deepEqual(withLink(['firefox', '--new-tab'], link), ['firefox', '--new-tab', link]);
	assert.deepEqual(withLink(['open', '-a', 'Safari', '%s', '100%%'], link), ['open', '-a', 'Safari', link, '100%']);
	assert.deepEqual(browserVariable('firefox %s:w3m'), [['firefox', '%s'], ['w3m']]);
	assert.deepEqual(browserVariable(undefined), []);
	assert.deepEqual(browserVariable(' : '), []);
});

test('the README names every command the keys setting takes, and its example settings are read without a word said', () => {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const section = readme.split(/^## Settings$/m)[1]?.split(/^## /m)[0] ?? '';
	const row = section.split('\n').find(line => line.startsWith('| `keys` |')) ?? '';
	const named = [...row.split('(`up`')[1]!.split(').')[0]!.matchAll(/`([a-z-]+)`/g)].map(match => match[1]);
	const commands = [...new Set(BINDINGS.flatMap(binding => binding.commands.map(({command}) => commandName(command))))].filter(name => name !== 'force-quit');
	assert.deepEqual(new Set(['up', ...named]), new Set(commands));
	const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as Record<string, unknown>;
	const {settings, problems} = readSettings(configWith(example));
	assert.deepEqual([...problems, ...withUserKeys(settings.keys).problems], []);
	assert.equal(settings.theme, 'light');
});

test('devnews --help lists the user\'s keys, and a command says in one line each what in the settings it does not use', async () => {
	const env = isolatedEnv();
	const folder = path.join(env['XDG_CONFIG_HOME']!, 'devnews');
	fs.mkdirSync(folder, {recursive: true});
	fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify({keys: {'next-unread': ['x'], 'no-such-command': ['y']}, textWidth: -1}));
	const help = await runDevnews(['--help'], env);
	assert.match(help.stdout, /^ {4}x \/ N p +next \/ previous unread story/m);
	const listed = await runDevnews(['list', '--limit', '1'], env);
	assert.equal(listed.code, 0);
	const said = listed.stderr.trim().split('\n');
	assert.equal(said.length, 2, listed.stderr);
	assert.match(said[0]!, /^devnews: .*config\.json: textWidth: expected a whole number of columns \(0 for the full width\), not -1; using 80\.$/);
	assert.match(said[1]!, /^devnews: .*config\.json: keys: no command "no-such-command" \(commands: /);
});
