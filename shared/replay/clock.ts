// Exercise time and the replay: the speeds the console offers, and where a
// time falls in replay order. The exercise clock itself (play, pause, speed,
// ticks, seek rules) is the exercise engine's (shared/exercise).
import type { ReplayEvent } from '../scenario/loaded-scenario';

/** Playback speeds offered: exercise seconds per wall second. */
export const CLOCK_SPEEDS = [0.5, 1, 10, 60, 300, 3600, 86400] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

/** Index of the first event shown after `time` (binary search over replay order). */
export function firstEventAfter(events: readonly ReplayEvent[], time: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.shownAt <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
