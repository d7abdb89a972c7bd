// The replay cursor: delivers the scenario's events to the alert engine in
// replay order up to the exercise time, and seeks by restoring the nearest
// snapshot before the target and replaying forward from there.
import { AlertEngine, type AlertChange, type AlertEngineSnapshot } from '../alerts/alert-engine';
import { BUILTIN_SCORING_MODEL, type ScoringModel } from '../alerts/scoring-model';
import type { LoadedScenario, ReplayEvent } from '../scenario/loaded-scenario';
import { firstEventAfter } from './clock';

export interface ReplayCursorOptions {
  /** Scoring model in use (the scenario's, or the built-in one). */
  model?: ScoringModel;
  /** Events between snapshots; default max(2000, n / 64) (see SCORING-MODEL.md, "Replay"). */
  snapshotEvery?: number;
}

interface Snapshot {
  /** Events applied when it was taken. */
  position: number;
  engine: AlertEngineSnapshot;
}

/** Largest `shownAt - at` among the events (how late a report can arrive). */
export function maxReportDelay(events: readonly ReplayEvent[]): number {
  let max = 0;
  for (const e of events) if (e.shownAt - e.at > max) max = e.shownAt - e.at;
  return max;
}

/** Ids some event names in `refers_to` (the engine remembers only their alerts). */
export function referencedIds(events: readonly ReplayEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) if (e.event.refers_to !== undefined) ids.add(e.event.refers_to);
  return ids;
}

/** Default snapshot spacing for a scenario of `n` events. */
export function defaultSnapshotEvery(n: number): number {
  return Math.max(2000, Math.ceil(n / 64));
}

/** Replays a scenario's events into an AlertEngine on the exercise clock. */
export class ReplayCursor {
  readonly scenario: LoadedScenario;
  readonly engine: AlertEngine;
  readonly snapshotEvery: number;
  private applied = 0;
  private clock = -Infinity;
  private snapshots: Snapshot[] = [];

  constructor(scenario: LoadedScenario, options: ReplayCursorOptions = {}) {
    this.scenario = scenario;
    this.snapshotEvery = Math.max(
      1,
      options.snapshotEvery ?? defaultSnapshotEvery(scenario.events.length),
    );
    this.engine = new AlertEngine({
      model: options.model ?? BUILTIN_SCORING_MODEL,
      zones: scenario.zones,
      maxReportDelayMs: maxReportDelay(scenario.events),
      referencedIds: referencedIds(scenario.events),
    });
    this.snapshots.push({ position: 0, engine: this.engine.snapshot() });
  }

  /** Number of events delivered so far (they are events[0 .. position-1]). */
  get position(): number {
    return this.applied;
  }

  /** Exercise time the cursor stands at (-Infinity before the first advance). */
  get time(): number {
    return this.clock;
  }

  /** Delivers every event shown at or before `time`; returns what changed, in order. */
  advanceTo(time: number): AlertChange[] {
    if (time < this.clock) {
      throw new Error(`cannot advance backwards from ${this.clock} to ${time}: use seek`);
    }
    const changes: AlertChange[] = [];
    const events = this.scenario.events;
    while (this.applied < events.length && events[this.applied]!.shownAt <= time) {
      for (const c of this.engine.addEvent(events[this.applied]!)) changes.push(c);
      this.applied += 1;
      this.maybeSnapshot();
    }
    for (const c of this.engine.advanceTo(time)) changes.push(c);
    this.clock = time;
    return changes;
  }

  /**
   * Goes to `time`. Forwards it plays every event in between (and returns the
   * changes, as if the clock had run); backwards it restores the nearest
   * snapshot at or before the target and replays forward silently.
   */
  seek(time: number): AlertChange[] {
    if (time >= this.clock) return this.advanceTo(time);
    const target = firstEventAfter(this.scenario.events, time);
    let chosen = this.snapshots[0]!;
    for (const s of this.snapshots)
      if (s.position <= target && s.position >= chosen.position) chosen = s;
    this.engine.restore(chosen.engine);
    this.applied = chosen.position;
    this.clock =
      chosen.position === 0 ? -Infinity : this.scenario.events[chosen.position - 1]!.shownAt;
    this.advanceTo(time);
    return [];
  }

  /** Time of the next event after the cursor, or null at the end. */
  nextEventTime(): number | null {
    const next = this.scenario.events[this.applied];
    return next ? next.shownAt : null;
  }

  /** Plays up to and including the next event time; null at the end. */
  stepToNextEvent(): { time: number; changes: AlertChange[] } | null {
    const time = this.nextEventTime();
    if (time === null) return null;
    return { time, changes: this.advanceTo(time) };
  }

  /** Plays forward, event time by event time, until an alert opens; null if none does. */
  stepToNextAlert(): { time: number; changes: AlertChange[] } | null {
    const all: AlertChange[] = [];
    for (;;) {
      const step = this.stepToNextEvent();
      if (!step) return null;
      for (const c of step.changes) all.push(c);
      if (step.changes.some((c) => c.kind === 'alert-opened'))
        return { time: step.time, changes: all };
    }
  }

  /**
   * When the next alert will open, without moving: a trial run from a
   * snapshot of the current state (costs one snapshot and restore).
   */
  peekNextAlertTime(): number | null {
    const saved = { applied: this.applied, clock: this.clock, engine: this.engine.snapshot() };
    const snapshots = this.snapshots;
    this.snapshots = [...snapshots];
    const step = this.stepToNextAlert();
    this.engine.restore(saved.engine);
    this.applied = saved.applied;
    this.clock = saved.clock;
    this.snapshots = snapshots;
    return step ? step.time : null;
  }

  /** Closes an alert (protocol `close`). */
  close(alertId: string): AlertChange[] {
    this.forgetFuture();
    return this.engine.close(alertId);
  }

  /** Marks an alert as under an active protocol step (or not). */
  setProtocolActive(alertId: string, active: boolean): AlertChange[] {
    this.forgetFuture();
    return this.engine.setProtocolActive(alertId, active);
  }

  /** Number of snapshots held (for measurements). */
  get snapshotCount(): number {
    return this.snapshots.length;
  }

  // An action changes every later state: snapshots taken at or beyond this
  // point no longer describe this history. (Restoring one from before an
  // action drops the action: the exercise engine, which logs actions,
  // re-applies them when it rebuilds.)
  private forgetFuture(): void {
    this.snapshots = this.snapshots.filter((s) => s.position < this.applied || s.position === 0);
  }

  private maybeSnapshot(): void {
    if (this.applied % this.snapshotEvery !== 0) return;
    const last = this.snapshots[this.snapshots.length - 1]!;
    if (last.position >= this.applied) {
      // Already taken on an earlier pass over this part of the history.
      if (this.snapshots.some((s) => s.position === this.applied)) return;
    }
    const snapshot = { position: this.applied, engine: this.engine.snapshot() };
    const at = this.snapshots.findIndex((s) => s.position > this.applied);
    if (at < 0) this.snapshots.push(snapshot);
    else this.snapshots.splice(at, 0, snapshot);
  }
}
