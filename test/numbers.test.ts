// Counts are grouped by hand for whole numbers (Intl's formatter costs a
// start 5 to 8 ms); they must read exactly as en-US's formatter writes them.
import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import {counted, formatCount} from '../source/core/numbers.js';
import {fuzzParameters} from './fuzz.js';

const enUS = new Intl.NumberFormat('en-US');

test('a whole number is grouped by threes as en-US writes it', () => {
	fc.assert(fc.property(fc.maxSafeInteger(), n => formatCount(n) === enUS.format(n)), fuzzParameters());
	for (const n of [0, 7, 999, 1000, 12_345, 1_000_000, -1000, Number.MAX_SAFE_INTEGER]) assert.equal(formatCount(n), enUS.format(n));
});

test('a fraction keeps up to three digits, as before', () => {
	fc.assert(fc.property(fc.double({noNaN: true, min: -1e12, max: 1e12}).filter(n => !Object.is(n, -0)) /* no count is -0, which String() writes as 0 */, n => formatCount(n) === enUS.format(n)), fuzzParameters());
	assert.equal(formatCount(1234.5678), '1,234.568');
});

test('a count carries its noun, singular for one', () => {
	assert.equal(counted(1, 'story', 'stories'), '1 story');
	assert.equal(counted(1234, 'article'), '1,234 articles');
});
