// What the exercise engine needs from the alert engine (shared/alerts). The
// engine codes against this narrow interface; alert-tracker-adapter.ts binds
// it to the real AlertEngine.
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

/** The alert engine, narrowed to what an exercise drives. */
export interface AlertTracker {
  /** Adds the next event in replay order; returns what changed (a join before its severity change). */
  addEvent(event: ReplayEvent): AlertChange[];
  /** Moves the tracker's clock (quiet alerts) to exercise time `at`. */
  advanceTo(at: number): void;
  /** A closed alert takes no new events. */
  close(alertId: string): void;
  /** An alert under an active protocol step never goes quiet. */
  setProtocolActive(alertId: string, active: boolean): void;
  /** Every alert, ranked best first. */
  ranked(): readonly TrackedAlert[];
  get(alertId: string): TrackedAlert | undefined;
}

/** Makes a fresh tracker for a scenario (a backwards seek starts over). */
export type AlertTrackerFactory = () => AlertTracker;

/** Ordering of severities, most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** True when `to` is more severe than `from`. */
export function severityRose(from: Severity, to: Severity): boolean {
  return SEVERITY_ORDER.indexOf(to) < SEVERITY_ORDER.indexOf(from);
}
