// Bundles the CLI for a fast start: React in production mode, and code
// split at every dynamic import, so starting devnews compiles only what the
// command needs (the browser, the feed fetcher and the page extractor load
// when used). better-sqlite3's JavaScript is bundled too; its native addon
// stays in node_modules, loaded by its path. The benchmark bundles its own entry points the same way:
//   node scripts/build.mjs [--force] [--bare] [ENTRY OUTDIR]
// A build whose inputs have not changed since the last is skipped (see
// upToDate), so `npm start` opens at once; --force builds all the same.
// --bare leaves out devnews's own replacements of Ink's modules (see
// `remembered`): the benchmark's bare Ink app is Ink as published.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// esbuild's version from its package.json: loading esbuild itself would take
// longer than the whole check, and a skipped build needs only the version.
const {version} = createRequire(import.meta.url)('esbuild/package.json');

const OPTIONS = ['--force', '--bare'];
const force = process.argv.includes('--force');
const bare = process.argv.includes('--bare');
const CLI_ENTRY = 'source/cli.tsx';
const [entry = CLI_ENTRY, outdir = 'dist'] = process.argv.slice(2).filter(argument => !OPTIONS.includes(argument));

// What the last build read and wrote, and a fingerprint of what it read.
const STAMP = path.join(outdir, '.build-stamp.json');

/**
 * A hash of what a build depends on, each file by its path, size and
 * modification time: every file esbuild read for it (the metafile's
 * inputs: the sources the entry reaches, the dependencies' files), this
 * script, the lock file, and esbuild's version. A file the entry does not
 * reach cannot change the bundle until one it does changes to import it.
 */
function fingerprint(inputs) {
	const hash = createHash('sha256').update(`esbuild ${version}\n${entry}\n${bare ? 'bare\n' : ''}`);
	for (const file of [...inputs, fileURLToPath(import.meta.url), 'package-lock.json']) {
		const stat = fs.statSync(file, {throwIfNoEntry: false});
		hash.update(`${file}\t${stat ? `${stat.size}\t${stat.mtimeMs}` : 'absent'}\n`);
	}

	return hash.digest('hex');
}

/** Whether the last build into outdir is still what a build now would make, and all of it is there. */
function upToDate() {
	let stamp;
	try {
		stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
	} catch {
		return false;
	}

	return stamp.fingerprint === fingerprint(stamp.inputs) && stamp.outputs.every(file => fs.existsSync(file));
}

if (!force && upToDate()) process.exit(0);

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
		// Ink's own measure-text.js keeps every text it ever measured; Ink's
		// import of it goes to devnews's, which keeps the last few.
		builder.onResolve({filter: /^\.\/measure-text\.js$/}, async args => {
			if (!args.importer.includes(`${path.sep}ink${path.sep}build${path.sep}`)) return undefined;
			return builder.resolve('./source/render/measured-text.ts', {kind: 'import-statement', resolveDir: process.cwd()});
		});
	},
};

// The flags node runs devnews with, in the first line of its program and of
// the entry (`env -S` splits them), so `devnews`, `npm start` and the
// benchmark's programs (the bare Ink app beside it too) all run so.
// A young generation of at most 1 MB a half (V8 grows it to 16): each
// frame leaves short-lived garbage, and V8 grows the young generation to
// its most for it and keeps it: with 16 RSS at a million articles after a
// burst of keys was 183 MB against 121 with 4 (bench/runner.tsx), and 4
// went on growing from 4 MB to 8 in a session of 3,000 keys where 1 stays
// at 2 (bench/memory.ts's keys, at 100,000 articles). j and k at a million
// articles, 1 beside 2 and 4 in turns: no slower (medians 11.5, 10.8 and
// 10.3 ms to the frame's first byte, p90 28, 38 and 38).
// And the old generation grown by a tenth of what is live, not by the up
// to fourfold V8 picks when collecting is quick: a fetch (devnews fetch, a
// refresh) holds 14 to 20 MB, yet its garbage took the main thread's heap
// to 70 to 78 MB between collections (--trace-gc). 100 feeds × 1,000 items,
// in turns with and without (bench/ingest.ts's feeds, GNU time): peak RSS
// 161 to 165 MB against 190 to 215, and no more CPU (41 to 50 s either way).
// V8 still grows it by 8 MB at least, so the browser's collections are as
// before (steady-heap.ts).
const NODE_FLAGS = '--max-semi-space-size=1 --heap-growing-percent=10';
// And glibc's malloc keeps one arena for every thread, not one for each
// (up to eight a core): V8's compiler and collector threads each filled
// an arena of their own in a session of keys, 2.5 to 5 MB that stayed,
// where in the main one it is reused. env -S sets it before node starts,
// as it must be (npm's shim for Windows reads the same line).
const ENVIRONMENT = 'MALLOC_ARENA_MAX=1';
const SHEBANG = `#!/usr/bin/env -S ${ENVIRONMENT} node ${NODE_FLAGS}`;

// Chunk names carry a hash of their contents: last build's are removed, and
// the stamp with them until this build has written everything.
fs.rmSync(path.join(outdir, 'chunks'), {recursive: true, force: true});
fs.rmSync(STAMP, {force: true});

const {build} = await import('esbuild');
const {metafile} = await build({
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
	// better-sqlite3 is bundled and given its addon's path (library/database.ts):
	// `bindings`, which it would otherwise ask for it, is never loaded.
	external: ['bindings'],
	plugins: bare ? [withoutDevtools] : [withoutDevtools, remembered],
	banner: {
		// Bundled CommonJS dependencies still call require(); give every chunk one.
		js: `${SHEBANG}\nimport {createRequire as __devnewsRequire} from 'node:module';\nconst require = __devnewsRequire(import.meta.url);`,
	},
	logLevel: 'warning',
	metafile: true,
});

// The entry may be run as a program (its first line names node and the flags): the benchmark's are.
fs.chmodSync(path.join(outdir, `${path.parse(entry).name}.js`), 0o755);

// devnews's own program, package.json's bin: a CommonJS file that answers
// --version itself and imports the bundle's entry for anything else
// (source/bin.cts says why).
const program =
	entry === CLI_ENTRY
		? await build({
				entryPoints: ['source/bin.cts'],
				outfile: path.join(outdir, 'devnews.cjs'),
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node20',
				external: ['./cli.js'],
				banner: {js: SHEBANG},
				logLevel: 'warning',
				metafile: true,
			})
		: undefined;
if (program) fs.chmodSync(path.join(outdir, 'devnews.cjs'), 0o755);

const built = [metafile, program?.metafile].filter(Boolean);
const inputs = [...new Set(built.flatMap(({inputs}) => Object.keys(inputs)))];
const outputs = built.flatMap(({outputs}) => Object.keys(outputs));
fs.writeFileSync(STAMP, `${JSON.stringify({fingerprint: fingerprint(inputs), inputs, outputs})}\n`);
