// Bundles the CLI for a fast start: React in production mode, and code
// split at every dynamic import, so starting devnews compiles only what the
// command needs (the browser, the feed fetcher and the page extractor load
// when used). better-sqlite3 stays external: it loads a native addon by
// path. The benchmark bundles its own entry points the same way:
//   node scripts/build.mjs ENTRY OUTDIR
import fs from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';

const [entry = 'source/cli.tsx', outdir = 'dist'] = process.argv.slice(2);

// Ink loads React DevTools only in development (DEV=true); a production
// bundle gets an empty module in its place instead of a missing package.
const withoutDevtools = {
	name: 'without-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'empty'}));
		builder.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

// Ink measures text with string-width and tokenizes it with
// @alcalzone/ansi-tokenize on every frame, the same lines again and again;
// its (and its helpers') imports of them go to devnews's remembering
// wrappers, which alone import the real ones.
const REMEMBERED = {
	'string-width': './source/terminal/string-width.ts',
	'@alcalzone/ansi-tokenize': './source/render/remembered-tokens.ts',
};
const remembered = {
	name: 'remembered',
	setup(builder) {
		const names = Object.keys(REMEMBERED).map(name => name.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
		builder.onResolve({filter: new RegExp(`^(${names.join('|')})$`)}, async args => {
			const wrapper = REMEMBERED[args.path];
			if (args.importer.endsWith(wrapper.slice(1))) return undefined;
			return builder.resolve(wrapper, {kind: 'import-statement', resolveDir: process.cwd()});
		});
	},
};

// The flags node runs devnews with, in the entry's first line (`env -S`
// splits them), so `devnews`, `npm start` and the benchmark all run it so.
// A young generation of at most 4 MB a half (V8 grows it to 16): each
// frame leaves short-lived garbage, and with the larger one V8 kept ~60 MB
// more at a million articles after a burst of keys (183 MB against 121,
// measured with bench/runner.tsx), for no faster keys.
const NODE_FLAGS = '--max-semi-space-size=4';

// Chunk names carry a hash of their contents: last build's are removed.
fs.rmSync(path.join(outdir, 'chunks'), {recursive: true, force: true});

await build({
	entryPoints: [entry],
	outdir,
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	external: ['better-sqlite3'],
	plugins: [withoutDevtools, remembered],
	banner: {
		// Bundled CommonJS dependencies still call require(); give every chunk one.
		js: `#!/usr/bin/env -S node ${NODE_FLAGS}\nimport {createRequire as __devnewsRequire} from 'node:module';\nconst require = __devnewsRequire(import.meta.url);`,
	},
	logLevel: 'warning',
});

// The entry is run as a program (its first line names node and the flags).
fs.chmodSync(path.join(outdir, `${path.parse(entry).name}.js`), 0o755);
