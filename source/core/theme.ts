// The browser's colours: a few named tokens, four themes of them, and the
// user's own colours over a theme. Plain data; the views read it through
// components/theme-context.tsx. The selection shows by inverse video,
// which is not a colour, so it stays visible with no colours at all.

/** What a colour is for on screen. */
export const TOKENS = ['accent', 'muted', 'warning', 'link'] as const;

export type Token = (typeof TOKENS)[number];

/** A colour for each token; undefined draws in the terminal's own colour. */
export type Theme = Record<Token, string | undefined>;

export const THEME_NAMES = ['dark', 'light', '16', 'none'] as const;

export type ThemeName = (typeof THEME_NAMES)[number];

export const THEMES: Record<ThemeName, Theme> = {
	// For a dark background: 256-colour shades, which a 16-colour terminal gets as the nearest of its own.
	dark: {accent: '#5fd7ff', muted: '#8a8a8a', warning: '#ffd75f', link: '#87afff'},
	// For a light background: darker shades that keep their contrast on white.
	light: {accent: '#005f87', muted: '#626262', warning: '#875f00', link: '#0000af'},
	// The sixteen colours every terminal has, as their names; what they look like is the terminal's palette.
	'16': {accent: 'cyan', muted: 'gray', warning: 'yellow', link: 'blue'},
	none: {accent: undefined, muted: undefined, warning: undefined, link: undefined},
};

/** The colour names Ink (chalk) takes, of the sixteen. */
const NAMED = new Set(
	['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'].flatMap(name => [name, `${name}Bright`]).concat(['gray', 'grey', 'blackBright']),
);

/** Whether Ink can draw `value` as a colour: one of the sixteen by name, #rgb, #rrggbb, rgb(r, g, b) or ansi256(n). */
export function isColour(value: string): boolean {
	if (NAMED.has(value)) return true;
	if (/^#(?:[\da-f]{3}|[\da-f]{6})$/i.test(value)) return true;
	const rgb = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(value);
	if (rgb) return rgb.slice(1).every(part => Number(part) <= 255);
	const ansi = /^ansi256\(\s*(\d{1,3})\s*\)$/.exec(value);
	return ansi ? Number(ansi[1]) <= 255 : false;
}

/**
 * The theme to draw with: `name`'s colours with the user's over them, or
 * none at all when NO_COLOR (no-color.org) is set, whatever else says.
 */
export function themeOf(name: ThemeName, colours: Partial<Theme>, env: NodeJS.ProcessEnv = process.env): Theme {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return THEMES.none;
	return name === 'none' ? THEMES.none : {...THEMES[name], ...colours};
}
