// The one error a reader of feeds, sitemaps, listings and OPML throws for
// a document it cannot use, apart from the readers so that each can throw
// it without loading the others.
import {sanitizeLine} from '../terminal/sanitize.js';

/**
 * A document that is not a feed, with a message fit for one line after the
 * URL. Parsers quote the document in their messages (with its line breaks and
 * whatever control characters it holds), so the message is made one plain line.
 */
export class FeedError extends Error {
	constructor(message: string) {
		super(sanitizeLine(message));
	}
}
