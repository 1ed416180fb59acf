// devnews's entry. `devnews --version` is answered here, before anything
// else loads: every module this file imported would be read and run first
// (imports are evaluated before a module's own code), so it imports none,
// and the rest of devnews (main.tsx) loads only when there is more to do.
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';

const [first, ...more] = process.argv.slice(2);
// Only `--version` alone, as meow answers it: with anything beside it, meow decides.
if (first === '--version' && more.length === 0) {
	const {version} = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	process.stdout.write(`${version}\n`);
} else {
	// This file is dist/cli.js when built, source/cli.tsx in tests: the package is the folder above either.
	(await import('./main.js')).runCli(fileURLToPath(new URL('..', import.meta.url)));
}
