import React from 'react';
import {Box, Text} from 'ink';
import {truncate} from '../core/layout.js';
import {theme} from './theme.js';

type Props = {title: string; detail: string; width: number};

/** The top line: where you are (sector · edition, or Bookmarks) and how many. */
export function Header({title, detail, width}: Props) {
	const left = truncate(`devnews › ${title}`, width);
	const room = width - left.length - 1;
	return (
		<Box width={width} justifyContent="space-between">
			<Text bold color={theme.accent}>{left}</Text>
			{room > 4 ? <Text color={theme.muted}>{truncate(detail, room)}</Text> : null}
		</Box>
	);
}
