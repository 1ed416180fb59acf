import {Box, Text} from 'ink';
import {useTheme} from './theme-context.js';

/** What just happened or went wrong, wrapped (screen-rows.ts decides the lines); the next key clears it. */
export function StatusLine({lines}: {lines: string[]}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines of one message, in order
				<Text key={index} color={theme.warning}>
					{line}
				</Text>
			))}
		</Box>
	);
}
