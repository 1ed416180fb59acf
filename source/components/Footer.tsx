import {Box, Text} from 'ink';
import stringWidth from '../terminal/string-width.js';
import {fitHints, type Hint} from '../core/bindings.js';
import {truncate} from '../core/layout.js';
import {useTheme} from './theme-context.js';

/** Where the reader is in a story, as shown ("12–33/40 83%") and as read aloud. */
export type Position = {text: string; spoken: string};

type Props = {hints: Hint[]; position?: Position; width: number; /** What a screen reader hears for the hints. */ spoken: string};

/** The bottom line: key hints, and on the right where you are in a story or the help. */
export function Footer({hints, position, width, spoken}: Props) {
	const theme = useTheme();
	const right = position?.text ?? '';
	const room = width - stringWidth(right) - (right ? 1 : 0);
	return (
		<Box width={width} justifyContent="space-between">
			<Text color={theme.muted} aria-label={spoken}>
				{truncate(fitHints(hints, Math.max(0, room), stringWidth), Math.max(0, room))}
			</Text>
			{position ? (
				<Text color={theme.accent} aria-label={position.spoken}>
					{right}
				</Text>
			) : null}
		</Box>
	);
}
