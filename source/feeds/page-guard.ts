// The checks a guarded fetch passes at every redirect hop. Pages: the host
// rule of page-hosts.ts, then the address rule. Feeds a page links to
// (autodiscovery): the address rule alone.
//
// The address rule: no address off the public internet (loopback, private,
// link-local and the rest of public-address.ts), in any spelling, nor a name
// that means this machine or its local network, except on the host the
// user chose (the feed's own, or the page they typed), and only when that
// host is itself off the public internet: a feed served from this machine or
// the local network may have its pages there too.
//
// Straight connections are checked as they are made (the socket's lookup).
// Through a proxy, the proxy resolves the name and connects, so the check
// comes ahead: an address in the URL is refused as it is; Devdiscourse's own
// hosts are public and are not looked up; another name is looked up here,
// and refused if it resolves to an address that is not public. A name this
// machine cannot resolve (a network where only the proxy resolves names) is
// left to the proxy, as is one whose lookup gets no answer in time: the
// proxy is the network's own gate, and reaches for devnews only what it
// reaches for a browser on the same network.
import {isIP} from 'node:net';
import type {FetchGuard} from './http.js';
import {pageHostRefusal} from '../core/page-hosts.js';
import {checkedLookup, isLocalName, isPublicAddress, resolveAll, type Resolve, type ResolvedAddress} from './public-address.js';

/** A URL's host name as addresses are written: IPv6 without its brackets. */
const hostnameOf = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * How long a lookup ahead of a proxy may take. A network that resolves no
 * outside names may not answer at all (resolv.conf's default: 5 s a try,
 * tried twice a server); a name this machine knows answers in milliseconds.
 */
const PROXIED_LOOKUP_MS = 1500;

/** The addresses `lookup` finds, or a failure once PROXIED_LOOKUP_MS have gone by: no answer is taken as none. */
async function withinLookupTime(lookup: Promise<ResolvedAddress[]>): Promise<ResolvedAddress[]> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error('no answer')), PROXIED_LOOKUP_MS);
	});
	try {
		return await Promise.race([lookup, late]);
	} finally {
		clearTimeout(timer);
	}
}

/** Whether a host is Devdiscourse's (devdiscourse.com or a name under it). */
const isSiteHost = (hostname: string) => /(?:^|\.)devdiscourse\.com\.?$/i.test(hostname);

/**
 * A guard with the address rule, non-public addresses allowed only on
 * `chosenUrl`'s host, and with `hostRefusal` (a rule on the URL itself)
 * checked first.
 */
export function addressGuard(chosenUrl: string, resolve: Resolve = resolveAll, hostRefusal: (url: string) => string | undefined = () => undefined): FetchGuard {
	const chosenHost = hostnameOf(chosenUrl);
	// Whether the chosen host is off the public internet: asked only when an address needs it, so a fetch that is allowed anyway makes no lookup of it.
	let chosenIsLocal: Promise<boolean> | undefined;
	const isChosenLocal = async () => {
		const family = isIP(chosenHost);
		chosenIsLocal ??= isLocalName(chosenHost)
			? Promise.resolve(true)
			: (family === 0 ? resolve(chosenHost) : Promise.resolve([{address: chosenHost, family}])).then(
					found => found.length > 0 && found.every(({address}) => !isPublicAddress(address)),
					() => false,
				);
		return chosenIsLocal;
	};

	const addressRefusal = async (hostname: string, found: ResolvedAddress[]) => {
		const refused = found.find(({address}) => !isPublicAddress(address));
		if (!refused || (hostname === chosenHost && (await isChosenLocal()))) return undefined;
		return hostname === refused.address ? `${hostname} is not a public address` : `${hostname} is at ${refused.address}, not a public address`;
	};

	return {
		async refusal(url, proxied) {
			const hostRule = hostRefusal(url);
			if (hostRule) return hostRule;
			const hostname = hostnameOf(url);
			// A socket is given an address in the URL as it is, without a lookup: checked here.
			const family = isIP(hostname);
			if (family !== 0) return addressRefusal(hostname, [{address: hostname, family}]);
			if (isLocalName(hostname) && hostname !== chosenHost) return `${hostname} names this machine or its local network, not a public host`;
			if (!proxied || isSiteHost(hostname)) return undefined;
			const found = await withinLookupTime(resolve(hostname)).catch(() => []);
			return addressRefusal(hostname, found);
		},
		lookup: checkedLookup(addressRefusal, resolve),
	};
}

/** The guard of a page fetch for an item of the feed at `feedUrl`. */
export async function pageGuard(feedUrl: string, resolve: Resolve = resolveAll): Promise<FetchGuard> {
	return addressGuard(feedUrl, resolve, url => pageHostRefusal(url, feedUrl));
}
