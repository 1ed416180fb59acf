// The browser's state, fuzzed: random key sequences at random terminal
// sizes, through the same keymap, commands and reducer the app uses. The
// selection stays inside the list and on screen, a story's scroll inside
// the story, a picker's selection among its entries and the help's scroll
// inside the help, whatever the keys. A fixed seed under CI; the seed is printed
// on failure (fast-check does), so a failure can be replayed.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {resolveCommand, type Context} from '../source/core/commands.js';
import {keyToCommand, type KeyInfo} from '../source/core/keymap.js';
import {helpHeight, listHeight, pickerHeight, readerHeight} from '../source/core/screen-rows.js';
import {initialState, reducer, type State} from '../source/core/state.js';

const settings = {...(process.env['CI'] ? {seed: 42} : {}), numRuns: 300, interruptAfterTimeLimit: 20_000};

/** Key presses as Ink reports them. */
const KEYS: Array<[string, KeyInfo]> = [
	['j', {}],
	['k', {}],
	['', {downArrow: true}],
	['', {upArrow: true}],
	['', {pageDown: true}],
	['', {pageUp: true}],
	[' ', {}],
	['d', {ctrl: true}],
	['u', {ctrl: true}],
	['g', {}],
	['G', {}],
	['', {home: true}],
	['', {end: true}],
	['', {return: true}],
	['l', {}],
	['', {escape: true}],
	['h', {}],
	['q', {}],
	['s', {}],
	['e', {}],
	['?', {}],
	['/', {}],
	['x', {}],
	['', {backspace: true}],
	['B', {}],
	['f', {}],
	['n', {}],
	['U', {}],
	['S', {}],
	['A', {}],
	['u', {}],
];

type Step = {key: number} | {resize: {width: number; height: number}} | {message: boolean};

const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 8, arbitrary: fc.record({key: fc.nat(KEYS.length - 1)})},
	{weight: 1, arbitrary: fc.record({resize: fc.record({width: fc.integer({min: 1, max: 250}), height: fc.integer({min: 1, max: 80})})})},
	{weight: 1, arbitrary: fc.record({message: fc.boolean()})},
);

function checkInvariants(state: State, count: number, lineCount: number, entries: number): void {
	if (state.overlay !== 'none' && state.overlay !== 'help' && entries > 0) {
		const {selected, top} = state.picker;
		assert.ok(selected >= 0 && selected < entries, `picker selection ${selected} among ${entries} entries`);
		assert.ok(selected >= top && selected < top + pickerHeight(state), `picker selection ${selected} on screen (top ${top})`);
	}

	assert.ok(state.help.scroll >= 0 && state.help.scroll <= Math.max(0, state.help.lineCount - helpHeight(state)), `help scroll ${state.help.scroll} inside ${state.help.lineCount} lines`);
	for (const mode of ['articles', 'bookmarks'] as const) {
		const {selected, top} = state.positions[mode];
		assert.ok(Number.isInteger(selected) && Number.isInteger(top), `${mode}: whole rows`);
		assert.ok(selected >= 0 && top >= 0, `${mode}: not above the list (${selected}, ${top})`);
		if (mode === state.mode && count > 0) {
			assert.ok(selected < count, `selection ${selected} inside the ${count} rows`);
			assert.ok(selected >= top && selected < top + listHeight(state), `selection ${selected} on screen (top ${top}, ${listHeight(state)} rows)`);
		}
	}

	if (state.reader) {
		const {scroll} = state.reader;
		assert.ok(scroll >= 0 && scroll <= Math.max(0, lineCount - readerHeight(state)), `scroll ${scroll} inside a story of ${lineCount} lines`);
	}

	assert.ok(listHeight(state) >= 1 && readerHeight(state) >= 1);
}

test('random keys at random sizes keep the selection in the list and on screen, and the scroll in the story', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 0, max: 400}),
			fc.integer({min: 0, max: 300}),
			fc.record({width: fc.integer({min: 1, max: 250}), height: fc.integer({min: 1, max: 80})}),
			fc.array(step, {maxLength: 120}),
			(count, lineCount, size, steps) => {
				let state = initialState(size);
				const context: Context = {count, selected: count > 0 ? {id: 'row', title: 'Row'} : undefined, open: {id: 'row', title: 'Row'}, pickerValues: Array.from({length: count % 30}, (_, index) => `entry-${index}`)};
				for (const next of steps) {
					let actions;
					if ('resize' in next) {
						actions = [{type: 'resize' as const, ...next.resize}];
					} else if ('message' in next) {
						actions = [{type: 'message' as const, text: next.message ? 'Something happened.' : undefined}];
					} else {
						const [input, key] = KEYS[next.key]!;
						const command = keyToCommand(input, key, state);
						if (!command) continue;
						const outcome = resolveCommand(command, state, context);
						// The effects that change the screen, as the app performs them.
						const effect = outcome.effect;
						actions =
							effect?.type === 'openStory'
								? [...outcome.actions, {type: 'open' as const, id: effect.id, position: 0}, {type: 'storyLength' as const, lineCount, width: state.viewport.width}]
								: effect?.type === 'openPicker'
									? [...outcome.actions, {type: 'openPicker' as const, picker: effect.picker, selected: count % 7, count: context.pickerValues!.length}]
									: outcome.actions.some(action => action.type === 'openHelp')
										? [...outcome.actions, {type: 'helpLength' as const, lineCount}]
										: outcome.actions;
					}

					for (const action of actions) state = reducer(state, action);
					checkInvariants(state, count, lineCount, context.pickerValues!.length);
				}
			},
		),
		settings,
	);
});
