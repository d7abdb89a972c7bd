// The console of an operator or observer seat (docs/ROOMS.md, "The console at
// a seat"). The seat runs no engine: the host's engine is the one truth, and
// the seat shows the host's console view of it, cut for the operator's role
// (no SimCell, no plan: both hold ground truth and the party script), sent
// the way the engine worker sends the host's own console its deltas. The
// host makes one feed per seat connection (a reconnect starts afresh: its
// first frame carries the scenario, cut as the operator reads it); the seat
// reads the frames back into console snapshots.
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import type { ConsoleFeed } from '../../../shared/room/room-host';
import { CONTROLLER_ONLY_EVENT_FIELDS } from '../../../shared/room/scenario-view';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { consoleSnapshotsOf } from './engine-session';
import { injectsToSend } from './inject-sync';
import { createDeltaDecoder, createDeltaEncoder, type SnapshotDelta } from './snapshot-delta';
import type { AlertView, ConsoleSnapshot } from './view-model';
import { runStatus } from '../../../shared/exercise/run-status';
import type { RunActor } from '../../../shared/protocol/protocol-run';

/** A snapshot delta as JSON carries it (the ranked order as plain numbers). */
export type FrameDelta = Omit<SnapshotDelta, 'order'> & { order: number[] | null };

/** One frame of a seat's console. */
export interface ConsoleFrame {
  /** The first frame of a connection: what the seat's console opens with. */
  opened?: { scenario: LoadedScenario; protocolFormat: 1 | 2; readOnly: string | null };
  delta: FrameDelta;
  /** Injected events new since the last frame, after the first `injectsKept` the seat holds. */
  injects?: ReplayEvent[];
  injectsKept?: number;
}

/**
 * The host's console snapshots as an operator sees them. The engine works out
 * what each protocol action asks of the host's own participant (a controller:
 * "only an operator can"); a seat's operator is offered them as an operator.
 * Each alert's operator view is made once per alert view (an unchanged alert
 * keeps its object, so the delta skips it).
 */
export function operatorSnapshotsOf(engine: ExerciseEngine): () => ConsoleSnapshot {
  const base = consoleSnapshotsOf(engine, 'operator');
  const actor: RunActor = { name: 'operator', role: 'operator' };
  const views = new WeakMap<AlertView, AlertView>();
  let source: ConsoleSnapshot | null = null;
  let mapped: ConsoleSnapshot | null = null;
  let sourceAlerts: readonly AlertView[] | null = null;
  return () => {
    const next = base();
    if (next === source && mapped !== null) return mapped;
    source = next;
    const ctx = engine.runCtx;
    // The same alerts as last time (the clock moved): the same operator views.
    const alerts =
      ctx === null || engine.actor.role === 'operator'
        ? next.alerts
        : mapped !== null && next.alerts === sourceAlerts
          ? mapped.alerts
          : next.alerts.map((alert) => {
              if (alert.run === null) return alert;
              let view = views.get(alert);
              if (!view) {
                const run = engine.runOf(alert.id);
                view = run ? { ...alert, run: runStatus(ctx, run, actor, engine.now) } : alert;
                views.set(alert, view);
              }
              return view;
            });
    sourceAlerts = next.alerts;
    mapped = { ...next, alerts };
    return mapped;
  };
}

/** The roles whose seats show the console (the operator works it, the observer projects it). */
export function showsConsole(assignment: SeatAssignment): boolean {
  return assignment.role === 'operator' || assignment.role === 'observer';
}

/** An event without the fields only control reads (the scenario copy's rule, scenario-view.ts). */
function forOperator(replay: ReplayEvent): ReplayEvent {
  const event: Record<string, unknown> = { ...replay.event };
  for (const field of CONTROLLER_ONLY_EVENT_FIELDS) delete event[field];
  return { ...replay, event: event as ScenarioEvent };
}

/** The scenario as an operator's console reads it: no controller-only fields, no party script. */
export function scenarioForConsoleSeat(scenario: LoadedScenario): LoadedScenario {
  return {
    ...scenario,
    events: scenario.events.map(forOperator),
    partyScript: null,
    warnings: [],
  };
}

/**
 * The room host's console feed (RoomHostOptions.consoleFeed) for an engine:
 * operator and observer seats get one; other roles none. One console mapping
 * for all seats (the operator's role), one delta encoder per connection.
 */
export function consoleFeedOf(
  engine: ExerciseEngine,
  scenario: LoadedScenario,
): (assignment: SeatAssignment) => ConsoleFeed | null {
  let cut: LoadedScenario | null = null;
  let snapshots: (() => ConsoleSnapshot) | null = null;
  const n = scenario.events.length;
  const eventAt = (seq: number): ReplayEvent | undefined =>
    seq < n ? scenario.events[seq] : engine.injectedEvents()[seq - n];
  return (assignment) => {
    if (!showsConsole(assignment)) return null;
    cut ??= scenarioForConsoleSeat(scenario);
    snapshots ??= operatorSnapshotsOf(engine);
    const opened = {
      scenario: cut,
      protocolFormat: engine.protocolFormat,
      readOnly: engine.readOnly,
    };
    const encode = createDeltaEncoder();
    const sentInjects: ReplayEvent[] = [];
    let lastKey: string | null = null;
    return {
      next() {
        const delta = encode(snapshots!());
        const { kept, fresh } = injectsToSend(sentInjects, eventAt, n);
        const dropped = kept < sentInjects.length;
        sentInjects.length = kept;
        sentInjects.push(...fresh);
        const { clock } = delta;
        const key = [
          clock.now,
          clock.playing,
          clock.speed,
          delta.shownCount,
          delta.headSeq,
          delta.ended,
          delta.fault,
          delta.injectedCount,
          delta.withheld.join(','),
        ].join('|');
        const moved =
          key !== lastKey ||
          delta.changed.length > 0 ||
          delta.order !== null ||
          delta.reports !== undefined ||
          fresh.length > 0 ||
          dropped;
        if (!moved) return null;
        const first = lastKey === null;
        lastKey = key;
        const frame: ConsoleFrame = {
          ...(first ? { opened } : {}),
          delta: { ...delta, order: delta.order ? Array.from(delta.order) : null },
        };
        if (fresh.length > 0 || dropped) {
          frame.injects = fresh.map(forOperator);
          if (dropped) frame.injectsKept = kept;
        }
        return frame as unknown as Record<string, unknown>;
      },
    };
  };
}

/** What a seat holds of its console: the scenario it opened with, the latest snapshot, the injects. */
export interface ConsoleFrameState {
  scenario: LoadedScenario;
  protocolFormat: 1 | 2;
  readOnly: string | null;
  snapshot: ConsoleSnapshot;
  injects: readonly ReplayEvent[];
}

/**
 * Reads a connection's frames back into console snapshots. A frame with
 * `opened` starts afresh (a new connection's numbering); a frame before any
 * `opened` is a fault of the host's and throws.
 */
export function createFrameReader(): (raw: Record<string, unknown>) => ConsoleFrameState {
  let decode = createDeltaDecoder();
  let state: Omit<ConsoleFrameState, 'snapshot'> | null = null;
  let injects: ReplayEvent[] = [];
  return (raw) => {
    const frame = raw as unknown as ConsoleFrame;
    if (frame.opened) {
      decode = createDeltaDecoder();
      injects = [];
      state = { ...frame.opened, injects };
    }
    if (state === null) throw new Error('console frame: a delta came before the opening frame');
    const order = frame.delta.order;
    const snapshot = decode({
      ...frame.delta,
      order: order === null ? null : Int32Array.from(order),
    });
    if (frame.injectsKept !== undefined || frame.injects) {
      injects = injects.slice(0, frame.injectsKept ?? injects.length);
      injects.push(...(frame.injects ?? []));
    }
    return { ...state, injects, snapshot };
  };
}
