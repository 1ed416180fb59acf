import React from 'react';
import {Box, Text} from 'ink';
import type {ArticleRow, Taxonomy} from '../core/article.js';
import {formatRow, truncate} from '../core/layout.js';
import {theme} from './theme.js';

type Props = {
	rows: ArticleRow[];
	/** Index of the selected row within `rows`, if it is on screen. */
	selected: number;
	bookmarked: Set<string>;
	taxonomy: Taxonomy;
	width: number;
	height: number;
	empty: string;
};

/** One screen of rows; the caller pages them out of the library. */
export function ArticleList({rows, selected, bookmarked, taxonomy, width, height, empty}: Props) {
	if (rows.length === 0) {
		return (
			<Box height={height}>
				<Text color={theme.muted}>{truncate(empty, width)}</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" height={height}>
			{rows.map((row, index) => (
				<Text key={row.id} inverse={index === selected} color={row.kind === 'headline' && index !== selected ? theme.muted : undefined}>
					{formatRow(row, taxonomy, width, {selected: index === selected, bookmarked: bookmarked.has(row.id)})}
				</Text>
			))}
		</Box>
	);
}
