// Keys → commands → actions and effects. Keys can arrive faster than React
// re-renders (key repeat, a slow frame), so the handler reads the latest
// state from a ref, and advances it itself, rather than from the closure of
// a render that may be one key old. Each commit puts the rendered state in
// the ref (a layout effect: before any later key is read).
import {useLayoutEffect, useRef} from 'react';
import {useInput} from 'ink';
import {resolveCommand, type Context, type Effect} from '../core/commands.js';
import {keyToCommand, type KeyInfo} from '../core/keymap.js';
import {reducer, type Action, type State} from '../core/state.js';

export function useCommands(state: State, context: Context, dispatch: (action: Action) => void, perform: (effect: Effect) => void): void {
	const latest = useRef({state, context});
	useLayoutEffect(() => {
		latest.current = {state, context};
	});
	const handle = (input: string, key: KeyInfo) => {
		const {state: current, context: currentContext} = latest.current;
		const command = keyToCommand(input, key, current);
		if (!command) return;
		const actions: Action[] = current.message ? [{type: 'message'}] : [];
		const outcome = resolveCommand(command, current, currentContext);
		actions.push(...outcome.actions);
		latest.current = {state: actions.reduce(reducer, current), context: currentContext};
		for (const action of actions) dispatch(action);
		if (outcome.effect) perform(outcome.effect);
	};

	useInput((input, key) => {
		// Keys typed quickly, pasted, or coalesced by a slow link arrive as one
		// string ("jjj"); each is a key press of its own. For the same reason
		// Esc then a letter can arrive as one Alt-letter: devnews binds no Alt
		// keys, so it is taken as the two keys it most likely was.
		const characters = Array.from(input);
		if (key.meta && !key.ctrl && characters.length > 0 && !key.escape) {
			handle('', {escape: true});
			for (const character of characters) handle(character, {});
		} else if (characters.length > 1 && !key.ctrl && !key.meta) {
			for (const character of characters) handle(character, {});
		} else {
			handle(input, key);
		}
	});
}
