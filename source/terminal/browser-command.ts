// Starting a browser for a link (`o`): the `browser` setting (an argument
// list), else $BROWSER (the convention many tools share: commands
// separated by ":", each tried in turn, "%s" standing for the link), else
// the system's opener. No shell ever reads the link: it is one argument
// of a program started directly. The user's command runs on the terminal
// in devnews's place until it exits, as newsboat runs its browser, so a
// text browser (lynx, w3m) works over SSH; the system's opener is started
// detached, as it hands the link to a browser of the desktop's.
import {isWebUrl, openInBrowser, type LinkResult} from './links.js';

/** The argument list that opens `url`: "%s" becomes the link (and "%%" a "%"), or the link goes last. */
export function withLink(command: string[], url: string): string[] {
	const placed = command.some(part => part.includes('%s'));
	const args = command.map(part => part.replaceAll(/%([s%])/g, (_, which: string) => (which === 's' ? url : '%')));
	return placed ? args : [...args, url];
}

/** $BROWSER's commands, each as an argument list (split on spaces: it names programs, it is no shell line). */
export function browserVariable(value: string | undefined): string[][] {
	return (value ?? '')
		.split(':')
		.map(command => command.trim().split(/\s+/).filter(Boolean))
		.filter(command => command.length > 0);
}

/** Runs a command for a link: `args[0]` the program, the rest its arguments. */
export type Run = (args: string[]) => Promise<LinkResult>;

/** Opens a web link with the user's browser command, $BROWSER's (run by `run`), or the system's. */
export async function openWithBrowser(url: string, setting: string[] | undefined, run: Run, env: NodeJS.ProcessEnv = process.env): Promise<LinkResult> {
	if (!isWebUrl(url)) return {ok: false, reason: 'not an http(s) link'};
	const commands = setting ? [setting] : browserVariable(env['BROWSER']);
	if (commands.length === 0) return openInBrowser(url, env);
	let result: LinkResult = {ok: false, reason: 'no browser command'};
	for (const command of commands) {
		result = await run(withLink(command, url)); // eslint-disable-line no-await-in-loop -- the next is tried only when this one could not start
		if (result.ok) return result;
	}

	return result;
}
