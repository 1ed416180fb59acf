// Colours in one place. NO_COLOR (no-color.org) turns every colour off;
// the selection stays visible through inverse video, which is not a colour.
const colourful = !('NO_COLOR' in process.env) || process.env['NO_COLOR'] === '';

const pick = (colour: string) => (colourful ? colour : undefined);

export const theme = {
	accent: pick('cyan'),
	muted: pick('gray'),
	warning: pick('yellow'),
	bookmark: pick('yellow'),
	link: pick('blue'),
} as const;
