// Preloaded into a devnews a test starts (NODE_OPTIONS=--import), as on a
// company network whose DNS resolves no outside names: every lookup fails
// with ENOTFOUND, and each name asked is written to stderr, so the test can
// tell which were.
import dns from 'node:dns';

const notFound = hostname => {
	process.stderr.write(`no-dns: lookup of ${hostname}\n`);
	return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND', hostname});
};

dns.lookup = (hostname, options, callback) => {
	const done = typeof options === 'function' ? options : callback;
	process.nextTick(() => done(notFound(hostname)));
};

dns.promises.lookup = async hostname => {
	throw notFound(hostname);
};
