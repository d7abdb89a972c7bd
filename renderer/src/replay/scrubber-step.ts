// The scrubber's positions. Its value is kept on this grid so that the slider
// (an <input> React re-renders with attribute writes) changes only when its
// thumb can move, not on every frame of the running clock.

/** About 2000 positions across the exercise, at least one second apart. */
export function scrubberStep(start: number, end: number): number {
  return Math.max(1000, Math.round((end - start) / 2000));
}

/** `now` clamped to [start, end] and rounded to the nearest scrubber position. */
export function snapToScrubber(now: number, start: number, end: number): number {
  const step = scrubberStep(start, end);
  const clamped = Math.min(end, Math.max(start, now));
  return Math.min(end, start + Math.round((clamped - start) / step) * step);
}
