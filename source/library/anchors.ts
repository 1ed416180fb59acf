// Where earlier windows of a list began. SQLite reaches an OFFSET by
// walking its index one entry at a time, so paging down a list of a
// million articles grew slower with every page; a window near one read
// before is read from there instead: an index seek, then a walk of the few
// rows between.

/** The row a window began with, and where it was in the list. */
export type Anchor = {offset: number; time: number; id: string};

const KEPT = 256;

export class Anchors {
	private list = '';
	private readonly anchors = new Map<number, Anchor>();

	/** The closest anchor at or before `offset` in `list`; anchors of another list are forgotten. */
	before(list: string, offset: number): Anchor | undefined {
		if (list !== this.list) {
			this.list = list;
			this.anchors.clear();
			return undefined;
		}

		let best: Anchor | undefined;
		for (const anchor of this.anchors.values()) {
			if (anchor.offset <= offset && (!best || anchor.offset > best.offset)) best = anchor;
		}

		return best;
	}

	remember(list: string, anchor: Anchor): void {
		if (list !== this.list) return;
		if (this.anchors.size >= KEPT) this.anchors.delete(this.anchors.keys().next().value!);
		this.anchors.set(anchor.offset, anchor);
	}

	/** Articles were added or removed: every position may have moved. */
	forget(): void {
		this.anchors.clear();
	}
}
