// The screen-reader writer: each frame of Ink's screen-reader text is
// written as only the lines it added, as plain new lines, so a screen
// reader hears each change once and the scrollback reads as a conversation.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render, Text, Box} from 'ink';
import {renderOptions} from '../source/browser.js';
import {ScreenReaderWriter} from '../source/render/screen-reader-writer.js';
import {EmulatedTerminal} from './emulator.js';

const HEADER = 'devnews, All sectors · All editions, 3 articles, 3 unread, never refreshed.';
const FOOTER = 'Press question mark for the keys.';

/** A list screen as Ink lays it out for a screen reader, row `selected` selected. */
const list = (selected: number, status?: string) =>
	[HEADER, ...['Alpha.', 'Beta.', 'Gamma.'].map((row, index) => (index === selected ? `Selected. ${row}` : row)), ...(status ? [status] : []), FOOTER].join('\n');

function writerOn() {
	const terminal = new EmulatedTerminal(80, 24);
	const writer = new ScreenReaderWriter(terminal);
	const everything: string[] = [];
	/** What was written since the last call. */
	const said = () => {
		const writes = terminal.writes.splice(0);
		everything.push(...writes);
		return writes;
	};

	return {terminal, writer, said, everything};
}

test('the first frame is said whole: where you are, what is selected, then the rest in order, without blank lines', () => {
	const {writer, said} = writerOn();
	writer.stream.write(`${HEADER}\n\nAlpha.\nSelected. Beta.   \nGamma.\n\n${FOOTER}`);
	assert.deepEqual(said(), [`${HEADER}\nSelected. Beta.\nAlpha.\nGamma.\n${FOOTER}\n`]);
});

test('a move says only the line newly selected, not the one that lost the mark; the same frame again says nothing', () => {
	const {writer, said} = writerOn();
	writer.stream.write(list(0));
	said();
	writer.stream.write(list(1));
	assert.deepEqual(said(), ['Selected. Beta.\n']);
	writer.stream.write(list(1));
	assert.deepEqual(said(), []);
});

test('a status message is said once, and again only when it comes again; lines that came into view are said in order', () => {
	const {writer, said} = writerOn();
	writer.stream.write(list(0));
	said();
	writer.stream.write(list(0, 'Bookmarked: Alpha'));
	assert.deepEqual(said(), ['Bookmarked: Alpha\n']);
	writer.stream.write(list(0));
	writer.stream.write(list(0, 'Bookmarked: Alpha'));
	assert.deepEqual(said(), ['Bookmarked: Alpha\n']);
	// A story scrolled two lines.
	writer.stream.write(['Title', 'one', 'two', 'three', 'Lines 1 to 3 of 5.'].join('\n'));
	said();
	writer.stream.write(['Title', 'three', 'four', 'five', 'Lines 3 to 5 of 5.'].join('\n'));
	assert.deepEqual(said(), ['four\nfive\nLines 3 to 5 of 5.\n']);
});

test('Ctrl-l says the whole screen again; after close nothing is said', () => {
	const {writer, said} = writerOn();
	writer.stream.write(list(2));
	said();
	writer.repaint();
	assert.deepEqual(said(), [`${HEADER}\nSelected. Gamma.\nAlpha.\nBeta.\n${FOOTER}\n`]);
	writer.close();
	writer.stream.write(list(0));
	writer.repaint();
	assert.deepEqual(said(), []);
});

test('through Ink: the screen-reader text (labels, not what is hidden), each change once, never a cursor move or any other escape', async () => {
	const {terminal, writer, said, everything} = writerOn();
	const Screen = ({selected, columns}: {selected: number; columns: number}) => (
		<Box flexDirection="column">
			<Text aria-label={`devnews, ${columns} columns.`}>devnews ›</Text>
			{['alpha', 'beta', 'gamma'].map((name, index) => (
				<Text key={name} aria-hidden={index !== selected}>
					{index === selected ? `Selected. ${name}.` : name}
				</Text>
			))}
		</Box>
	);
	const instance = render(<Screen selected={0} columns={80} />, renderOptions(writer));
	assert.deepEqual(said(), ['devnews, 80 columns.\nSelected. alpha.\n']);
	instance.rerender(<Screen selected={2} columns={80} />);
	assert.deepEqual(said(), ['Selected. gamma.\n']);
	// A resize reaches Ink and the app through the writer's stream.
	let resized = false;
	writer.stream.once('resize', () => {
		resized = true;
	});
	await terminal.resize(100, 30);
	assert.ok(resized);
	instance.unmount();
	writer.close();
	said();
	// eslint-disable-next-line no-control-regex -- the sequences are what is checked
	for (const write of everything) assert.doesNotMatch(write, /\u001B/);
});
