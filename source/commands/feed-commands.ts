// devnews feeds (list, add, remove, import, export) and devnews fetch.
import fs from 'node:fs';
import {SECTOR_FROM_LINK, type Feed} from '../feeds/feed-list.js';
import {DEFAULT_REFRESH, type RefreshOptions} from '../feeds/limits.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {completeSetting, pruneOld} from '../config/settings.js';
import {counted, formatCount} from '../core/numbers.js';
import type {TaxonomyEntry} from '../core/taxonomy.js';
import {formatIst} from '../core/time.js';
import {CommandError, print, UsageError, warn, type CommandContext} from './context.js';
import {fetchReport, reportText} from './fetch-report.js';
import {jsonText} from './output.js';

/** The limits the flags give (each checked against its range as the command line was read: command-line.ts). */
function refreshOptions(context: CommandContext): RefreshOptions {
	const {concurrency, timeout, maxBytes} = context.flags;
	return {
		...DEFAULT_REFRESH,
		concurrency: concurrency ?? DEFAULT_REFRESH.concurrency,
		// Timers take whole milliseconds.
		timeoutMs: timeout === undefined ? DEFAULT_REFRESH.timeoutMs : Math.round(timeout * 1000),
		maxBytes: maxBytes ?? DEFAULT_REFRESH.maxBytes,
	};
}

/**
 * Stops a long command on Ctrl-C or a kill, instead of Node ending it
 * wherever it is: `signal` fires, the command finishes what it must and
 * returns `status()` (130 or 143, as a shell reports a signal). A second
 * Ctrl-C, once the handlers are gone, ends devnews at once.
 */
function stopOnSignals() {
	const stop = new AbortController();
	let stoppedBy: NodeJS.Signals | undefined;
	const onSignal = (signal: NodeJS.Signals) => {
		stoppedBy = signal;
		stop.abort();
	};

	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	return {
		signal: stop.signal,
		stoppedBy: () => stoppedBy,
		status: () => (stoppedBy === 'SIGTERM' ? 143 : 130),
		dispose() {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		},
	};
}

/** A feed's sector or edition as a person reads it; one the taxonomy does not know says so. */
export function listedAs(id: string | undefined, entries: TaxonomyEntry[], none: string): string {
	if (!id || id === SECTOR_FROM_LINK) return none;
	return entries.find(entry => entry.id === id)?.name ?? `${id} (not one of the site's)`;
}

function feedLine(context: CommandContext, feed: Feed): string {
	const state = context.library.feedState(feed.url);
	const sector = listedAs(feed.sector, context.taxonomy.sectors, 'sectors from each item');
	const edition = listedAs(feed.edition, context.taxonomy.editions, 'editions from each item');
	const last = state.lastSuccess ? `last fetched ${formatIst(new Date(state.lastSuccess).toISOString())}` : 'never fetched';
	const error = state.lastError ? ` · last error: ${state.lastError}` : '';
	// The title the feed list gives it, else the feed's own.
	const title = feed.title ?? state.title;
	return `${sanitizeLine(feed.url)}\n  ${sanitizeLine(`${title ? `${title} · ` : ''}${sector} · ${edition} · ${last}${error}`)}`;
}

/** A feed and its state as JSON; its title the one the text shows, the feed list's before the feed's own. */
function feedJson(context: CommandContext, feed: Feed): Record<string, unknown> {
	const state = context.library.feedState(feed.url);
	const title = feed.title ?? state.title;
	return {...feed, ...state, ...(title === undefined ? {} : {title})};
}

/** Why a file to import could not be read, in words, by the system's code. */
const UNREADABLE: Record<string, string> = {ENOENT: 'no such file', EACCES: 'not allowed to read it', EPERM: 'not allowed to read it', EISDIR: 'a folder, not a file'};

export async function feeds(context: CommandContext): Promise<void | number> {
	const [action, argument] = context.args;
	switch (action) {
		case undefined: {
			const list = context.feeds.list();
			if (context.flags.json) print(jsonText(list.map(feed => feedJson(context, feed))));
			else print(list.length > 0 ? list.map(feed => feedLine(context, feed)).join('\n') : 'No feeds. Add one with devnews feeds add URL.');
			return;
		}

		case 'add': {
			const {addFeeds} = await import('./feeds-add.js');
			await addFeeds(context, argument, refreshOptions(context));
			return;
		}

		case 'remove': {
			if (!argument) throw new UsageError('devnews feeds remove needs the feed URL.');
			if (!(await context.feeds.remove(argument))) throw new CommandError(`${argument} is not in the feed list; devnews feeds lists them.`);
			print(`Removed ${argument}`);
			return;
		}

		case 'import': {
			if (!argument) throw new UsageError('devnews feeds import needs an OPML file, or a list of addresses (newsboat\'s urls file).');
			let text: string;
			try {
				// Without the byte order mark an editor may have saved it with, which is no part of either format.
				text = fs.readFileSync(argument, 'utf8').replace(/^\uFEFF/, '');
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code ?? String(error);
				throw new CommandError(`Cannot read ${argument}: ${UNREADABLE[code] ?? 'the system refused it'} (${code}).`);
			}

			// OPML, or a list of addresses one a line as newsboat keeps its feeds.
			const {isUrlList, parseUrlList} = await import('../feeds/url-list.js');
			const parse = isUrlList(text) ? parseUrlList : (await import('../feeds/opml.js')).parseOpml;
			const stop = stopOnSignals();
			try {
				let found: Feed[];
				try {
					const parsed = parse(text, context.taxonomy);
					found = parsed.feeds;
					for (const line of parsed.warnings) warn(`${argument}: ${line}`);
				} catch (error) {
					throw new CommandError(`${argument}: ${(error as Error).message}`);
				}

				// One write of the whole merged list, or none: stopped before it, the old list stays.
				const added = await context.feeds.add(found, stop.signal).catch((error: unknown) => {
					if (stop.signal.aborted) return undefined;
					throw error;
				});
				if (added === undefined) {
					warn(`stopped by ${stop.stoppedBy()}: nothing imported; the feed list is as it was.`);
					return stop.status();
				}

				print(sanitizeLine(`Imported ${counted(found.length, 'feed')} from ${argument} (${formatCount(added)} new).`));
				return;
			} finally {
				stop.dispose();
			}
		}

		case 'check': {
			const {checkFeeds} = await import('./feeds-check.js');
			return checkFeeds(context, refreshOptions(context));
		}

		case 'export': {
			const {buildOpml} = await import('../feeds/opml.js');
			print(buildOpml(context.feeds.list()));
			return;
		}

		default:
			throw new UsageError(`Unknown feeds action "${action}". Use: devnews feeds [add URL | remove URL | import FILE | export | check].`);
	}
}

/** Removes news past the kept days (keepDays in the config); how many went. A keepDays not used was said as the command started, once. */
function pruneNews(context: CommandContext): {removed: number; days: number} {
	const bookmarked = new Set(context.bookmarks.list().map(entry => entry.id));
	const {removed, days} = pruneOld(context.library, context.config, bookmarked);
	return {removed, days};
}

export function prune(context: CommandContext): void {
	const {removed, days} = pruneNews(context);
	print(`Removed ${counted(removed, 'article')} older than ${counted(days, 'day')} (bookmarks, the data folder's and unread news fetched in that time stay).`);
}

/** The stories to complete from their pages after this fetch: --complete N, else the setting. */
function completeCount(context: CommandContext): number {
	// The command line has checked the flag's range.
	return context.flags.complete ?? completeSetting(context.config);
}

/**
 * Refreshes every feed; one line per feed (or per host none of whose feeds answer, see fetch-report.ts), failures naming the URL and the reason.
 * Then completes the newest summary-only stories from their pages (fetch-completion.ts). Exit code 1 if any feed failed.
 */
export async function fetchFeeds(context: CommandContext): Promise<number> {
	const options = refreshOptions(context);
	const complete = completeCount(context);
	const list = context.feeds.list();
	if (list.length === 0) {
		print('No feeds to fetch. Add one with devnews feeds add URL.');
		return 0;
	}

	if (!context.library.persistent) throw new CommandError('Not fetching: the library cannot be written (see above), so nothing fetched would be kept.');

	const {refreshFeeds} = await import('../feeds/refresh.js');
	const report = fetchReport(list.map(feed => feed.url));
	// Ctrl-C or a kill stops the refresh: no feed is started after it, those under way are cut off,
	// and the ones done stay in the library. Likewise the completion after it.
	const stop = stopOnSignals();
	try {
		const results = await refreshFeeds(
			list,
			context.library,
			options,
			({last}) => {
				for (const line of report(last)) (line.failed ? warn : print)(sanitizeLine(reportText(line)));
			},
			stop.signal,
			'unattended',
		);
		const failed = results.filter(result => result.status === 'failed').length;
		const added = results.reduce((sum, result) => sum + (result.status === 'updated' ? result.added : 0), 0);
		if (stop.stoppedBy()) {
			const finished = results.filter(result => result.status !== 'stopped').length;
			warn(`stopped by ${stop.stoppedBy()}: ${formatCount(finished)} of ${counted(results.length, 'feed')} fetched (${counted(added, 'new article')} kept); the rest were not fetched.`);
			return stop.status();
		}

		const {removed, days} = pruneNews(context);
		const pruned = removed > 0 ? `; removed ${formatCount(removed)} older than ${counted(days, 'day')}` : '';
		print(`${counted(results.length, 'feed')}: ${counted(added, 'new article')}${failed ? `, ${formatCount(failed)} failed` : ''}${pruned}.`);
		if (complete > 0) {
			const {completeAfterFetch} = await import('./fetch-completion.js');
			await completeAfterFetch(context.library, complete, options, stop);
			if (stop.stoppedBy()) return stop.status();
		}

		return failed > 0 ? 1 : 0;
	} finally {
		stop.dispose();
	}
}
