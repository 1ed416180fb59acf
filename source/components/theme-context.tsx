// The theme the views draw with, given once by the app (the user's theme
// and colours, or none under NO_COLOR); components read it with useTheme().
import {createContext, useContext} from 'react';
import {THEMES, themeOf, type Theme} from '../core/theme.js';

const ThemeContext = createContext<Theme>(themeOf('dark', {}));

export const ThemeProvider = ThemeContext.Provider;

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** For a test or a view drawn outside the app: the plain sixteen colours. */
export const PLAIN_THEME: Theme = THEMES['16'];
