// Runs the full-screen browser. It draws on the terminal's alternate
// screen, so quitting leaves the shell's scrollback as it was.
import React from 'react';
import {render} from 'ink';
import {App, type AppProps} from './app.js';
import {openInBrowser, osc52Copy, supportsHyperlinks} from './terminal/links.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

export async function runBrowser(props: Omit<AppProps, 'outside'>): Promise<void> {
	const {stdout} = process;
	stdout.write(ENTER_ALTERNATE_SCREEN);
	const leave = () => stdout.write(LEAVE_ALTERNATE_SCREEN);
	process.once('exit', leave);
	try {
		const instance = render(
			<App
				{...props}
				outside={{
					openLink: openInBrowser,
					copy: text => stdout.write(osc52Copy(text)),
					hyperlinks: supportsHyperlinks(),
				}}
			/>,
			{exitOnCtrlC: false},
		);
		await instance.waitUntilExit();
	} finally {
		process.off('exit', leave);
		leave();
	}
}
