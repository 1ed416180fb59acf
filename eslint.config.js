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
);
