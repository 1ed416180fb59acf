// Memory that does not grow with use: devnews started in a pseudo-terminal
// on each library, its resident memory (from /proc) at the first frame,
// after 3,000 keys of a reading session, and after 10 s at rest. The keys
// are the session in its proportions (600 j/k, 100 PgDn, 50 open
// and back), repeated: twelve j (or k, every other eight rounds), two PgDn,
// a story opened and left, a key each frame's interval (as a key held down
// sends them). Memory is what the program holds however it got there, so
// the keys are not timed.
import {setTimeout as delay} from 'node:timers/promises';
import {Session} from './bytes.js';
import {rssMb, type Launch} from './pty.js';
import type {Ratio} from './report.js';
import {targetLine} from './table.js';

export type MemoryResult = {
	keys: number;
	sizes: Array<{size: number; firstFrameMb: number; afterKeysMb: number; atRestMb: number}>;
};

const PAGE_DOWN = '\u001B[6~';
// A little longer than devnews's frame interval (60 a second).
const KEY_GAP_MS = 18;
const REST_MS = 10_000;

const ROUND = ['j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', PAGE_DOWN, PAGE_DOWN, '\r', 'q'];

/** The `index`th key of the session. */
function sessionKey(index: number): string {
	const key = ROUND[index % ROUND.length]!;
	return key === 'j' && Math.floor(index / ROUND.length) % 16 >= 8 ? 'k' : key;
}

/** devnews's RSS at its first frame, after `keys` keys and after a rest, in a terminal of `columns` × `rows`. */
export async function measureMemory(launches: Array<{size: number; launch: Launch}>, keys: number, columns: number, rows: number): Promise<MemoryResult> {
	const sizes: MemoryResult['sizes'] = [];
	for (const {size, launch} of launches) {
		const session = new Session(launch, columns, rows);
		/* eslint-disable no-await-in-loop -- one program at a time, one key at a time */
		try {
			await session.showing(launch.shows);
			await session.settled();
			const firstFrameMb = rssMb(session.child.pid);
			for (let index = 0; index < keys; index++) {
				session.child.write(sessionKey(index));
				await delay(KEY_GAP_MS);
			}

			await session.settled();
			const afterKeysMb = rssMb(session.child.pid);
			await delay(REST_MS);
			sizes.push({size, firstFrameMb, afterKeysMb, atRestMb: rssMb(session.child.pid)});
		} finally {
			await session.stop();
		}
		/* eslint-enable no-await-in-loop */
	}

	return {keys, sizes};
}

const mb = (value: number) => value.toFixed(1);
const label = (size: number) => size.toLocaleString('en');

/** RSS after the keys ÷ at the first frame, at every size; and at a million articles, in MB. */
export function memoryTargets({sizes}: MemoryResult): Ratio[] {
	const growth = Math.max(...sizes.map(({firstFrameMb, afterKeysMb}) => afterKeysMb / firstFrameMb));
	const million = sizes.find(({size}) => size === 1_000_000);
	return [
		...(sizes.length > 0 ? [{what: 'RSS after 3,000 keys ÷ at the first frame, largest of all sizes', value: growth, target: '≤ 1.2', met: growth <= 1.2}] : []),
		...(million ? [{what: 'RSS after 3,000 keys at 1M (MB)', value: million.afterKeysMb, target: '≤ 100', met: million.afterKeysMb <= 100}] : []),
	];
}

/** The memory table: a row per library; then its targets, if given. */
export function printMemory(memory: MemoryResult, targets: Ratio[] = []): string {
	const lines = [
		`RSS (MB) of devnews in a terminal of 80×24: at the first frame, after ${memory.keys.toLocaleString('en')} keys (j/k, PgDn, open and back), after 10 s at rest`,
		...memory.sizes.map(({size, firstFrameMb, afterKeysMb, atRestMb}) => `  ${label(size).padStart(9)} articles: ${mb(firstFrameMb)} → ${mb(afterKeysMb)} (×${(afterKeysMb / firstFrameMb).toFixed(2)}) → ${mb(atRestMb)}`),
	];
	if (targets.length > 0) lines.push('', 'targets (ratios from this run):', ...targets.map(entry => targetLine(entry)));
	return `${lines.join('\n')}\n`;
}
