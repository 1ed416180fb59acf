// The bundle's entry, which the program (bin.cts) imports for anything but
// `--version`. The package is the folder above this file, whether it is
// dist/cli.js, built, or source/cli.tsx.
import {fileURLToPath} from 'node:url';
import {runCli} from './main.js';

runCli(fileURLToPath(new URL('..', import.meta.url)));
