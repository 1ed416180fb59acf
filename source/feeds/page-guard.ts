// The checks every page fetch passes, at every redirect hop: the host rule of
// page-hosts.ts, then the address rule of public-address.ts. Addresses that
// are not public are allowed only on the feed's own host, and only when the
// feed itself is on such an address (a feed served from this machine or the
// local network may have its pages there too).
import {isIP} from 'node:net';
import type {FetchGuard} from './http.js';
import {pageHostRefusal} from '../core/page-hosts.js';
import {checkedLookup, isPublicAddress, resolveAll, type Resolve} from './public-address.js';

/** A URL's host name as addresses are written: IPv6 without its brackets. */
const hostnameOf = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

export async function pageGuard(feedUrl: string, resolve: Resolve = resolveAll): Promise<FetchGuard> {
	const feedHost = hostnameOf(feedUrl);
	const feedAddresses = await resolve(feedHost).catch(() => []);
	const feedIsLocal = feedAddresses.length > 0 && feedAddresses.every(({address}) => !isPublicAddress(address));
	const allowed = (hostname: string, address: string) => isPublicAddress(address) || (feedIsLocal && hostname === feedHost);
	return {
		refusal(url) {
			const hostRefusal = pageHostRefusal(url, feedUrl);
			if (hostRefusal) return hostRefusal;
			// A socket is given an address in the URL as it is, without a lookup: checked here.
			const hostname = hostnameOf(url);
			return isIP(hostname) && !allowed(hostname, hostname) ? `${hostname} is not a public address` : undefined;
		},
		lookup: checkedLookup(allowed, resolve),
		async addressRefusal(url) {
			// Behind a proxy, a name this machine cannot resolve is the proxy's to resolve: the host rule above still holds.
			const hostname = hostnameOf(url);
			const found = isIP(hostname) ? [{address: hostname}] : await resolve(hostname).catch(() => []);
			const refused = found.find(({address}) => !allowed(hostname, address));
			return refused ? `${hostname} is at ${refused.address}, not a public address` : undefined;
		},
	};
}
