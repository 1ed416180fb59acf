// The browser's memory, kept near what its first frame took however long it
// is used. Each frame makes garbage (React's render, Ink's layout and
// output, the frame writer's), 0.6 MB for a j or k and 1.9 MB for a story
// opened or left, and some of it outlives the young generation: about 48 KB
// a key reaches the old generation (V8's GC profiler, 600 keys at 10,000
// articles), where it stays until a full collection. Asked to favour size
// (V8's setting for small devices, read as the program runs) V8 grows the
// old generation by at most 1.3 times what is live, but never by less than
// 8 MB: after 3,000 keys each full collection took it from about 17.5 MB
// back to 8.6. Without it the step grows with V8's own measure of speed.
// Sparkplug, V8's quick compiler, compiled every path the keys took a
// second time, into 1.3 MB more of code that stays (1.8 MB after 600 keys
// where 0.6 without it); its code at the start is kept, the rest runs on
// the interpreter until the optimising compiler takes the hot paths.
// The young generation's size is set where node starts
// (--max-semi-space-size, in the bundle's first line: scripts/build.mjs):
// V8 sizes it once, and a flag changed later did not hold it (it grew from
// 4 MB to 8 in the same session).
import v8 from 'node:v8';

export function keepHeapSteady(): void {
	v8.setFlagsFromString('--optimize-for-size');
	v8.setFlagsFromString('--no-sparkplug');
}
