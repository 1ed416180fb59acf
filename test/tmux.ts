// tmux for the terminal tests: a server of the test's own (its own socket,
// no config file), never the user's, running devnews as a person does in
// tmux: not in CI mode (where Ink draws only at exit), outside any other tmux.
import {execFileSync} from 'node:child_process';
import {CLI, isolatedEnv} from './helpers.js';

function tmuxVersion(): string | undefined {
	try {
		return execFileSync('tmux', ['-V'], {encoding: 'utf8'}).trim();
	} catch {
		return undefined;
	}
}

/** For `test(…, {skip})`: false where tmux is installed. */
export const withoutTmux = tmuxVersion() ? false : 'tmux is not installed';

const pause = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export type Size = {columns: number; rows: number};

let servers = 0;

export class Tmux {
	readonly env: NodeJS.ProcessEnv;
	private readonly socket = `devnews-test-${process.pid}-${servers++}`;

	constructor(env = isolatedEnv()) {
		this.env = {...env};
		delete this.env['CI'];
		delete this.env['TMUX'];
	}

	/** Runs a tmux command on this server; its output. */
	run(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8', env: this.env});
	}

	/**
	 * Starts a session running `before` (shell commands), then devnews with
	 * `args`, then the line `devnews exited <status>`; the pane stays after.
	 */
	start({before = '', args = [], size = {columns: 80, rows: 24}, options = []}: {before?: string; args?: string[]; size?: Size; options?: string[][]}): void {
		const devnews = [process.execPath, CLI, ...args].map(word => JSON.stringify(word)).join(' ');
		// A server starts with its first session; options are set then, and the program runs after them.
		this.run('new-session', '-d', '-s', 'devnews', '-x', String(size.columns), '-y', String(size.rows), 'exec sleep 600');
		for (const option of options) this.run('set-option', ...option);
		this.run('respawn-pane', '-k', '-t', 'devnews', `${before}${devnews}; echo "devnews exited $?"; exec sleep 600`);
	}

	/** The pane's screen, one string per row, without the blank rows at the bottom. */
	screen(): string[] {
		const rows = this.run('capture-pane', '-p', '-t', 'devnews').split('\n');
		while (rows.length > 0 && rows.at(-1)!.trim() === '') rows.pop();
		return rows;
	}

	/** The pane's scrollback and screen. */
	everything(): string {
		return this.run('capture-pane', '-p', '-t', 'devnews', '-S', '-');
	}

	async waitFor(what: string | ((screen: string[]) => boolean), timeoutMs = 15_000): Promise<void> {
		const shows = typeof what === 'string' ? (screen: string[]) => screen.join('\n').includes(what) : what;
		const started = Date.now();
		while (!shows(this.screen())) {
			if (Date.now() - started > timeoutMs) throw new Error(`the pane never showed ${typeof what === 'string' ? what : 'what was waited for'}:\n${this.screen().join('\n')}`);
			await pause(100); // eslint-disable-line no-await-in-loop
		}
	}

	/** Presses keys (tmux's names: j, Enter, PageDown), one at a time, as a person does. */
	async press(...keys: string[]): Promise<void> {
		for (const key of keys) {
			this.run('send-keys', '-t', 'devnews', key);
			await pause(200); // eslint-disable-line no-await-in-loop
		}
	}

	resize({columns, rows}: Size): void {
		this.run('resize-window', '-t', 'devnews', '-x', String(columns), '-y', String(rows));
	}

	kill(): void {
		try {
			this.run('kill-server');
		} catch {
			// The server may have ended with its last window.
		}
	}
}
