import {Text} from 'ink';
import {truncate} from '../core/layout.js';
import {theme} from './theme.js';

/** One line for what just happened or went wrong; the next key clears it. */
export function StatusLine({text, width}: {text: string; width: number}) {
	return <Text color={theme.warning}>{truncate(text, width)}</Text>;
}
