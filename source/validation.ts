// Every file devnews reads is checked with zod's "mini" build, whose
// validators are separate functions, so the bundle carries the few it uses
// (tens of kilobytes) instead of all of zod, which took a fifth of
// devnews's start-up to load. Modules import it as `* as z from
// 'zod/mini'` (re-exporting the namespace would keep all of it); this one
// tells zod, once, to say what went wrong in English.
import {en} from 'zod/locales';
import {config, type core} from 'zod/mini';

config(en());

/** "body.2: expected string": the first problem, named by its field path. */
export function describeIssue(error: core.$ZodError, prefix: Array<string | number> = []): string {
	const issue = error.issues[0];
	if (!issue) return 'invalid';
	const path = [...prefix, ...issue.path].map(String).join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
