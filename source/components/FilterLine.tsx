import {Text} from 'ink';
import {truncate, truncateStart} from '../core/layout.js';
import {useTheme} from './theme-context.js';

type Props = {query: string; editing: boolean; width: number; /** The key that clears a kept search, as hints name it. */ clearKey?: string};

/** The `/` title filter: a caret while typing (the end of a long one in view, where the typing is), the kept filter after Enter. */
export function FilterLine({query, editing, width, clearKey}: Props) {
	const theme = useTheme();
	const line = editing ? `/${truncateStart(`${query}▏`, width - 1)}` : truncate(`/${query}${clearKey ? `  (${clearKey} clears)` : ''}`, width);
	return (
		<Text color={editing ? theme.accent : theme.muted} aria-label={`Search: ${query}${editing ? ', typing' : ''}.`}>
			{line}
		</Text>
	);
}
