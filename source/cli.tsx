// The bundle's entry, which the program (bin.cts) imports for anything but
// `--version`. The package is the folder above this file, whether it is
// dist/cli.js, built, or source/cli.tsx.
import {fileURLToPath} from 'node:url';
import {runCli} from './main.js';

// The program's first line sets MALLOC_ARENA_MAX for devnews's own malloc
// (scripts/build.mjs says why), which read it as the process started: the
// programs devnews starts (a text browser, the system's opener) are not
// to inherit it.
delete process.env['MALLOC_ARENA_MAX'];
runCli(fileURLToPath(new URL('..', import.meta.url)));
