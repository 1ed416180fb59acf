import {Box, Text} from 'ink';
import stringWidth from '../terminal/string-width.js';
import {truncate} from '../core/layout.js';
import {theme} from './theme.js';

type Props = {hints: string; position?: string; width: number};

/** The bottom line: key hints, and on the right where you are in a story. */
export function Footer({hints, position, width}: Props) {
	const right = position ?? '';
	const room = width - stringWidth(right) - (right ? 1 : 0);
	return (
		<Box width={width} justifyContent="space-between">
			<Text color={theme.muted} aria-label="Press question mark for the keys.">
				{truncate(hints, Math.max(0, room))}
			</Text>
			{right ? (
				<Text color={theme.accent} aria-label={`${right.replace(/^(\d+)–(\d+)\/(\d+) (\d+)%$/, 'Lines $1 to $2 of $3, $4 percent')}.`}>
					{right}
				</Text>
			) : null}
		</Box>
	);
}
