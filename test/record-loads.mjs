// Loaded with `node --import` into a devnews under test: records every file
// module the process loads, one URL a line, in $DEVNEWS_LOADS_FILE. The
// hooks run on a thread of their own, so they write straight to the file.
import fs from 'node:fs';
import {register} from 'node:module';

if (!process.env.DEVNEWS_LOADS_FILE) throw new Error('record-loads.mjs needs DEVNEWS_LOADS_FILE');

const hooks = `
import fs from 'node:fs';
export async function load(url, context, next) {
	if (url.startsWith('file:')) fs.appendFileSync(${JSON.stringify(process.env.DEVNEWS_LOADS_FILE)}, url + '\\n');
	return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
fs.writeFileSync(process.env.DEVNEWS_LOADS_FILE, '');
