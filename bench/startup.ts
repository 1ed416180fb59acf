// How long devnews takes to start, beside the floors it is held to: a
// command beside `node -e 0` (a Node process that does nothing), and the
// browser's first frame on the shipped data beside a bare Ink app bundled
// the same way. Every program runs in turns with the others, round after
// round, so a busy moment of a shared machine falls on all of them alike;
// the figures are medians, and the targets ratios of one run.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {firstFrame, type Launch} from './pty.js';
import {percentile, type Ratio} from './report.js';

export type StartupResult = {
	runs: number;
	/** Median ms from spawn to exit, by what was run. */
	commands: Array<{name: string; medianMs: number}>;
	firstFrame: {helloInkMs: number; shippedMs: number};
};

/** Milliseconds from spawning the program to its exit. */
function timeToExit(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {env, stdio: 'ignore'});
		child.on('error', reject);
		child.on('close', code => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
	});
}

/**
 * Times `node -e 0` and devnews's commands (built in ROOT/dist), then the
 * first frames of the bare Ink app (`hello`, already built) and devnews on
 * its shipped data; `runs` timed rounds after one warm-up.
 */
export async function measureStartup(root: string, hello: Launch, shipped: Launch, env: NodeJS.ProcessEnv, runs: number): Promise<StartupResult> {
	const cli = path.join(root, 'dist', 'devnews.cjs');
	const commands: Array<{name: string; args: string[]}> = [
		{name: 'node -e 0', args: ['-e', '0']},
		{name: 'devnews --version', args: [cli, '--version']},
		{name: 'devnews --help', args: [cli, '--help']},
		{name: 'devnews list', args: [cli, 'list']},
		{name: 'devnews read 3710216', args: [cli, 'read', '3710216']},
	];
	const times = new Map<string, number[]>(commands.map(({name}) => [name, []]));
	const frames = {hello: [] as number[], shipped: [] as number[]};
	/* eslint-disable no-await-in-loop -- one program at a time, in turns */
	for (let round = 0; round <= runs; round++) {
		for (const {name, args} of commands) {
			const ms = await timeToExit(process.execPath, args, env);
			if (round > 0) times.get(name)!.push(ms);
		}

		const helloFrame = await firstFrame(hello);
		const shippedFrame = await firstFrame(shipped);
		if (round > 0) {
			frames.hello.push(helloFrame.ms);
			frames.shipped.push(shippedFrame.ms);
		}
	}
	/* eslint-enable no-await-in-loop */

	return {
		runs,
		commands: commands.map(({name}) => ({name, medianMs: percentile(times.get(name)!, 50)})),
		firstFrame: {helloInkMs: percentile(frames.hello, 50), shippedMs: percentile(frames.shipped, 50)},
	};
}

/** The start-up targets: `--version` within 1.3× of a Node that does nothing, and the first frame no slower than a bare Ink app's. */
export function startupTargets(result: StartupResult): Ratio[] {
	const floor = result.commands[0]!.medianMs;
	const version = result.commands.find(({name}) => name === 'devnews --version')!.medianMs / floor;
	const frame = result.firstFrame.shippedMs / result.firstFrame.helloInkMs;
	return [
		{what: 'devnews --version ÷ node -e 0', value: version, target: '≤ 1.3', met: version <= 1.3},
		{what: 'start → first frame, shipped data ÷ bare Ink app (in turns with the commands)', value: frame, target: '≤ 1.0', met: frame <= 1},
	];
}

/** The start-up table: each command's median and its ratio to `node -e 0`, the first frames, and the targets. */
export function printStartup(result: StartupResult): string {
	const floor = result.commands[0]!.medianMs;
	const lines = [`start-up, median of ${result.runs} runs taken in turns`, ''];
	for (const {name, medianMs} of result.commands) lines.push(`  ${name.padEnd(26)} ${medianMs.toFixed(0).padStart(5)} ms  ${(medianMs / floor).toFixed(2)}× node -e 0`);
	const {helloInkMs, shippedMs} = result.firstFrame;
	lines.push(`  ${'first frame, bare Ink'.padEnd(26)} ${helloInkMs.toFixed(0).padStart(5)} ms`, `  ${'first frame, shipped data'.padEnd(26)} ${shippedMs.toFixed(0).padStart(5)} ms  ${(shippedMs / helloInkMs).toFixed(2)}× bare Ink`, '');
	for (const {what, value, target, met} of startupTargets(result)) lines.push(`  ${what}: ${value.toFixed(2)} (target ${target}) ${met ? 'met' : 'NOT met'}`);
	return `${lines.join('\n')}\n\n`;
}
