import {Box, Text} from 'ink';
import {helpColumns, helpLines, KEY_COLUMN} from '../core/bindings.js';
import {truncate} from '../core/layout.js';
import {theme} from '../components/theme.js';

const HELP = helpLines();

/** Every key, from the table of bindings; any key closes it. */
export function HelpScreen({width, height}: {width: number; height: number}) {
	// On a narrow terminal the key column takes at most a third of it.
	const lines = helpColumns(HELP, Math.min(KEY_COLUMN, Math.floor(width / 3)));
	// On a short terminal, the last line says what did not fit and where to find it.
	const fits = lines.length <= height - 1;
	const shown = fits ? lines : lines.slice(0, Math.max(0, height - 2));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>{truncate('Keys — any key closes this', width)}</Text>
			{shown.map(line => (
				<Text key={line}>{truncate(line, width)}</Text>
			))}
			{fits ? null : <Text color={theme.muted}>{truncate(`…${lines.length - shown.length} more: devnews --help lists all`, width)}</Text>}
		</Box>
	);
}
