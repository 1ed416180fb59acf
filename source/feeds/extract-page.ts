// The full story from an article's page, for feed items that carry only a
// summary, in a DOM built by linkedom (no browser, no scripts run). A page
// made by Devdiscourse's article template is read field by field
// (site-page.ts); any other page by Readability, which finds the story,
// with a Devdiscourse-like metadata line ("Desk | Place | Updated: … IST |
// Created: … IST") and "Country:" list read from its text.
import {Readability} from '@mozilla/readability';
import {parseHTML} from 'linkedom';
import {istToIso} from '../core/time.js';
import {htmlParagraphs} from './html-text.js';
import {AI_NOTE, CREDIT, siteStory, type PageStory} from './site-page.js';

const META_LINE = /^(.+?)\s*\|\s*(?:(.+?)\s*\|\s*)?Updated:\s*(\d{2}-\d{2}-\d{4} \d{2}:\d{2})\s*IST\s*\|\s*Created:\s*(\d{2}-\d{2}-\d{4} \d{2}:\d{2})\s*IST/;

/** What the page's own text says of byline, place, times and countries. */
function devdiscourseMetadata(lines: string[]): Partial<PageStory> {
	const metadata: Partial<PageStory> = {};
	for (const [index, line] of lines.entries()) {
		const meta = META_LINE.exec(line);
		if (meta && !metadata.byline) {
			metadata.byline = meta[1];
			if (meta[2]) metadata.location = meta[2];
			metadata.updatedAt = istToIso(meta[3]!);
			metadata.createdAt = istToIso(meta[4]!);
		}

		if (/^Country:?$/i.test(line) && !metadata.countries) {
			const countries: string[] = [];
			for (const next of lines.slice(index + 1)) {
				if (next.length > 40 || /[.:]$/.test(next)) break;
				countries.push(next);
			}

			metadata.countries = countries;
		}
	}

	return metadata;
}

// Readability's work grows far faster than the page: a 15 KB page of a few
// thousand unclosed <div>s kept it busy for four minutes. Character
// references cost linkedom and Readability dearly, and more the deeper they
// sit (each enclosing element serialises them again): a page of 45,000 bare
// "&amp;" took two seconds, and one of 9,000 sixty elements deep as long. No
// article page comes near these bounds; such a page is left unread rather
// than holding up the reader for seconds or minutes.
const MAX_DEPTH = 60;
const MAX_ELEMENTS = 30_000;
const MAX_REFERENCES = 5000;
// Named and numeric references; "&&" in a script is not one.
const REFERENCE = /&[#A-Za-z]/g;

function tooManyReferences(html: string): boolean {
	let count = 0;
	REFERENCE.lastIndex = 0;
	while (REFERENCE.exec(html)) {
		if (++count > MAX_REFERENCES) return true;
	}

	return false;
}

function tooComplex(document: Document): boolean {
	let elements = 0;
	const stack: Array<{node: ParentNode; depth: number}> = [{node: document, depth: 0}];
	for (let next = stack.pop(); next; next = stack.pop()) {
		if (next.depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) return true;
		for (const child of next.node.children) stack.push({node: child, depth: next.depth + 1});
	}

	return false;
}

/**
 * The page as one <html> element with a body, which Readability needs. HTML
 * may leave out <html> and <body>, and a browser makes them; linkedom does
 * not: it takes the first element for the root and leaves the rest beside
 * it, where Readability fails or takes seconds.
 */
function pageDocument(html: string): {document: Document; source: string} {
	const {document} = parseHTML(html);
	if (document.documentElement?.tagName === 'HTML') return {document, source: html};
	const source = `<!DOCTYPE html><html><body>${html}</body></html>`;
	return {document: parseHTML(source).document, source};
}

/** The story in `html` (a page at `url`), or undefined when Readability finds none. */
export function extractStory(html: string, url: string): PageStory | undefined {
	if (tooManyReferences(html)) return undefined;
	const {document, source} = pageDocument(html);
	if (tooComplex(document)) return undefined;
	const site = siteStory(document, url);
	if (site) return site;
	const pageLines = htmlParagraphs(document.body?.innerHTML ?? html).flatMap(paragraph => paragraph.split(/\s*\n\s*/));
	const metadata = devdiscourseMetadata(pageLines.map(line => line.replace(/^[•·]\s*/, '')));
	// Readability edits the document it reads; it gets its own parse, of the page as it was settled above.
	const {document: readable} = parseHTML(source);
	Object.defineProperty(readable, 'baseURI', {value: url});
	const article = new Readability(readable).parse();
	if (!article?.content) return undefined;
	const paragraphs = htmlParagraphs(article.content).filter(paragraph => !META_LINE.test(paragraph) && !/^Country:?$/i.test(paragraph));
	const credit = paragraphs.find(paragraph => CREDIT.test(paragraph));
	const imageNote = paragraphs.find(paragraph => AI_NOTE.test(paragraph)) ?? pageLines.find(line => AI_NOTE.test(line));
	const body = paragraphs.filter(paragraph => paragraph !== credit && paragraph !== imageNote && !(metadata.countries ?? []).includes(paragraph));
	if (body.length === 0) return undefined;
	// Readability's title is the page's <title>, often with the site's name in it: the feed's stays.
	return {
		byline: metadata.byline ?? article.byline ?? undefined,
		location: metadata.location,
		createdAt: metadata.createdAt,
		updatedAt: metadata.updatedAt,
		countries: metadata.countries,
		imageNote,
		credit,
		body,
	};
}
