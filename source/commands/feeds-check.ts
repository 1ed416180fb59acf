// devnews feeds check: tries every source in the list and says, one line
// each, whether it answers, what it is and how many items it gives, or
// why not and what to do. Nothing is written to the library.
import pLimit from 'p-limit';
import {feedLinks, isWebPage} from '../feeds/discover.js';
import {readFeed} from '../feeds/feed-parser.js';
import type {Feed} from '../feeds/feed-list.js';
import {FetchError, fetchLimited} from '../feeds/http.js';
import {DEFAULT_REFRESH, type RefreshOptions} from '../feeds/limits.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {counted, formatCount} from '../core/numbers.js';
import type {Taxonomy} from '../core/taxonomy.js';
import {print, warn, type CommandContext} from './context.js';
import {ADVICE} from './failure-advice.js';
import {listedAs} from './feed-commands.js';

type Checked = {ok: true; line: string} | {ok: false; line: string};

/** The source as the check names it: its address, and the sector and edition it gives, where it gives them. */
function named(feed: Feed, taxonomy: Taxonomy): string {
	const gives = [listedAs(feed.sector, taxonomy.sectors, ''), listedAs(feed.edition, taxonomy.editions, '')].filter(Boolean);
	return sanitizeLine(gives.length > 0 ? `${feed.url} (${gives.join(' · ')})` : feed.url);
}

async function check(feed: Feed, taxonomy: Taxonomy, options: RefreshOptions): Promise<Checked> {
	const url = named(feed, taxonomy);
	try {
		const fetched = await fetchLimited(feed.url, {}, options);
		if (fetched.status !== 'ok') return {ok: true, line: `ok      ${url}: answers, unchanged`};
		if (isWebPage(fetched.text, fetched.contentType)) {
			const found = feedLinks(fetched.text, fetched.url);
			const links = found.length > 0 ? `it links to ${found.map(link => sanitizeLine(link.url)).join(', ')}; devnews feeds add ${sanitizeLine(feed.url)} adds them` : 'it names no feed';
			return {ok: false, line: `failed  ${url}: a web page, not a feed — ${links}`};
		}

		const parsed = readFeed(fetched.text, fetched.url);
		return {ok: true, line: `ok      ${url}: ${parsed.format}, ${counted(parsed.items.length, 'item')}`};
	} catch (error) {
		const failure = error instanceof FetchError ? error.failure : 'other';
		return {ok: false, line: `failed  ${url}: ${sanitizeLine((error as Error).message)} — ${ADVICE[failure]}`};
	}
}

/** One line per source, in the list's order; exit status 1 when any failed. */
export async function checkFeeds(context: CommandContext, options: RefreshOptions = DEFAULT_REFRESH): Promise<number> {
	const list = context.feeds.list();
	if (list.length === 0) {
		print('No feeds to check. Add one with devnews feeds add URL.');
		return 0;
	}

	const limit = pLimit(Math.max(1, options.concurrency));
	const results = await Promise.all(list.map(async feed => limit(async () => check(feed, context.taxonomy, options))));
	for (const result of results) (result.ok ? print : warn)(result.line);
	const failed = results.filter(result => !result.ok).length;
	// Answered as a feed, whatever its count of items (each line gives it).
	print(`${formatCount(list.length - failed)} of ${counted(list.length, 'source')} answered.`);
	return failed > 0 ? 1 : 0;
}
