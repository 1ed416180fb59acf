// What to do about a fetch that failed, by the kind of failure it was
// (http.ts says which): devnews feeds check gives it for each source, and
// devnews fetch for a host none of whose sources could be reached.
import type {FetchFailure} from '../feeds/http.js';

/** The advice a person needs next. */
export const ADVICE: Record<FetchFailure, string> = {
	'no-host': 'no network, or no such host: check the connection (and HTTPS_PROXY, behind a proxy)',
	'no-answer': 'nothing answers there: check the address, or try later',
	insecure: 'its secure connection failed (TLS, or the site\'s certificate): check whether the address is http or https',
	redirects: 'it sends devnews from address to address: open it in a browser and add the address it ends at',
	gone: 'the address does not exist (any more): devnews feeds remove it',
	forbidden: 'the site refuses devnews this address: it may be for signed-in readers only',
	busy: 'the site asks for fewer requests: try again later',
	server: 'the site had a problem: try again later',
	timeout: 'too slow: try again, or give more time with --timeout',
	'too-big': 'too big: raise --max-bytes if you trust it',
	// What answered could not be read as a feed, or was refused.
	other: 'not a feed devnews reads: if it is a web page, devnews feeds add URL finds its feeds',
};
