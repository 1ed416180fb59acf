import React from 'react';
import {Box, Text} from 'ink';
import {KEY_HELP} from '../core/keymap.js';
import {truncate} from '../core/layout.js';
import {theme} from '../components/theme.js';

/** Every key, from the keymap's own table; any key closes it. */
export function HelpScreen({width, height}: {width: number; height: number}) {
	const keyWidth = Math.min(24, Math.max(...KEY_HELP.map(([keys]) => keys.length)) + 2);
	// On a short terminal, the last line says what did not fit and where to find it.
	const fits = KEY_HELP.length <= height - 1;
	const shown = fits ? KEY_HELP : KEY_HELP.slice(0, Math.max(0, height - 2));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>{truncate('Keys — any key closes this', width)}</Text>
			{shown.map(([keys, does]) => (
				<Text key={keys}>{truncate(keys.padEnd(keyWidth) + does, width)}</Text>
			))}
			{fits ? null : <Text color={theme.muted}>{truncate(`…${KEY_HELP.length - shown.length} more: devnews --help lists all`, width)}</Text>}
		</Box>
	);
}
