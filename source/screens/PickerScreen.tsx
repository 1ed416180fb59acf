import {useMemo} from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {type Counts} from '../core/article.js';
import {OTHER, type TaxonomyEntry} from '../core/taxonomy.js';
import {countLabel, truncate} from '../core/layout.js';
import type {LibraryView, ListFilter} from '../library/store.js';
import {theme} from '../components/theme.js';

/** The value of the "All" item: no filter on this axis. */
const ALL = '';

type Props = {
	view: LibraryView;
	column: 'sector' | 'edition';
	/** The list's filter: the counts are of what picking an entry would show. */
	filter: ListFilter;
	entries: TaxonomyEntry[];
	current?: string;
	width: number;
	height: number;
	onPick: (id: string | undefined) => void;
};

/** Builds the picker's items: "All" first, then the taxonomy in order, then "Other" when it holds anything. */
export function pickerItems(entries: TaxonomyEntry[], counts: Map<string, Counts>): Array<{label: string; value: string}> {
	const all = {total: 0, unread: 0, more: false};
	for (const {total, unread, more} of counts.values()) {
		all.total += total;
		all.unread += unread;
		all.more ||= Boolean(more);
	}

	const items = [{label: countLabel('All', all), value: ALL}];
	for (const entry of entries) items.push({label: countLabel(entry.name, counts.get(entry.id)), value: entry.id});
	if (counts.has(OTHER)) items.push({label: countLabel('Other', counts.get(OTHER)), value: OTHER});
	return items;
}

/** The pointer before the highlighted entry: our colours (none under NO_COLOR), and silent for a screen reader. */
function Pointer({isSelected = false}: {isSelected?: boolean}) {
	return (
		<Box marginRight={1}>
			<Text aria-hidden color={theme.accent}>
				{isSelected ? '❯' : ' '}
			</Text>
		</Box>
	);
}

/** An entry; a screen reader hears which one is highlighted. */
function Entry({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	return (
		<Text color={isSelected ? theme.accent : undefined} aria-label={isSelected ? `Selected: ${label}.` : `${label}.`}>
			{label}
		</Text>
	);
}

/** A sector or edition picker with counts (ink-select-input reads ↑↓ j k and Enter). */
export function PickerScreen({view, column, filter, entries, current, width, height, onPick}: Props) {
	// Counted when the picker opens or the library changes, not on every frame.
	const counts = useMemo(() => view.library.countsBy(column, filter), [view, column, filter]);
	const items = pickerItems(entries, counts).map(item => ({...item, label: truncate(item.label, width - 3)}));
	const initialIndex = Math.max(0, items.findIndex(item => item.value === (current ?? ALL)));
	const title = column === 'sector' ? 'Sector' : 'Edition';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>{truncate(`${title} — Enter picks, Esc cancels`, width)}</Text>
			<SelectInput
				items={items}
				initialIndex={initialIndex}
				limit={Math.max(1, height - 1)}
				indicatorComponent={Pointer}
				itemComponent={Entry}
				onSelect={item => onPick(item.value === ALL ? undefined : item.value)}
			/>
		</Box>
	);
}
