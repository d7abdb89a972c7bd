// What the exercise engine needs from the replay of its events into the alert
// engine. The engine codes against this narrow interface;
// alert-tracker-adapter.ts binds it to the replay cursor (shared/replay), the
// path `rank` and the benchmarks take too.
import type { ReplayEvent } from '../scenario/loaded-scenario';
import type { AlertView } from '../alerts/alert-view';
import type { Severity } from '../protocol/schema';

/** One alert as the exercise engine sees it. */
export interface TrackedAlert {
  id: string;
  severity: Severity;
  score: number;
  quiet: boolean;
  /** Epoch ms of the first and last event (`time`). */
  firstAt: number;
  lastAt: number;
  /** Ids of the events in the alert, in the order they joined. */
  eventIds: readonly string[];
  /** ReplayEvent seq of those events. */
  eventSeqs: readonly number[];
  /** The alert engine's own view (title, factors, zones, sources, position) for the UI. */
  view: AlertView;
}

/** What adding one event did to the alerts. */
export type AlertChange =
  | { kind: 'opened'; alertId: string; eventId: string; severity: Severity; score: number }
  | { kind: 'joined'; alertId: string; eventId: string }
  | { kind: 'severity-changed'; alertId: string; from: Severity; to: Severity; score: number };

/** The replayed alerts, narrowed to what an exercise drives. */
export interface AlertTracker {
  /** Scenario events shown so far: the next one is scenario.events[shown]. */
  readonly shown: number;
  /** Events injected so far, in the order shown. */
  readonly injected: readonly ReplayEvent[];
  /** Shows the next scenario event; returns it and what changed (a join before its severity change). */
  showNext(): { event: ReplayEvent; changes: AlertChange[] };
  /** Shows an event injected at the current exercise time, after every scenario event due by then. */
  inject(event: ReplayEvent): AlertChange[];
  /** Moves the tracker's clock (quiet alerts) to exercise time `at`; events due by then are shown already. */
  advanceTo(at: number): void;
  /**
   * Goes back to exercise time `at` (a controller's backward seek): events
   * injected after it are dropped, and the state is rebuilt from the nearest
   * snapshot before it, with no changes reported.
   */
  rewindTo(at: number): void;
  /** A closed alert takes no new events. */
  close(alertId: string): void;
  /** An alert under an active protocol step never goes quiet. */
  setProtocolActive(alertId: string, active: boolean): void;
  /** Every alert, ranked best first. */
  ranked(): readonly TrackedAlert[];
  get(alertId: string): TrackedAlert | undefined;
}

/** Ordering of severities, most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** True when `to` is more severe than `from`. */
export function severityRose(from: Severity, to: Severity): boolean {
  return SEVERITY_ORDER.indexOf(to) < SEVERITY_ORDER.indexOf(from);
}
