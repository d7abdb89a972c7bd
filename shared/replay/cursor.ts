// The replay cursor: the one way events reach the alert engine. It shows the
// scenario's events in replay order, and events injected during an exercise
// where the clock met them, and seeks backwards by restoring the nearest
// snapshot before the target and replaying forward from there. The exercise
// engine drives it event by event (it logs what each one changes); `rank`
// drives it straight to one time.
import { AlertEngine, type AlertChange, type AlertEngineSnapshot } from '../alerts/alert-engine';
import { BUILTIN_SCORING_MODEL, type ScoringModel } from '../alerts/scoring-model';
import type { LoadedScenario, ReplayEvent } from '../scenario/loaded-scenario';
import { firstEventAfter } from './clock';

export interface ReplayCursorOptions {
  /** Scoring model in use (the scenario's, or the built-in one). */
  model?: ScoringModel;
  /** Scenario events between snapshots; default max(2000, n / 64) (see docs/ARCHITECTURE.md, "Replay"). */
  snapshotEvery?: number;
}

interface Snapshot {
  /** Scenario events applied when it was taken. */
  position: number;
  /** Injected events applied when it was taken. */
  injected: number;
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

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

/** Replays a scenario's events, and injected ones, into an AlertEngine on the exercise clock. */
export class ReplayCursor {
  readonly scenario: LoadedScenario;
  readonly engine: AlertEngine;
  readonly snapshotEvery: number;
  private applied = 0;
  private injects: ReplayEvent[] = [];
  private clock = -Infinity;
  private snapshots: Snapshot[] = [];
  /** Events (scenario and injected) the last backward seek replayed: at most about `snapshotEvery`. */
  private seekWork = 0;
  /** Set once an alert is closed, linked or put under protocol: no backward seek can rebuild that. */
  private acted = false;
  /**
   * Scenario events the controller held or moved: passed over where the
   * scenario has them, and shown (injected) when the controller's schedule
   * reaches them instead.
   */
  private withheldSeqs = new Set<number>();

  constructor(scenario: LoadedScenario, options: ReplayCursorOptions = {}) {
    this.scenario = scenario;
    this.snapshotEvery = Math.max(
      1,
      options.snapshotEvery ?? defaultSnapshotEvery(scenario.events.length),
    );
    this.engine = new AlertEngine({
      model: options.model ?? BUILTIN_SCORING_MODEL,
      zones: scenario.zones,
      // An injected event is shown when it happens, so the scenario's events bound the delay.
      maxReportDelayMs: maxReportDelay(scenario.events),
      referencedIds: referencedIds(scenario.events),
      flyingParties: scenario.parties.filter((p) => p.role === 'party').map((p) => p.id),
    });
    this.snapshots.push({ position: 0, injected: 0, engine: this.engine.snapshot() });
  }

  /** Number of scenario events shown so far (they are events[0 .. position-1]). */
  get position(): number {
    return this.applied;
  }

  /** Exercise time the cursor stands at (-Infinity before the first event or advance). */
  get time(): number {
    return this.clock;
  }

  /** The events injected so far in this history, in the order shown. */
  get injected(): readonly ReplayEvent[] {
    return this.injects;
  }

  /** Events replayed by the last backward seek (0 for a forward one): the cost the snapshots bound. */
  get lastSeekReplayed(): number {
    return this.seekWork;
  }

  /** Number of snapshots held (for measurements). */
  get snapshotCount(): number {
    return this.snapshots.length;
  }

  /** The next scenario event to show, or undefined at the end. */
  peek(): ReplayEvent | undefined {
    return this.scenario.events[this.applied];
  }

  /** Scenario events withheld from their place in the scenario (see withhold). */
  get withheld(): ReadonlySet<number> {
    return this.withheldSeqs;
  }

  /**
   * Withholds a scenario event not yet shown: when the replay reaches it, it
   * passes over it (changing nothing); it reaches the alert engine only if it
   * is injected later (a scripted inject the controller held or moved).
   */
  withhold(seq: number): void {
    if (seq < this.applied) {
      throw new Error(
        `scenario event ${seq} has been shown already (the replay is at ${this.applied}): it cannot be withheld`,
      );
    }
    this.withheldSeqs.add(seq);
    // Snapshots taken past it (on an earlier pass) hold it.
    this.snapshots = this.snapshots.filter((s) => s.position <= seq);
  }

  /** Shows the next scenario event; returns it and what changed, in order (nothing for a withheld one). */
  showNext(): { event: ReplayEvent; changes: AlertChange[] } {
    const event = this.scenario.events[this.applied];
    if (!event) {
      throw new Error(`all ${this.scenario.events.length} scenario events have been shown`);
    }
    const changes = this.withheldSeqs.has(this.applied) ? [] : this.engine.addEvent(event);
    this.applied += 1;
    if (event.shownAt > this.clock) this.clock = event.shownAt;
    this.maybeSnapshot(this.injects.length);
    return { event, changes };
  }

  /**
   * Shows an event injected at the cursor's time (a controller's inject). It
   * comes after every scenario event shown at or before that time, as it did
   * on the exercise clock; a backward seek replays it there.
   */
  inject(event: ReplayEvent): AlertChange[] {
    if (event.shownAt < this.clock) {
      throw new Error(
        `event "${event.event.id}" injected at ${iso(event.shownAt)} is before the replay time ${iso(this.clock)}`,
      );
    }
    const next = this.peek();
    if (next && next.shownAt <= event.shownAt) {
      throw new Error(
        `event "${event.event.id}" injected at ${iso(event.shownAt)}: scenario event "${next.event.id}" shown at ${iso(next.shownAt)} must be shown first`,
      );
    }
    // Snapshots ahead of here, from an earlier pass, describe a history without it.
    this.snapshots = this.snapshots.filter((s) => s.position <= this.applied);
    this.injects.push(event);
    const changes = this.engine.addEvent(event);
    this.clock = event.shownAt;
    return changes;
  }

  /** Shows every scenario event shown at or before `time`; returns what changed, in order. */
  advanceTo(time: number): AlertChange[] {
    if (time < this.clock) {
      throw new Error(`cannot advance backwards from ${iso(this.clock)} to ${iso(time)}: use seek`);
    }
    const changes: AlertChange[] = [];
    const events = this.scenario.events;
    while (this.applied < events.length && events[this.applied]!.shownAt <= time) {
      for (const c of this.showNext().changes) changes.push(c);
    }
    for (const c of this.engine.advanceTo(time)) changes.push(c);
    this.clock = time;
    return changes;
  }

  /**
   * Goes to `time`. Forwards it shows every event in between (and returns the
   * changes, as if the clock had run). Backwards it drops the events injected
   * after `time`, restores the nearest snapshot at or before the target and
   * replays forward silently: at most `snapshotEvery` scenario events, not the
   * whole history. Refused once an alert was closed, linked or put under protocol.
   */
  seek(time: number): AlertChange[] {
    if (time >= this.clock) {
      this.seekWork = 0;
      return this.advanceTo(time);
    }
    if (this.acted) {
      throw new Error(
        `cannot seek back to ${iso(time)}: alerts were closed, linked or put under protocol, which a replay of the events does not rebuild`,
      );
    }
    let kept = this.injects.length;
    while (kept > 0 && this.injects[kept - 1]!.shownAt > time) kept -= 1;
    if (kept < this.injects.length) {
      this.injects = this.injects.slice(0, kept);
      this.snapshots = this.snapshots.filter((s) => s.injected <= kept);
    }
    const events = this.scenario.events;
    const target = firstEventAfter(events, time);
    let chosen = this.snapshots[0]!;
    for (const s of this.snapshots) {
      if (s.position <= target && s.position >= chosen.position) chosen = s;
    }
    this.engine.restore(chosen.engine);
    this.applied = chosen.position;
    // The order of the exercise clock: an injected event after every
    // scenario event shown at or before its time.
    let injected = chosen.injected;
    const from = chosen.position + chosen.injected;
    for (;;) {
      const event = this.applied < target ? events[this.applied]! : null;
      const inject = injected < kept ? this.injects[injected]! : null;
      if (inject && (!event || inject.shownAt < event.shownAt)) {
        this.engine.addEvent(inject);
        injected += 1;
      } else if (event) {
        if (!this.withheldSeqs.has(this.applied)) this.engine.addEvent(event);
        this.applied += 1;
        this.maybeSnapshot(injected);
      } else {
        break;
      }
    }
    this.seekWork = this.applied + injected - from;
    this.engine.advanceTo(time);
    this.clock = time;
    return [];
  }

  /** Time of the next scenario event after the cursor, or null at the end. */
  nextEventTime(): number | null {
    return this.peek()?.shownAt ?? null;
  }

  /** Closes an alert (protocol `close`). */
  close(alertId: string): AlertChange[] {
    this.endBackwardSeeks();
    return this.engine.close(alertId);
  }

  /** Links alert `otherId` (and its incident) into `primaryId`'s incident; returns its id. */
  link(primaryId: string, otherId: string): string {
    this.endBackwardSeeks();
    return this.engine.link(primaryId, otherId);
  }

  /** Takes an alert out of its incident; returns the incident's id. */
  unlink(alertId: string): string {
    this.endBackwardSeeks();
    return this.engine.unlink(alertId);
  }

  /** Marks an alert as under an active protocol step (or not). */
  setProtocolActive(alertId: string, active: boolean): AlertChange[] {
    this.endBackwardSeeks();
    return this.engine.setProtocolActive(alertId, active);
  }

  // The cursor replays events, not actions: once one is taken no snapshot
  // can rebuild this history, so they are dropped and no more are taken (the
  // exercise engine refuses backward seeks once the protocol has started).
  private endBackwardSeeks(): void {
    this.acted = true;
    this.snapshots = [];
  }

  private maybeSnapshot(injected: number): void {
    if (this.acted || this.applied % this.snapshotEvery !== 0) return;
    // Already taken on an earlier pass over this part of the history.
    if (this.snapshots.some((s) => s.position === this.applied)) return;
    const snapshot = { position: this.applied, injected, engine: this.engine.snapshot() };
    const at = this.snapshots.findIndex((s) => s.position > this.applied);
    if (at < 0) this.snapshots.push(snapshot);
    else this.snapshots.splice(at, 0, snapshot);
  }
}
