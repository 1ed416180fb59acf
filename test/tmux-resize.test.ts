// Resizing the window while devnews runs in tmux, then quitting: the pane
// must show the shell as it was, and neither it nor the scrollback a line of
// devnews. (tmux 3.2 to 3.3a, leaving the alternate screen after a resize,
// wrap its lines at the width it had on entering, and put those that wrapped
// on the shell's screen, unless devnews left it blank; the most when the
// cursor is near the top, as after a move of the selection.)
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {type Size, Tmux, withoutTmux} from './tmux.js';

const SHELL_LINES = ['shell line 1', 'shell line 2', 'shell line 3'];

/** True once devnews has drawn its screen at `size`: every row, the footer on the last, a line as wide as the window. */
const drawnAt =
	({columns, rows}: Size) =>
	(screen: string[]) =>
		screen.length === rows && screen.at(-1)!.startsWith('↑↓') && screen.every(line => stringWidth(line) <= columns) && screen.some(line => stringWidth(line) === columns);

async function resizeThenQuit(sizes: Size[], {keysBefore = [] as string[], keysToQuit = ['q']} = {}): Promise<void> {
	const tmux = new Tmux();
	try {
		tmux.start({before: `printf 'shell line %s\\n' 1 2 3; `});
		await tmux.waitFor('Leaked Call');
		await tmux.press(...keysBefore);
		for (const size of sizes) {
			tmux.resize(size);
			await tmux.waitFor(drawnAt(size)); // eslint-disable-line no-await-in-loop
		}

		await tmux.press(...keysToQuit);
		await tmux.waitFor('devnews exited 0');
		assert.deepEqual(tmux.screen(), [...SHELL_LINES, 'devnews exited 0']);
		const everything = tmux.everything();
		for (const text of ['devnews ›', 'Leaked Call', '↑↓']) assert.ok(!everything.includes(text), `the scrollback holds "${text}":\n${everything}`);
	} finally {
		tmux.kill();
	}
}

const options = {skip: withoutTmux};

test('growing the window, then quitting, leaves the shell as it was', options, async () => {
	await resizeThenQuit([{columns: 200, rows: 60}]);
});

test('growing the window, back, and again, then quitting, leaves the shell as it was', options, async () => {
	await resizeThenQuit(
		[
			{columns: 200, rows: 60},
			{columns: 80, rows: 24},
			{columns: 200, rows: 60},
		],
		{keysToQuit: ['j', 'q']},
	);
});

test('several resizes in a row, shrinking among them, then quitting, leave the shell as it was', options, async () => {
	await resizeThenQuit(
		[
			{columns: 200, rows: 60},
			{columns: 60, rows: 15},
			{columns: 120, rows: 40},
		],
		{keysToQuit: ['j', 'q']},
	);
});

test('resizing while a story is open, then going back and quitting, leaves the shell as it was', options, async () => {
	await resizeThenQuit([{columns: 200, rows: 60}], {keysBefore: ['Enter'], keysToQuit: ['q', 'j', 'q']});
});
