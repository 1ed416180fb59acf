// Which hosts a feed item's page is fetched from: the host of the feed it
// came from, or Devdiscourse's own. A feed could otherwise name any URL as an
// item's link and have devnews fetch it and keep what it answers. Pure, so
// the reader can tell, before anything is fetched, whether a story will be.
import {isWebUrl} from '../terminal/links.js';
import {isSiteUrl} from './devdiscourse.js';

/** Why the page at `pageUrl`, of an item from the feed at `feedUrl`, is not fetched; undefined when it may be. */
export function pageHostRefusal(pageUrl: string | undefined, feedUrl: string): string | undefined {
	if (!isWebUrl(pageUrl)) return 'the link is not an http(s) link';
	const {host} = new URL(pageUrl);
	const feedHost = isWebUrl(feedUrl) ? new URL(feedUrl).host : undefined;
	if (isSiteUrl(pageUrl) || host === feedHost) return undefined;
	return `the page is on ${host}, not on the feed's host${feedHost ? ` ${feedHost}` : ''} or devdiscourse.com`;
}
