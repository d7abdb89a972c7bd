import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { Source } from '../../../shared/scenario/schema';
import {
  bucketRows,
  chartTicks,
  chooseBucketMs,
  indexEventBuckets,
  MAX_BUCKETS,
} from '../../../renderer/src/timeline/event-buckets';

const start = Date.UTC(2026, 2, 1);
const end = start + 72 * 3600_000;

function event(seq: number, shownAt: number, source: Source): ReplayEvent {
  return {
    seq,
    at: shownAt,
    shownAt,
    event: {
      id: `e${seq}`,
      time: new Date(shownAt).toISOString(),
      source,
      type: 'explosion',
    },
    zoneIds: [],
    lineDistanceKm: null,
    settlementId: null,
    settlementDistanceKm: null,
  };
}

describe('timeline buckets', () => {
  it('uses 15-minute buckets for a 72 h scenario and widens them for long ones', () => {
    expect(chooseBucketMs(start, end)).toBe(15 * 60_000);
    const long = chooseBucketMs(start, start + 365 * 86400_000);
    expect(Math.ceil((365 * 86400_000) / long)).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('counts only shown events, by source, in the right bucket', () => {
    const events = [
      event(0, start + 60_000, 'drone'),
      event(1, start + 14 * 60_000, 'satellite'),
      event(2, start + 15 * 60_000, 'drone'),
      event(3, start + 31 * 60_000, 'observer'),
    ];
    const index = indexEventBuckets(events, start, end);
    const rows = bucketRows(index, events, 3, [{ firstAt: start + 16 * 60_000, severity: 'high' }]);
    expect(rows).toHaveLength(288);
    expect(rows[0]).toMatchObject({ drone: 1, satellite: 1, observer: 0, high: 0 });
    expect(rows[1]).toMatchObject({ drone: 1, high: 1 });
    expect(rows[2]!.observer).toBe(0);
  });

  it('conserves the number of shown events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: end - start }), { maxLength: 200 }),
        fc.nat(),
        (offsets, k) => {
          const sorted = [...offsets].sort((a, b) => a - b);
          const events = sorted.map((o, i) => event(i, start + o, 'ground-sensor'));
          const shown = events.length === 0 ? 0 : k % (events.length + 1);
          const rows = bucketRows(indexEventBuckets(events, start, end), events, shown, []);
          return rows.reduce((sum, r) => sum + r['ground-sensor'], 0) === shown;
        },
      ),
    );
  });
});

describe('timeline ticks', () => {
  it('gives at most nine whole-hour ticks inside the scenario', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 * 365 }),
        fc.integer({ min: 0, max: 59 }),
        (hours, minute) => {
          const s = start + minute * 60_000;
          const e = s + hours * 3600_000;
          const ticks = chartTicks(s, e);
          return (
            ticks.length <= 9 &&
            ticks.every((t) => t >= s && t <= e && t % 3600_000 === 0) &&
            ticks.every((t, i) => i === 0 || t > ticks[i - 1]!)
          );
        },
      ),
    );
  });
});
