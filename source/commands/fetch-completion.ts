// devnews fetch's second part: the newest summary-only stories completed
// from their pages (feeds/complete-stories.ts). The progress goes to
// stderr, as a line kept up to date on a terminal, else a line at each
// tenth; what came of it is one line on stdout. A page that failed does not
// fail the fetch: the story stays a summary, tried again at the next one.
import {completeStories, completionSummary, type Completion, type CompletionProgress} from '../feeds/complete-stories.js';
import type {RefreshOptions} from '../feeds/limits.js';
import type {Library} from '../library/store.js';
import {counted, formatCount} from '../core/numbers.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import {print, warn} from './context.js';

/** The fetch's stop (Ctrl-C, a kill), and what stopped it. */
type Stop = {signal: AbortSignal; stoppedBy: () => NodeJS.Signals | undefined};

const progressText = ({done, total}: CompletionProgress) => `completing stories ${formatCount(done)}/${formatCount(total)}…`;

/**
 * Shows the progress on stderr: one line rewritten on a terminal that takes
 * the escape sequence doing it, a line at each tenth elsewhere (a log, or a
 * TERM=dumb terminal such as Emacs's shell, which shows the sequence as it is).
 */
function progressLine(): {show: (progress: CompletionProgress) => void; end: () => void} {
	const live = process.stderr.isTTY && process.env['TERM'] !== 'dumb';
	let shown = false;
	return {
		show(progress) {
			if (live) {
				process.stderr.write(`\r\u001B[Kdevnews: ${progressText(progress)}`);
				shown = true;
			} else if (progress.done > 0 && Math.floor((progress.done * 10) / progress.total) > Math.floor(((progress.done - 1) * 10) / progress.total)) {
				warn(progressText(progress));
			}
		},
		end() {
			if (shown) process.stderr.write('\r\u001B[K');
		},
	};
}

export async function completeAfterFetch(library: Library, count: number, options: RefreshOptions, stop: Stop): Promise<void> {
	const progress = progressLine();
	let completion: Completion;
	try {
		completion = await completeStories(library, {count, limits: options, stop: stop.signal, onProgress: progress.show});
	} finally {
		progress.end();
	}

	if (completion.total === 0) return;
	if (stop.stoppedBy()) {
		warn(`stopped by ${stop.stoppedBy()}: completed ${formatCount(completion.completed)} of ${counted(completion.total, 'summary-only story', 'summary-only stories')} (kept); the rest stay summaries until the next fetch.`);
		return;
	}

	print(sanitizeLine(completionSummary(completion)));
}
