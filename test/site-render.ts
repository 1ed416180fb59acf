// Devdiscourse's sources rendered from one story the way the site's own code
// renders them (repository nitinr89/DevDiscourse; see docs/devdiscourse.md):
// the Google News and Livediscourse sitemaps (RSSController), the JSON
// listings (SearchApiController, DevNewsApiController; System.Text.Json's
// camelCase and escapes, PascalCase from the site's cache) and the article
// page (Views/Article/Index.cshtml, the parts devnews reads). Each takes its
// values from the model field the site's code takes them from, so a test can
// check what devnews makes of a source against what the page shows.
// Every story rendered here is synthetic.

/** The model fields the sources are made from (Models/BasicModels/DevNews.cs). Times are UTC as the database holds them, up to 7 decimals. */
export type SiteStory = {
	newsId: number;
	title: string;
	subTitle?: string;
	/** NewsLabels: a Labels.Slug, or null for none. */
	newsLabels: string | null;
	/** Sector: the sector numbers, comma-separated without spaces ("6,15"). */
	sector: string;
	/** Region: edition names, comma-separated. */
	region: string;
	country?: string;
	tags?: string;
	source: string;
	/** SourceUrl: the dateline's place, as typed ("washington", "losangeles", "new delhi"). */
	sourceUrl?: string;
	type: 'News' | 'Blog';
	subType?: string;
	author?: string;
	createdOn: string;
	publishedOn: string;
	modifiedOn: string;
	description: string[];
	imageCaption?: string;
};

/** Three synthetic stories: a two-sector labelled blog datelined "washington", an unlabelled PTI story from "losangeles" with a title past 150 characters, and a politics story labelled "health". */
export const SITE_STORIES: SiteStory[] = [
	{
		newsId: 9000031,
		title: 'Synthetic test article: Solar grids & schools in São Paulo, "Nairobi" and Pune',
		subTitle: "Synthetic test article. A made-up study's summary, with an apostrophe & an ampersand.",
		newsLabels: 'technology',
		sector: '6,15',
		region: 'Global Edition,East Africa',
		country: 'Brazil,Kenya,India',
		tags: 'solar, Schools,solar , micro-grids',
		source: 'Devdiscourse News Desk',
		sourceUrl: 'WASHINGTON D.C.',
		type: 'Blog',
		subType: 'Opinion',
		author: 'Synthetic Test Author',
		createdOn: '2025-11-25T04:01:10.1234567',
		publishedOn: '2025-11-25T06:35:00',
		modifiedOn: '2025-11-26T04:10:41.4733333',
		description: ['Synthetic test article. First paragraph of an invented study.', 'Second invented paragraph.'],
		imageCaption: 'Synthetic test caption',
	},
	{
		newsId: 9000032,
		title: `Synthetic test article: ${'a very long headline about wildfire smoke and hospital admissions '.repeat(3)}ends here`,
		subTitle: 'Synthetic test article. Smoke and hospitals.',
		newsLabels: null,
		sector: '2',
		region: 'Global Edition,North America',
		country: 'United States',
		source: 'PTI',
		sourceUrl: 'losangeles',
		type: 'News',
		createdOn: '2025-11-26T00:12:00',
		publishedOn: '2025-11-26T00:20:00',
		modifiedOn: '2025-11-26T01:02:03.5',
		description: ['Synthetic test article. Invented text about smoke.'],
	},
	{
		newsId: 9000033,
		title: 'Synthetic test article: Clinic budget vote splits the assembly',
		newsLabels: 'health',
		sector: '19',
		region: 'South Asia',
		country: 'India',
		tags: 'budget',
		source: 'Devdiscourse News Desk',
		sourceUrl: 'new delhi',
		type: 'News',
		createdOn: '2025-11-26T02:00:00',
		publishedOn: '2025-11-26T02:30:00',
		modifiedOn: '2025-11-26T02:45:00',
		description: ['Synthetic test article. An invented vote.'],
	},
];

/** The site's sector titles by number (the taxonomy's names), for the breadcrumb. */
const SECTOR_TITLES: Record<string, string> = {
	'1': 'Economy & Business',
	'2': 'Health',
	'3': 'Transport',
	'4': 'Education',
	'6': 'Technology',
	'7': 'Energy & Extractives',
	'9': 'Social & Gender',
	'10': 'Agro-Forestry',
	'11': 'Law & Governance',
	'12': 'WASH',
	'14': 'Art & Culture',
	'15': 'Science & Environment',
	'17': 'Urban Development',
	'18': 'Sports',
	'19': 'Politics',
};

/** RemoveAccent, then the slug rules; `cut` is 130 in DevNews.GenerateSecondSlug, 150 in RSSController's. */
export function secondSlug(story: SiteStory, cut = 130): string {
	return `${story.newsId}-${story.title}`
		.replaceAll(/[^\p{ASCII}]/gu, '?')
		.toLowerCase()
		.replaceAll(/[^a-z0-9\s-]/g, '')
		.replaceAll(/\s+/g, ' ')
		.trim()
		.slice(0, cut)
		.trim()
		.replaceAll(/\s/g, '-');
}

/** The UTC wall clock in `value` (7 decimals at most) as milliseconds; the database's DateTime is Kind=Unspecified. */
const utcMillis = (value: string) => Date.parse(`${value.slice(0, 23)}Z`);

/** TimeZoneInfo.ConvertTimeFromUtc(…, "India Standard Time"), as its parts. */
function ist(value: string): {date: string; time: string; seconds: string} {
	const shifted = new Date(utcMillis(value) + 330 * 60_000).toISOString();
	return {date: shifted.slice(0, 10), time: shifted.slice(11, 16), seconds: shifted.slice(16, 19)};
}

/** "yyyy-MM-ddTHH:mm:sszzzz" of an IST time on a server whose own zone is IST (the fixtures' assumption). */
const istOffsetTime = (value: string) => {
	const {date, time, seconds} = ist(value);
	return `${date}T${time}${seconds}+05:30`;
};

/** "dd-MM-yyyy HH:mm", as the page's metadata line writes a time. */
const istLine = (value: string) => {
	const {date, time} = ist(value);
	return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)} ${time}`;
};

/** System.Text.Json's default escaping: non-ASCII, HTML-sensitive characters and quotes as \uXXXX. */
function jsonString(text: string): string {
	const escaped = [...text]
		.map(character => {
			const code = character.codePointAt(0)!;
			if (code > 0x7e || code < 0x20 || '<>&\'+`"'.includes(character)) {
				return character.length > 1
					? [...character.split('')].map(unit => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('')
					: `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
			}

			return character === '\\' ? '\\\\' : character;
		})
		.join('');
	return `"${escaped}"`;
}

export type Json = string | number | boolean | null | Json[] | {[key: string]: Json};

/** A value as the site's API writes it: camelCase keys (`pascal`: as its cache does), strings escaped as System.Text.Json does. */
export function siteJson(value: Json, pascal = false): string {
	if (typeof value === 'string') return jsonString(value);
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(item => siteJson(item, pascal)).join(',')}]`;
	const key = (name: string) => (pascal ? name.charAt(0).toUpperCase() + name.slice(1) : name);
	return `{${Object.entries(value)
		.map(([name, item]) => `${jsonString(key(name))}:${siteJson(item, pascal)}`)
		.join(',')}}`;
}

/** A DateTime as System.Text.Json writes one of Kind=Unspecified: no zone, the fraction's trailing zeros dropped. */
const jsonTime = (value: string) => (value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value);

/** GetSectorNews's item (NewsViewModel): createdOn is ModifiedOn, sector holds the Type, label the NewsLabels. */
export const sectorNewsItem = (story: SiteStory): Json => ({
	title: story.title,
	createdOn: jsonTime(story.modifiedOn),
	imageUrl: '/images/newstheme.jpg',
	subtitle: story.subTitle ?? null,
	country: story.country ?? null,
	newsId: story.newsId,
	sector: story.type,
	slug: null,
	subType: story.subType ?? null,
	label: story.newsLabels,
	srNo: 0,
	ranking: 0.5,
});

/** GetSectorDevNews's item: id is the NewsId, createdOn ModifiedOn, sector the stored list; no label, no summary. */
export const sectorDevNewsItem = (story: SiteStory): Json => ({
	id: story.newsId,
	title: story.title,
	imageUrl: '/images/newstheme.jpg',
	country: story.country ?? null,
	createdOn: jsonTime(story.modifiedOn),
	sector: story.sector,
	newsType: story.type,
	ranking: 0.5,
});

/** GetDevNews's item (NewsView): as GetSectorDevNews's, with isInfocus. */
export const devNewsItem = (story: SiteStory): Json => ({
	createdOn: jsonTime(story.modifiedOn),
	id: story.newsId,
	imageUrl: '/images/newstheme.jpg',
	sector: story.sector,
	title: story.title,
	country: story.country ?? null,
	newsType: story.type,
	isInfocus: false,
});

/** The story's row id (DevNews.Id, a Guid), which GetEditionNews and GetLatestNews give as `id`. */
const rowGuid = (story: SiteStory) => `00000000-0000-0000-0000-${String(story.newsId).padStart(12, '0')}`;

/** GetEditionNews's item: id a Guid, the number in newId, createdOn the draft's CreatedOn. */
export const editionNewsItem = (story: SiteStory): Json => ({
	id: rowGuid(story),
	title: story.title,
	createdOn: jsonTime(story.createdOn),
	imageUrl: '/images/newstheme.jpg',
	newId: story.newsId,
	label: story.newsLabels,
	country: story.country ?? null,
	region: story.region,
	type: story.type,
	subType: story.subType ?? null,
});

/** GetLatestNews's item (LatestNewsView): createdOn is CreatedOn, sector holds the SubTitle. */
export const latestNewsItem = (story: SiteStory): Json => ({
	id: rowGuid(story),
	title: story.title,
	createdOn: jsonTime(story.createdOn),
	imageUrl: '/images/newstheme.jpg',
	sector: story.subTitle ?? null,
	country: story.country ?? null,
	newId: story.newsId,
	type: story.type,
	subType: story.subType ?? null,
	label: story.newsLabels,
	srNo: 0,
	ranking: 0,
});

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A sitemap's <url>, as RSSController's XmlWriter writes it (indented). */
function sitemapUrl(loc: string, title: string, published: string, modified: string, keywords: string): string {
	return `  <url>
    <loc>${xmlText(loc)}</loc>
    <news:news>
      <news:publication>
        <news:name>Devdiscourse</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>${istOffsetTime(published)}</news:publication_date>
      <news:title><![CDATA[${title}]]></news:title>
      ${keywords ? `<news:keywords>${xmlText(keywords)}</news:keywords>` : '<news:keywords />'}
    </news:news>
    <lastmod>${istOffsetTime(modified)}</lastmod>
    <image:image>
      <image:loc><![CDATA[${'HOST'}/img?imageUrl=${'HOST'}/images/newstheme.jpg&width=960]]></image:loc>
    </image:image>
  </url>`;
}

/** Written into a StringBuilder, so the declaration says utf-16 while the bytes go out as UTF-8. */
const sitemap = (urls: string[]) => `<?xml version="1.0" encoding="utf-16"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls.join('\n')}
</urlset>`;

/** /RSS/GoogleNews: loc with the label (or agency-wire) and a slug cut at 150, PublishedOn, ModifiedOn, ≤10 distinct tags. */
export function googleNewsSitemap(stories: SiteStory[], origin: string): string {
	return sitemap(
		stories.map(story => {
			const seen = new Set<string>();
			const tags = (story.tags ?? '')
				.split(',')
				.filter(Boolean)
				.map(tag => tag.trim())
				.filter(tag => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()))
				.slice(0, 10);
			return sitemapUrl(`${origin}/article/${story.newsLabels ?? 'agency-wire'}/${secondSlug(story, 150)}`, story.title, story.publishedOn, story.modifiedOn, tags.join(', '));
		}),
	);
}

/** A live-blog post (Livediscourses) under its parent. */
export type LivePost = {id: number; parentId: number; parentTitle: string; title: string; tags?: string; publishedOn: string; modifiedOn: string};

/** /RSS/Livediscourse: each post at its parent's page, #post_{id}; its Tags as stored. */
export function livediscourseSitemap(posts: LivePost[], origin: string): string {
	return sitemap(
		posts.map(post =>
			sitemapUrl(
				`${origin}/live-discourse/${secondSlug({newsId: post.parentId, title: post.parentTitle} as SiteStory, 150)}#post_${post.id}`,
				post.title,
				post.publishedOn,
				post.modifiedOn,
				post.tags ?? '',
			),
		),
	);
}

/** Razor's HtmlEncoder: < > & " as entities, ' and + and every non-ASCII character as &#xHEX;. */
function html(text: string): string {
	return [...text]
		.map(character => {
			const code = character.codePointAt(0)!;
			if (character === '&') return '&amp;';
			if (character === '<') return '&lt;';
			if (character === '>') return '&gt;';
			if (character === '"') return '&quot;';
			if (character === "'" || character === '+' || code > 0x7e) return `&#x${code.toString(16).toUpperCase()};`;
			return character;
		})
		.join('');
}

/** TextInfo.ToTitleCase of a lower-cased word list, as the invariant-like culture does it. */
const titleCase = (text: string) => text.replaceAll(/\p{L}[\p{L}'’]*/gu, word => word.charAt(0).toUpperCase() + word.slice(1));

/** The metadata line's place: the template's special cases, else the title-cased SourceUrl in a span.text-capitalize. */
function datelineHtml(sourceUrl: string | undefined): string {
	if (!sourceUrl) return '';
	const lower = sourceUrl.toLowerCase();
	const place = lower.includes('washington') ? '<span>Washington DC</span>' : lower === 'losangeles' ? '<span>Los Angeles</span>' : `<span class="text-capitalize">${html(titleCase(lower))}</span>`;
	return `${place}<span class="list-divider"> | </span>`;
}

const SOURCE_LINKS: Record<string, string> = {
	PTI: '/pti-stories',
	Reuters: '/reuters-stories',
	IANS: '/ians-stories',
	'UN News': '/un-news',
	'Devdiscourse News Desk': '/devdiscourse-stories',
	ANI: '/ani-stories',
	'PR Newswire': '/pr-newswire',
};

/** The source (news) or the author (blogs) that begins the metadata line. */
function bylineHtml(story: SiteStory): string {
	if (story.type !== 'Blog' && story.source) return `<span><a href="${SOURCE_LINKS[story.source] ?? `/news-source/${html(story.source)}`}">${html(story.source.trim())}</a></span><span class="list-divider"> | </span>`;
	if (story.type === 'Blog' && story.author?.trim()) {
		return `<a href="/Home/AuthorArticles?fl=${html(story.author.trim())}"><img class="img-circle author-avatar" src="/img?imageUrl=HOST/AdminFiles/Logo/img_avatar.png&width=30&height=30&mode=crop" alt="${html(story.author.trim())}" />${html(story.author.trim())}
</a> <span class="list-divider"> | </span>`;
	}

	return '';
}

/**
 * The article page: its canonical address (NewsLabels ?? "agency-wire"),
 * both JSON-LD blocks (the BreadcrumbList with the stored sector list), the
 * breadcrumb (SectorViewComponent: the known sectors ordered by title, the
 * first shown), h1, h2, the metadata line, the caption, the country list,
 * the story, the tags; the sidebars and the AI card are left out here
 * (the hand-written fixtures have them).
 */
export function articlePage(story: SiteStory, origin: string): string {
	const label = story.newsLabels ?? 'agency-wire';
	const pageUrl = `/article/${label}/${secondSlug(story)}`;
	const shown = story.sector
		.split(',')
		.filter(id => SECTOR_TITLES[id])
		.map(id => SECTOR_TITLES[id]!)
		.sort()[0];
	const slugOfTitle = (title: string) => title.toLowerCase().replaceAll(/[^a-z0-9\s-]/g, '').replaceAll(/\s+/g, ' ').trim().replaceAll(/\s/g, '-');
	const sectorCrumb = shown
		? `<li itemprop="itemListElement" itemscope="" itemtype="http://schema.org/ListItem"><a href="/news/${slugOfTitle(shown)}" target="_top" itemprop="item"><span itemprop="name" class="text-capitalize"> ${html(shown)} </span></a><meta itemprop="position" content="3" /></li>`
		: '';
	const ldSector = story.sector
		? `{
            "@type": "ListItem",
            "position": 3,
            "name": "${html(story.sector)}",
            "item": "${origin}/news/${encodeURIComponent(story.sector)}"
            },
            {
            "@type": "ListItem",
            "position": 4,
            "name": "${html(story.title.replaceAll('"', '\\"'))}"
            }`
		: `{
            "@type": "ListItem",
            "position": 3,
            "name": "${html(story.title.replaceAll('"', '\\"'))}"
            }`;
	const countries = story.country ? `<ul class="list-inline no-margin pull-left l-h-28"><li>Country:</li>${story.country.split(',').map(country => `<li class="fg-orange">${html(country)}</li>`).join('')}</ul>` : '';
	const tags = (story.tags ?? '')
		.split(',')
		.map(tag => tag.trim())
		.filter(Boolean);
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" />
<title>${html(`${story.title.trim()} | ${titleCase(label)}`)}</title>
<link rel="canonical" href="${origin}${pageUrl}" />
</head><body><div class="renderBody">
<script type="application/ld+json">
    {
    "@context": "http://schema.org",
    "@type": "NewsArticle",
    "headline": "${html(story.title)}",
    "datePublished": "${istOffsetTime(story.publishedOn)}",
    "dateModified": "${istOffsetTime(story.modifiedOn)}",
    "description": ${story.description[0]!.replaceAll(/[^A-Za-z0-9\s-]/g, '')}
    }
</script>
<script type="application/ld+json">
{
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": "${origin}"},
        {"@type": "ListItem", "position": 2, "name": "${story.type === 'News' ? 'News' : html(story.subType ?? '')}", "item": "${origin}/${story.type === 'News' ? 'news' : 'blogs'}"},
        ${ldSector}
    ]
}
</script>
<div class="container"><ul class="article-breadcrumb" itemscope itemtype="http://schema.org/BreadcrumbList">
<li itemprop="itemListElement" itemscope="" itemtype="http://schema.org/ListItem"> <a href="/" target="_top" itemprop="item"><span itemprop="name">Home</span></a> <meta itemprop="position" content="1" /> </li>
<li itemprop="itemListElement" itemscope="" itemtype="http://schema.org/ListItem"> <a href="/news" target="_top" itemprop="item"><span itemprop="name">${story.type === 'News' ? 'News' : html(story.subType ?? '')}</span></a> <meta itemprop="position" content="2" /> </li>
${sectorCrumb}
<li><span class="bc-current">Article</span></li>
</ul>
<div class="row"><div class="col-md-8"><article>
<h1 class="title">${html(story.title)}</h1> ${story.subTitle ? `<h2 class="sub-title">${html(story.subTitle)}</h2> ` : ''}<div class="metadata clearfix m-b-10 m-t-10">
${bylineHtml(story)}${datelineHtml(story.sourceUrl)}<span>Updated: ${istLine(story.modifiedOn)} IST | Created: ${istLine(story.publishedOn)} IST</span>
</div>
${story.imageCaption ? `<figure class="figure"><picture><img src="/images/x.jpg" class="img-responsive lazyload" alt="${html(story.title)}" /></picture><figcaption class="fig-caption">${html(story.imageCaption)} </figcaption></figure>` : `<figure class="hidden figure"><img src="/images/newstheme.jpg" alt="" /><figcaption class="fig-caption">${html(story.title)}</figcaption></figure>`}
<section class="left-section clearfix">${countries}<ul class="list-inline no-margin share-button-list"><li class="l-h-28">SHARE</li></ul><hr class="seperator m-b-20" /></section>
<section class="article-cont">&nbsp;${story.description.map(paragraph => `<p>${paragraph}</p>`).join('')}</section>
${tags.length > 0 ? `<section><ul class="list-inline"><li class="f-18">READ MORE ON:</li>${tags.map(tag => `<li> <a href="/news?tag=${encodeURIComponent(tag)}" class="tag">${html(tag)}</a></li>`).join('')}</ul></section>` : ''}
</article></div></div></div>
</div></body></html>`;
}
