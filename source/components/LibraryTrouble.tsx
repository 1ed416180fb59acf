import {Component, type ReactNode} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {Library} from '../library/store.js';
import {useTheme} from './theme-context.js';

type Props = {library: Library; children: ReactNode};

/**
 * What a person is told when the screens cannot be drawn because the library
 * could not be read. The key that quits ends the app with the error, so the
 * command line says it again on the normal screen, where it stays.
 */
function Trouble({error, damaged}: {error: Error; damaged: boolean}) {
	const {exit} = useApp();
	const theme = useTheme();
	useInput(() => exit(error));
	const next = damaged ? 'devnews moves it aside and makes a new one at the next start (your bookmarks are safe).' : 'Try again in a moment.';
	return (
		<Box flexDirection="column">
			<Text bold color={theme.warning}>
				The library could not be read
			</Text>
			<Text>{`${sanitizeLine(error.message)}. ${next} Any key quits.`}</Text>
		</Box>
	);
}

/**
 * Keys that fail on the library say so on the status line (use-effects.ts);
 * this catches what fails while a screen is drawn, where nothing else can:
 * a damaged file repaired and the screens drawn again, or, when it cannot
 * be, one message instead of a stack trace and the file noted so the next
 * start replaces it.
 */
export class LibraryTrouble extends Component<Props, {error?: Error; damaged: boolean}> {
	override state: {error?: Error; damaged: boolean} = {damaged: false};

	static getDerivedStateFromError(error: Error) {
		return {error};
	}

	override componentDidCatch(error: Error): void {
		// Repaired (the status line says what was done): the screens are drawn again.
		if (this.props.library.repairAfter(error)) this.setState({error: undefined});
		else this.setState({damaged: this.props.library.markDamaged(error)});
	}

	override render() {
		const {error, damaged} = this.state;
		return error ? <Trouble error={error} damaged={damaged} /> : this.props.children;
	}
}
