import React from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {TaxonomyEntry} from '../core/article.js';
import {OTHER} from '../core/article.js';
import {truncate} from '../core/layout.js';
import {theme} from '../components/theme.js';

/** The value of the "All" item: no filter on this axis. */
const ALL = '';

type Props = {
	title: string;
	entries: TaxonomyEntry[];
	counts: Map<string, number>;
	current?: string;
	width: number;
	height: number;
	onPick: (id: string | undefined) => void;
};

/** Builds the picker's items: "All" first, then the taxonomy in order, then "Other" when it holds anything. */
export function pickerItems(entries: TaxonomyEntry[], counts: Map<string, number>): Array<{label: string; value: string}> {
	const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
	const items = [{label: `All (${total})`, value: ALL}];
	for (const entry of entries) items.push({label: `${entry.name} (${counts.get(entry.id) ?? 0})`, value: entry.id});
	const other = counts.get(OTHER) ?? 0;
	if (other > 0) items.push({label: `Other (${other})`, value: OTHER});
	return items;
}

/** A sector or edition picker with counts (ink-select-input reads ↑↓ j k and Enter). */
export function PickerScreen({title, entries, counts, current, width, height, onPick}: Props) {
	const items = pickerItems(entries, counts).map(item => ({...item, label: truncate(item.label, width - 3)}));
	const initialIndex = Math.max(0, items.findIndex(item => item.value === (current ?? ALL)));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>{truncate(`${title} — Enter picks, Esc cancels`, width)}</Text>
			<SelectInput
				items={items}
				initialIndex={initialIndex}
				limit={Math.max(1, height - 1)}
				onSelect={item => onPick(item.value === ALL ? undefined : item.value)}
			/>
		</Box>
	);
}
