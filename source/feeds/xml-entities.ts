// Entity references in a feed's text, decoded as devnews has always read
// them: XML's five, numeric references, the few HTML names feeds write in
// escaped text (&nbsp;, &mdash;, &euro; ...) and whatever the document
// declares itself, within bounds. An HTML name not listed here (&eacute;)
// is left as written; the HTML reader of titles and stories decodes it
// later. A numeric reference to a character XML forbids (NUL, other C0
// controls, a lone surrogate) is dropped rather than passed on.
import {formatCount} from '../core/numbers.js';
import {FeedError} from './feed-error.js';
import {ENTITY_BOUNDS} from './limits.js';

const NAMED: Record<string, string> = {
	amp: '&',
	apos: "'",
	gt: '>',
	lt: '<',
	quot: '"',
	nbsp: '\u00A0',
	copy: '©',
	reg: '®',
	trade: '™',
	mdash: '—',
	ndash: '–',
	hellip: '…',
	laquo: '«',
	raquo: '»',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	bull: '•',
	para: '¶',
	sect: '§',
	deg: '°',
	frac12: '½',
	frac14: '¼',
	frac34: '¾',
	cent: '¢',
	pound: '£',
	curren: '¤',
	yen: '¥',
	euro: '€',
	dollar: '$',
	fnof: 'ƒ',
	inr: '₹',
	af: '؋',
	birr: 'ብር',
	peso: '₱',
	rub: '₽',
	won: '₩',
	yuan: '¥',
	cedil: '¸',
};

/** A reference: `&`, up to 32 characters that are neither `&` nor `;`, then `;`. */
const REFERENCE = /&([^&;]{1,32});/g;

/** The characters XML 1.0 forbids among the C0 controls; tab, line feed and carriage return are allowed. */
function forbidden(codePoint: number): boolean {
	return codePoint === 0 || (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) || (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff);
}

function numeric(token: string): string | undefined {
	const hex = token[1] === 'x' || token[1] === 'X';
	const codePoint = Number.parseInt(token.slice(hex ? 2 : 1), hex ? 16 : 10);
	if (Number.isNaN(codePoint) || codePoint < 0 || codePoint > 0x10_ff_ff) return undefined;
	return forbidden(codePoint) ? '' : String.fromCodePoint(codePoint);
}

/** One document's decoding: the entities it declares, and how much of them it has used. */
export class EntityDecoder {
	private expansions = 0;
	private added = 0;

	constructor(private readonly declared: ReadonlyMap<string, string> = new Map()) {}

	/** `text` with its references decoded; one that names nothing known is left as written. */
	decode(text: string): string {
		if (!text.includes('&')) return text;
		return text.replaceAll(REFERENCE, (reference, token: string) => {
			if (token.startsWith('#')) return numeric(token) ?? reference;
			const own = this.declared.get(token);
			if (own !== undefined) return this.expand(own, reference);
			return Object.hasOwn(NAMED, token) ? NAMED[token]! : reference;
		});
	}

	private expand(value: string, reference: string): string {
		this.expansions++;
		this.added += Math.max(0, value.length - reference.length);
		// A bomb's expansion stops here.
		if (this.expansions > ENTITY_BOUNDS.uses || this.added > ENTITY_BOUNDS.addedLength) {
			throw new FeedError(`refused: the entities it declares used past ${formatCount(ENTITY_BOUNDS.uses)} times or ${formatCount(ENTITY_BOUNDS.addedLength)} characters (entity-expansion bomb)`);
		}

		return value;
	}
}
