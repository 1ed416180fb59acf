// The browser's memory, kept near what its first frame took however long it
// is used. Heap snapshots after 3,000 keys (600 j to 3,000 keys of j/k, PgDn
// and open/back, on libraries of 100,000 and a million articles) found what
// the browser keeps alive grows by about 7 MB (V8's compiled code for the
// paths the keys take, and the bounded caches of lines and widths), while
// its resident memory grew by 55 to 80 MB: V8's own room. Each frame makes
// garbage (React's render, Ink's layout and output), and V8 answers a steady
// stream of it by doubling its young generation up to 32 MB, and lets the
// old generation fill with promoted garbage up to 8 MB past what is live
// before collecting it; neither is given back while keys keep coming. Two of
// V8's flags, read while the program runs, keep the room small: the young
// generation stays at its starting size, and the old is collected in steps
// of 2 MB (V8's setting for small devices). Collections come more often and
// cost less each: a key's frame took no longer (npm run bench).
import v8 from 'node:v8';

export function keepHeapSteady(): void {
	v8.setFlagsFromString('--semi-space-growth-factor=1');
	v8.setFlagsFromString('--optimize-for-size');
}
