import {Box, Text} from 'ink';
import {truncate} from '../core/layout.js';
import {useTheme} from '../components/theme-context.js';

type Props = {title: string; lines: string[]; scroll: number; width: number; height: number};

/** Every key, from the table of bindings (the user's keys in it), scrolled like a story under its title. */
export function HelpScreen({title, lines, scroll, width, height}: Props) {
	const theme = useTheme();
	const shown = lines.slice(scroll, scroll + Math.max(1, height - 1));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>
				{truncate(title, width)}
			</Text>
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines are places in a window
				<Text key={scroll + index}>{truncate(line, width) || ' '}</Text>
			))}
		</Box>
	);
}
