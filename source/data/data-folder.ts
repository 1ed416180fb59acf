// A data folder's layout, named once: the shipped one and any given with
// --data have the same shape.
import path from 'node:path';

/** The shipped data folder's name, at the package's root. */
export const DATA_FOLDER = 'data';

/** The files of the data folder `dir`. */
export function dataFolder(dir: string) {
	return {
		sectors: path.join(dir, 'sectors.json'),
		editions: path.join(dir, 'editions.json'),
		/** Which labels of article links name a sector. */
		labels: path.join(dir, 'labels.json'),
		feeds: path.join(dir, 'feeds.json'),
		/** One article, or an array of them, per `*.json` file. */
		articles: path.join(dir, 'articles'),
	};
}
