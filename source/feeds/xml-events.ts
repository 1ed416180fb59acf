// Reads an XML document as a stream of events, an element's opening (with
// its attributes), its text and its closing, without building its tree:
// htmlparser2's tokenizer finds the markup, and this checks as it goes that
// the document is well-formed, as the XML reader devnews used before did,
// so that a broken document fails with one line naming its first mistake.
// Entities a document declares are expanded within bounds (xml-entities.ts);
// one that declares them from each other (the "billion laughs" bomb) is
// refused before reading, since no real feed needs that.
import {QuoteType, Tokenizer} from 'htmlparser2';
import {FeedError} from './feed-error.js';
import {ENTITY_BOUNDS} from './limits.js';
import {EntityDecoder} from './xml-entities.js';

/** An element's attributes by name, their entities decoded. */
export type Attributes = Record<string, string>;

export type XmlHandler = {
	/** An element opens; `attributes` only when it has any. */
	open(name: string, attributes: Attributes | undefined): void;
	/**
	 * A run of the open element's own text: trimmed, its entities decoded;
	 * or a CDATA section, as it is. An element's text is its runs joined.
	 */
	text(text: string): void;
	close(name: string): void;
};

/** A document type with an internal subset, where a document declares its entities; tried once, where the first document type begins. */
const INTERNAL_SUBSET = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/iy;

/** A general entity declared with its value in quotes; other kinds (external, parameter) are not expanded. */
const DECLARATION = /<!ENTITY\s+([^\s%"']+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;

/**
 * The entities `xml` declares, and `xml` with its internal subset blanked
 * (the tokenizer does not read one), every other character where it was,
 * so that lines are counted as written. Refuses a bomb.
 */
function declaredEntities(xml: string): {xml: string; declared: Map<string, string>} {
	const declared = new Map<string, string>();
	const start = xml.search(/<!DOCTYPE/i);
	// Only a document type before the root element is one; elsewhere (in a CDATA section) it is text.
	if (start === -1 || /<[^!?]/.test(xml.slice(0, start))) return {xml, declared};
	INTERNAL_SUBSET.lastIndex = start;
	const subset = INTERNAL_SUBSET.exec(xml);
	if (!subset) return {xml, declared};
	const declarations = subset[1]!.match(/<!ENTITY[^>]*>/gi) ?? [];
	if (declarations.length > ENTITY_BOUNDS.declarations) throw new FeedError(`refused: ${declarations.length} entity declarations (entity-expansion bomb?)`);
	if (declarations.some(declaration => /&[\w.:-]+;/.test(declaration))) {
		throw new FeedError('refused: entities defined from other entities (entity-expansion bomb)');
	}

	for (const [, name, double, single] of subset[1]!.matchAll(DECLARATION)) if (!declared.has(name!)) declared.set(name!, double ?? single ?? '');
	const blank = subset[0].replaceAll(/[^\n]/g, ' ');
	return {xml: xml.slice(0, subset.index) + blank + xml.slice(subset.index + subset[0].length), declared};
}

/** XML 1.0's Name: what an element's or attribute's name may be. */
const NAME =
	/^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*$/u;

/** What may follow an `&` in text: a name, or a character's number, then `;`. */
const AMPERSAND = /&(?:\w{1,20}|#\d*|#x[\da-fA-F]*);/y;

/** Text with its line breaks as XML reads them: a carriage return, alone or before a line feed, is a line feed. */
const lineFeeds = (text: string) => (text.includes('\r') ? text.replaceAll(/\r\n?/g, '\n') : text);

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

/** The line (from 1) that `index` is on. */
function lineAt(xml: string, index: number): number {
	let line = 1;
	for (let at = xml.indexOf('\n'); at !== -1 && at < index; at = xml.indexOf('\n', at + 1)) line++;
	return line;
}

/**
 * Reads `xml`, calling `handler` as its elements open and close and its
 * text comes, to the end of its root element. Throws a FeedError naming the
 * first mistake and its line (`malformed XML: ... (line N)`) when it is not
 * well-formed, or refused when it is an entity bomb; the handler may have
 * been called for what came before.
 */
export function readXml(source: string, handler: XmlHandler): void {
	const {xml, declared} = declaredEntities(source);
	const entities = new EntityDecoder(declared);
	const open: string[] = [];
	const openedAt: number[] = [];
	const names = new Set<string>();
	let rootClosedAt = -1;
	let attributes: Attributes | undefined;
	let attribute = '';
	let value = '';
	let tagName = '';
	let tagStart = 0;

	const malformed = (problem: string, index: number): never => {
		throw new FeedError(`malformed XML: ${problem} (line ${lineAt(xml, index)})`);
	};

	const nameAt = (start: number, end: number): string => {
		const name = xml.slice(start, end);
		if (names.has(name)) return name;
		if (!NAME.test(name)) malformed(`"${name.slice(0, 40)}" is not a name`, start);
		names.add(name);
		return name;
	};

	const tokenizer = new Tokenizer(
		{xmlMode: true, decodeEntities: false},
		{
			onopentagname(start, end) {
				tagName = nameAt(start, end);
				tagStart = start;
				attributes = undefined;
			},
			onattribname(start, end) {
				if (!isSpace(xml.charCodeAt(start - 1))) malformed(`no space before the attribute "${xml.slice(start, end).slice(0, 40)}"`, start);
				attribute = nameAt(start, end);
				value = '';
				attributes ??= Object.create(null) as Attributes;
				if (Object.hasOwn(attributes, attribute)) malformed(`the attribute "${attribute}" is given twice`, start);
			},
			onattribdata(start, end) {
				value += xml.slice(start, end);
			},
			onattribend(quote, end) {
				if (quote === QuoteType.NoValue || quote === QuoteType.Unquoted) malformed(`the attribute "${attribute}" has no quoted value`, end);
				attributes![attribute] = entities.decode(lineFeeds(value));
			},
			onopentagend() {
				open.push(tagName);
				openedAt.push(tagStart);
				handler.open(tagName, attributes);
			},
			onselfclosingtag(end) {
				handler.open(tagName, attributes);
				handler.close(tagName);
				if (open.length === 0) stopAtRoot(end);
			},
			onclosetag(start, end) {
				const name = xml.slice(start, end);
				const closed = tagEnd(end);
				if (xml[closed] !== '>') malformed(`</${name.slice(0, 40)}> holds more than its name`, end);
				const expected = open.pop();
				if (expected === undefined) malformed(`</${name.slice(0, 40)}> closes no element`, start);
				if (name !== expected) malformed(`</${name.slice(0, 40)}> where </${expected!}> (opened at line ${lineAt(xml, openedAt.at(-1)!)}) was expected`, start);
				openedAt.pop();
				handler.close(name);
				if (open.length === 0) stopAtRoot(closed);
			},
			ontext(start, end) {
				if (open.length === 0) {
					if (!/^[\s\uFEFF]*$/.test(xml.slice(start, end))) malformed('text outside the root element', start);
					return;
				}

				text(start, end);
			},
			oncdata(start, end, offset) {
				if (offset === 0) malformed('a CDATA section is not closed', start);
				if (open.length > 0) handler.text(lineFeeds(xml.slice(start, end - offset)));
			},
			onattribentity() {},
			ontextentity() {},
			oncomment() {},
			ondeclaration() {},
			onprocessinginstruction() {},
			onend() {},
		},
	);

	/** A run of text inside an element: no stray `<`, each `&` a reference. */
	function text(start: number, end: number): void {
		const raw = xml.slice(start, end);
		const lessThan = raw.indexOf('<');
		if (lessThan !== -1) malformed('a "<" that begins no tag', start + lessThan);
		for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', at + 1)) {
			AMPERSAND.lastIndex = at;
			if (!AMPERSAND.test(raw)) malformed('an "&" that begins no entity reference', start + at);
		}

		const trimmed = raw.trim();
		if (trimmed) handler.text(entities.decode(lineFeeds(trimmed)));
	}

	/** Where a closing tag whose name ends at `end` should end, past any space: its `>`. */
	function tagEnd(end: number): number {
		let at = end;
		while (isSpace(xml.charCodeAt(at))) at++;
		return at;
	}

	/** The root element has closed with the `>` at `closed`: the rest is read apart (checkEpilogue). */
	function stopAtRoot(closed: number): void {
		tokenizer.pause();
		rootClosedAt = closed + 1;
	}

	tokenizer.write(xml);
	tokenizer.end();
	if (rootClosedAt === -1) {
		if (open.length > 0) malformed(`<${open.at(-1)!}> is not closed`, openedAt.at(-1)!);
		malformed('no element', xml.length);
	}

	checkEpilogue(xml, rootClosedAt, malformed);
}

/** After the root element: space, comments and processing instructions only. */
function checkEpilogue(xml: string, from: number, malformed: (problem: string, index: number) => never): void {
	let at = from;
	while (at < xml.length) {
		if (isSpace(xml.charCodeAt(at))) {
			at++;
		} else if (xml.startsWith('<!--', at) || xml.startsWith('<?', at)) {
			const close = xml[at + 1] === '!' ? '-->' : '?>';
			const end = xml.indexOf(close, at + 2);
			if (end === -1) malformed('a comment or processing instruction is not closed', at);
			at = end + close.length;
		} else {
			malformed('more after the root element', at);
		}
	}
}
