import {memo} from 'react';
import {Box, Text} from 'ink';
import type {PickerEntry} from '../core/pickers.js';
import {nameWithCount, truncate} from '../core/layout.js';
import type {ListPosition} from '../core/state.js';
import {useTheme} from '../components/theme-context.js';

type Props = {
	title: string;
	entries: PickerEntry[];
	/** Where the selection is and the first entry on screen (the reducer keeps them, as for the list). */
	position: ListPosition;
	width: number;
	height: number;
};

type EntryProps = {name: string; count: string; selected: boolean; width: number};

/** The cells of an entry's mark and the space after it. */
const MARK_CELLS = 2;

/** An entry; a screen reader hears which one is highlighted. */
const Entry = memo(function Entry({name, count, selected, width}: EntryProps) {
	const theme = useTheme();
	const label = `${name} ${count}`;
	return (
		<Text color={selected ? theme.accent : undefined} inverse={selected} aria-label={selected ? `Selected: ${label}.` : `${label}.`}>
			{truncate(`${selected ? '❯' : ' '} ${nameWithCount(name, count, width - MARK_CELLS)}`, width)}
		</Text>
	);
});

/**
 * A sector, edition or source picker with counts, "All" first: one window
 * of its entries, moved by the same keys as the list (keymap.ts).
 */
export function PickerScreen({title, entries, position, width, height}: Props) {
	const theme = useTheme();
	const rows = Math.max(1, height - 1);
	const shown = entries.slice(position.top, position.top + rows);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} aria-label={`${title}. ${entries.length} entries.`}>
				{truncate(title, width)}
			</Text>
			{shown.map((entry, index) => (
				// eslint-disable-next-line react/no-array-index-key -- entries are places in a window, as list rows are
				<Entry key={index} name={entry.name} count={entry.count} selected={position.top + index === position.selected} width={width} />
			))}
		</Box>
	);
}
