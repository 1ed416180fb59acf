// Start → first frame, as a person at a terminal sees it: the program is
// started in a pseudo-terminal (node-pty) of a fixed size, and the clock
// stops when its output first shows what the caller is waiting for (list
// rows, not a splash or a blank screen). Its memory is read from /proc at
// that moment. Every program in the benchmark is measured this same way.
import fs from 'node:fs';
import pty from 'node-pty';
import stripAnsi from 'strip-ansi';

export type FirstFrame = {ms: number; rssMb: number};

export type Launch = {
	command: string;
	args: string[];
	env: NodeJS.ProcessEnv;
	cwd?: string;
	/** True once the screen so far shows the first frame. */
	shows: (screen: string) => boolean;
	cols?: number;
	rows?: number;
	timeoutMs?: number;
};

/** Resident memory of a process, in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
	return kb / 1024;
}

// Ink draws nothing until exit when it believes it runs in CI, and the
// programs must not inherit the benchmark's own terminal settings.
export function cleanEnv(env: NodeJS.ProcessEnv): Record<string, string> {
	const clean: Record<string, string> = {};
	for (const [key, value] of Object.entries(env)) {
		if (value !== undefined && key !== 'CI' && !key.startsWith('CI_') && key !== 'COLUMNS' && key !== 'LINES') clean[key] = value;
	}

	return {...clean, TERM: 'xterm-256color'};
}

/** Starts the program, times its first frame, then stops it and waits for it to end. */
export async function firstFrame(launch: Launch): Promise<FirstFrame> {
	const started = performance.now();
	const child = pty.spawn(launch.command, launch.args, {
		name: 'xterm-256color',
		cols: launch.cols ?? 80,
		rows: launch.rows ?? 24,
		cwd: launch.cwd ?? process.cwd(),
		env: cleanEnv(launch.env),
	});
	const exited = new Promise<void>(resolve => {
		child.onExit(() => resolve());
	});
	let screen = '';
	try {
		return await new Promise<FirstFrame>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${launch.command} showed no first frame within ${launch.timeoutMs ?? 30_000} ms; it printed:\n${stripAnsi(screen).slice(-2000)}`)), launch.timeoutMs ?? 30_000);
			let seen = false;
			child.onData(data => {
				if (seen) return;
				screen += data;
				if (!launch.shows(stripAnsi(screen))) return;
				seen = true;
				const ms = performance.now() - started;
				clearTimeout(timer);
				resolve({ms, rssMb: rssMb(child.pid)});
			});
			void exited.then(() => reject(new Error(`${launch.command} ended before its first frame; it printed:\n${stripAnsi(screen).slice(-2000)}`)));
		});
	} finally {
		child.kill('SIGTERM');
		await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
	}
}
