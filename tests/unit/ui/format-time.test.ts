import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, splitSeconds } from '../../../renderer/src/ui/format-time';

describe('durations', () => {
  it('splits whole seconds into days, hours, minutes and seconds that add back up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (total) => {
        const { d, h, m, s } = splitSeconds(total);
        expect(d * 86400 + h * 3600 + m * 60 + s).toBe(total);
        expect(h).toBeLessThan(24);
        expect(m).toBeLessThan(60);
        expect(s).toBeLessThan(60);
      }),
    );
  });

  it('names a span by its two largest units, as the Library card shows a scenario', () => {
    expect(formatDuration(72 * 3600_000)).toBe('3 d');
    expect(formatDuration((3 * 24 + 4) * 3600_000)).toBe('3 d 4 h');
    expect(formatDuration(6 * 3600_000)).toBe('6 h');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(-90_000)).toBe('−1 min 30 s');
  });
});
