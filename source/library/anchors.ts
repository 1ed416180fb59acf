// Where earlier windows of a list began. SQLite reaches an OFFSET by
// walking its index one entry at a time, so paging down a list of a
// million articles grew slower with every page; a window near one read
// before is read from there instead: an index seek, then a walk of the few
// rows between.

/** The row a window began with, and where it was in the walk. */
export type Anchor = {offset: number; time: number; id: string};

/** Anchors kept per walk. */
const KEPT = 256;

/** Walks remembered at once: a list read unread first is two walks, and the pickers' counts read none. */
const WALKS = 4;

export class Anchors {
	private readonly walks = new Map<string, Map<number, Anchor>>();

	/** The closest anchor at or before `offset` in `walk`. */
	before(walk: string, offset: number): Anchor | undefined {
		let best: Anchor | undefined;
		for (const anchor of this.walks.get(walk)?.values() ?? []) {
			if (anchor.offset <= offset && (!best || anchor.offset > best.offset)) best = anchor;
		}

		return best;
	}

	remember(walk: string, anchor: Anchor): void {
		let anchors = this.walks.get(walk);
		if (!anchors) {
			// The walk read longest ago is let go.
			if (this.walks.size >= WALKS) this.walks.delete(this.walks.keys().next().value!);
			anchors = new Map();
			this.walks.set(walk, anchors);
		}

		if (anchors.size >= KEPT) anchors.delete(anchors.keys().next().value!);
		anchors.set(anchor.offset, anchor);
	}

	/** Articles were added or removed: every position may have moved. */
	forget(): void {
		this.walks.clear();
	}

	/** Read marks moved: the positions in walks of the unread (or of the read) may have. */
	forgetWalks(moved: (walk: string) => boolean): void {
		for (const walk of [...this.walks.keys()]) if (moved(walk)) this.walks.delete(walk);
	}
}
