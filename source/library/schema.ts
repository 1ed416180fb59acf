// The schemas every data file is validated against on load. A file that
// fails gets one message naming the file and the field; the rest still loads.
import {z} from 'zod';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const isoTime = z
	.string()
	.refine(
		value => ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)),
		'expected an ISO 8601 time with offset, like 2025-11-26T11:56:00+05:30',
	);

const webUrl = z.url({protocol: /^https?$/, error: 'expected an http(s) link'});

const text = z.string().min(1, 'must not be empty');

export const articleSchema = z
	.object({
		id: text,
		url: webUrl.optional(),
		title: text,
		summary: z.string().optional(),
		byline: z.string().optional(),
		location: z.string().optional(),
		createdAt: isoTime.optional(),
		updatedAt: isoTime.optional(),
		countries: z.array(z.string()).default([]),
		sector: z.string().optional(),
		edition: z.string().optional(),
		section: z.string().optional(),
		imageNote: z.string().optional(),
		body: z.array(z.string()).default([]),
		credit: z.string().optional(),
		kind: z.enum(['full', 'headline']),
		source: z.string().default('data'),
		synthetic: z.boolean().optional(),
	})
	.superRefine((article, context) => {
		// "headline" is the promise that we hold no story text; "full" that we do.
		if (article.kind === 'full' && article.body.length === 0) {
			context.addIssue({code: 'custom', path: ['body'], message: 'a full article needs at least one paragraph'});
		}

		if (article.kind === 'headline' && article.body.length > 0) {
			context.addIssue({code: 'custom', path: ['body'], message: 'a headline-only entry has no body; use kind "full"'});
		}
	});

export const taxonomySchema = z.array(
	z.object({
		id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id like "science-environment"'),
		name: text,
		order: z.number(),
	}),
);

/** "body.2: expected string" — the first problem, named by its field path. */
export function describeIssue(error: z.ZodError, prefix: Array<string | number> = []): string {
	const issue = error.issues[0];
	if (!issue) return 'invalid';
	const path = [...prefix, ...issue.path].map(String).join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
