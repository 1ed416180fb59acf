import {memo} from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {ArticleRow} from '../core/article.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {formatRow, rowSentence, wrapWithin} from '../core/layout.js';
import {useIstDay} from '../hooks/use-ist-day.js';
import {useTheme} from './theme-context.js';

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

type LineProps = {row: ArticleRow; taxonomy: Taxonomy; width: number; selected: boolean; bookmarked: boolean; /** The day it is read on (today's stories show their time of day). */ today: number};

/** One row; drawn again only when it changes, so moving the selection lays out two rows, not a screenful. */
const ArticleLine = memo(function ArticleLine({row, taxonomy, width, selected, bookmarked, today}: LineProps) {
	const theme = useTheme();
	// A screen reader reads the row as one sentence, without the marks and
	// columns; only the selected row, as a list's focus (j and k go through the others).
	const sentence = useIsScreenReaderEnabled() ? rowSentence(row, taxonomy, {selected, bookmarked}, today) : undefined;
	return (
		<Text inverse={selected} color={row.kind !== 'full' && !selected ? theme.muted : undefined} aria-label={sentence} aria-hidden={!selected}>
			{formatRow(row, taxonomy, width, {selected, bookmarked}, today)}
		</Text>
	);
});

/** One screen of rows; the caller pages them out of the library. */
export function ArticleList({rows, selected, bookmarked, taxonomy, width, height, empty}: Props) {
	const theme = useTheme();
	const today = useIstDay();
	if (rows.length === 0) {
		// Wrapped, not cut: the hint's last words are keys the reader needs
		// ("s / e / f picks another" went past 80 columns).
		return (
			<Box height={height}>
				<Text color={theme.muted} aria-label={empty}>
					{wrapWithin(empty, width, height).join('\n')}
				</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" height={height}>
			{rows.map((row, index) => (
				// eslint-disable-next-line react/no-array-index-key -- keyed by place on screen, not by article: paging fills the same lines with new rows instead of replacing every line's elements
				<ArticleLine key={index} row={row} taxonomy={taxonomy} width={width} selected={index === selected} bookmarked={bookmarked.has(row.id)} today={today} />
			))}
		</Box>
	);
}
