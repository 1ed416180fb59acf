// A day's reading in a real terminal (tmux), for what only a terminal shows:
// keys that arrive together in one write (escape sequences among them), the
// hints on screen naming keys that do what they say, the help scrolled to its
// end in a small window, a link shown or handed to the user's browser as one
// argument, and the header saying how fresh the news is.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {dataFolder} from '../source/data/data-folder.js';
import {rss2, serveXml, startFeedServer} from './feed-server.js';
import {copyOfShippedData, isolatedEnv, tempDir, writeArticle} from './helpers.js';
import {Tmux, withoutTmux} from './tmux.js';

const options = {skip: withoutTmux};

/** How long a test waits for a screen: long enough for a slow machine, short enough that a failure does not drag. */
const WAIT_MS = 6000;

const LINK = 'https://www.devdiscourse.com/article/politics/3710216-leaked-call-sparks-controversy-over-us-russia-ukraine-peace-talks';

/** An environment with no browser to start: no display, no $BROWSER. */
function withoutBrowser(env: NodeJS.ProcessEnv = isolatedEnv()): NodeJS.ProcessEnv {
	const bare = {...env};
	for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'WSL_DISTRO_NAME', 'BROWSER']) delete bare[name];
	return bare;
}

/** Keys sent in one write to the terminal, as a fast typist, a held key or a paste sends them (tmux's names). */
function together(tmux: Tmux, ...keys: string[]): void {
	tmux.run('send-keys', '-t', 'devnews', ...keys);
}

/** Text typed in one write. */
function typed(tmux: Tmux, text: string): void {
	tmux.run('send-keys', '-t', 'devnews', '-l', text);
}

/** The key a hint names ("Esc", "x", "Ctrl-d", "PgDn"), as tmux names it. */
function tmuxKey(label: string): string[] {
	const named: Record<string, string> = {Esc: 'Escape', Enter: 'Enter', PgDn: 'PageDown', PgUp: 'PageUp', space: 'Space', Backspace: 'BSpace', Home: 'Home', End: 'End'};
	if (named[label]) return [named[label]];
	const ctrl = /^Ctrl-(.)$/.exec(label);
	if (ctrl) return [`C-${ctrl[1]}`];
	return ['-l', label];
}

/** Presses the key a hint names. */
function pressNamed(tmux: Tmux, label: string): void {
	tmux.run('send-keys', '-t', 'devnews', ...tmuxKey(label));
}

/** The picker's highlighted entry, without its mark. */
const highlighted = (screen: string[]) => screen.find(line => line.startsWith('❯ '))?.slice(2);

const highlights = (pattern: RegExp) => (screen: string[]) => pattern.test(highlighted(screen) ?? '');

/** The user's settings, written where devnews reads them (config.json in its config folder). */
function withSettings(settings: Record<string, unknown>, env: NodeJS.ProcessEnv = isolatedEnv()): NodeJS.ProcessEnv {
	const folder = path.join(env['XDG_CONFIG_HOME']!, 'devnews');
	fs.mkdirSync(folder, {recursive: true});
	fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify(settings));
	return env;
}

/** The key an empty list's hint names for `words` ("No stories match “x” — Esc clears the search."). */
function hintKey(screen: string[], words: string): string {
	const hint = screen.join('\n');
	const found = new RegExp(`(?:—|,) (\\S+) ${words}`).exec(hint);
	assert.ok(found, `no hint saying which key ${words}:\n${hint}`);
	return found[1]!;
}

test('a picker takes Down Down Down sent in one write, and Up Enter in one write picks the entry above', options, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('s');
		await tmux.waitFor(highlights(/^All \(/), WAIT_MS);
		together(tmux, 'Down', 'Down', 'Down');
		// All, Agro-Forestry, Art & Culture, Technology: three down is the third sector.
		await tmux.waitFor(highlights(/^Technology \(/), WAIT_MS);
		together(tmux, 'Up', 'Enter');
		await tmux.waitFor('devnews › Art & Culture · All editions', WAIT_MS);
		assert.ok(!tmux.screen().some(line => line.startsWith('Sector —')), 'the picker closed');
	} finally {
		tmux.kill();
	}
});

test('j, k, g and G move in a picker, several j in one write among them', options, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('s');
		await tmux.waitFor(highlights(/^All \(/), WAIT_MS);
		typed(tmux, 'jjj');
		await tmux.waitFor(highlights(/^Technology \(/), WAIT_MS);
		typed(tmux, 'k');
		await tmux.waitFor(highlights(/^Art & Culture \(/), WAIT_MS);
		typed(tmux, 'G');
		// The last entry: the stories whose source named no sector devnews knows.
		await tmux.waitFor(highlights(/^Other \(/), WAIT_MS);
		typed(tmux, 'g');
		await tmux.waitFor(highlights(/^All \(/), WAIT_MS);
		typed(tmux, 'jjjjjjjk');
		// Seven down is Politics, the seventh sector; one up from it, Energy & Extractives.
		await tmux.waitFor(highlights(/^Energy & Extractives \(/), WAIT_MS);
	} finally {
		tmux.kill();
	}
});

test('a search that matches nothing says which key clears it, and that key clears it', options, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('/');
		typed(tmux, 'zzqx');
		await tmux.press('Enter');
		await tmux.waitFor('No stories match “zzqx”', WAIT_MS);
		pressNamed(tmux, hintKey(tmux.screen(), 'clears the search'));
		await tmux.waitFor('Leaked Call', WAIT_MS);
		assert.ok(!tmux.screen().some(line => line.startsWith('/zzqx')), `the search is gone:\n${tmux.screen().join('\n')}`);
	} finally {
		tmux.kill();
	}
});

test(
	'while a search that matches nothing is still being typed, the key its hint names clears it (the user\'s own back key among them)',
	options,
	async () => {
		const tmux = new Tmux(withSettings({keys: {back: ['x']}}));
		try {
			tmux.start({});
			await tmux.waitFor('Leaked Call', WAIT_MS);
			await tmux.press('/');
			typed(tmux, 'zzq');
			await tmux.waitFor('No stories match “zzq”', WAIT_MS);
			pressNamed(tmux, hintKey(tmux.screen(), 'clears the search'));
			await tmux.waitFor('Leaked Call', WAIT_MS);
		} finally {
			tmux.kill();
		}
	},
);

test('with a sector picked that has no stories, the key the hint names clears the filter', options, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('s');
		await tmux.waitFor(highlights(/^All \(/), WAIT_MS);
		together(tmux, 'Down', 'Down');
		await tmux.waitFor(highlights(/^Art & Culture \(0\)/), WAIT_MS);
		await tmux.press('Enter');
		await tmux.waitFor('No stories in Art & Culture', WAIT_MS);
		pressNamed(tmux, hintKey(tmux.screen(), 'clears the filters'));
		await tmux.waitFor('Leaked Call', WAIT_MS);
		assert.ok(tmux.screen()[0]!.startsWith('devnews › All sectors · All editions'), tmux.screen()[0]);
	} finally {
		tmux.kill();
	}
});

test('the help at 40×12 pages to its end, the Ctrl-c line last; any other key closes it', options, async () => {
	const tmux = new Tmux();
	try {
		tmux.start({size: {columns: 40, rows: 12}});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('?');
		await tmux.waitFor('Keys (', WAIT_MS);
		assert.ok(!tmux.screen().some(line => line.startsWith('Ctrl-c')), 'the end of the help is below the window at first');
		// Each page moves the window; the end comes in a few.
		for (let page = 0; page < 8 && !tmux.screen().some(line => line.startsWith('Ctrl-c')); page++) {
			const before = tmux.screen().at(-1)!;
			await tmux.press('PageDown'); // eslint-disable-line no-await-in-loop
			await tmux.waitFor(screen => screen.at(-1) !== before || screen.some(line => line.startsWith('Ctrl-c')), WAIT_MS); // eslint-disable-line no-await-in-loop
		}

		const screen = tmux.screen();
		assert.equal(screen.length, 12, screen.join('\n'));
		assert.match(screen.at(-2)!, /^Ctrl-c +quit, from anywhere$/, 'the last line of the help is above the footer');
		assert.match(screen.at(-1)!, /100%$/, 'the footer says the end is in view');
		assert.ok(screen.every(line => stringWidth(line) <= 40), screen.join('\n'));
		// A key of the list's (b bookmarks there) only closes the help.
		await tmux.press('b');
		await tmux.waitFor(current => current.some(line => line.includes('Leaked Call')) && !current.some(line => line.startsWith('Keys (')), WAIT_MS);
		assert.ok(!tmux.screen().join('\n').includes('Bookmarked'), 'the key did nothing but close the help');
	} finally {
		tmux.kill();
	}
});

test('o with no browser to start shows the whole link on the status line, wrapped at 80 columns', options, async () => {
	const tmux = new Tmux(withoutBrowser());
	try {
		tmux.start({});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('o');
		await tmux.waitFor('Could not open a browser', WAIT_MS);
		const screen = tmux.screen();
		const first = screen.findIndex(line => line.startsWith('Could not open a browser'));
		const status = screen.slice(first, -1);
		assert.ok(status.length > 1, `the message is wrapped:\n${screen.join('\n')}`);
		assert.ok(status.every(line => stringWidth(line) <= 80), screen.join('\n'));
		assert.ok(status.join('').includes(LINK), `the whole link is on the status line:\n${screen.join('\n')}`);
	} finally {
		tmux.kill();
	}
});

test('o hands $BROWSER the link as one argument, never through a shell, however the link reads', options, async () => {
	const folder = tempDir('devnews-browser');
	const argumentsFile = path.join(folder, 'arguments');
	const marks = [path.join(folder, 'ran-dollar'), path.join(folder, 'ran-backquote'), path.join(folder, 'ran-semicolon')];
	// A link a shell would run three commands from; a URL parser takes it as one path.
	const link = `https://example.com/news/a;$(touch\${IFS}${marks[0]})\`touch\${IFS}${marks[1]}\`;touch\${IFS}${marks[2]}&x=1|id`;
	const browser = path.join(folder, 'browser');
	fs.writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > '${argumentsFile}'\n`, {mode: 0o755});
	const data = copyOfShippedData();
	writeArticle(data, 'hostile-link.json', {
		id: 'hostile-link',
		url: link,
		title: 'Synthetic story whose link is shell code',
		// Newer than the shipped stories: the first row.
		createdAt: '2025-11-27T10:00:00+05:30',
		kind: 'headline',
		synthetic: true,
	});
	const tmux = new Tmux({...withoutBrowser(), BROWSER: browser});
	try {
		tmux.start({args: ['--data', data]});
		await tmux.waitFor(screen => /^› .*Synthetic story whose link/.test(screen[1] ?? ''), WAIT_MS);
		await tmux.press('o');
		await tmux.waitFor('Opened https://example.com/news/a;', WAIT_MS);
		const started = Date.now();
		while (!fs.existsSync(argumentsFile) && Date.now() - started < WAIT_MS) await new Promise(resolve => setTimeout(resolve, 50)); // eslint-disable-line no-await-in-loop
		assert.equal(fs.readFileSync(argumentsFile, 'utf8'), `1\n${link}\n`);
		for (const mark of marks) assert.ok(!fs.existsSync(mark), `nothing ran ${path.basename(mark)}`);
	} finally {
		tmux.kill();
	}
});

test('a text browser in $BROWSER runs on the terminal in devnews\'s place, keys and all, and devnews draws again when it ends', options, async () => {
	const folder = tempDir('devnews-browser');
	const browser = path.join(folder, 'text-browser');
	// A stand-in for lynx: it says whether it has the terminal, shows the link, and waits for a key.
	fs.writeFileSync(browser, `#!/bin/sh\nif [ -t 0 ] && [ -t 1 ]; then echo "TEXT BROWSER ON A TERMINAL: $1"; else echo "NO TERMINAL"; fi\nread -r answer\necho "got $answer" > '${path.join(folder, 'answer')}'\n`, {mode: 0o755});
	const tmux = new Tmux({...withoutBrowser(), BROWSER: browser});
	try {
		tmux.start({});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		await tmux.press('o');
		await tmux.waitFor(`TEXT BROWSER ON A TERMINAL: ${LINK.slice(0, 40)}`, WAIT_MS);
		assert.ok(!tmux.screen().some(line => line.includes('devnews ›')), 'the screen is the browser\'s');
		typed(tmux, 'yes');
		await tmux.press('Enter');
		await tmux.waitFor(screen => screen[0]?.startsWith('devnews ›') === true && screen.some(line => line.includes(`Opened ${LINK.slice(0, 30)}`)), WAIT_MS);
		assert.equal(fs.readFileSync(path.join(folder, 'answer'), 'utf8'), 'got yes\n', 'the keys typed were the browser\'s');
		await tmux.press('j');
		await tmux.waitFor(screen => /^› .*Hungary/.test(screen[2] ?? ''), WAIT_MS);
	} finally {
		tmux.kill();
	}
});

test('at 80 columns the header says when the feeds were last refreshed', options, async () => {
	const server = await startFeedServer();
	server.route('/feed.xml', serveXml(rss2([{id: 'fresh-1', title: 'Synthetic fresh story', date: new Date().toUTCString()}])));
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify([{url: server.url('/feed.xml')}]));
	const tmux = new Tmux();
	try {
		tmux.start({args: ['--data', data]});
		await tmux.waitFor('Leaked Call', WAIT_MS);
		assert.match(tmux.screen()[0]!, /never refreshed$/);
		await tmux.press('R');
		await tmux.waitFor('Synthetic fresh story', WAIT_MS);
		await tmux.waitFor(screen => /· (?:refreshed )?just now$/.test(screen[0]!), WAIT_MS);
		assert.ok(stringWidth(tmux.screen()[0]!) <= 80, tmux.screen()[0]);
	} finally {
		tmux.kill();
		await server.close();
	}
});

test(
	'n through the unread from a story, then back: the list\'s selection is on the story last read',
	options,
	async () => {
		const tmux = new Tmux();
		try {
			tmux.start({});
			await tmux.waitFor('Leaked Call', WAIT_MS);
			await tmux.press('Enter');
			await tmux.waitFor(screen => screen[1]!.startsWith('Leaked Call'), WAIT_MS);
			await tmux.press('n');
			await tmux.waitFor(screen => screen[1]!.startsWith('Hungary Pledges'), WAIT_MS);
			await tmux.press('q');
			await tmux.waitFor(screen => screen[0]!.includes('articles'), WAIT_MS);
			assert.match(tmux.screen().find(line => line.startsWith('›')) ?? '', /Hungary Pledges/);
		} finally {
			tmux.kill();
		}
	},
);

test(
	'growing the window with the last row selected fills the window with rows',
	options,
	async () => {
		const tmux = new Tmux();
		try {
			tmux.start({size: {columns: 80, rows: 8}});
			await tmux.waitFor('Leaked Call', WAIT_MS);
			await tmux.press('G');
			await tmux.waitFor(screen => !screen.some(line => line.includes('Leaked Call')), WAIT_MS);
			tmux.resize({columns: 80, rows: 24});
			// Nine stories, all of them fit: the first is in view again.
			await tmux.waitFor(screen => screen.length === 24, WAIT_MS);
			await tmux.waitFor('Leaked Call', WAIT_MS);
		} finally {
			tmux.kill();
		}
	},
);
