import {Box, Text} from 'ink';
import {headerParts} from '../core/layout.js';
import {useTheme} from './theme-context.js';

type Props = {
	/** Where you are: sector · edition, a source, or Bookmarks. */
	place: string;
	/** How the list is read, when not as usual: "unread only", "oldest first". */
	flags: string[];
	/** How many, how many unread, how fresh: from the most words to the fewest (see headerDetails). */
	details?: string[][];
	width: number;
};

/** The top line: where you are and how the list is read, then how many and how fresh. */
export function Header({place, flags, details = [], width}: Props) {
	const theme = useTheme();
	const {left, right} = headerParts(place, flags, details, width);
	return (
		<Box width={width} justifyContent="space-between">
			<Text bold color={theme.accent} aria-label={`devnews, ${[place, ...flags, ...(details[0] ?? [])].join(', ')}.`}>
				{left}
			</Text>
			{right ? (
				<Text aria-hidden color={theme.muted}>
					{right}
				</Text>
			) : null}
		</Box>
	);
}
