// Adding and removing N articles, as items a second each, in one process:
// the data folder imported with N synthetic articles (every one marked
// synthetic), then the folder switched back to the shipped data, which
// removes them. Both go through the library's batched writes, and the
// removal is the same path retention (devnews prune) takes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {dataFolder} from '../source/data/data-folder.js';
import {loadTaxonomy} from '../source/data/load-data.js';
import {Library} from '../source/library/store.js';
import {SHIPPED_DATA} from './corpus.js';
import {syntheticArticle} from './synthetic.js';

export type RetentionResult = {size: number; addPerSecond: number; removePerSecond: number};

export function measureRetention(size: number): RetentionResult {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'devnews-bench-retention-'));
	try {
		const data = path.join(scratch, 'data');
		fs.cpSync(SHIPPED_DATA, data, {recursive: true});
		const {taxonomy} = loadTaxonomy(SHIPPED_DATA);
		fs.writeFileSync(path.join(dataFolder(data).articles, 'synthetic.json'), JSON.stringify(Array.from({length: size}, (_, index) => syntheticArticle(index, taxonomy, size))));
		const {library} = Library.open(path.join(scratch, 'library.sqlite'));
		library.syncData(SHIPPED_DATA);
		let started = performance.now();
		library.syncData(data);
		const added = performance.now() - started;
		started = performance.now();
		library.syncData(SHIPPED_DATA);
		const removed = performance.now() - started;
		library.close();
		return {size, addPerSecond: Math.round(size / (added / 1000)), removePerSecond: Math.round(size / (removed / 1000))};
	} finally {
		fs.rmSync(scratch, {recursive: true, force: true});
	}
}
