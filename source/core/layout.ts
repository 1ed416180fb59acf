// Text layout as plain functions: wrapping, truncation, the reader's
// document and the list's columns. Everything that reaches the screen or
// stdout passes through here, so this is also where untrusted text is
// sanitised. Widths are terminal cells (string-width), not string lengths.
import cliTruncate from 'cli-truncate';
import stringWidth from '../terminal/string-width.js';
import wrapAnsi from 'wrap-ansi';
import {sanitizeBlock, sanitizeLine} from '../terminal/sanitize.js';
import {isFromFeed, needsFullStory, storyTime, type Article, type ArticleRow, type Counts, type TimeKind} from './article.js';
import {fileArticle, OTHER, taxonomyName, type Taxonomy, type TaxonomyEntry} from './taxonomy.js';
import {formatCount} from './numbers.js';
import {formatIst, formatIstShort, SHORT_TIME_WIDTH} from './time.js';

export type Tone = 'title' | 'meta' | 'link' | 'notice' | 'note' | 'summary' | 'body' | 'credit' | 'blank';

export type ReaderLine = {text: string; tone: Tone};

/** Wraps sanitised text to `width` cells; words longer than a line are broken. */
export function wrapText(text: string, width: number): string[] {
	const clean = sanitizeBlock(text).trim();
	if (!clean) return [];
	return wrapAnsi(clean, Math.max(1, width), {hard: true, trim: true}).split('\n');
}

/** Wraps like wrapText, in at most `most` lines: past them, the last one shown ends in " …". */
export function wrapWithin(text: string, width: number, most: number): string[] {
	const lines = wrapText(text, width);
	return lines.length <= most ? lines : [...lines.slice(0, most - 1), truncate(`${lines[most - 1]!} …`, width)];
}

const PLAIN_ASCII = /^[\u0020-\u007E]*$/;

/** Sanitised one-line text cut to `width` cells with an ellipsis, at its end (or, keeping the end, at its start). */
function cutTo(clean: string, width: number, position: 'start' | 'end' = 'end'): string {
	if (width <= 0) return '';
	if (stringWidth(clean) <= width) return clean;
	// Plain ASCII is a cell a character and is cut directly, as cli-truncate
	// would; anything else needs its grapheme-aware cut. Rows are laid out on
	// every key that brings new ones.
	if (PLAIN_ASCII.test(clean)) return position === 'end' ? `${clean.slice(0, width - 1)}…` : `…${clean.slice(clean.length - width + 1)}`;
	// cli-truncate ends a cell past `width` when its cut falls inside a wide
	// character (CJK, Hangul, emoji): such a row would wrap onto a second
	// line. Cut a cell narrower until the whole character is left out.
	let cut = cliTruncate(clean, width, {position});
	for (let room = width - 1; stringWidth(cut) > width && room > 0; room--) cut = cliTruncate(clean, room, {position});
	return cut;
}

/** One line of at most `width` cells, cut with an ellipsis. */
export function truncate(text: string, width: number): string {
	return cutTo(sanitizeLine(text), width);
}

/** One line of at most `width` cells that keeps its end, cut at its start with an ellipsis: a line being typed. */
export function truncateStart(text: string, width: number): string {
	return cutTo(sanitizeLine(text), width, 'start');
}

/** Pads (or cuts) to exactly `width` cells, so columns line up with CJK and emoji. */
export function fit(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/**
 * Packs fields onto lines joined by " | ", never splitting a field unless it
 * is wider than the line on its own.
 */
export function packFields(fields: string[], width: number, separator = ' | '): string[] {
	const lines: string[] = [];
	let current = '';
	for (const raw of fields) {
		const field = sanitizeLine(raw).trim();
		if (!field) continue;
		const candidate = current ? current + separator + field : field;
		if (stringWidth(candidate) <= width) {
			current = candidate;
			continue;
		}

		if (current) lines.push(current);
		if (stringWidth(field) <= width) {
			current = field;
		} else {
			const pieces = wrapText(field, width);
			current = pieces.pop() ?? '';
			lines.push(...pieces);
		}
	}

	if (current) lines.push(current);
	return lines;
}

/**
 * What the reader says of a story devnews does not hold in full: why, and
 * what can be done. `fetchError`: why fetching it from its page just failed.
 */
function partialNotice(article: Article, fetchError?: string): string {
	const what = article.kind === 'summary' ? 'Summary only' : 'Headline only';
	if (!isFromFeed(article)) return article.url ? `${what} — open the link for the story.` : `${what} — the page listed no link for this story.`;
	if (fetchError) return `${what} — fetching the story from its page failed: ${fetchError}. Open the link for it, or open the story again to try again.`;
	if (needsFullStory(article)) return `${what} — the full text was not fetched yet; it is fetched from its page when you open the story online.`;
	return article.url ? `${what} — its page is not on the feed's site, so devnews does not fetch it; open the link for the story.` : `${what} — the feed gave no web link for the story.`;
}

/**
 * What the reader says beside the story itself: why its full text could not
 * be fetched just now, and the name of the feed it came from; and
 * `wholeLink`, the link on one line however long (a story printed into a
 * pipe, where a link cut in two is no link).
 */
export type ReaderExtras = {fetchError?: string; source?: string; wholeLink?: boolean};

/** How a time is named beside it: the page's own words for its two, "Listed" for a listing's that the page shows nowhere. */
export const TIME_WORDS: Record<TimeKind, string> = {created: 'Created', updated: 'Updated', listed: 'Listed'};

/** What a sector guessed from the link's label is marked with, in the reader and `devnews list`. */
export const GUESSED_FROM_LINK = '(guessed from the link)';

/**
 * The metadata fields in the site's order: byline | location | Updated | Created | Country | Sector | Edition;
 * then the feed it came from. Each time is named as what it is; a listing's time only when nothing else dates the story.
 */
export function metadataFields(article: Article, taxonomy: Taxonomy, source?: string): string[] {
	const fields: string[] = [];
	if (article.byline) fields.push(article.byline);
	if (article.location) fields.push(article.location);
	const dated = storyTime(article);
	for (const kind of ['updated', 'created', 'listed'] as const) {
		const time = formatIst(article[`${kind}At`]);
		if (time && (kind !== 'listed' || dated?.kind === 'listed')) fields.push(`${TIME_WORDS[kind]}: ${time}`);
	}

	if (article.countries.length > 0) {
		fields.push(`${article.countries.length > 1 ? 'Countries' : 'Country'}: ${article.countries.join(', ')}`);
	}

	const {sectors, editions, sectorsGuessed} = fileArticle(taxonomy, article);
	const sectorField = namesField('Sector', 'Sectors', sectors, taxonomy.sectors);
	fields.push(sectorsGuessed ? `${sectorField} ${GUESSED_FROM_LINK}` : sectorField, namesField('Edition', 'Editions', editions, taxonomy.editions));
	if (article.label) fields.push(`Label: ${article.label}`);
	if (article.tags && article.tags.length > 0) fields.push(`Tags: ${article.tags.join(', ')}`);
	if (article.section) fields.push(`Listed in: ${capitalise(article.section)}`);
	if (source) fields.push(`From: ${source}`);
	return fields;
}

/** "Sector: Politics", "Sectors: Technology, Science & Environment", or "Edition: not given" where the source named none devnews knows. */
function namesField(one: string, several: string, ids: string[], entries: TaxonomyEntry[]): string {
	if (ids[0] === OTHER) return `${one}: not given`;
	return `${ids.length > 1 ? several : one}: ${ids.map(id => taxonomyName(entries, id)).join(', ')}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The whole story as display lines; the reader shows a window of them. */
export function readerLines(article: Article, taxonomy: Taxonomy, width: number, {fetchError, source, wholeLink = false}: ReaderExtras = {}): ReaderLine[] {
	const lines: ReaderLine[] = [];
	const push = (tone: Tone, texts: string[]) => {
		for (const text of texts) lines.push({text, tone});
	};

	const blank = () => {
		if (lines.length > 0 && lines.at(-1)?.tone !== 'blank') lines.push({text: '', tone: 'blank'});
	};

	push('title', wrapText(article.title, width));
	blank();
	push('meta', packFields(metadataFields(article, taxonomy, source), width));
	if (article.url) push('link', wholeLink ? [sanitizeLine(article.url)] : wrapText(article.url, width));
	if (article.kind !== 'full') {
		blank();
		push('notice', wrapText(partialNotice(article, fetchError), width));
	}

	for (const note of [article.imageNote, article.imageCaption]) {
		if (!note) continue;
		blank();
		push('note', wrapText(note, width));
	}

	if (article.summary) {
		blank();
		push('summary', wrapText(article.summary, width));
	}

	for (const paragraph of article.body) {
		blank();
		push('body', wrapText(paragraph, width));
	}

	if (article.credit) {
		blank();
		push('credit', wrapText(article.credit, width));
	}

	if (article.extractedFrom) {
		blank();
		push('note', wrapText(`Full text extracted from ${article.extractedFrom}`, width));
	}

	if (article.synthetic) {
		blank();
		push('notice', wrapText('Synthetic article, generated for tests and benchmarks — not news.', width));
	}

	return lines;
}

export type RowColumns = {edition: number; sector: number; time: number};

/** Which columns a list row has room for; the title takes what is left. */
export function rowColumns(width: number): RowColumns {
	return {
		time: width >= 44 ? SHORT_TIME_WIDTH + 1 : 0,
		edition: width >= 56 ? 12 : 0,
		sector: width >= 72 ? 16 : 0,
	};
}

export const MARK_WIDTH = 5;

export type RowFlags = {selected: boolean; bookmarked: boolean};

/**
 * Marks before the title: › the selection (visible without colour too),
 * ★ bookmarked, • unread, ◦ no story text kept (a headline, or a summary).
 */
export function rowMarks(row: ArticleRow, flags: RowFlags): string {
	return `${flags.selected ? '›' : ' '}${flags.bookmarked ? '★' : ' '}${row.read ? ' ' : '•'}${row.kind === 'full' ? ' ' : '◦'} `;
}

/** A row's sector or edition column: the first one's short name, "+1" for each more, "—" for none known; "?" after a guess. */
function columnText(ids: string[], entries: TaxonomyEntry[], guessed = false): string {
	const [first] = ids;
	if (!first || first === OTHER) return '—';
	const entry = entries.find(candidate => candidate.id === first);
	const name = entry?.short ?? entry?.name ?? 'Other';
	return `${ids.length > 1 ? `${name} +${ids.length - 1}` : name}${guessed ? '?' : ''}`;
}

/** A row's time (the one it sorts by: the row holds no other) in words, in the form `format` gives: "26 Nov" when created, "updated 26 Nov" or "listed …" when it is another. */
export function rowTimeWords(row: ArticleRow, format: (iso: string) => string | undefined): string | undefined {
	const time = storyTime(row);
	const text = time && format(time.at);
	return text && (time.kind === 'created' ? text : `${TIME_WORDS[time.kind].toLowerCase()} ${text}`);
}

/** How a row says what text devnews holds of its story; nothing for a whole one. */
export const KIND_WORDS: Record<ArticleRow['kind'], string | undefined> = {full: undefined, summary: 'Summary only', headline: 'Headline only'};

/**
 * A list row as a screen reader reads it, one sentence with no marks:
 * "Selected. Leaked Call … . Politics. Edition not given. 26 Nov. Unread. Bookmarked."
 * A guessed sector is said to be ("Health, guessed"), a time other than the creation is named ("updated 26 Nov").
 */
export function rowSentence(row: ArticleRow, taxonomy: Taxonomy, flags: RowFlags, now = Date.now()): string {
	const names = (ids: string[], entries: TaxonomyEntry[], what: string) => (ids[0] === OTHER ? `${what} not given` : ids.map(id => taxonomyName(entries, id)).join(' and '));
	return [
		flags.selected ? 'Selected' : undefined,
		sanitizeLine(row.title).trim(),
		`${names(row.sectors, taxonomy.sectors, 'Sector')}${row.sectorsGuessed ? ', guessed' : ''}`,
		names(row.editions, taxonomy.editions, 'Edition'),
		rowTimeWords(row, iso => formatIstShort(iso, now)),
		row.read ? undefined : 'Unread',
		flags.bookmarked ? 'Bookmarked' : undefined,
		KIND_WORDS[row.kind],
	]
		.filter(Boolean)
		.join('. ')
		.concat('.');
}

/** A list row as one string exactly `width` cells wide; its time as read at `now` (today's as a time of day). */
export function formatRow(row: ArticleRow, taxonomy: Taxonomy, width: number, flags: RowFlags, now = Date.now()): string {
	const columns = rowColumns(width);
	const fixed = MARK_WIDTH + columns.edition + columns.sector + columns.time;
	const titleWidth = Math.max(1, width - fixed);
	let line = rowMarks(row, flags) + fit(row.title, titleWidth);
	if (columns.edition) line += ' ' + fit(columnText(row.editions, taxonomy.editions), columns.edition - 1);
	if (columns.sector) line += ' ' + fit(columnText(row.sectors, taxonomy.sectors, row.sectorsGuessed), columns.sector - 1);
	// The column has room for the time alone; the reader and the row's sentence say which time it is.
	// Against the right edge, as its forms are of three widths: and a selected row's highlight then
	// ends in the time, not in blanks drawn after it.
	if (columns.time) line += ' ' + fit((formatIstShort(storyTime(row)?.at, now) ?? '').padStart(columns.time - 1), columns.time - 1);
	// Each part is fitted to its column, so the line is `width` cells wide
	// unless the terminal is narrower than the marks and one cell of title.
	return width > MARK_WIDTH ? line : truncate(line, width);
}

/** A search that found more than it ranked shows its counts as lower bounds: "1,000+". */
const counted = (count: number, counts: Counts) => `${formatCount(count)}${counts.more ? '+' : ''}`;

/**
 * The header's right side, most important first, from the most words to
 * the fewest: "9 articles · 9 unread · refreshed 5 min ago", down to
 * "12,345 · 5 min ago" and "12,345". How fresh the list is goes before
 * the unread count only at the last, where it says more.
 */
export function headerDetails(counts: Counts, lastRefresh: number | undefined, {unreadOnly = false, now = Date.now()} = {}): string[][] {
	const total = counted(counts.total, counts);
	const articles = `${total} ${counts.total === 1 && !counts.more ? 'article' : 'articles'}`;
	// An unread-only list's count is its unread count: said once.
	const unread = counts.unread > 0 && !unreadOnly ? [`${counted(counts.unread, counts)} unread`] : [];
	const when = lastRefresh === undefined ? 'never refreshed' : ago(now - lastRefresh);
	return [
		[articles, ...unread, lastRefresh === undefined ? when : `refreshed ${when}`],
		[articles, ...unread, when],
		[total, ...unread, when],
		[articles, ...unread],
		[total, when],
		[total],
	];
}

/** The narrowest the header's place is cut to before its details give way. */
const PLACE_ROOM = 12;

/**
 * The header's two sides at `width`: "devnews › {place} · {flags}" on the
 * left, the details on the right. The place is kept whole with as many
 * details as fit (fewer words first, then fewer details); only when not
 * even the count fits is the place cut (devnews's name going first when
 * the place would keep fewer than PLACE_ROOM cells), and the flags (unread
 * only, the order), which say how to read the list, only when not even a
 * cell of the place is left.
 */
export function headerParts(place: string, flags: string[], details: string[][], width: number): {left: string; right: string} {
	const lead = 'devnews › ';
	const kept = flags.length > 0 ? ` · ${flags.join(' · ')}` : '';
	const whole = lead + place + kept;
	// A screen with no details (a story, a picker, the help) has the whole line for the place.
	const candidates = details.length > 0 ? details : [[]];
	for (const candidate of candidates) {
		const right = candidate.join(' · ');
		if (stringWidth(whole) + (right ? 2 + stringWidth(right) : 0) <= width) return {left: whole, right};
	}

	for (const candidate of candidates.slice(-2)) {
		const right = candidate.join(' · ');
		const room = width - stringWidth(lead) - stringWidth(kept) - (right ? 2 + stringWidth(right) : 0);
		if (room >= PLACE_ROOM) return {left: lead + truncate(place, room) + kept, right};
	}

	// No room for details: the place takes what the flags leave, however little; where that
	// is under PLACE_ROOM, devnews's own name gives its cells to the place first: where you
	// are says more than what you run (at 40 columns a source's view showed "devnews › …").
	const room = width - stringWidth(kept);
	const named = room - stringWidth(lead) >= PLACE_ROOM;
	if (room < 1) return {left: truncate(place + kept, width), right: ''};
	return {left: named ? lead + truncate(place, room - stringWidth(lead)) + kept : truncate(place, room) + kept, right: ''};
}

function ago(ms: number): string {
	const minutes = Math.floor(ms / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ago`;
	return `${Math.floor(hours / 24)} days ago`;
}

/** The status line during a refresh. */
export function refreshStatus(progress: {done: number; total: number; added: number; failed: number}): string {
	const failed = progress.failed > 0 ? `, ${formatCount(progress.failed)} failed` : '';
	return `Refreshing feeds ${formatCount(progress.done)}/${formatCount(progress.total)}: ${formatCount(progress.added)} new${failed}…`;
}

/** The status line while summary-only stories are completed from their pages: "Completing stories 12/50…". */
export function completingStatus(progress: {done: number; total: number}): string {
	return `Completing stories ${formatCount(progress.done)}/${formatCount(progress.total)}…`;
}

/** A picker item's counts: "(3 · 2 unread)", "(1,000+ · 12+ unread)". */
export function countText(counts: Counts | undefined): string {
	const shown = counts ?? {total: 0, unread: 0};
	return `(${counted(shown.total, shown)}${shown.unread > 0 ? ` · ${counted(shown.unread, shown)} unread` : ''})`;
}

/** The fewest cells of a name worth cutting it to, to keep its counts beside it. */
const LEAST_NAME = 4;

/**
 * A picker item on one line of `width` cells, "Politics (3 · 2 unread)":
 * a long name is cut before its counts are, so a narrow terminal still
 * shows how many stories each source holds.
 */
export function nameWithCount(name: string, count: string, width: number): string {
	const room = width - stringWidth(count) - 1;
	return room >= LEAST_NAME ? `${truncate(name, room)} ${count}` : truncate(`${name} ${count}`, width);
}
