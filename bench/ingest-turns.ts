// Builds of devnews side by side on the ingest: `devnews fetch` of N of
// the ingest's feeds by each built program given (dist/devnews.cjs, or an
// older build's dist/cli.js), in turns, ROUNDS times.
// Each run's time, CPU and peak RSS come from GNU time, and each thread's
// V8 heap at its largest from node's --trace-gc (the heap before each
// collection, so its garbage counts too): the main thread's first, then
// the other threads' (the parser's, the checkpointer's), largest first.
// On a shared machine the CPU and the heaps are surer figures than the time.
//
//   node --import tsx bench/ingest-turns.ts FEEDS ROUNDS dist/devnews.cjs OTHER/dist/devnews.cjs ...
import fs from 'node:fs';
import os from 'node:os';
import {loadDataDir} from '../source/data/load-data.js';
import {ROOT, SHIPPED_DATA} from './corpus.js';
import {devnewsHome, ensureFeedFiles, fetchArguments, INGEST_FEEDS, INGEST_PER_FEED, serveFeedFiles, timed} from './ingest.js';

const [feeds = INGEST_FEEDS, rounds = 1] = process.argv.slice(2, 4).map(Number);
const clis = process.argv.slice(4);
if (!(feeds >= 1 && feeds <= INGEST_FEEDS) || !(rounds >= 1) || clis.length === 0) throw new Error(`usage: node --import tsx bench/ingest-turns.ts FEEDS(1-${INGEST_FEEDS}) ROUNDS CLI...`);

/** The flags a built program gives node on its first line, which a user's devnews runs with. */
function nodeFlags(cli: string): string[] {
	const first = fs.readFileSync(cli, 'utf8').split('\n', 1)[0]!;
	return first.split(/\s+/).filter(word => word.startsWith('--'));
}

/**
 * Each isolate's largest heap in --trace-gc's lines ("[pid:isolate] ...
 * Scavenge 20.1 (35.2) -> ..."), in MB: the first isolate's (the main
 * thread's), then the others', largest first.
 */
function heapPeaks(trace: string): number[] {
	const peaks = new Map<string, number>();
	for (const [, isolate, used] of trace.matchAll(/^\[\d+:(0x[\da-f]+)\][^\n]*?(?:Scavenge|Mark-Compact)[^\n]*? ([\d.]+) \([\d.]+\) ->/gm)) {
		peaks.set(isolate!, Math.max(peaks.get(isolate!) ?? 0, Number(used)));
	}

	const [main = 0, ...others] = peaks.values();
	return [main, ...others.sort((a, b) => b - a)];
}

const {dir} = ensureFeedFiles(loadDataDir(SHIPPED_DATA).taxonomy);
const {server, urls} = await serveFeedFiles(dir);
try {
	console.log(`devnews fetch of ${feeds} feeds × ${INGEST_PER_FEED.toLocaleString('en')} items, node ${process.version}`);
	for (let round = 0; round < rounds; round++) {
		for (const cli of clis) {
			const {scratch, data, env} = await devnewsHome(cli, urls.slice(0, feeds)); // eslint-disable-line no-await-in-loop -- one run at a time
			try {
				const run = await timed(process.execPath, [...nodeFlags(cli), '--trace-gc', cli, ...fetchArguments(data)], env, ROOT); // eslint-disable-line no-await-in-loop -- one run at a time
				const heaps = heapPeaks(run.stdout).map(mb => `${mb.toFixed(0)}`);
				console.log(
					`${cli}: ${run.seconds.toFixed(1)} s, CPU ${run.userSeconds.toFixed(1)} s user ${run.systemSeconds.toFixed(1)} s system, peak RSS ${run.peakRssMb.toFixed(0)} MB, heaps at most ${heaps.join(', ')} MB (main thread first); load ${os.loadavg()[0]!.toFixed(1)}`,
				);
			} finally {
				fs.rmSync(scratch, {recursive: true, force: true});
			}
		}
	}
} finally {
	await server.close();
}
