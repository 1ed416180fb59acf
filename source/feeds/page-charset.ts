// Which charset a fetched document is in, found as a browser finds it (the
// WHATWG rules, without their last step of guessing from the bytes): a byte
// order mark; else the charset the Content-Type header names; else, for XML,
// the encoding its declaration names; else, for HTML, the charset a <meta>
// in the first 1,024 bytes names (the HTML standard's "prescan"); else UTF-8.
// A page that names its charset only in <meta charset="windows-1252"> is
// common, and read as UTF-8 it shows "â€™" for every curly quote.
import {getBOMEncoding, normalizeEncoding} from '@exodus/bytes/encoding.js';

/** How many bytes the prescan looks at, as browsers do. */
const PRESCAN_BYTES = 1024;

const isSpace = (char: string | undefined) => char === '\t' || char === '\n' || char === '\f' || char === '\r' || char === ' ';
const isLetter = (char: string | undefined) => char !== undefined && /^[a-z]$/i.test(char);

type Attribute = {name: string; value: string};

/**
 * The prescan's reader of one attribute at `text[at]`, name and value in
 * lower case, and where it stopped: at the next attribute, or, when there is
 * none (a tag's end), at the ">"; at the text's end when the text ends first.
 */
function attributeAt(text: string, at: number): {attribute?: Attribute; next: number} {
	const end = {next: text.length};
	let index = at;
	while (isSpace(text[index]) || text[index] === '/') index++;
	if (index >= text.length) return end;
	if (text[index] === '>') return {next: index};
	let name = '';
	let value = '';
	const read = () => ({attribute: {name, value}, next: index});
	// The name, up to "=", a space, "/" or ">" (an "=" that starts it is part of it).
	while (index < text.length && !(text[index] === '=' && name !== '')) {
		const char = text[index]!;
		if (isSpace(char)) break;
		if (char === '/' || char === '>') return read();
		name += char.toLowerCase();
		index++;
	}

	while (isSpace(text[index])) index++;
	if (index >= text.length) return end;
	if (text[index] !== '=') return read();
	index++;
	while (isSpace(text[index])) index++;
	const quote = text[index];
	if (quote === '"' || quote === "'") {
		const close = text.indexOf(quote, index + 1);
		if (close === -1) return end;
		value = text.slice(index + 1, close).toLowerCase();
		index = close + 1;
		return read();
	}

	if (quote === '>') return read();
	while (index < text.length && !isSpace(text[index]) && text[index] !== '>') value += text[index++]!.toLowerCase();
	return index < text.length ? read() : end;
}

/** Every attribute from `text[at]` to the tag's end (the first of a name counts), and where that end is. */
function attributesFrom(text: string, at: number): {attributes: Map<string, string>; end: number} {
	const attributes = new Map<string, string>();
	let read = attributeAt(text, at);
	for (; read.attribute; read = attributeAt(text, read.next)) {
		if (!attributes.has(read.attribute.name)) attributes.set(read.attribute.name, read.attribute.value);
	}

	return {attributes, end: read.next};
}

/** The charset a <meta content="text/html; charset=…"> names (the HTML standard's extraction from a content attribute). */
function charsetInContent(content: string): string | undefined {
	for (let at = content.indexOf('charset'); at !== -1; at = content.indexOf('charset', at)) {
		at += 'charset'.length;
		let index = at;
		while (isSpace(content[index])) index++;
		if (content[index] !== '=') continue;
		index++;
		while (isSpace(content[index])) index++;
		const quote = content[index];
		if (quote === '"' || quote === "'") {
			const end = content.indexOf(quote, index + 1);
			return end === -1 ? undefined : content.slice(index + 1, end);
		}

		return /^[^\s;]*/.exec(content.slice(index))![0] || undefined;
	}

	return undefined;
}

/** The encoding one <meta>'s attributes name, as the prescan takes it; undefined when they name none it can use. */
function metaEncoding(attributes: Map<string, string>): string | undefined {
	let label = attributes.get('charset');
	if (label === undefined) {
		// content="…charset=…" counts only beside http-equiv="content-type".
		if (attributes.get('http-equiv') !== 'content-type') return undefined;
		label = charsetInContent(attributes.get('content') ?? '');
	}

	const encoding = label === undefined ? undefined : normalizeEncoding(label);
	// A page that says UTF-16 in ASCII bytes is not UTF-16; x-user-defined is read as windows-1252; "replacement" names no usable encoding.
	if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
	if (encoding === 'x-user-defined') return 'windows-1252';
	return encoding && encoding !== 'replacement' ? encoding : undefined;
}

/** The encoding the first <meta> in the first 1,024 bytes that names one names: the HTML standard's prescan. */
export function metaCharset(bytes: Uint8Array): string | undefined {
	// Every byte the prescan looks for is ASCII: read as latin1, one character a byte.
	const text = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
	let index = 0;
	while (index < text.length) {
		const rest = text.slice(index, index + 6).toLowerCase();
		if (rest.startsWith('<!--')) {
			const end = text.indexOf('-->', index + 2);
			if (end === -1) return undefined;
			index = end + 3;
		} else if (/^<meta[\s/]$/.test(rest)) {
			const {attributes, end} = attributesFrom(text, index + 5);
			if (end >= text.length) return undefined;
			const encoding = metaEncoding(attributes);
			if (encoding) return encoding;
			index = end + 1;
		} else if (rest.startsWith('<') && (isLetter(rest[1]) || (rest[1] === '/' && isLetter(rest[2])))) {
			// Another tag: its attributes are read as attributes, so a ">" inside a quoted value does not end it.
			index += rest[1] === '/' ? 2 : 1;
			while (index < text.length && !isSpace(text[index]) && text[index] !== '>') index++;
			index = attributesFrom(text, index).end + 1;
		} else if (rest.startsWith('<!') || rest.startsWith('</') || rest.startsWith('<?')) {
			index = text.indexOf('>', index);
			if (index === -1) return undefined;
			index++;
		} else {
			index++;
		}
	}

	return undefined;
}

/** Whether a document is HTML for the prescan: served as HTML, or served as no kind of XML and not declaring itself XML. */
const isHtml = (head: string, contentType: string) => /html/i.test(contentType) || (!/xml/i.test(contentType) && !head.startsWith('<?xml'));

/** The label of the encoding a fetched document is in (the caller checks that it is one). */
export function documentCharset(bytes: Uint8Array, contentType = ''): string {
	const bom = getBOMEncoding(bytes);
	if (bom) return bom;
	const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
	if (fromHeader) return fromHeader;
	const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
	const fromDeclaration = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
	if (fromDeclaration) return fromDeclaration;
	return (isHtml(head, contentType) ? metaCharset(bytes) : undefined) ?? 'utf-8';
}
