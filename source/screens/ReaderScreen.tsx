import {Box, Text} from 'ink';
import type {ReaderLine, Tone} from '../core/layout.js';
import type {Position} from '../components/Footer.js';
import {useTheme} from '../components/theme-context.js';
import type {Theme, Token} from '../core/theme.js';
import {hyperlink} from '../terminal/links.js';

type Props = {
	lines: ReaderLine[];
	scroll: number;
	height: number;
	/** The story's link, made clickable (OSC 8) on its lines when the terminal shows hyperlinks. */
	hyperlink?: string;
};

type Style = {bold?: boolean; italic?: boolean; dimColor?: boolean; color?: string};

const style = (tone: Tone, theme: Theme): Style => ({...STYLE[tone], ...(COLOUR[tone] ? {color: theme[COLOUR[tone]]} : {})});

/** The tones drawn in a colour of the theme. */
const COLOUR: Partial<Record<Tone, Token>> = {meta: 'accent', link: 'link', notice: 'warning'};

const STYLE: Record<Tone, Style> = {
	title: {bold: true},
	meta: {},
	link: {},
	notice: {bold: true},
	note: {italic: true, dimColor: true},
	summary: {bold: true},
	body: {},
	credit: {italic: true},
	blank: {},
};

/** The story window: only the visible lines are rendered, however long the story. */
export function ReaderScreen({lines, scroll, height, hyperlink: url}: Props) {
	const theme = useTheme();
	const visible = lines.slice(scroll, scroll + height);
	return (
		<Box flexDirection="column" height={height}>
			{visible.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines are positions in a window
				<Text key={scroll + index} {...style(line.tone, theme)}>
					{url && line.tone === 'link' ? hyperlink(url, line.text) : line.text || ' '}
				</Text>
			))}
		</Box>
	);
}

/** "12–24/40 60%" (and as read aloud): the lines on screen, the total, and how far down; nothing for an empty story. */
export function scrollPosition(scroll: number, height: number, total: number): Position | undefined {
	if (total === 0) return undefined;
	const last = Math.min(total, scroll + height);
	const percent = total <= height ? 100 : Math.round((last / total) * 100);
	return {text: `${scroll + 1}–${last}/${total} ${percent}%`, spoken: `Lines ${scroll + 1} to ${last} of ${total}, ${percent} percent.`};
}
