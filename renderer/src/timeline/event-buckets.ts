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
  for (let i = 0; i < events.length; i++) {
    const b = Math.floor((events[i]!.shownAt - start) / bucketMs);
    bucketOfEvent[i] = Math.min(bucketCount - 1, Math.max(0, b));
  }
  return { start, bucketMs, bucketCount, bucketOfEvent };
}

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
  for (let i = 0; i < n; i++) rows[index.bucketOfEvent[i]!]![events[i]!.event.source] += 1;
  for (const alert of alerts) {
    const b = Math.floor((alert.firstAt - index.start) / index.bucketMs);
    const row = rows[Math.min(index.bucketCount - 1, Math.max(0, b))];
    if (row) row[alert.severity] += 1;
  }
  return rows;
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
