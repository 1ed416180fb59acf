// The browser's memory, kept near what its first frame took however long it
// is used. After 3,000 keys (j/k, PgDn, open and back) on a library of
// 100,000 articles, heap snapshots found what the browser keeps alive grown
// by about 6 MB (V8's compiled code for the paths the keys took, and the
// bounded caches of lines and widths), while its resident memory had grown
// by 55 MB (83 at a million articles): V8's own room. Each frame makes
// garbage (React's render, Ink's layout and output), and V8 answers a steady
// stream of it by doubling its young generation up to 32 MB, and lets the
// old generation fill with garbage up to 8 MB past what is live before
// collecting it; neither is given back while keys keep coming. Two of V8's
// flags, read as the program runs, keep the room small: the young
// generation stays at its starting size, and the old is collected in steps
// of 2 MB (V8's setting for small devices). Collections come more often and
// cost less each: keys measured in turns with and without were no slower.
import v8 from 'node:v8';

export function keepHeapSteady(): void {
	v8.setFlagsFromString('--semi-space-growth-factor=1');
	v8.setFlagsFromString('--optimize-for-size');
}
