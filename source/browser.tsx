// Runs the full-screen browser. It draws on the terminal's alternate
// screen, so quitting leaves the shell's scrollback as it was, whether
// devnews quits, crashes, or is stopped by a signal. Ink lays out the
// frames; a FrameWriter (render/) writes to the terminal only what each
// frame changed. For a screen reader Ink lays them out as plain text, in
// its screen-reader mode, and a ScreenReaderWriter writes on the normal
// screen, where the reader follows it, only the lines each frame added.
import {spawnSync} from 'node:child_process';
import {constants} from 'node:os';
import {render, type RenderOptions} from 'ink';
import {App, type AppProps} from './app.js';
import {CLEAR_SCREEN} from './render/escapes.js';
import {FrameWriter} from './render/frame-writer.js';
import {ScreenReaderWriter} from './render/screen-reader-writer.js';
import {openWithBrowser} from './terminal/browser-command.js';
import {copyToClipboard, supportsHyperlinks, type LinkResult} from './terminal/links.js';
import {sanitizeLine} from './terminal/sanitize.js';
import {keepHeapSteady} from './steady-heap.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
/**
 * The alternate screen is left blank. tmux 3.2 to 3.3a, leaving it after the
 * window was resized, first fits its lines to the size the window had on
 * entering, wrapping those longer than that width, and the lines this
 * pushes above the top come down onto the shell's screen when it is given
 * the new size back: the list, left over the shell's output after `q`.
 */
const LEAVE_ALTERNATE_SCREEN = `${CLEAR_SCREEN}\u001B[?1049l`;

/**
 * Frames written a second at most; at 60 a key held down (about 30 repeats
 * a second) shows every step, and a frame is never held back longer than a
 * 60 Hz refresh.
 */
export const MAX_FPS = 60;

/**
 * Ink's options for drawing through `writer`. In debug mode Ink writes each
 * frame whole to its stdout and erases nothing itself (and patches no
 * console: it has no screen of its own to keep tidy).
 */
export function renderOptions(writer: FrameWriter | ScreenReaderWriter): RenderOptions {
	return {
		stdout: writer.stream as unknown as NodeJS.WriteStream,
		debug: true,
		patchConsole: false,
		exitOnCtrlC: false,
		isScreenReaderEnabled: writer instanceof ScreenReaderWriter,
	};
}

// Signals that end devnews from outside (kill, a closed terminal).
const STOP_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export async function runBrowser(props: Omit<AppProps, 'outside'>, options: {screenReader?: boolean} = {}): Promise<void> {
	keepHeapSteady();
	const {stdout} = process;
	// --screen-reader, or Ink's own switch.
	const screenReader = options.screenReader || process.env['INK_SCREEN_READER'] === 'true';
	const writer = screenReader ? new ScreenReaderWriter(stdout) : new FrameWriter(stdout, {maxFps: MAX_FPS});
	const fullScreen = writer instanceof FrameWriter;
	if (fullScreen) stdout.write(ENTER_ALTERNATE_SCREEN);
	const leave = () => {
		writer.close();
		if (fullScreen) stdout.write(LEAVE_ALTERNATE_SCREEN);
	};

	/**
	 * Runs a program on the terminal in devnews's place (the user's browser
	 * command): the screen and the keys are its until it exits, then devnews
	 * draws again. Nothing of devnews runs meanwhile (spawnSync holds it).
	 */
	const runOnTerminal = (args: string[]): LinkResult => {
		const [program, ...rest] = args as [string, ...string[]];
		const raw = process.stdin.isTTY && process.stdin.isRaw;
		if (writer instanceof FrameWriter) {
			writer.lend();
			stdout.write(LEAVE_ALTERNATE_SCREEN);
		}

		if (raw) process.stdin.setRawMode(false);
		try {
			const {error, status, signal} = spawnSync(program, rest, {stdio: 'inherit'});
			if (error) return {ok: false, reason: `${program}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such program' : error.message}`};
			return status === 0 ? {ok: true} : {ok: false, reason: `${program} ended with ${signal ?? `status ${status}`}`};
		} finally {
			if (raw) process.stdin.setRawMode(true);
			if (writer instanceof FrameWriter) {
				stdout.write(ENTER_ALTERNATE_SCREEN);
				writer.repaint();
			}
		}
	};

	process.once('exit', leave);
	const instance = render(
		<App
			{...props}
			outside={{
				openLink: async url => openWithBrowser(url, props.settings?.browser, async args => runOnTerminal(args)),
				copy: async text => copyToClipboard(text, sequence => stdout.write(sequence)),
				hyperlinks: supportsHyperlinks(),
				repaint: () => writer.repaint(),
			}}
		/>,
		renderOptions(writer),
	);
	// Ink restores the terminal's input (raw mode) when it unmounts, and the
	// writer its cursor; on a signal that must happen, and the screen be
	// left, before the exit.
	const stop = (signal: (typeof STOP_SIGNALS)[number]) => {
		instance.unmount();
		process.exit(128 + constants.signals[signal]);
	};

	for (const signal of STOP_SIGNALS) process.once(signal, stop);
	try {
		await instance.waitUntilExit();
	} finally {
		for (const signal of STOP_SIGNALS) process.off(signal, stop);
		process.off('exit', leave);
		leave();
		// What was wrong at start was on the status line until the first key: it is said again where it stays.
		for (const warning of props.warnings ?? []) process.stderr.write(`devnews: ${sanitizeLine(warning)}\n`);
	}
}
