// Whether an address is on the public internet, and a DNS lookup for sockets
// that refuses names resolving to addresses that are not allowed. Page
// fetches use it so that a hostile feed cannot make devnews fetch from this
// machine or its network (a router's admin page, a cloud metadata service)
// and store the answer.
//
// Why a lookup hook and not a check before fetching: a name can answer with a
// public address to the check and a private one to the connection a moment
// later (DNS rebinding). Given to the socket as its `lookup`, this function is
// the resolution the connection uses: the addresses it checks are the ones
// connected to, for every connection, redirects included. Every address a
// name has must pass, since a connection may try any of them.
import dns from 'node:dns';
import {BlockList, isIP, type LookupFunction} from 'node:net';

// The special-purpose ranges of the IANA registries: this network, private,
// shared (carrier NAT), loopback, link-local, documentation, benchmarking,
// multicast and reserved. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are
// checked against the IPv4 ranges by BlockList itself.
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
	['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
	['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
	['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
	NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}

// Unspecified, loopback, NAT64 local use, discard, IETF protocol assignments
// (Teredo among them), documentation, 6to4 (which embeds any IPv4 address),
// unique local, link-local, site-local and multicast.
for (const [network, prefix] of [
	['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
	['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
	NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` is an IP address on the public internet. */
export function isPublicAddress(address: string): boolean {
	const family = isIP(address);
	return family !== 0 && !NOT_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

type ResolvedAddress = {address: string; family: number};

/** Every address a name resolves to (what `dns.lookup` would give a socket). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveAll: Resolve = async hostname => dns.promises.lookup(hostname, {all: true, verbatim: true});

/**
 * A socket `lookup` that resolves with `resolve` and fails, naming the name
 * and the address, unless `allowed(hostname, address)` holds for every
 * address the name has.
 */
export function checkedLookup(allowed: (hostname: string, address: string) => boolean, resolve: Resolve = resolveAll): LookupFunction {
	return (hostname, options, callback) => {
		resolve(hostname).then(
			found => {
				const addresses = options.family === 4 || options.family === 6 ? found.filter(({family}) => family === options.family) : found;
				const refused = found.find(({address}) => !allowed(hostname, address));
				if (refused) {
					callback(new Error(`refused: ${hostname} is at ${refused.address}, not a public address`), '');
				} else if (addresses.length === 0) {
					callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'}), '');
				} else if (options.all) {
					callback(null, addresses);
				} else {
					callback(null, addresses[0]!.address, addresses[0]!.family);
				}
			},
			(error: NodeJS.ErrnoException) => {
				callback(error, '');
			},
		);
	};
}
