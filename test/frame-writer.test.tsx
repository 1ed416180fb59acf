// The frame writer draws on a real terminal emulator (xterm.js, headless),
// and what the emulator then shows must be the frame: every cell's text in
// its column, wide characters over two, styles and links, after any
// sequence of frames, resizes and repaints; with no clear of the screen in
// between, and never an erase of the scrollback.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {useEffect, useState} from 'react';
import {render, Text, Box, useStdout} from 'ink';
import {renderOptions} from '../source/browser.js';
import {FrameWriter} from '../source/render/frame-writer.js';
import {EmulatedTerminal, type ScreenCell} from './emulator.js';

const CLEAR_SCREEN = '\u001B[2J';
const CLEAR_SCROLLBACK = '\u001B[3J';

// Fixed in CI, so a failure there can be run again; random elsewhere (fast-check prints the seed).
const SEED = process.env['CI'] ? {seed: 42} : {};

/**
 * What a test frame is made of: graphemes with the width a terminal gives
 * them. `apart`: this emulator draws it code point by code point over the
 * same columns (a flag as two letters); `unsure`: terminals disagree on its
 * width (this one draws it wider or narrower), so only its first column is
 * known.
 */
type Grapheme = {text: string; width: 0 | 1 | 2; apart?: boolean; unsure?: boolean};

const GRAPHEMES: Grapheme[] = [
	...'abcxyzAZ09 .-~|'.split('').map(text => ({text, width: 1 as const})),
	{text: '漢', width: 2},
	{text: '字', width: 2},
	{text: '한', width: 2},
	{text: '국', width: 2},
	{text: 'ア', width: 2},
	{text: '👍', width: 2},
	{text: '🎉', width: 2},
	{text: '🇺🇦', width: 2, apart: true},
	{text: '🇮🇳', width: 2, apart: true},
	// ZWJ sequence, skin tone, emoji presentation selector.
	{text: '👨\u200D👩\u200D👧', width: 2, unsure: true},
	{text: '👍🏽', width: 2, unsure: true},
	{text: '☺\uFE0F', width: 2, unsure: true},
	// Combining marks.
	{text: 'e\u0301', width: 1},
	{text: 'a\u0308', width: 1},
	{text: 'n\u0303\u0323', width: 1},
	// A zero-width space joins the cell before it.
	{text: '\u200B', width: 0},
	{text: '…', width: 1},
	{text: '★', width: 1},
	{text: '•', width: 1},
	{text: '›', width: 1},
];

type StyleSpec = {open: string; close: string};

const link = (url: string) => ({open: `\u001B]8;;${url}\u001B\\`, close: '\u001B]8;;\u001B\\'});

const STYLES: StyleSpec[] = [
	{open: '', close: ''},
	{open: '\u001B[1m', close: '\u001B[22m'},
	{open: '\u001B[7m', close: '\u001B[27m'},
	{open: '\u001B[31m', close: '\u001B[39m'},
	{open: '\u001B[90m', close: '\u001B[39m'},
	{open: '\u001B[44m', close: '\u001B[49m'},
	{open: '\u001B[38;5;208m', close: '\u001B[39m'},
	{open: '\u001B[1m\u001B[7m\u001B[36m', close: '\u001B[39m\u001B[27m\u001B[22m'},
	{open: '\u001B[2m\u001B[4m', close: '\u001B[24m\u001B[22m'},
	// The themes' colours: dark's and light's as 24-bit and 256-colour codes, the sixteen's by number.
	{open: '\u001B[38;2;95;215;255m', close: '\u001B[39m'},
	{open: '\u001B[38;5;245m', close: '\u001B[39m'},
	{open: '\u001B[36m', close: '\u001B[39m'},
	// Backgrounds, which an erase paints where the terminal erases in the colour in force.
	{open: '\u001B[48;5;22m', close: '\u001B[49m'},
	{open: '\u001B[48;2;0;95;135m', close: '\u001B[49m'},
	{open: '\u001B[1m\u001B[33m\u001B[41m', close: '\u001B[49m\u001B[39m\u001B[22m'},
	{open: '\u001B[4m\u001B[42m', close: '\u001B[49m\u001B[24m'},
	{open: '\u001B[7m\u001B[38;5;245m', close: '\u001B[39m\u001B[27m'},
	link('https://example.com/a'),
	{open: `${link('https://example.com/b?q=1').open}\u001B[1m`, close: `\u001B[22m${link('').close}`},
];

type Segment = {style: number; graphemes: number[]};
type TestLine = Segment[];
type Frame = TestLine[];

const lineText = (line: TestLine) =>
	line.map(({style, graphemes}) => STYLES[style]!.open + graphemes.map(index => GRAPHEMES[index]!.text).join('') + STYLES[style]!.close).join('');
const frameText = (frame: Frame) => frame.map(line => lineText(line)).join('\n');

/** A cell as the frame means it, by column; `covered`: the second column of a wide one. */
type Intended = {text: string; width: 0 | 1 | 2; style: number; apart: boolean; unsure: boolean};

function intendedCells(line: TestLine, columns: number): Intended[] {
	const cells: Intended[] = [];
	for (const {style, graphemes} of line) {
		for (const index of graphemes) {
			const grapheme = GRAPHEMES[index]!;
			if (grapheme.width === 0) {
				const owner = cells.at(-1)?.width === 0 ? cells.length - 2 : cells.length - 1;
				if (owner >= 0) cells[owner] = {...cells[owner]!, text: cells[owner]!.text + grapheme.text};
				continue;
			}

			if (cells.length + grapheme.width > columns) return cells;
			cells.push({text: grapheme.text, width: grapheme.width, style, apart: grapheme.apart ?? false, unsure: grapheme.unsure ?? false});
			if (grapheme.width === 2) cells.push({text: '', width: 0, style, apart: false, unsure: false});
		}
	}

	return cells;
}

type Look = Omit<ScreenCell, 'text' | 'width'>;

const lookOf = ({text, width, ...look}: ScreenCell): Look => look;

/**
 * What shows of a blank: its background, underline and link; with inverse,
 * its foreground too (as the background). Its foreground colour, boldness
 * and dimness otherwise shape no glyph, and an erase (which leaves the
 * background alone) may draw it.
 */
const blankLookOf = (look: Look): Partial<Look> => (look.inverse ? look : {background: look.background, underline: look.underline, link: look.link});

/** How the emulator shows each style: drawn once on a terminal of its own. */
async function stylesAsShown(): Promise<Look[]> {
	const looks: Look[] = [];
	for (const style of STYLES) {
		const terminal = new EmulatedTerminal(4, 1);
		terminal.write(`${style.open}x`);
		looks.push(lookOf((await terminal.screen())[0]![0]!)); // eslint-disable-line no-await-in-loop
	}

	return looks;
}

const looks = await stylesAsShown();

/** Fails, naming the cell, unless the emulator shows `frame` in its `columns` × `rows`. */
async function assertShows(terminal: EmulatedTerminal, frame: Frame, context: string): Promise<void> {
	const screen = await terminal.screen();
	for (let row = 0; row < terminal.rows; row++) {
		const intended = intendedCells(frame[row] ?? [], terminal.columns);
		const shown = screen[row]!;
		const where = (column: number) =>
			`${context}: row ${row}, column ${column}\nframe line: ${JSON.stringify(lineText(frame[row] ?? []))}\nscreen line: ${JSON.stringify(shown.map(cell => cell.text || ' ').join(''))}`;
		for (let column = 0; column < terminal.columns; column++) {
			const cell = intended[column] ?? {text: ' ', width: 1, style: 0, apart: false, unsure: false};
			const at = shown[column]!;
			if (cell.width === 0) {
				// The right half of a wide cell: the emulator's too, unless it drew the
				// grapheme its own way; then a part of it, or blank, never what was there before.
				const owner = intended[column - 1]!;
				if (owner.unsure) assert.ok(at.text === '' || owner.text.includes(at.text), where(column));
				else if (!owner.apart) assert.equal(at.width, 0, where(column));
				continue;
			}

			if (cell.text === ' ') {
				assert.equal(at.text || ' ', ' ', where(column));
				assert.deepEqual(blankLookOf(lookOf(at)), blankLookOf(looks[cell.style]!), where(column));
				continue;
			}

			assert.deepEqual(lookOf(at), looks[cell.style], where(column));
			if (cell.unsure) {
				assert.ok(at.text.startsWith(String.fromCodePoint(cell.text.codePointAt(0)!)), where(column));
			} else if (cell.apart) {
				assert.equal(at.text + shown[column + 1]!.text, cell.text, where(column));
				assert.deepEqual(lookOf(shown[column + 1]!), looks[cell.style], where(column + 1));
			} else {
				assert.equal(at.text || ' ', cell.text, where(column));
				assert.equal(at.width, cell.width, where(column));
			}
		}
	}
}

// Arbitrary frames and the steps between them.
const BLANK = GRAPHEMES.findIndex(grapheme => grapheme.text === ' ');
const run = (grapheme: fc.Arbitrary<number>) => fc.tuple(grapheme, fc.integer({min: 2, max: 40})).map(([index, length]) => Array.from({length}, () => index));
const segment = fc.record({
	style: fc.nat(STYLES.length - 1),
	graphemes: fc.oneof(
		{weight: 4, arbitrary: fc.array(fc.nat(GRAPHEMES.length - 1), {maxLength: 14})},
		// Runs of one character: blanks (padding between columns, a highlight to the edge: 40 reach it at any width), or any other.
		{weight: 2, arbitrary: run(fc.constant(BLANK))},
		{weight: 1, arbitrary: run(fc.nat(GRAPHEMES.length - 1))},
	),
});
const testLine = fc.array(segment, {maxLength: 4});
// Two lines at least: an empty write is not a frame (Ink sends one on a
// resize), and devnews always draws its whole screen.
const frame = fc.array(testLine, {minLength: 2, maxLength: 9});
/** How a step changes each line of the last frame: kept (most), replaced, cut or lengthened. */
const lineEdit = fc.oneof(
	{weight: 4, arbitrary: fc.constant({kind: 'keep' as const})},
	{weight: 2, arbitrary: testLine.map(line => ({kind: 'replace' as const, line}))},
	{weight: 1, arbitrary: fc.nat(20).map(keep => ({kind: 'cut' as const, keep}))},
	{weight: 1, arbitrary: testLine.map(line => ({kind: 'lengthen' as const, line}))},
	{weight: 1, arbitrary: fc.nat(STYLES.length - 1).map(style => ({kind: 'restyle' as const, style}))},
);
/** Lines moving together, as a list or a story scrolls: rows `top` to `top + size` shift `by`, new lines coming in. */
const scroll = fc.record({
	kind: fc.constant('scroll' as const),
	top: fc.nat(8),
	size: fc.nat(8),
	by: fc.integer({min: -4, max: 4}),
	// A line coming into view may look like the one it replaces (list rows share their marks and columns).
	incoming: fc.array(fc.oneof(testLine, lineEdit), {maxLength: 4}),
	edits: fc.array(lineEdit, {maxLength: 9}),
});
const step = fc.oneof(
	{weight: 6, arbitrary: fc.record({kind: fc.constant('frame' as const), edits: fc.array(lineEdit, {maxLength: 9})})},
	{weight: 3, arbitrary: scroll},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('resize' as const), columns: fc.integer({min: 4, max: 36}), rows: fc.integer({min: 1, max: 8})})},
	{weight: 1, arbitrary: fc.constant({kind: 'repaint' as const})},
);

type Edit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

function cut(line: TestLine, keep: number): TestLine {
	const kept: TestLine = [];
	for (const {style, graphemes} of line) {
		if (keep <= 0) break;
		kept.push({style, graphemes: graphemes.slice(0, keep)});
		keep -= graphemes.length;
	}

	return kept;
}

function edited(line: TestLine, edit: Edit): TestLine {
	switch (edit.kind) {
		case 'keep': {
			return line;
		}

		case 'replace': {
			return edit.line;
		}

		case 'cut': {
			return cut(line, edit.keep);
		}

		case 'lengthen': {
			return [...line, ...edit.line];
		}

		case 'restyle': {
			return line.map(({graphemes}) => ({style: edit.style, graphemes}));
		}
	}
}

function scrolledFrame(frame: Frame, {top, size, by, incoming}: {top: number; size: number; by: number; incoming: Array<TestLine | Edit>}): Frame {
	const after = [...frame];
	const bottom = Math.min(frame.length - 1, top + size);
	for (let row = top; row <= bottom; row++) {
		const from = row + by;
		const coming = incoming[row % Math.max(1, incoming.length)] ?? [];
		after[row] = from >= top && from <= bottom ? frame[from]! : Array.isArray(coming) ? coming : edited(frame[row]!, coming);
	}

	return after;
}

// Whatever the terminal is said to do: xterm.js erases in the background colour and repeats, as xterm does.
const abilities = fc.record({backColourErase: fc.boolean(), repeat: fc.boolean()});

test('any sequence of frames, scrolls, resizes and repaints ends with the emulator showing the last frame', async () => {
	await fc.assert(
		fc.asyncProperty(fc.integer({min: 4, max: 36}), fc.integer({min: 1, max: 8}), frame, fc.array(step, {maxLength: 8}), abilities, async (columns, rows, first, steps, can) => {
			const terminal = new EmulatedTerminal(columns, rows);
			const writer = new FrameWriter(terminal, {abilities: can});
			let shown = first;
			writer.stream.write(frameText(shown));
			await assertShows(terminal, shown, 'first frame');
			for (const [index, next] of steps.entries()) {
				const written = terminal.writes.length;
				if (next.kind === 'frame' || next.kind === 'scroll') {
					// A scroll's frame may change some lines besides (the selection, a counter).
					const moved = next.kind === 'scroll' ? scrolledFrame(shown, next) : shown;
					shown = Array.from({length: Math.max(moved.length, next.edits.length)}, (_, row) => edited(moved[row] ?? [], next.edits[row] ?? {kind: 'keep'}));
					writer.stream.write(frameText(shown));
				} else if (next.kind === 'resize') {
					await terminal.resize(next.columns, next.rows); // eslint-disable-line no-await-in-loop
				} else {
					writer.repaint();
				}

				await assertShows(terminal, shown, `after step ${index + 1} (${next.kind})`); // eslint-disable-line no-await-in-loop
				const output = terminal.writes.slice(written).join('');
				if (next.kind === 'frame' || next.kind === 'scroll') assert.ok(!output.includes(CLEAR_SCREEN), `step ${index + 1} cleared the screen for a frame`);
			}

			assert.ok(!terminal.writes.join('').includes(CLEAR_SCROLLBACK), 'erased the scrollback');
		}),
		{...SEED, numRuns: 300, interruptAfterTimeLimit: 60_000},
	);
});

const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;

/** A list screen as devnews draws it: a header, rows, the selected one inverse across the width, a footer. */
function listScreen(columns: number, rows: number, selected: number): string {
	const lines = [`\u001B[1mdevnews › All sectors\u001B[22m`.padEnd(columns)];
	for (let row = 0; row < rows - 2; row++) {
		const text = `${row === selected ? '›' : ' '} •  Story number ${row + 1} about something that happened`.slice(0, columns);
		lines.push(row === selected ? inverse(text.padEnd(columns)) : text);
	}

	lines.push(`↑↓ move  ⏎ open  ${selected + 1}/${rows - 2}`);
	return lines.join('\n');
}

test('a frame the same as the last writes nothing', () => {
	const terminal = new EmulatedTerminal(80, 24);
	const writer = new FrameWriter(terminal);
	writer.stream.write(listScreen(80, 24, 0));
	writer.stream.write(listScreen(80, 24, 0));
	assert.equal(terminal.writes.length, 1);
});

test('moving the selection writes the two rows it changed and the counter, without clearing', async () => {
	const terminal = new EmulatedTerminal(80, 24);
	const writer = new FrameWriter(terminal);
	writer.stream.write(listScreen(80, 24, 3));
	writer.stream.write(listScreen(80, 24, 4));
	const output = terminal.writes[1]!;
	assert.equal(await terminal.text(), (await shownAlone(listScreen(80, 24, 4), 80, 24)));
	assert.ok(!output.includes(CLEAR_SCREEN));
	assert.ok(output.includes('Story number 4') && output.includes('Story number 5'));
	assert.ok(!output.includes('Story number 3') && !output.includes('Story number 6'));
	// Two rows of 80 cells, their style changes, moves and the counter.
	assert.ok(output.length < 2 * 80 + 40, `${output.length} bytes: ${JSON.stringify(output)}`);
});

test('the selection moved back up a row reaches the row above with a reverse index (two bytes), not a cursor position; the screen the same', async () => {
	// The list without its counter, so the cursor stays where the rows were drawn.
	const rowsOnly = (selected: number) => listScreen(80, 24, selected).replace(/\n[^\n]*$/, '');
	const terminal = new EmulatedTerminal(80, 24);
	const writer = new FrameWriter(terminal);
	writer.stream.write(rowsOnly(3));
	writer.stream.write(rowsOnly(4));
	writer.stream.write(rowsOnly(3));
	assert.equal(await terminal.text(), await shownAlone(rowsOnly(3), 80, 24));
	assert.ok(terminal.writes[2]!.startsWith('\u001BM\r'), JSON.stringify(terminal.writes[2]));
});

/** What a writer writes for these frames, given them directly. */
function writesOf(frames: string[], columns: number, rows: number): string {
	const terminal = new EmulatedTerminal(columns, rows, true);
	const writer = new FrameWriter(terminal);
	for (const frame of frames) writer.stream.write(frame);
	return terminal.writes.join('');
}

/** The text a fresh terminal shows for one frame, drawn whole. */
async function shownAlone(frame: string, columns: number, rows: number): Promise<string> {
	const terminal = new EmulatedTerminal(columns, rows);
	new FrameWriter(terminal).stream.write(frame);
	return terminal.text();
}

test('the cursor is hidden and autowrap off while frames are drawn; both come back on close', () => {
	const terminal = new EmulatedTerminal(20, 4);
	const writer = new FrameWriter(terminal);
	writer.stream.write('one\ntwo');
	assert.ok(terminal.writes[0]!.includes('\u001B[?25l') && terminal.writes[0]!.includes('\u001B[?7l'));
	writer.close();
	assert.equal(terminal.writes.at(-1), '\u001B[?7h\u001B[?25h');
	// Frames after closing are not drawn.
	writer.stream.write('three');
	assert.equal(terminal.writes.length, 2);
});

test('on a TTY a frame larger than a packet is one write in synchronized output; a small one, or one elsewhere, is without it', () => {
	const tty = new EmulatedTerminal(80, 24, true);
	const writer = new FrameWriter(tty);
	writer.stream.write(listScreen(80, 24, 0));
	writer.stream.write(listScreen(80, 24, 1));
	// The first frame, a screenful, is wrapped; moving the selection (two rows) is not.
	// eslint-disable-next-line no-control-regex -- the sequences are what is checked
	assert.match(tty.writes[0]!, /^\u001B\[\?2026h[^]*\u001B\[\?2026l$/);
	assert.ok(!tty.writes[1]!.includes('2026'), JSON.stringify(tty.writes[1]));
	const pipe = new EmulatedTerminal(80, 24, false);
	new FrameWriter(pipe).stream.write(listScreen(80, 24, 0));
	assert.ok(!pipe.writes[0]!.includes('2026'));
});

test('a burst of frames: the first is written at once, the newest once the interval is over', async () => {
	const terminal = new EmulatedTerminal(20, 4);
	const writer = new FrameWriter(terminal, {maxFps: 50});
	writer.stream.write('first');
	assert.equal(terminal.writes.length, 1);
	writer.stream.write('second');
	writer.stream.write('third');
	assert.equal(terminal.writes.length, 1);
	await new Promise(resolve => setTimeout(resolve, 40));
	assert.equal(terminal.writes.length, 2);
	assert.equal((await terminal.text()).split('\n')[0], 'third');
});

test('repaint() clears and draws the whole screen again, after something else wrote over it', async () => {
	const terminal = new EmulatedTerminal(30, 6);
	const writer = new FrameWriter(terminal);
	writer.stream.write(listScreen(30, 6, 1));
	terminal.write('\u001B[3;5Hnoise from elsewhere');
	writer.repaint();
	assert.ok(terminal.writes.at(-1)!.includes(CLEAR_SCREEN));
	assert.equal(await terminal.text(), await shownAlone(listScreen(30, 6, 1), 30, 6));
});

test('a control character in a frame is shown as �, never sent', async () => {
	const terminal = new EmulatedTerminal(30, 3);
	const writer = new FrameWriter(terminal);
	writer.stream.write('first\nframe');
	writer.stream.write('bell\u0007 clear\u001B[2J tab\there\nframe');
	assert.ok(!terminal.writes[1]!.includes('\u0007') && !terminal.writes[1]!.includes(CLEAR_SCREEN) && !terminal.writes[1]!.includes('\t'));
	assert.equal((await terminal.text()).split('\n')[0], 'bell� clear�[2J tab�here');
});

test('Ink draws through the writer: frames follow the app, and Ink writes nothing else to it', async () => {
	const terminal = new EmulatedTerminal(30, 5, true);
	const writer = new FrameWriter(terminal);
	const Screen = ({selected}: {selected: number}) => (
		<Box flexDirection="column" height={5}>
			<Text bold>devnews</Text>
			{['alpha', 'beta', 'gamma'].map((name, index) => (
				<Text key={name}>{index === selected ? name.toUpperCase() : name}</Text>
			))}
		</Box>
	);
	const instance = render(<Screen selected={0} />, renderOptions(writer));
	assert.equal(await terminal.text(), 'devnews\nALPHA\nbeta\ngamma\n');
	instance.rerender(<Screen selected={2} />);
	assert.equal(await terminal.text(), 'devnews\nalpha\nbeta\nGAMMA\n');
	assert.ok(!terminal.writes[1]!.includes(CLEAR_SCREEN));
	// A render that changes nothing writes nothing.
	instance.rerender(<Screen selected={2} />);
	assert.equal(terminal.writes.length, 2);
	// Every write is a frame's: no cursor or other sequence from Ink.
	assert.equal(terminal.writes.join(''), writesOf(['devnews\nALPHA\nbeta\ngamma\n', 'devnews\nalpha\nbeta\nGAMMA\n'], 30, 5));
	// (Ink draws once more as it unmounts: the same frame, or in CI mode a blank one.)
	instance.unmount();
	writer.close();
	assert.ok(!terminal.writes.join('').includes(CLEAR_SCROLLBACK));
});

test('a resize draws the screen once, as the app lays it out for the new size, not the old layout first', async () => {
	const terminal = new EmulatedTerminal(30, 4);
	const writer = new FrameWriter(terminal, {maxFps: 60});
	// As the app does: the size is state, updated when the stdout says it changed.
	const Sized = () => {
		const {stdout} = useStdout();
		const [columns, setColumns] = useState(stdout.columns);
		useEffect(() => {
			const resized = () => setColumns(stdout.columns);
			stdout.on('resize', resized);
			return () => {
				stdout.off('resize', resized);
			};
		}, [stdout]);
		return <Text>{`laid out for ${columns} columns`.padEnd(columns, '.')}</Text>;
	};

	const instance = render(<Sized />, renderOptions(writer));
	// Long after the last write, as a person resizes a window.
	await new Promise(resolve => setTimeout(resolve, 50));
	const written = terminal.writes.length;
	await terminal.resize(50, 6);
	await new Promise(resolve => setTimeout(resolve, 100));
	assert.equal(terminal.writes.length, written + 1, `written on the resize: ${JSON.stringify(terminal.writes.slice(written))}`);
	assert.equal((await terminal.text()).split('\n')[0], 'laid out for 50 columns'.padEnd(50, '.'));
	instance.unmount();
	writer.close();
});

const XTERM = {backColourErase: true, repeat: true};

test('a highlight to the edge is written as its text and repeats where the terminal repeats, as spaces where not; the screen the same', async () => {
	const frames = [listScreen(200, 10, 0), listScreen(200, 10, 1)];
	const withRepeat = new EmulatedTerminal(200, 10);
	const without = new EmulatedTerminal(200, 10);
	for (const [terminal, abilities] of [[withRepeat, XTERM], [without, {backColourErase: true, repeat: false}]] as const) {
		const writer = new FrameWriter(terminal, {abilities});
		for (const frame of frames) writer.stream.write(frame);
		assert.equal(await terminal.text(), await shownAlone(frames[1]!, 200, 10)); // eslint-disable-line no-await-in-loop
		assert.deepEqual((await terminal.screen())[2]!.map(cell => cell.inverse), Array.from({length: 200}, () => true)); // eslint-disable-line no-await-in-loop
	}

	// The selected row's 151 blanks to the edge: a space and one REP.
	// eslint-disable-next-line no-control-regex -- the sequence is what is checked
	assert.match(withRepeat.writes[1]!, /happened \u001B\[150b/);
	assert.ok(!without.writes[1]!.includes('b\u001B'));
	assert.ok(withRepeat.writes[1]!.length < without.writes[1]!.length - 140, `${withRepeat.writes[1]!.length} against ${without.writes[1]!.length}`);
});

test('blanks in a background colour are erased (EL at the end of a row, ECH inside it) where the terminal erases in that colour; written elsewhere', async () => {
	const blue = (text: string) => `\u001B[44m${text}\u001B[49m`;
	const frames = ['first\nline', `${blue('ab' + ' '.repeat(30) + 'cd' + ' '.repeat(46))}\n${blue('x' + ' '.repeat(79))}`];
	const screens: string[] = [];
	for (const backColourErase of [true, false]) {
		const abilities = {backColourErase, repeat: false};
		const terminal = new EmulatedTerminal(80, 3);
		const writer = new FrameWriter(terminal, {abilities});
		for (const frame of frames) writer.stream.write(frame);
		const screen = await terminal.screen(); // eslint-disable-line no-await-in-loop
		// Every cell of both rows blue, and the text where it was: the cursor stood where each erase began.
		for (const row of [0, 1]) assert.ok(screen[row]!.every(cell => cell.background === screen[0]![0]!.background && cell.background !== '0:0'));
		assert.equal((await terminal.text()).split('\n').slice(0, 2).join('\n'), `ab${' '.repeat(30)}cd\nx`); // eslint-disable-line no-await-in-loop
		screens.push(terminal.writes[1]!);
	}

	const [erased, written] = screens as [string, string];
	assert.ok(erased.includes('\u001B[30X') && erased.includes('\u001B[K'), JSON.stringify(erased));
	assert.ok(!written.includes('X') && !written.includes('\u001B[K'), JSON.stringify(written));
	assert.ok(erased.length < written.length - 120);
});
