// Links leave devnews three ways: an OSC 8 hyperlink on screen, an OSC 52
// clipboard write, or the user's browser. Only http(s) links go anywhere,
// and none of them ever passes through a shell.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {END_HYPERLINK, OSC8, ST} from '../render/escapes.js';
import {sanitizeLine} from './sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';
const execFileAsync = promisify(execFile);

/** An absolute http: or https: URL with no control characters or spaces in it. */
export function isWebUrl(url: string | undefined): url is string {
	// eslint-disable-next-line no-control-regex -- rejecting controls is the point
	if (!url || /[\u0000-\u0020\u007F-\u009F]/.test(url)) return false;
	try {
		const {protocol} = new URL(url);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

/** `text` as a clickable OSC 8 hyperlink to `url`; plain `text` when the url is not a web link. */
export function hyperlink(url: string, text: string): string {
	return isWebUrl(url) ? `${OSC8};${url}${ST}${text}${END_HYPERLINK}` : text;
}

/**
 * Whether the terminal shows OSC 8 links. Conservative: a terminal that does
 * not know OSC 8 may print its payload, so only known ones (or
 * FORCE_HYPERLINK=1) get them; tmux and screen may not pass them through.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
	if (env['FORCE_HYPERLINK'] === '0') return false;
	if (env['FORCE_HYPERLINK'] === '1') return true;
	if (!isTTY || env['TERM'] === 'dumb' || env['TMUX'] || env['STY']) return false;
	if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env['TERM_PROGRAM'] ?? '')) return true;
	if (Number(env['VTE_VERSION'] ?? 0) >= 5000 || env['WT_SESSION']) return true;
	return /^(xterm-kitty|alacritty|foot)/.test(env['TERM'] ?? '');
}

/**
 * The OSC 52 sequence that puts `text` on the clipboard of the terminal the
 * user sits at, over SSH too. Inside tmux it goes as it is, for tmux to
 * take (its set-clipboard option): `on` keeps it as tmux's own paste buffer
 * and passes it on to the outer terminal, `external` (the default) passes it
 * on, `off` drops it. Wrapped in tmux's passthrough instead, it is dropped
 * by tmux 3.3 and later unless allow-passthrough is on.
 */
export function osc52Copy(text: string): string {
	return `${ESC}]52;c;${Buffer.from(sanitizeLine(text)).toString('base64')}${BEL}`;
}

/** What copying or opening a link came to: done (or, for a copy, expected to land), or why not and what to do. */
export type LinkResult = {ok: true} | {ok: false; reason: string};

/**
 * Copies `text` with OSC 52, given to `write` (the terminal); inside tmux,
 * asks tmux whether it drops the sequence. Elsewhere nothing says whether
 * the terminal took it, so it is expected to have.
 */
export async function copyToClipboard(text: string, write: (sequence: string) => unknown, env: NodeJS.ProcessEnv = process.env): Promise<LinkResult> {
	write(osc52Copy(text));
	if (!env['TMUX'] || (await tmuxOption('set-clipboard', env)) !== 'off') return {ok: true};
	return {ok: false, reason: "tmux's set-clipboard is off (tmux set -g set-clipboard on)"};
}

/** An option's value from the tmux devnews runs in ($TMUX names it); undefined when tmux does not answer. */
async function tmuxOption(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
	try {
		const {stdout} = await execFileAsync('tmux', ['show-options', '-gv', name], {env, timeout: 2000});
		return stdout.trim();
	} catch {
		return undefined;
	}
}

/**
 * Whether a browser could start here. On Linux without a display (an SSH
 * session, a server console) xdg-open would fail or start a text browser
 * inside our screen, so devnews shows the link instead.
 */
export function canStartBrowser(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
	if (platform !== 'linux') return true;
	return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY'] || env['WSL_DISTRO_NAME']);
}

/** Opens a web link in the user's browser; `open` spawns the opener directly, never a shell. */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<LinkResult> {
	if (!isWebUrl(url)) return {ok: false, reason: 'not an http(s) link'};
	if (!canStartBrowser(env)) return {ok: false, reason: 'no display to start a browser on'};
	try {
		// `open` (and the half-dozen packages it uses to find the system's
		// browser) loads only when a link is opened. It rejects when the opener
		// cannot be spawned.
		const {default: open} = await import('open');
		await open(url, {wait: false});
		return {ok: true};
	} catch (error) {
		return {ok: false, reason: (error as Error).message};
	}
}
