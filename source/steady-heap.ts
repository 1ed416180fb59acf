// The browser's memory, kept near what its first frame took however long it
// is used. Each frame makes garbage (React's render, Ink's layout and
// output, the frame writer's), 0.6 MB for a j or k and 1.9 MB for a story
// opened or left, and V8 lets its old generation fill with garbage to well
// past what is live before collecting it: after 3,000 keys at 100,000
// articles it held 20 MB, 12 of them live. Asked to favour size (V8's
// setting for small devices, read as the program runs) it lets the old
// generation grow by 2 MB past what is live before collecting it, not 8.
// The young generation's size is set where node starts
// (--max-semi-space-size, in the bundle's first line: scripts/build.mjs):
// V8 sizes it once, and a flag changed later did not hold it (it grew from
// 4 MB to 8 in the same session).
import v8 from 'node:v8';

export function keepHeapSteady(): void {
	v8.setFlagsFromString('--optimize-for-size');
}
