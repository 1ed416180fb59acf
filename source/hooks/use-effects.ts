// Performs what a command asks beyond the state: quitting, saving a
// bookmark, opening or copying a link. Each ends in one status-line message.
import {useApp} from 'ink';
import type {Effect} from '../core/commands.js';
import type {Action} from '../core/state.js';
import type {Bookmarks} from './use-bookmarks.js';

/** What the app asks of the outside world; tests pass their own. */
export type Outside = {
	openLink: (url: string) => Promise<{ok: true} | {ok: false; reason: string}>;
	copy: (text: string) => void;
	/** Whether the terminal shows OSC 8 hyperlinks. */
	hyperlinks: boolean;
};

export function useEffects(bookmarks: Bookmarks, outside: Outside, dispatch: (action: Action) => void): (effect: Effect) => void {
	const {exit} = useApp();
	const say = (text: string) => dispatch({type: 'message', text});
	return effect => {
		switch (effect.type) {
			case 'quit':
				exit();
				return;
			case 'toggleBookmark':
				bookmarks.toggle(effect.target).then(
					added => say(`${added ? 'Bookmarked' : 'Removed bookmark'}: ${effect.target.title}`),
					(error: unknown) => say((error as Error).message),
				);
				return;
			case 'openLink':
			case 'copyLink': {
				const {url} = effect.target;
				if (!url) {
					say('This story has no link.');
				} else if (effect.type === 'copyLink') {
					outside.copy(url);
					say(`Copied (OSC 52): ${url}`);
				} else {
					void outside.openLink(url).then(result => say(result.ok ? `Opened ${url}` : `Could not open a browser (${result.reason}): ${url}`));
				}
			}
		}
	};
}
