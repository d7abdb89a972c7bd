// Events per time bucket stacked by source, and alerts opened per bucket by
// severity, for the timeline chart. Only what has been shown so far is
// counted (no peeking at the future); the per-scenario part is computed once.
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { SOURCES, type Source } from '../../../shared/scenario/schema';
import { SEVERITIES, type Severity } from '../console/view-model';

export const DEFAULT_BUCKET_MS = 15 * 60_000;
/** More bars than this make the chart unreadable and slow; buckets widen instead. */
export const MAX_BUCKETS = 480;

export interface EventBucketIndex {
  start: number;
  bucketMs: number;
  bucketCount: number;
  /** Bucket of each event (by shownAt), in replay order. */
  bucketOfEvent: Int32Array;
  /**
   * Index of the first event of each bucket (bucketCount + 1 entries), when
   * buckets never go back in replay order (they do not when replay is by
   * shownAt); null otherwise.
   */
  firstEventOfBucket: Int32Array | null;
  /** Events per bucket and source (bucket × SOURCES.length), all events counted. */
  sourceCounts: Int32Array;
}

export type BucketRow = { t: number } & Record<Source, number> & Record<Severity, number>;

/** 15-minute buckets, widened to 30 min, 1 h, 2 h… when the scenario is long. */
export function chooseBucketMs(start: number, end: number): number {
  let bucketMs = DEFAULT_BUCKET_MS;
  while (Math.ceil((end - start) / bucketMs) > MAX_BUCKETS) bucketMs *= 2;
  return bucketMs;
}

/** Assigns every event to its bucket once per scenario. */
export function indexEventBuckets(
  events: readonly ReplayEvent[],
  start: number,
  end: number,
): EventBucketIndex {
  const bucketMs = chooseBucketMs(start, end);
  const bucketCount = Math.max(1, Math.ceil((end - start) / bucketMs));
  const bucketOfEvent = new Int32Array(events.length);
  const sourceCounts = new Int32Array(bucketCount * SOURCES.length);
  const firstEventOfBucket = new Int32Array(bucketCount + 1).fill(events.length);
  let ordered = true;
  for (let i = 0; i < events.length; i++) {
    const b = Math.min(
      bucketCount - 1,
      Math.max(0, Math.floor((events[i]!.shownAt - start) / bucketMs)),
    );
    bucketOfEvent[i] = b;
    sourceCounts[b * SOURCES.length + SOURCE_INDEX[events[i]!.event.source]]! += 1;
    const previous = i === 0 ? -1 : bucketOfEvent[i - 1]!;
    if (b < previous) ordered = false;
    // The buckets from just after the previous event's up to this one start here.
    for (let k = previous + 1; k <= b; k++) firstEventOfBucket[k] = i;
  }
  return {
    start,
    bucketMs,
    bucketCount,
    bucketOfEvent,
    firstEventOfBucket: ordered ? firstEventOfBucket : null,
    sourceCounts,
  };
}

const SOURCE_INDEX = Object.fromEntries(SOURCES.map((s, i) => [s, i] as const)) as Record<
  Source,
  number
>;

/**
 * Rows for the chart: the first `shownCount` events counted by source, and the
 * given alerts (already opened) counted by severity at their first event.
 */
export function bucketRows(
  index: EventBucketIndex,
  events: readonly ReplayEvent[],
  shownCount: number,
  alerts: readonly { firstAt: number; severity: Severity }[],
): BucketRow[] {
  const rows: BucketRow[] = [];
  for (let b = 0; b < index.bucketCount; b++) {
    const row = { t: index.start + b * index.bucketMs } as BucketRow;
    for (const s of SOURCES) row[s] = 0;
    for (const s of SEVERITIES) row[s] = 0;
    rows.push(row);
  }
  const n = Math.min(shownCount, events.length);
  const first = index.firstEventOfBucket;
  if (first === null) {
    for (let i = 0; i < n; i++) rows[index.bucketOfEvent[i]!]![events[i]!.event.source] += 1;
  } else {
    // Buckets wholly shown take their counts from the index; only the bucket
    // the clock is in is counted event by event (a redraw no longer walks
    // every shown event of a 100,000-event scenario).
    for (let b = 0; b < index.bucketCount && first[b]! < n; b++) {
      const row = rows[b]!;
      if (first[b + 1]! <= n) {
        SOURCES.forEach((s, k) => (row[s] = index.sourceCounts[b * SOURCES.length + k]!));
      } else {
        for (let i = first[b]!; i < n; i++) row[events[i]!.event.source] += 1;
      }
    }
  }
  for (const alert of alerts) {
    const b = Math.floor((alert.firstAt - index.start) / index.bucketMs);
    const row = rows[Math.min(index.bucketCount - 1, Math.max(0, b))];
    if (row) row[alert.severity] += 1;
  }
  return rows;
}

/**
 * The rows up to `now` as steps for a stepAfter series: each row holds its
 * value until the next, and a last point at the end of the current bucket (or
 * `now`, if earlier) closes the last step. Buckets after the clock are left out.
 */
export function closedSteps(
  rows: readonly BucketRow[],
  bucketMs: number,
  now: number,
): BucketRow[] {
  const shown = rows.filter((row) => row.t <= now);
  const last = shown.at(-1);
  if (last === undefined) return shown;
  const closeAt = Math.min(last.t + bucketMs, now);
  return closeAt > last.t ? [...shown, { ...last, t: closeAt }] : shown;
}

const HOUR = 3600_000;
const TICK_STEPS = [1, 2, 3, 6, 12, 24, 48, 168].map((h) => h * HOUR);

/** About eight evenly spaced ticks on whole hours (UTC) across the scenario. */
export function chartTicks(start: number, end: number): number[] {
  const step =
    TICK_STEPS.find((s) => (end - start) / s <= 8) ??
    Math.ceil((end - start) / 8 / (24 * HOUR)) * 24 * HOUR;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return ticks;
}
