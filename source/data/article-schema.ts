// The schemas every data file is validated against on load. A file that
// fails gets one message naming the file and the field; the rest still loads.
// Articles written to the contract before an article could have several
// sectors and editions (`sector`, `edition`) still load: each becomes a
// list of one.
import * as z from 'zod/mini';
import {DATA_SOURCE, type Article} from '../core/article.js';
import {NO_LABEL} from '../core/devdiscourse.js';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const isoTime = z
	.string()
	.check(z.refine(value => ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 time with offset, like 2025-11-26T11:56:00+05:30'));

const webUrl = z.url({protocol: /^https?$/, error: 'expected an http(s) link'});

const text = z.string().check(z.minLength(1, 'must not be empty'));

export const articleSchema = z
	.object({
		id: text,
		url: z.optional(webUrl),
		title: text,
		summary: z.optional(z.string()),
		byline: z.optional(z.string()),
		location: z.optional(z.string()),
		createdAt: z.optional(isoTime),
		updatedAt: z.optional(isoTime),
		listedAt: z.optional(isoTime),
		countries: z._default(z.array(z.string()), []),
		sectors: z.optional(z.array(text)),
		editions: z.optional(z.array(text)),
		sector: z.optional(text),
		edition: z.optional(text),
		label: z.optional(z.string().check(z.regex(/^[a-z0-9-]+$/, 'expected a link label like "politics"'))),
		tags: z.optional(z.array(text)),
		section: z.optional(z.string()),
		imageNote: z.optional(z.string()),
		imageCaption: z.optional(z.string()),
		body: z._default(z.array(z.string()), []),
		credit: z.optional(z.string()),
		kind: z.enum(['full', 'summary', 'headline']),
		source: z._default(z.string(), DATA_SOURCE),
		synthetic: z.optional(z.boolean()),
	})
	.check(
		z.superRefine((article, context) => {
			// "full" is the promise that we hold the story's text; "summary" that we
			// hold its summary alone; "headline" that we hold no text of it.
			if (article.kind === 'full' && article.body.length === 0) {
				context.addIssue({code: 'custom', path: ['body'], message: 'a full article needs at least one paragraph'});
			}

			if (article.kind !== 'full' && article.body.length > 0) {
				context.addIssue({code: 'custom', path: ['body'], message: `a ${article.kind === 'summary' ? 'summary-only' : 'headline-only'} entry has no body; use kind "full"`});
			}

			if (article.kind === 'summary' && !article.summary) {
				context.addIssue({code: 'custom', path: ['summary'], message: 'a summary-only entry needs its summary; use kind "headline" for a headline alone'});
			}

			if (article.sector !== undefined && article.sectors !== undefined) {
				context.addIssue({code: 'custom', path: ['sector'], message: 'give either sectors (a list) or sector, not both'});
			}

			if (article.edition !== undefined && article.editions !== undefined) {
				context.addIssue({code: 'custom', path: ['edition'], message: 'give either editions (a list) or edition, not both'});
			}
		}),
	);

/** A validated data file's article in the contract's shape: sectors and editions always lists; the site's "agency-wire" is no label. */
export function toArticle(parsed: z.infer<typeof articleSchema>): Article {
	const {sector, edition, sectors, editions, label, ...rest} = parsed;
	return {
		...rest,
		...(label && label !== NO_LABEL ? {label} : {}),
		sectors: sectors ?? (sector ? [sector] : []),
		editions: editions ?? (edition ? [edition] : []),
	};
}

export const taxonomySchema = z.array(
	z.object({
		id: z.string().check(z.regex(/^[a-z0-9-]+$/, 'expected a lower-case id like "science-environment"')),
		name: text,
		short: z.optional(text),
		order: z.number(),
		siteId: z.optional(z.union([z.number(), text])),
		aliases: z.optional(z.array(text)),
	}),
);

/** labels.json: each label of article links, and the sector id it names (null: none). */
export const labelsSchema = z.record(z.string().check(z.regex(/^[a-z0-9-]+$/, 'expected a lower-case label like "politics"')), z.nullable(z.string()));
