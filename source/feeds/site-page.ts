// A Devdiscourse article page, read as its template renders it (see
// docs/devdiscourse.md, "Article page"): the h1 title, the h2 summary, the
// metadata line (source or author, place, Updated and Created in IST), the
// caption under the picture (or the site's AI-image note), the country
// list, the story's paragraphs and credit line, its sectors (the
// breadcrumb's and the stored list in the JSON-LD breadcrumb), its label
// (the canonical address), the tags. Only these parts are read, so nothing
// from the sidebars, the share buttons or the "Key Takeaways" card can leak in.
import type {Article} from '../core/article.js';
import {statedLabel} from '../core/devdiscourse.js';
import {istToIso} from '../core/time.js';

/** What a page gives of its article; the body is always there (a page without one is not an article). */
export type PageStory = Pick<Article, 'body'> &
	Partial<Pick<Article, 'title' | 'summary' | 'byline' | 'location' | 'createdAt' | 'updatedAt' | 'countries' | 'sectors' | 'label' | 'tags' | 'imageNote' | 'imageCaption' | 'credit'>> & {
		/** Read from the site's own template, whose canonical address states the label: none there means the story has none. */
		fromSiteTemplate?: true;
	};

/** The page, parsed (linkedom's DOM, which speaks the standard one). */
type PageDocument = Pick<Document, 'querySelector' | 'querySelectorAll'>;

/** Text as a reader sees it: entities decoded (by the DOM), whitespace folded. */
const text = (element: Element | null | undefined): string | undefined => element?.textContent?.replaceAll(/\s+/g, ' ').trim() || undefined;

const TIME = (word: string) => new RegExp(`${word}:\\s*(\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2})\\s*IST`);

/** The site's credit lines, appended to the story as a paragraph of their own. */
export const CREDIT = /^\((?:With inputs from [^)]*|This story has not been edited by Devdiscourse staff[^)]*)\)$/i;

/** The site's note under an illustration it generated. */
export const AI_NOTE = /^This image is AI-generated/i;

function metadata(block: Element | null): Pick<PageStory, 'byline' | 'location' | 'createdAt' | 'updatedAt'> {
	if (!block) return {};
	const line = text(block) ?? '';
	const updated = istToIso(TIME('Updated').exec(line)?.[1] ?? '');
	const created = istToIso(TIME('Created').exec(line)?.[1] ?? '');
	// The source (news) or the author (blogs) is the line's first link.
	const byline = text(block.querySelector('a'));
	return {
		byline,
		location: dateline(block),
		...(updated ? {updatedAt: updated} : {}),
		...(created ? {createdAt: created} : {}),
	};
}

/**
 * The place (the site's SourceUrl) as the page shows it: the line's span
 * that is neither the source's (it holds a link), a divider, nor the
 * times. Usually title-cased in a span.text-capitalize; the template writes
 * "Washington DC" (a place containing "washington") and "Los Angeles"
 * ("losangeles") in a plain span instead.
 */
function dateline(block: Element): string | undefined {
	const place = [...block.children].find(
		child => child.tagName === 'SPAN' && !child.classList.contains('list-divider') && !child.querySelector('a') && !/^\s*(?:Updated|Created):/.test(child.textContent ?? ''),
	);
	return text(place);
}

/** The country list: the entries after "Country:" in the left section's first list (the share buttons are another). */
function countries(document: PageDocument): string[] {
	const list = document.querySelector('section.left-section ul');
	if (!list || !/^Countr(?:y|ies):?$/i.test(text(list.querySelector('li')) ?? '')) return [];
	return [...list.querySelectorAll('li.fg-orange')].flatMap(item => text(item) ?? []);
}

/** The caption under the article's picture; a hidden figure (the site's default picture) has none worth reading. */
function caption(document: PageDocument): Pick<PageStory, 'imageNote' | 'imageCaption'> {
	const figure = document.querySelector('article figure.figure:not(.hidden)');
	const words = text(figure?.querySelector('figcaption'));
	if (!words) return {};
	return AI_NOTE.test(words) ? {imageNote: words} : {imageCaption: words};
}

/**
 * The JSON-LD BreadcrumbList's third entry, when it is the sector's: the
 * template writes the story's stored sector list there as it is ("6,15":
 * sectors 6 and 15), with an "item" under /news/; a story with no sector
 * has its title third, with no "item". Read by pattern: the template
 * escapes only the title's quotes, so the block need not be valid JSON.
 */
const STORED_SECTORS = /"position"\s*:\s*3\s*,\s*"name"\s*:\s*"(\d+(?:\s*,\s*\d+)*)"\s*,\s*"item"\s*:\s*"[^"]*\/news\//;

/**
 * The sectors the page states: the one its breadcrumb shows (by name: the
 * alphabetically first of the story's, as SectorViewComponent picks it),
 * then every one of the stored list in its JSON-LD breadcrumb, by the site's numbers.
 */
function sectors(document: PageDocument): string[] {
	const shown = text(document.querySelector('ul.article-breadcrumb li:nth-child(3) span[itemprop="name"]'));
	const ldBreadcrumb = [...document.querySelectorAll('script[type="application/ld+json"]')].find(script => /"BreadcrumbList"/.test(script.textContent ?? ''));
	const stored = STORED_SECTORS.exec(ldBreadcrumb?.textContent ?? '')?.[1]?.split(',').map(id => id.trim()) ?? [];
	return [...new Set([...(shown ? [shown] : []), ...stored])];
}

/** The story on a page made by the site's article template, or undefined for any other page. */
export function siteStory(document: PageDocument, url: string): PageStory | undefined {
	const title = text(document.querySelector('article h1.title'));
	const story = document.querySelector('section.article-cont');
	if (!title || !story) return undefined;
	const paragraphs = [...story.querySelectorAll('p')].flatMap(paragraph => text(paragraph) ?? []);
	// The credit line is the story's last paragraph, when there is one.
	const credit = paragraphs.length > 1 && CREDIT.test(paragraphs.at(-1)!) ? paragraphs.at(-1) : undefined;
	const body = paragraphs.filter(paragraph => paragraph !== credit);
	if (body.length === 0) return undefined;
	const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
	const tags = [...document.querySelectorAll('article a.tag')].flatMap(tag => text(tag) ?? []);
	return {
		title,
		summary: text(document.querySelector('article h2.sub-title')),
		...metadata(document.querySelector('article div.metadata')),
		countries: countries(document),
		sectors: sectors(document),
		// The canonical address is the template's own (NewsLabels ?? "agency-wire"); the address fetched, after the site's redirects, where there is none.
		label: statedLabel(canonical ?? url),
		fromSiteTemplate: true,
		...(tags.length > 0 ? {tags} : {}),
		...caption(document),
		body,
		credit,
	};
}
