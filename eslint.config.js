// ESLint for the whole tree: typescript-eslint's recommended rules, React's
// and the rules of hooks (dependency lists checked, never silenced without
// a named rule and a reason). `npm test` runs it with no warnings allowed.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'bench/.build/', 'bench/.cache/', 'node_modules/']},
	js.configs.recommended,
	tseslint.configs.recommended,
	react.configs.flat.recommended,
	react.configs.flat['jsx-runtime'],
	reactHooks.configs.flat['recommended-latest'],
	{
		languageOptions: {globals: globals.node},
		settings: {react: {version: 'detect'}},
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true}],
			'react/no-array-index-key': 'error',
			'react/prop-types': 'off',
			// Awaiting in a loop runs one at a time; where that is meant, the line says why.
			'no-await-in-loop': 'error',
		},
	},
	{
		// The program is CommonJS on purpose (it says why): its imports are require()s.
		files: ['source/bin.cts'],
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
	{
		// Bundled code opens SQLite only through library/database.ts's connect(), which gives
		// better-sqlite3 its addon's path: in the bundle, better-sqlite3 could not find it itself.
		files: ['source/**', 'bench/**'],
		ignores: ['source/library/database.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', {paths: [{name: 'better-sqlite3', allowTypeImports: true, message: 'Open a database with connect() from library/database.ts: the bundle loads the addon by its path.'}]}],
		},
	},
);
