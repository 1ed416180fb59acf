// fast-xml-parser's check that a document is well-formed, and its bounds
// on the entities a document declares: the OPML reader's (opml.ts), which
// parses with fast-xml-parser. Feeds are read by xml-events.ts instead.
import {XMLValidator, type ProcessEntitiesOptions} from 'fast-xml-parser';
import {FeedError} from './feed-error.js';
import {ENTITY_BOUNDS} from './limits.js';

/**
 * Limits on what entities may expand to. They apply to the entities a
 * document declares itself (where bombs come from), not to the predefined
 * ones: a document of escaped HTML holds tens of thousands of &lt; and &gt;, each
 * one character long. fast-xml-parser reads `appliesTo`; its types do not list it yet.
 */
export const ENTITY_LIMITS: ProcessEntitiesOptions & {appliesTo: 'external'} = {
	enabled: true,
	maxEntityCount: ENTITY_BOUNDS.declarations,
	maxTotalExpansions: ENTITY_BOUNDS.uses,
	maxExpandedLength: ENTITY_BOUNDS.addedLength,
	appliesTo: 'external',
};

/**
 * fast-xml-parser's words for a document that ends with elements still
 * open, a file cut short: `Invalid '["opml", "body"]' found.`, at line 1
 * whatever the line.
 */
const UNCLOSED = /^Invalid '(\[.*\])' found\.$/;

/** Throws a FeedError naming the first mistake and its line when `xml` is not well-formed. */
export function assertWellFormed(xml: string, kind: string): void {
	const valid = XMLValidator.validate(xml);
	if (valid === true) return;
	const unclosed = UNCLOSED.exec(valid.err.msg);
	if (unclosed) {
		const names = (JSON.parse(unclosed[1]!) as string[]).map(name => `<${name}>`).join(', ');
		throw new FeedError(`malformed ${kind}: it ends with ${names} not closed; is the file cut short? (line ${xml.split('\n').length})`);
	}

	throw new FeedError(`malformed ${kind}: ${valid.err.msg} (line ${valid.err.line})`);
}
