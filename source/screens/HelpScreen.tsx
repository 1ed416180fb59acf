import {Box, Text} from 'ink';
import {helpLines} from '../core/bindings.js';
import {truncate} from '../core/layout.js';
import {theme} from '../components/theme.js';

const LINES = helpLines();
const KEY_WIDTH = Math.min(24, Math.max(...LINES.map(line => line.keys.length)) + 2);

/** Every key, from the table of bindings; any key closes it. */
export function HelpScreen({width, height}: {width: number; height: number}) {
	// On a short terminal, the last line says what did not fit and where to find it.
	const fits = LINES.length <= height - 1;
	const shown = fits ? LINES : LINES.slice(0, Math.max(0, height - 2));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>{truncate('Keys — any key closes this', width)}</Text>
			{shown.map(({keys, does}) => (
				<Text key={keys + does}>{truncate(keys.padEnd(KEY_WIDTH) + does, width)}</Text>
			))}
			{fits ? null : <Text color={theme.muted}>{truncate(`…${LINES.length - shown.length} more: devnews --help lists all`, width)}</Text>}
		</Box>
	);
}
