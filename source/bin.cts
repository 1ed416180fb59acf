// devnews's program (package.json's bin). It is CommonJS because node
// starts a CommonJS file without first setting up its loader of ES
// modules: `devnews --version` took 126 ms from an ES module against 113
// from this, and `node -e 0` 112. So `--version` is answered here,
// importing nothing; anything else imports the bundle's entry (cli.tsx),
// whose code is ES modules.
import fs = require('node:fs');
import path = require('node:path');

const [first, ...more] = process.argv.slice(2);
// Only `--version` alone, as meow answers it: with anything beside it, meow decides.
if (first === '--version' && more.length === 0) {
	const {version} = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {version: string};
	process.stdout.write(`${version}\n`);
} else {
	void import('./cli.js');
}
