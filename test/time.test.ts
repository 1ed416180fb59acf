import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatIst, formatIstShort} from '../source/core/time.js';

test('formats times in IST the way the site does, whatever the offset given', () => {
	assert.equal(formatIst('2025-11-26T11:56:00+05:30'), '26-11-2025 11:56 IST');
	assert.equal(formatIst('2025-11-26T06:26:00Z'), '26-11-2025 11:56 IST');
	assert.equal(formatIst('2025-12-31T20:00:00Z'), '01-01-2026 01:30 IST');
	assert.equal(formatIstShort('2025-11-26T11:56:00+05:30'), '26 Nov 11:56');
});

test('a missing or unreadable time formats as nothing', () => {
	assert.equal(formatIst(undefined), undefined);
	assert.equal(formatIst('yesterday'), undefined);
});
