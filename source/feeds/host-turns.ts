// Turns at a host for the background completion's page fetches: at most
// two at a time to one host, as a polite browser keeps, and none while the
// host has asked to be left alone (a 429 or 503 with Retry-After). One set
// of turns serves a whole session, so a completion started while the last
// one's requests are still out keeps to the same two.
import {setTimeout as sleep} from 'node:timers/promises';
import pLimit from 'p-limit';

/** Requests at once to one host. */
const PER_HOST = 2;

/** The longest wait a host's Retry-After is honoured with; one that asks for longer leaves its stories to a later refresh. */
const MOST_WAIT_MS = 60_000;

/** What a turn came to, when it did not run: stopped, or the host asked to be left alone for longer than MOST_WAIT_MS. */
export type NoTurn = 'stopped' | 'deferred';

/** Milliseconds a Retry-After asks for (seconds, or an HTTP date), or undefined when it says nothing that can be read. */
export function retryAfterMs(value: string, now = Date.now()): number | undefined {
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class HostTurns {
	private readonly limits = new Map<string, ReturnType<typeof pLimit>>();
	private readonly notBefore = new Map<string, number>();

	/** Runs `work` in a turn at `host`, once any wait the host asked for is over. */
	async take<T>(host: string, work: () => Promise<T>, stop?: AbortSignal): Promise<T | NoTurn> {
		let limit = this.limits.get(host);
		if (!limit) {
			limit = pLimit(PER_HOST);
			this.limits.set(host, limit);
		}

		return limit(async () => {
			// Asked while this turn waited for one of the two: read when it comes.
			const wait = (this.notBefore.get(host) ?? 0) - Date.now();
			if (wait > MOST_WAIT_MS) return 'deferred';
			if (stop?.aborted) return 'stopped';
			if (wait > 0) {
				try {
					await sleep(wait, undefined, {signal: stop});
				} catch {
					return 'stopped';
				}
			}

			return work();
		});
	}

	/** The host asked (Retry-After) not to be asked again for `ms`. */
	hold(host: string, ms: number): void {
		this.notBefore.set(host, Math.max(this.notBefore.get(host) ?? 0, Date.now() + ms));
	}
}
