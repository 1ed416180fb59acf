import {Text} from 'ink';
import {truncate} from '../core/layout.js';
import {theme} from './theme.js';

type Props = {query: string; editing: boolean; width: number};

/** The `/` title filter: a caret while typing, the kept filter after Enter. */
export function FilterLine({query, editing, width}: Props) {
	const text = editing ? `/${query}▏` : `/${query}  (Esc clears)`;
	return (
		<Text color={editing ? theme.accent : theme.muted} aria-label={`Search: ${query}${editing ? ', typing' : ''}.`}>
			{truncate(text, width)}
		</Text>
	);
}
