// The theme the views draw with, given once by the app (the user's theme
// and colours, or none under NO_COLOR); components read it with useTheme().
import {createContext, useContext} from 'react';
import {themeOf, type Theme} from '../core/theme.js';

const ThemeContext = createContext<Theme>(themeOf('dark', {}));

export const ThemeProvider = ThemeContext.Provider;

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
