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
//
// Addresses in URLs arrive as the URL parser writes them: 2130706433, 0x7f.1
// and 0177.0.0.1 are all 127.0.0.1 by then, and [::ffff:127.0.0.1] is
// ::ffff:7f00:1, which the ranges below cover.
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

// Unspecified and loopback with the deprecated IPv4-compatible addresses
// around them (::127.0.0.1 is ::/96), IPv4-translated (::ffff:0:a.b.c.d),
// NAT64 local use, discard, IETF protocol assignments (Teredo among them),
// documentation, 6to4 (which embeds any IPv4 address), unique local,
// link-local, site-local and multicast.
for (const [network, prefix] of [
	['::', 96], ['::ffff:0:0:0', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
	['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
	NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

// The NAT64 well-known prefix reaches the IPv4 address in its last 32 bits: that one is checked.
const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/** The IPv4 address an address of the NAT64 well-known prefix stands for. */
function nat64Target(address: string): string {
	const groups = address.split(':');
	if (groups.at(-1)!.includes('.')) return groups.at(-1)!;
	const [high, low] = groups.slice(-2).map(group => Number.parseInt(group || '0', 16));
	return [high! >> 8, high! & 0xff, low! >> 8, low! & 0xff].join('.');
}

/** Whether `address` is an IP address on the public internet. */
export function isPublicAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 0 || NOT_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4')) return false;
	return family === 4 || !NAT64.check(address, 'ipv6') || isPublicAddress(nat64Target(address));
}

/**
 * Whether a host name names this machine or its local network by
 * definition, whatever a resolver says: localhost (RFC 6761), mDNS's .local,
 * .home.arpa and .internal. A proxy would resolve them on its own side.
 */
export function isLocalName(hostname: string): boolean {
	const name = hostname.toLowerCase().replace(/\.$/, '');
	return name === 'localhost' || /\.(?:localhost|local|home\.arpa|internal)$/.test(name);
}

export type ResolvedAddress = {address: string; family: number};

/** Every address a name resolves to (what `dns.lookup` would give a socket). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveAll: Resolve = async hostname => dns.promises.lookup(hostname, {all: true, verbatim: true});

/**
 * A socket `lookup` that resolves with `resolve` and fails with
 * "refused: …" when `refusal` gives a reason for the addresses found.
 */
export function checkedLookup(refusal: (hostname: string, found: ResolvedAddress[]) => Promise<string | undefined>, resolve: Resolve = resolveAll): LookupFunction {
	return (hostname, options, callback) => {
		const answer = async () => {
			const found = await resolve(hostname);
			const reason = await refusal(hostname, found);
			if (reason) throw new Error(`refused: ${reason}`);
			const addresses = options.family === 4 || options.family === 6 ? found.filter(({family}) => family === options.family) : found;
			if (addresses.length === 0) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'});
			return addresses;
		};

		answer().then(
			addresses => {
				if (options.all) {
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
