import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceCeiling } from '../../../renderer/src/timeline/event-buckets';

describe('niceCeiling (the timeline chart scale)', () => {
  it('is at least n, at most 2.5 n, and a 1/2/2.5/5 × 10^k step', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), (n) => {
        const c = niceCeiling(n);
        expect(c).toBeGreaterThanOrEqual(n);
        expect(c).toBeLessThanOrEqual(2.5 * n);
        const mantissa = c / 10 ** Math.floor(Math.log10(c) + 1e-9);
        expect([1, 2, 2.5, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
      }),
    );
  });

  it('stays put while counts grow within a step (bars do not rescale)', () => {
    expect([11, 15, 20].map(niceCeiling)).toEqual([20, 20, 20]);
    expect(niceCeiling(21)).toBe(25);
    expect(niceCeiling(0)).toBe(1);
  });
});
