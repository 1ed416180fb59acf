// Bundles the CLI into one file so start-up reads one module instead of
// hundreds, with React in production mode. better-sqlite3 stays external:
// it loads a native addon by path.
import {build} from 'esbuild';

// Ink loads React DevTools only in development (DEV=true); a production
// bundle gets an empty module in its place instead of a missing package.
const withoutDevtools = {
	name: 'without-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'empty'}));
		builder.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	external: ['better-sqlite3'],
	plugins: [withoutDevtools],
	banner: {
		// Bundled CommonJS dependencies still call require(); give them one.
		js: "#!/usr/bin/env node\nimport {createRequire as __devnewsRequire} from 'node:module';\nconst require = __devnewsRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
