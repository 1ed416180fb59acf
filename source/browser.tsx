// Runs the full-screen browser. It draws on the terminal's alternate
// screen, so quitting leaves the shell's scrollback as it was, whether
// devnews quits, crashes, or is stopped by a signal.
import {constants} from 'node:os';
import {render} from 'ink';
import {App, type AppProps} from './app.js';
import {openInBrowser, osc52Copy, supportsHyperlinks} from './terminal/links.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/**
 * Ink's render options. Ink draws at most maxFps frames a second; at 60 a
 * key held down (about 30 repeats a second) shows every step, and a frame
 * is never held back longer than a 60 Hz refresh.
 */
export const RENDER_OPTIONS = {exitOnCtrlC: false, maxFps: 60};

// Signals that end devnews from outside (kill, a closed terminal).
const STOP_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export async function runBrowser(props: Omit<AppProps, 'outside'>, options: {screenReader?: boolean} = {}): Promise<void> {
	const {stdout} = process;
	stdout.write(ENTER_ALTERNATE_SCREEN);
	const leave = () => stdout.write(LEAVE_ALTERNATE_SCREEN);
	process.once('exit', leave);
	const instance = render(
		<App
			{...props}
			outside={{
				openLink: openInBrowser,
				copy: text => stdout.write(osc52Copy(text)),
				hyperlinks: supportsHyperlinks(),
			}}
		/>,
		// Ink's screen-reader mode reads the same screens as plain text (aria labels); unset, Ink follows INK_SCREEN_READER.
		{...RENDER_OPTIONS, ...(options.screenReader ? {isScreenReaderEnabled: true} : {})},
	);
	// Ink restores the terminal (raw mode, cursor) when it unmounts; on a
	// signal that must happen, and the screen be left, before the exit.
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
	}
}
