// Synthetic libraries for the benchmark, built once and kept between runs
// under bench/.cache: a devnews library (the shipped data plus N synthetic
// articles) in the folder devnews uses as XDG_CACHE_HOME. A library is
// rebuilt only when the library schema (its text) or the generator changes.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {DATA_FOLDER} from '../source/data/data-folder.js';
import {Library} from '../source/library/store.js';
import {SCHEMA, SCHEMA_VERSION} from '../source/library/sql.js';
import {GENERATOR_VERSION, syntheticArticle} from './synthetic.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHIPPED_DATA = path.join(ROOT, DATA_FOLDER);
export const CACHE = path.join(ROOT, 'bench', '.cache');

const BATCH = 5000;

/** The schema's own text, hashed: a library made while a version's schema was still changing is not taken for one of this schema. */
const SCHEMA_HASH = createHash('sha256').update(SCHEMA).digest('hex').slice(0, 8);

/** The XDG_CACHE_HOME holding a library of the shipped data and `size` synthetic articles. */
export function libraryHome(size: number): string {
	return path.join(CACHE, `library-${size}-schema${SCHEMA_VERSION}-${SCHEMA_HASH}-gen${GENERATOR_VERSION}`);
}

export const libraryFile = (home: string) => path.join(home, 'devnews', 'library.sqlite');

/** Builds the library of `size` synthetic articles unless it is already built; returns its XDG_CACHE_HOME. */
export function ensureLibrary(size: number, log: (line: string) => void): string {
	const home = libraryHome(size);
	const done = path.join(home, 'complete');
	if (fs.existsSync(done)) return home;
	fs.rmSync(home, {recursive: true, force: true});
	const started = performance.now();
	const {library} = Library.open(libraryFile(home));
	library.syncData(SHIPPED_DATA);
	const taxonomy = library.taxonomy();
	for (let first = 0; first < size; first += BATCH) {
		const batch: ReturnType<typeof syntheticArticle>[] = [];
		for (let index = first; index < Math.min(size, first + BATCH); index++) batch.push(syntheticArticle(index, taxonomy, size));
		library.upsert(batch, 'synthetic');
		if (first % 100_000 === 0 && first > 0) log(`  ${first.toLocaleString('en')} of ${size.toLocaleString('en')} synthetic articles…`);
	}

	library.close();
	fs.writeFileSync(done, new Date().toISOString());
	log(`  built a library of ${size.toLocaleString('en')} synthetic articles in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	return home;
}
