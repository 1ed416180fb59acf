// What devnews fetch says of each source: a line as each finishes, except
// that when every source of one host failed in a way that is the host's
// (no such host, nothing answers), one line says the host cannot be
// reached instead of one a source: with no network, the seventeen default
// sources said the same thing seventeen times.
import {counted, formatCount} from '../core/numbers.js';
import type {FetchFailure} from '../feeds/http.js';
import type {FeedResult} from '../feeds/refresh.js';
import {ADVICE} from './failure-advice.js';

/** Failures that are the host's rather than one source's. */
const HOST_FAILURES: ReadonlySet<FetchFailure> = new Set(['no-host', 'no-answer']);

/** A line of the report: what it says, and whether it is a failure (the command line puts "ok" or "failed" before it; the browser's status line says the first failure). */
export type ReportLine = {text: string; failed: boolean};

/** The line as devnews fetch prints it, its outcome in a column of its own. */
export const reportText = ({text, failed}: ReportLine): string => `${failed ? 'failed' : 'ok'}`.padEnd(8) + text;

type Failed = Extract<FeedResult, {status: 'failed'}>;

/** One source's line: what it brought, or why it failed; none for one stopped before it finished. */
function sourceLine(result: FeedResult): ReportLine[] {
	switch (result.status) {
		case 'updated':
			return [{text: `${result.url}: ${counted(result.items, 'item')}, ${formatCount(result.added)} new`, failed: false}];
		case 'not-modified':
			return [{text: `${result.url}: not modified`, failed: false}];
		case 'failed':
			return [{text: `${result.url}: ${result.reason}`, failed: true}];
		case 'stopped':
			return [];
	}
}

const hostOf = (url: string): string => URL.parse(url)?.host ?? url;

/** The lines for a host's failures held back, now that all its sources are in: one line when all failed alike, else one each. */
function hostLines(host: string, sources: number, held: Failed[]): ReportLine[] {
	const kinds = new Set(held.map(result => result.failure));
	const [kind] = kinds;
	if (held.length < 2 || held.length < sources || kinds.size > 1 || kind === undefined) return held.flatMap(sourceLine);
	const reasons = [...new Set(held.map(result => result.reason))].join(', ');
	return [{text: `${host} cannot be reached (all ${counted(sources, 'source')}): ${reasons} — ${ADVICE[kind]}`, failed: true}];
}

/**
 * A report for a fetch of `urls`: give it each result as it comes, and it
 * returns the lines to print now. A failure of a host kind is held until
 * the rest of its host's sources are in; every other line is at once.
 */
export function fetchReport(urls: string[]): (result: FeedResult) => ReportLine[] {
	const sources = new Map<string, number>();
	for (const url of urls) sources.set(hostOf(url), (sources.get(hostOf(url)) ?? 0) + 1);
	const remaining = new Map(sources);
	const held = new Map<string, Failed[]>();
	return result => {
		const host = hostOf(result.url);
		remaining.set(host, (remaining.get(host) ?? 1) - 1);
		const hostFailure = result.status === 'failed' && HOST_FAILURES.has(result.failure) ? result : undefined;
		if (hostFailure) held.set(host, [...(held.get(host) ?? []), hostFailure]);
		const lines = hostFailure ? [] : sourceLine(result);
		if (remaining.get(host) === 0 && held.has(host)) lines.push(...hostLines(host, sources.get(host) ?? 0, held.get(host)!));
		return lines;
	};
}
