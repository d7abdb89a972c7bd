import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { SOURCES, type Source } from '../../../shared/scenario/schema';
import {
  bucketRows,
  closedSteps,
  indexEventBuckets,
} from '../../../renderer/src/timeline/event-buckets';

const start = Date.UTC(2026, 2, 1);
const end = start + 6 * 3600_000;

function event(seq: number, shownAt: number, source: Source): ReplayEvent {
  return {
    seq,
    at: shownAt,
    shownAt,
    event: { id: `e${seq}`, time: new Date(shownAt).toISOString(), source, type: 'explosion' },
    zoneIds: [],
    lineDistanceKm: null,
    settlementId: null,
    settlementDistanceKm: null,
  };
}

/** Counting every shown event one by one: what the chart showed before the index. */
function countedOneByOne(events: readonly ReplayEvent[], shownCount: number, bucketMs: number) {
  const counts = new Map<string, number>();
  for (const e of events.slice(0, shownCount)) {
    const b = Math.min(
      Math.ceil((end - start) / bucketMs) - 1,
      Math.max(0, Math.floor((e.shownAt - start) / bucketMs)),
    );
    const key = `${b}:${e.event.source}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const eventsArb = fc.array(
  fc.record({
    offset: fc.integer({ min: -3600_000, max: end - start + 3600_000 }),
    source: fc.constantFrom(...SOURCES),
  }),
  { maxLength: 150 },
);

describe('timeline rows from the bucket index', () => {
  it('count the shown events per bucket and source exactly as one by one, in replay order or not', () => {
    fc.assert(
      fc.property(eventsArb, fc.nat(), fc.boolean(), (drawn, k, sortByTime) => {
        const list = sortByTime ? [...drawn].sort((a, b) => a.offset - b.offset) : drawn;
        const events = list.map((d, i) => event(i, start + d.offset, d.source));
        const index = indexEventBuckets(events, start, end);
        if (sortByTime) expect(index.firstEventOfBucket).not.toBeNull();
        const shown = k % (events.length + 1);
        const rows = bucketRows(index, events, shown, []);
        const expected = countedOneByOne(events, shown, index.bucketMs);
        rows.forEach((row, b) => {
          for (const s of SOURCES)
            expect(row[s], `bucket ${b} ${s}`).toBe(expected.get(`${b}:${s}`) ?? 0);
        });
      }),
    );
  });
});

describe('closedSteps', () => {
  const bucketMs = 15 * 60_000;
  const events = [event(0, start + 60_000, 'drone'), event(1, start + 20 * 60_000, 'drone')];
  const rows = bucketRows(indexEventBuckets(events, start, end), events, 2, []);

  it('leaves out buckets after the clock and closes the last step at the clock', () => {
    const now = start + 20 * 60_000;
    const steps = closedSteps(rows, bucketMs, now);
    expect(steps.map((r) => r.t)).toEqual([start, start + bucketMs, now]);
    expect(steps.at(-1)!.drone).toBe(steps.at(-2)!.drone);
  });

  it('closes the last step at its bucket end once the clock is past it', () => {
    const steps = closedSteps(rows.slice(0, 2), bucketMs, start + 3 * bucketMs);
    expect(steps.map((r) => r.t)).toEqual([start, start + bucketMs, start + 2 * bucketMs]);
  });

  it('adds nothing when the clock stands on a bucket start', () => {
    expect(closedSteps(rows, bucketMs, start).map((r) => r.t)).toEqual([start]);
  });
});
