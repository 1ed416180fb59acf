import {Text} from 'ink';
import {truncate} from '../core/layout.js';
import {useTheme} from './theme-context.js';

type Props = {query: string; editing: boolean; width: number; /** The key that clears a kept search, as hints name it. */ clearKey?: string};

/** The `/` title filter: a caret while typing, the kept filter after Enter. */
export function FilterLine({query, editing, width, clearKey}: Props) {
	const theme = useTheme();
	const text = editing ? `/${query}▏` : `/${query}${clearKey ? `  (${clearKey} clears)` : ''}`;
	return (
		<Text color={editing ? theme.accent : theme.muted} aria-label={`Search: ${query}${editing ? ', typing' : ''}.`}>
			{truncate(text, width)}
		</Text>
	);
}
