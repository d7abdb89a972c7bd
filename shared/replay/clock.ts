// The exercise clock as pure state and transitions. The UI drives it with
// wall-clock ticks; the protocol engine decides whether seeking back is allowed.
import type { ReplayEvent } from '../scenario/loaded-scenario';

/** Playback speeds offered: exercise seconds per wall second. */
export const CLOCK_SPEEDS = [0.5, 1, 10, 60, 300, 3600, 86400] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

/**
 * At most this much wall time counts per tick. A frame that took 5 s (tab in
 * the background, GC pause) advances the replay by one second's worth of data
 * at the current speed, never by five: the replay slows down rather than
 * jumping past events the operator should have seen arrive.
 */
export const MAX_TICK_WALL_MS = 1000;

export interface ClockState {
  /** Exercise time, epoch ms, within [start, end]. */
  readonly now: number;
  readonly start: number;
  readonly end: number;
  readonly playing: boolean;
  readonly speed: ClockSpeed;
}

/** A paused clock at the scenario start, at 1×. */
export function createClock(start: number, end: number, speed: ClockSpeed = 1): ClockState {
  if (!(end >= start)) throw new Error(`clock end ${end} is before its start ${start}`);
  return { now: start, start, end, playing: false, speed };
}

/** Starts playing (a clock at its end stays paused). */
export function play(state: ClockState): ClockState {
  if (state.now >= state.end) return { ...state, playing: false };
  return state.playing ? state : { ...state, playing: true };
}

/** Pauses. */
export function pause(state: ClockState): ClockState {
  return state.playing ? { ...state, playing: false } : state;
}

/** Sets one of CLOCK_SPEEDS; anything else is refused. */
export function setSpeed(state: ClockState, speed: number): ClockState {
  if (!(CLOCK_SPEEDS as readonly number[]).includes(speed)) {
    throw new Error(`speed ${speed} is not one of ${CLOCK_SPEEDS.join(', ')}`);
  }
  return { ...state, speed: speed as ClockSpeed };
}

/** Advances a playing clock by `elapsedWallMs × speed` of data, capped (MAX_TICK_WALL_MS); pauses at the end. */
export function tick(state: ClockState, elapsedWallMs: number): ClockState {
  if (!state.playing || !(elapsedWallMs > 0)) return state;
  const wall = Math.min(elapsedWallMs, MAX_TICK_WALL_MS);
  const now = Math.min(state.end, state.now + wall * state.speed);
  return { ...state, now, playing: now < state.end };
}

export type SeekResult =
  { ok: true; state: ClockState } | { ok: false; state: ClockState; reason: string };

/**
 * Moves the clock to `target` (clamped to the scenario). Going backwards is
 * allowed only when the caller says so: the protocol engine refuses it once
 * any alert has entered the protocol.
 */
export function seek(
  state: ClockState,
  target: number,
  options: { canSeekBackwards: boolean },
): SeekResult {
  const now = Math.max(state.start, Math.min(state.end, target));
  if (now < state.now && !options.canSeekBackwards) {
    return {
      ok: false,
      state,
      reason: 'seeking backwards is refused: the protocol has started (history is not rewritten)',
    };
  }
  return { ok: true, state: { ...state, now, playing: state.playing && now < state.end } };
}

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

/** Time at which the next event after `now` is shown, or null at the end. */
export function nextEventTime(events: readonly ReplayEvent[], now: number): number | null {
  const index = firstEventAfter(events, now);
  return index < events.length ? events[index]!.shownAt : null;
}

/**
 * Time of the next alert-opening event after `now`, given the (sorted) times
 * at which events opened alerts — see ReplayCursor.peekNextAlertTime, which
 * knows which events open alerts.
 */
export function nextTimeAfter(sortedTimes: readonly number[], now: number): number | null {
  let lo = 0;
  let hi = sortedTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedTimes[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo < sortedTimes.length ? sortedTimes[lo]! : null;
}
