// Starting a browser for a link (`o`): the `browser` setting (an argument
// list), else $BROWSER (the convention many tools share: commands
// separated by ":", each tried in turn, "%s" standing for the link), else
// the system's opener. No shell ever reads the link: it is one argument
// of a program started directly, detached from devnews's terminal.
import {spawn} from 'node:child_process';
import {isWebUrl, openInBrowser, type OpenResult} from './links.js';

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

/** Starts `args` detached; resolves once it started (or could not). */
function start(args: string[]): Promise<OpenResult> {
	return new Promise(resolve => {
		const [program, ...rest] = args as [string, ...string[]];
		const child = spawn(program, rest, {detached: true, stdio: 'ignore'});
		child.once('error', error => resolve({ok: false, reason: `${program}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such program' : error.message}`}));
		child.once('spawn', () => {
			child.unref();
			resolve({ok: true});
		});
	});
}

/** Opens a web link with the user's browser command, $BROWSER's, or the system's. */
export async function openWithBrowser(url: string, setting: string[] | undefined, env: NodeJS.ProcessEnv = process.env): Promise<OpenResult> {
	if (!isWebUrl(url)) return {ok: false, reason: 'not an http(s) link'};
	const commands = setting ? [setting] : browserVariable(env['BROWSER']);
	if (commands.length === 0) return openInBrowser(url, env);
	let result: OpenResult = {ok: false, reason: 'no browser command'};
	for (const command of commands) {
		result = await start(withLink(command, url)); // eslint-disable-line no-await-in-loop -- the next is tried only when this one could not start
		if (result.ok) return result;
	}

	return result;
}
