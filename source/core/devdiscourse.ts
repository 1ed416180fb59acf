// What devnews knows of Devdiscourse's own addresses (see docs/devdiscourse.md):
// the site's hosts, and its article links, /article/{label}/{number}-{slug},
// where only the number identifies the article and the label is an
// editorial tag (`agency-wire` when the story has none).

export const SITE_ORIGIN = 'https://www.devdiscourse.com';

const SITE_HOSTS = new Set(['www.devdiscourse.com', 'devdiscourse.com']);

/** Whether `url` is on the site's own host. */
export function isSiteUrl(url: string | undefined): boolean {
	if (!url) return false;
	try {
		return SITE_HOSTS.has(new URL(url).hostname.toLowerCase());
	} catch {
		return false;
	}
}

const ARTICLE_PATH = /^\/article\/([a-z0-9-]+)\/(\d+)(?:-[^/]*)?\/?$/i;

/** The label and the number of a link shaped like a Devdiscourse article's (on any host; the caller decides whether to trust it). */
export function articleLink(url: string | undefined): {label: string; number: string} | undefined {
	if (!url) return undefined;
	let pathname: string;
	try {
		pathname = new URL(url).pathname;
	} catch {
		return undefined;
	}

	const match = ARTICLE_PATH.exec(pathname);
	return match ? {label: match[1]!.toLowerCase(), number: match[2]!} : undefined;
}

/**
 * What the site writes in a link for a story without a label: its
 * templates and feeds put `NewsLabels ?? "agency-wire"` there, and
 * ArticleController redirects /article/agency-wire/{number}-… to the
 * story's labelled address when it has one (a story labelled
 * "agency-wire" would redirect to itself), so the word never states one.
 */
export const NO_LABEL = 'agency-wire';

/** The label a link states: its label, unless it is the site's word for none. */
export function statedLabel(url: string | undefined): string | undefined {
	const label = articleLink(url)?.label;
	return label === NO_LABEL ? undefined : label;
}
