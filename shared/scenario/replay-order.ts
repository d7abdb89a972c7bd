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

/**
 * Indices 0..n-1 in replay order of the items they name: by `shownAt(i)`, then
 * `id(i)` (unique).
 */
export function replayOrderIndices(
  n: number,
  shownAt: (i: number) => number,
  id: (i: number) => string,
): number[] {
  const byOrder = (a: number, b: number) => {
    const d = shownAt(a) - shownAt(b);
    if (d !== 0) return d;
    const ia = id(a);
    const ib = id(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = shownAt(i);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const order = new Array<number>(n);
  if (n === 0 || n >= INDEX_BITS || (max - min + 1) * INDEX_BITS >= EXACT) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(byOrder);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (shownAt(i) - min) * INDEX_BITS + i;
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = keys[i]! % INDEX_BITS;
  // Equal shownAt came out in index order: order those runs by id.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && shownAt(order[i]!) === shownAt(order[start]!)) continue;
    if (i - start > 1) {
      const run = order.slice(start, i).sort(byOrder);
      for (let k = 0; k < run.length; k++) order[start + k] = run[k]!;
    }
    start = i;
  }
  return order;
}

/** The events sorted into replay order (a new array; the input is left as is). */
export function sortReplayOrder<T extends ReplayEvent>(events: readonly T[]): T[] {
  const order = replayOrderIndices(
    events.length,
    (i) => events[i]!.shownAt,
    (i) => events[i]!.event.id,
  );
  const sorted = new Array<T>(order.length);
  for (let i = 0; i < order.length; i++) sorted[i] = events[order[i]!]!;
  return sorted;
}
