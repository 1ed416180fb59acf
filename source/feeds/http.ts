// Fetches one feed or page with the limits a terminal app on a slow or
// hostile network needs: a timeout for the whole exchange (a response that
// never ends is cut off), a size cap (counted as the body arrives, after
// gzip is undone), few redirects, http(s) only, conditional GET, and the
// body decoded from the charset a browser would find (page-charset.ts).
// Page fetches (and those of feeds a page links to) also pass a guard at
// every hop (page-guard.ts); fetching with undici, not Node's built-in
// fetch, is what lets the guard resolve the names the connections use
// (Node's fetch takes no lookup of ours). undici is imported when a fetch
// starts, so the feed parser's worker, which shares this code's chunk, does
// not load it.
// Every request goes through the proxy the environment names, as other
// tools do: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (upper or lower
// case), read by proxy-from-env; undici's ProxyAgent tunnels to it.
import type {LookupFunction} from 'node:net';
import {legacyHookDecode, normalizeEncoding} from '@exodus/bytes/encoding.js';
import {getProxyForUrl} from 'proxy-from-env';
import type {Dispatcher, Response} from 'undici';
import {isWebUrl} from '../terminal/links.js';
import {formatCount} from '../core/numbers.js';
import {DEFAULT_LIMITS, type FetchLimits} from './limits.js';
import {documentCharset} from './page-charset.js';

export type Validators = {etag?: string; lastModified?: string};

export type Fetched =
	| {status: 'not-modified'}
	| {status: 'ok'; text: string; url: string; etag?: string; lastModified?: string; contentType?: string};

/** What fetchBytes brings: the body as it came, to be decoded (decode) where it is read. */
export type FetchedBytes =
	| {status: 'not-modified'}
	| {status: 'ok'; bytes: Uint8Array; url: string; etag?: string; lastModified?: string; contentType?: string};

/** What kind of failure a fetch met: what a person can do about it depends on it (devnews feeds check). */
export type FetchFailure = 'no-host' | 'no-answer' | 'insecure' | 'redirects' | 'gone' | 'forbidden' | 'busy' | 'server' | 'timeout' | 'too-big' | 'other';

/** A failure with a message fit for one line after the URL. */
export class FetchError extends Error {
	constructor(
		message: string,
		readonly failure: FetchFailure = 'other',
		/** The Retry-After a 429 or 503 came with, as the server wrote it. */
		readonly retryAfter?: string,
	) {
		super(message);
	}
}

/** Checks a fetch passes: `refusal` of every URL it goes to, redirects included, and `lookup` for every connection it makes itself. */
export type FetchGuard = {
	/** Why `url` may not be fetched; undefined when it may. `proxied`: a proxy, not this machine, resolves its host and connects. */
	refusal: (url: string, proxied: boolean) => Promise<string | undefined>;
	lookup: LookupFunction;
};

const USER_AGENT = 'devnews (terminal news reader)';

/**
 * The body, at most `maxBytes`, in a buffer of its own (never a slice of
 * Node's shared pool), so it can be handed to another thread. Each piece is
 * copied in as it comes, into room for the length the server declared
 * (grown when a compressed body turns out longer), so a body is not held
 * twice, as its pieces and then joined.
 */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
	const declared = Number(response.headers.get('content-length'));
	if (declared > maxBytes) throw new FetchError(`response is ${formatCount(declared)} bytes, over the ${formatCount(maxBytes)}-byte limit`, 'too-big');
	let bytes = new Uint8Array(declared > 0 ? declared : 64 * 1024);
	let size = 0;
	for await (const chunk of response.body ?? []) {
		if (size + chunk.byteLength > maxBytes) throw new FetchError(`response is over the ${formatCount(maxBytes)}-byte limit`, 'too-big');
		if (size + chunk.byteLength > bytes.byteLength) {
			const grown = new Uint8Array(Math.min(maxBytes, Math.max(size + chunk.byteLength, bytes.byteLength * 2)));
			grown.set(bytes.subarray(0, size));
			bytes = grown;
		}

		bytes.set(chunk, size);
		size += chunk.byteLength;
	}

	return size === bytes.byteLength ? bytes : bytes.slice(0, size);
}

/**
 * The body as text, decoded as the WHATWG Encoding Standard says, as a
 * browser would: a byte order mark wins over the label, and latin1,
 * iso-8859-1 and us-ascii all mean windows-1252. Node's own TextDecoder
 * maps those labels to windows-1252 but decodes its bytes 0x80–0x9F (curly
 * quotes, dashes, €) as C1 controls, so @exodus/bytes does the decoding.
 */
export function decode(bytes: Uint8Array, contentType: string | undefined): string {
	const charset = documentCharset(bytes, contentType);
	const encoding = normalizeEncoding(charset);
	// "replacement" is the standard's name for labels (ISO-2022-KR and the like) that must not be decoded at all.
	if (!encoding || encoding === 'replacement') throw new FetchError(`unknown charset "${charset}"`);
	return legacyHookDecode(bytes, encoding);
}

function asFetchError(error: unknown, limits: FetchLimits): FetchError {
	if (error instanceof FetchError) return error;
	const name = (error as Error).name;
	if (name === 'TimeoutError' || name === 'AbortError') return new FetchError(`no complete answer within ${limits.timeoutMs / 1000} s`, 'timeout');
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	const message = cause?.code ?? cause?.message ?? (error as Error).message;
	if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(message)) return new FetchError(message, 'no-host');
	if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH/i.test(message)) return new FetchError(message, 'no-answer');
	// The TLS handshake or the certificate: Node's and OpenSSL's codes for them.
	if (/^(?:ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO)/.test(message)) return new FetchError(message, 'insecure');
	return new FetchError(message);
}

/** An HTTP status that is not an answer, as a failure. */
function statusFailure(status: number): FetchFailure {
	if (status === 401 || status === 404 || status === 410) return 'gone';
	if (status === 403) return 'forbidden';
	if (status === 429) return 'busy';
	return status >= 500 ? 'server' : 'other';
}

/** What else a fetch may be given: a guard (page fetches), and a signal that stops it (Ctrl-C). */
type FetchOptions = {guard?: FetchGuard; stop?: AbortSignal};

/** Fetches `url` within `limits` and decodes its body (see decode). */
export async function fetchLimited(url: string, validators: Validators = {}, limits: FetchLimits = DEFAULT_LIMITS, options: FetchOptions = {}): Promise<Fetched> {
	const fetched = await fetchBytes(url, validators, limits, options);
	if (fetched.status === 'not-modified') return fetched;
	const {bytes, ...rest} = fetched;
	return {...rest, text: decode(bytes, fetched.contentType)};
}

/**
 * The same as fetchLimited, the body left as bytes: a refresh hands them
 * to the feed parser's thread, which decodes them there (feed-parser.ts).
 */
/* eslint-disable no-await-in-loop -- each redirect is followed once the last answer is in */
export async function fetchBytes(url: string, validators: Validators = {}, limits: FetchLimits = DEFAULT_LIMITS, {guard, stop}: FetchOptions = {}): Promise<FetchedBytes> {
	// undici is CommonJS: the bundle's chunk of it has only a default export. Loaded before the clock starts.
	const {Agent, ProxyAgent, fetch} = (await import('undici')).default;
	const timeout = AbortSignal.timeout(limits.timeoutMs);
	const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
	// One dispatcher per proxy (or none) the hops need; all closed at the end.
	const dispatchers = new Map<string, Dispatcher>();
	const dispatcherFor = (proxy: string): Dispatcher | undefined => {
		if (!proxy && !guard) return undefined;
		let dispatcher = dispatchers.get(proxy);
		if (!dispatcher) {
			dispatcher = proxy ? new ProxyAgent(proxy) : new Agent({connect: {lookup: guard!.lookup}});
			dispatchers.set(proxy, dispatcher);
		}

		return dispatcher;
	};

	try {
		let current = url;
		for (let redirects = 0; ; redirects++) {
			if (!isWebUrl(current)) throw new FetchError(`not an http(s) link: ${current}`);
			const proxy = getProxyForUrl(current);
			const refusal = await guard?.refusal(current, proxy !== '');
			if (refusal) throw new FetchError(`refused: ${refusal}`);
			const dispatcher = dispatcherFor(proxy);
			const headers: Record<string, string> = {'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.8, */*;q=0.5'};
			if (validators.etag) headers['if-none-match'] = validators.etag;
			if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
			const response = await fetch(current, {headers, redirect: 'manual', signal, dispatcher});
			if (response.status >= 300 && response.status < 400 && response.status !== 304) {
				await response.body?.cancel();
				const location = response.headers.get('location');
				if (!location) throw new FetchError(`redirect ${response.status} without a Location`, 'redirects');
				if (redirects >= limits.maxRedirects) throw new FetchError(`more than ${limits.maxRedirects} redirects`, 'redirects');
				current = new URL(location, current).href;
				continue;
			}

			if (response.status === 304) {
				await response.body?.cancel();
				return {status: 'not-modified'};
			}

			if (!response.ok) {
				await response.body?.cancel();
				throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim(), statusFailure(response.status), response.headers.get('retry-after') ?? undefined);
			}

			const contentType = response.headers.get('content-type') ?? undefined;
			return {
				status: 'ok',
				bytes: await readCapped(response, limits.maxBytes),
				url: current,
				etag: response.headers.get('etag') ?? undefined,
				lastModified: response.headers.get('last-modified') ?? undefined,
				contentType,
			};
		}
	} catch (error) {
		throw asFetchError(error, limits);
	} finally {
		await Promise.all([...dispatchers.values()].map(async dispatcher => dispatcher.destroy()));
	}
}
/* eslint-enable no-await-in-loop */
