// The numeric-key sort gives exactly the comparator's replay order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { compareReplayOrder, sortReplayOrder } from '../../../shared/scenario/replay-order';

const replayEvent = (id: string, shownAt: number) =>
  ({ shownAt, event: { id } }) as unknown as ReplayEvent;

describe('sortReplayOrder', () => {
  it('matches sorting with compareReplayOrder, ties included', () => {
    const base = Date.parse('2026-03-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 200, maxLength: 200 }),
        fc.constantFrom(1, 1000, 3_600_000, 400 * 86_400_000),
        (ids, offsets, scale) => {
          const events = ids.map((id, i) => replayEvent(id, base + offsets[i]! * scale));
          expect(sortReplayOrder(events).map((e) => e.event.id)).toEqual(
            [...events].sort(compareReplayOrder).map((e) => e.event.id),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
