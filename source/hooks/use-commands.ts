// Keys → commands → actions and effects, in the order they were typed, each
// applied to the screen it was typed on. Keys can arrive together (typed
// fast, held down, pasted, or coalesced by a slow link: "j\r"), and what a
// key acts on (the selected row, the open story, how many rows there are)
// is what the last drawn screen shows. So after a key that changed
// anything, the next waits until React has drawn the change: Ink renders
// synchronously, so by the next turn of the event loop. `j` then Enter
// arriving in one read open the row `j` moved to. Text in a read (a paste)
// is typed into the search line as one edit; elsewhere it is keys. Quitting
// (Ctrl-C) and Esc never wait behind other keys.
import {useLayoutEffect, useRef} from 'react';
import {useInput} from 'ink';
import {resolveCommand, type Context, type Effect} from '../core/commands.js';
import {firstKey, isText, keyPresses, type KeyPress} from '../core/key-presses.js';
import type {Keymap} from '../core/keymap.js';
import type {Action, State} from '../core/state.js';

type Screen = {state: State; context: Context; keymap: Keymap; dispatch: (action: Action) => void; perform: (effect: Effect) => void};

/** Applies one key press to the screen as last drawn; says whether it changed or did anything. */
function apply({state, context, keymap, dispatch, perform}: Screen, {input, key}: KeyPress): boolean {
	const command = keymap(input, key, state);
	if (!command) return false;
	const actions: Action[] = state.message ? [{type: 'message'}] : [];
	const outcome = resolveCommand(command, state, context);
	actions.push(...outcome.actions);
	for (const action of actions) dispatch(action);
	if (outcome.effect) perform(outcome.effect);
	return actions.length > 0 || outcome.effect !== undefined;
}

/**
 * How long a key that did something waits for a screen showing it before
 * the next key is read all the same: an effect may change nothing on screen
 * (a link opened), or change it later (a bookmark saved under a lock).
 */
const NO_COMMIT_MS = 50;

/** Quitting (Ctrl-C, or what the user bound to it) and Esc (back, or out of the search): keys that never wait behind others. */
function jumpsTheQueue({state, keymap}: Screen, {input, key}: KeyPress): boolean {
	return key.escape === true || keymap(input, key, state) === 'forceQuit';
}

/** Key presses waiting their turn, applied one drawn screen at a time. */
function keyQueue(screen: {current: Screen}) {
	const waiting: KeyPress[] = [];
	// Screens drawn so far: a key that did something waits for the next one,
	// unless React drew it while the key was applied (outside Ink's input
	// handler it renders at once).
	let drawn = 0;
	// While a key waits for its screen: the timer that reads on without it,
	// then, once it is drawn, the turn of the event loop that reads on.
	let blocked: {timer: NodeJS.Timeout} | {immediate: NodeJS.Immediate} | undefined;
	const unblock = () => {
		if (blocked && 'timer' in blocked) clearTimeout(blocked.timer);
		if (blocked && 'immediate' in blocked) clearImmediate(blocked.immediate);
		blocked = undefined;
	};

	const drain = () => {
		unblock();
		while (waiting.length > 0) {
			let press = waiting.shift()!;
			if (isText(press) && screen.current.state.filtering) {
				// Text that waited behind the last edit (the rest of a paste, in the terminal's next reads) joins it.
				while (waiting.length > 0 && isText(waiting[0]!)) press = {input: press.input + waiting.shift()!.input, key: {}};
			} else if (isText(press)) {
				const [first, rest] = firstKey(press);
				if (rest) waiting.unshift(rest);
				press = first;
			}

			const before = drawn;
			if (apply(screen.current, press) && drawn === before) {
				blocked = {timer: setTimeout(drain, NO_COMMIT_MS)};
				return;
			}
		}
	};

	return {
		/**
		 * Keys read from the terminal: applied now, unless a key before them
		 * waits for its screen. Ctrl-C or Esc is applied at once all the same,
		 * and the keys still waiting before it are dropped: they were typed for
		 * a screen it quits or leaves.
		 */
		enqueue(presses: KeyPress[]) {
			const interrupt = presses.map(press => jumpsTheQueue(screen.current, press)).lastIndexOf(true);
			if (interrupt >= 0) {
				unblock();
				waiting.length = 0;
				presses = presses.slice(interrupt);
			}

			waiting.push(...presses);
			if (!blocked) drain();
		},
		/** A screen was drawn: a waiting key is read once React has finished with it. */
		committed() {
			drawn++;
			if (!blocked || 'immediate' in blocked) return;
			clearTimeout(blocked.timer);
			blocked = {immediate: setImmediate(drain)};
		},
	};
}

export function useCommands(state: State, context: Context, keymap: Keymap, dispatch: (action: Action) => void, perform: (effect: Effect) => void): void {
	// Each commit puts the drawn screen here (a layout effect: before any later key is read).
	const screen = useRef<Screen>({state, context, keymap, dispatch, perform});
	const queue = useRef<ReturnType<typeof keyQueue>>(undefined);
	useLayoutEffect(() => {
		screen.current = {state, context, keymap, dispatch, perform};
		queue.current?.committed();
	});
	useInput((input, key) => {
		queue.current ??= keyQueue(screen);
		queue.current.enqueue(keyPresses(input, key));
	});
}
