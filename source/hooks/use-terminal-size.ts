// Follows the terminal's size; Ink re-renders on resize, but the layout
// functions need the numbers in state, so a resize is an action.
import {useEffect} from 'react';
import {useStdout} from 'ink';

export const DEFAULT_SIZE = {width: 80, height: 24};

export function readSize(stdout: NodeJS.WriteStream): {width: number; height: number} {
	return {width: stdout.columns || DEFAULT_SIZE.width, height: stdout.rows || DEFAULT_SIZE.height};
}

export function useTerminalSize(onResize: (size: {width: number; height: number}) => void): void {
	const {stdout} = useStdout();
	useEffect(() => {
		const handle = () => onResize(readSize(stdout));
		stdout.on('resize', handle);
		return () => {
			stdout.off('resize', handle);
		};
	}, [stdout, onResize]);
}
