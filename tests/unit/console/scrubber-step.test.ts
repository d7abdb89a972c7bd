import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubberStep, snapToScrubber } from '../../../renderer/src/replay/scrubber-step';

describe('scrubber positions', () => {
  it('are about 2000 across the exercise and at least a second apart', () => {
    expect(scrubberStep(0, 72 * 3600_000)).toBe(129_600);
    expect(scrubberStep(0, 10 * 60_000)).toBe(1000);
  });

  it('snap the clock within half a step, inside the exercise, changing only on the grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 30 * 86400_000 }),
        fc.integer({ min: -3600_000, max: 31 * 86400_000 }),
        (start, span, offset) => {
          const end = start + span;
          const now = start + offset;
          const step = scrubberStep(start, end);
          const snapped = snapToScrubber(now, start, end);
          const clamped = Math.min(end, Math.max(start, now));
          expect(snapped).toBeGreaterThanOrEqual(start);
          expect(snapped).toBeLessThanOrEqual(end);
          expect(Math.abs(snapped - clamped)).toBeLessThanOrEqual(step / 2);
          expect(snapped === end || (snapped - start) % step === 0).toBe(true);
        },
      ),
    );
  });
});
