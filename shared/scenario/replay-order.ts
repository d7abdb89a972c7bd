// Sorting a million events with a comparator costs seconds; instead each event
// becomes one number, (shownAt - first) * 2^23 + index, sorted natively as a
// Float64Array, exact while the products stay below 2^53. Runs of equal shownAt
// are then put in id order. Falls back to the comparator beyond those bounds.
import type { ReplayEvent } from './loaded-scenario';

const INDEX_BITS = 2 ** 23;
const EXACT = 2 ** 53;

/** Replay order `(reported ?? time, id)`; ids are unique, so the order is total. */
export function compareReplayOrder(a: ReplayEvent, b: ReplayEvent): number {
  if (a.shownAt !== b.shownAt) return a.shownAt - b.shownAt;
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

/** The events sorted into replay order (a new array; the input is left as is). */
export function sortReplayOrder<T extends ReplayEvent>(events: readonly T[]): T[] {
  const n = events.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = events[i]!.shownAt;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (n === 0 || n >= INDEX_BITS || (max - min + 1) * INDEX_BITS >= EXACT) {
    return [...events].sort(compareReplayOrder);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (events[i]!.shownAt - min) * INDEX_BITS + i;
  keys.sort();
  const sorted = new Array<T>(n);
  for (let i = 0; i < n; i++) sorted[i] = events[keys[i]! % INDEX_BITS]!;
  // Equal shownAt came out in input order: order those runs by id.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && sorted[i]!.shownAt === sorted[start]!.shownAt) continue;
    if (i - start > 1) {
      const run = sorted.slice(start, i).sort(compareReplayOrder);
      for (let k = 0; k < run.length; k++) sorted[start + k] = run[k]!;
    }
    start = i;
  }
  return sorted;
}
