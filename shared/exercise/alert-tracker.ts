// What the exercise engine needs from the replay of its events into the alert
// engine. The engine codes against this narrow interface;
// alert-tracker-adapter.ts binds it to the replay cursor (shared/replay), the
// path `rank` and the benchmarks take too; legacy-v1-tracker.ts binds it to
// the frozen scorer of version 1, for exercises opened read-only.
import type { ReplayEvent } from '../scenario/loaded-scenario';
import type { AlertState, AlertView } from '../alerts/alert-view';
import type { CertaintyBand, Severity } from '../alerts/bands';

/** One alert as the exercise engine sees it. */
export interface TrackedAlert {
  id: string;
  state: AlertState;
  /** The band of its gravity. */
  severity: Severity;
  gravity: number;
  certainty: number;
  certaintyBand: CertaintyBand;
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

/** Both bands of an alert or incident. */
export interface TrackedBands {
  severity: Severity;
  certaintyBand: CertaintyBand;
}

/** Rounded measures and their bands. */
export interface TrackedMeasures extends TrackedBands {
  gravity: number;
  certainty: number;
}

/** What adding one event did to the alerts. */
export type AlertChange =
  | {
      kind: 'opened';
      alertId: string;
      eventId: string;
      measures: TrackedMeasures;
      /** The closed alert it continues (its first report refers to one), if any. */
      continues: string | null;
    }
  | { kind: 'joined'; alertId: string; eventId: string }
  | {
      kind: 'bands-changed';
      alertId: string;
      eventId: string;
      from: TrackedBands;
      to: TrackedMeasures;
    }
  | {
      kind: 'incident-bands-changed';
      incidentId: string;
      primaryId: string;
      eventId: string;
      from: TrackedBands;
      to: TrackedMeasures;
    };

/** An incident: alerts an operator linked, the primary (whose protocol run it follows) first. */
export interface TrackedIncident {
  id: string;
  alertIds: readonly string[];
  measures: TrackedMeasures;
}

/** The alert engine, narrowed to what an exercise drives. */
export interface AlertTracker {
  /** 2: gravity and certainty; 1: the frozen single score of read-only exercises. */
  readonly modelVersion: 1 | 2;
  /** Scenario events shown so far: the next one is scenario.events[shown]. */
  readonly shown: number;
  /** Events injected so far, in the order shown. */
  readonly injected: readonly ReplayEvent[];
  /** Scenario events withheld from their place (scripted injects the controller held or moved). */
  readonly withheld: ReadonlySet<number>;
  /** Withholds a scenario event not shown yet: showNext passes over it, changing nothing. */
  withhold(seq: number): void;
  /** Shows the next scenario event; returns it and what changed (a join before its band change). */
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
  /** Every alert, ranked best first (closed last). */
  ranked(): readonly TrackedAlert[];
  get(alertId: string): TrackedAlert | undefined;
  /** Links `otherId` (and its incident) into `primaryId`'s incident; returns the incident's id. */
  link(primaryId: string, otherId: string): string;
  /** Takes an alert out of its incident; returns the incident's id. */
  unlink(alertId: string): string;
  /** The incident an alert is in, or null. */
  incidentOf(alertId: string): TrackedIncident | null;
  /** The id a new incident made with this primary would get. */
  nextIncidentId(primaryId: string): string;
}
