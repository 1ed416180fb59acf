import {Box, Text} from 'ink';
import stringWidth from '../terminal/string-width.js';
import {truncate} from '../core/layout.js';
import {theme} from './theme.js';

type Props = {title: string; details: string[]; width: number};

/** As many of the details as fit in `room`, most important first, never cut mid-word. */
export function fitDetails(details: string[], room: number): string {
	for (let count = details.length; count > 0; count--) {
		const text = details.slice(0, count).join(' · ');
		if (stringWidth(text) <= room) return text;
	}

	return '';
}

/** The top line: where you are (sector · edition, or Bookmarks), how many, how fresh. */
export function Header({title, details, width}: Props) {
	const left = truncate(`devnews › ${title}`, width);
	const right = fitDetails(details, width - stringWidth(left) - 2);
	return (
		<Box width={width} justifyContent="space-between">
			<Text bold color={theme.accent} aria-label={`devnews, ${[title, ...details].join(', ')}.`}>
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
