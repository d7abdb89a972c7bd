// The view model of a running exercise: what any UI renders, built from the
// engine's state and nothing else (no React here).
import type { AlertState, AlertView as TrackerAlertView } from '../alerts/alert-view';
import type { CertaintyBand, Severity } from '../alerts/bands';
import {
  allowedActions,
  currentVisit,
  missingAcks,
  requiredAckParties,
  type AlertProtocolState,
  type AllowedAction,
  type PartyAck,
  type StepEntryCause,
} from '../protocol/protocol-state';
import type { StepRole } from '../protocol/schema';
import { CLOSE_STEP } from '../protocol/schema';
import type { ProtocolRun } from '../protocol/protocol-run';
import type { AlertTracker } from './alert-tracker';
import { runStatus, runStatusAt, type RunStatus } from './run-status';
import type { AlertBookkeeping, AlertNote, ExerciseEngine } from './exercise-engine';

/** Where the current step's deadline stands at the snapshot's exercise time. */
export type DeadlineStatus = 'none' | 'running' | 'warning' | 'breached';

/** One step of an alert's protocol history, readable as is. */
export interface StepHistoryItem {
  stepId: string;
  stepTitle: string;
  enteredAt: number;
  leftAt: number | null;
  /** "action: Start verification", "deadline breach in notify", "entry (critical)"… */
  reason: string;
  /** Who moved it there ("system" for automatic moves). */
  actor: string;
  cause: StepEntryCause;
  deadlineAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  acks: readonly PartyAck[];
}

/** The protocol status of one alert, with what may be done next. */
export interface ProtocolStatus {
  stepId: string;
  stepTitle: string;
  instructions: string;
  role: StepRole | 'none';
  enteredAt: number;
  deadlineAt: number | null;
  warnAt: number | null;
  deadlineStatus: DeadlineStatus;
  /** Allowed actions for the engine's actor, each with required inputs and any blocker. */
  actions: readonly AllowedAction[];
  /** Parties asked to acknowledge in this step, with their acknowledgement once given. */
  acks: readonly { partyId: string; partyName: string; ack: PartyAck | null }[];
  missingAcks: readonly string[];
  history: readonly StepHistoryItem[];
  closed: boolean;
  summary: string | null;
  /** Prompt to jump to a higher entry step after a severity rise. */
  severityPrompt: { severity: Severity; target: string; targetTitle: string } | null;
}

/** The incident an alert is in, as the queue shows it. */
export interface IncidentSnapshot {
  id: string;
  /** Its alerts, the primary (whose protocol run the incident follows) first. */
  alertIds: readonly string[];
  primary: boolean;
  gravity: number;
  severity: Severity;
  certainty: number;
  certaintyBand: CertaintyBand;
}

/** One alert as the queue, detail pane and map show it. */
export interface AlertSnapshot {
  id: string;
  rank: number;
  state: AlertState;
  /** The band of its gravity. */
  severity: Severity;
  gravity: number;
  certainty: number;
  certaintyBand: CertaintyBand;
  quiet: boolean;
  closed: boolean;
  /** Its incident (null when not linked). Its `protocol` is then the incident's run. */
  incident: IncidentSnapshot | null;
  openedAt: number;
  acknowledged: { by: string; at: number } | null;
  /** Notes written about the alert, oldest first. */
  notes: readonly AlertNote[];
  /** Event ids of the messages linked to it, in the order linked. */
  messages: readonly string[];
  eventIds: readonly string[];
  eventSeqs: readonly number[];
  /** The alert engine's view: title, factors with reasons, zones, sources, position. */
  view: TrackerAlertView;
  protocol: ProtocolStatus | null;
  /** Its version-2 protocol run (its incident's, when linked), or null (version 1, or not entered). */
  run: RunStatus | null;
}

/** Everything a UI renders of an exercise at one moment. */
export interface ExerciseSnapshot {
  scenarioId: string;
  classification: string;
  clock: {
    now: number;
    start: number;
    end: number;
    playing: boolean;
    speed: number;
    timezone: string;
  };
  shownCount: number;
  injectedCount: number;
  alerts: readonly AlertSnapshot[];
  protocolStarted: boolean;
  /** Seq and hash of the last log entry. */
  head: { seq: number; hash: string } | null;
  ended: boolean;
  fault: string | null;
}

function describeCause(cause: StepEntryCause): { reason: string; actor: string } {
  switch (cause.kind) {
    case 'severity':
      return { reason: `entry (${cause.severity})`, actor: 'system' };
    case 'manual':
      return { reason: 'protocol started by hand', actor: cause.by };
    case 'action':
      return { reason: `action: ${cause.action}`, actor: cause.by };
    case 'deadline':
      return { reason: `deadline breach in ${cause.from}`, actor: 'system' };
    case 'new-event':
      return { reason: `new event ${cause.eventId}`, actor: 'system' };
    case 'severity-jump':
      return { reason: `severity rose to ${cause.severity}`, actor: cause.by };
  }
}

function deadlineStatus(state: AlertProtocolState, now: number): DeadlineStatus {
  const visit = currentVisit(state);
  if (state.closed || visit.deadlineAt === null) return 'none';
  if (visit.breachedAt !== null || now >= visit.deadlineAt) return 'breached';
  if (visit.warnedAt !== null || (visit.warnAt !== null && now >= visit.warnAt)) return 'warning';
  return 'running';
}

// States are immutable, so the status of one (at one clock time, for one
// actor) never changes: reuse it across snapshots while it is current.
const statusCache = new WeakMap<
  AlertProtocolState,
  { now: number; actor: string; status: ProtocolStatus }
>();

function protocolStatus(engine: ExerciseEngine, state: AlertProtocolState): ProtocolStatus {
  const actorKey = `${engine.actor.role}:${engine.actor.name}`;
  const cached = statusCache.get(state);
  if (cached && cached.actor === actorKey) {
    if (cached.now === engine.now) return cached.status;
    // A new object only when the status itself changed, so that an alert whose
    // step merely runs on keeps its snapshot object as the clock moves.
    const deadline = deadlineStatus(state, engine.now);
    const status =
      deadline === cached.status.deadlineStatus
        ? cached.status
        : { ...cached.status, deadlineStatus: deadline };
    statusCache.set(state, { now: engine.now, actor: actorKey, status });
    return status;
  }
  const status = buildProtocolStatus(engine, state);
  statusCache.set(state, { now: engine.now, actor: actorKey, status });
  return status;
}

function buildProtocolStatus(engine: ExerciseEngine, state: AlertProtocolState): ProtocolStatus {
  const { protocol, parties } = engine.ctx;
  const titleOf = (id: string) =>
    id === CLOSE_STEP ? 'Closed' : (protocol.steps.get(id)?.title ?? id);
  const visit = currentVisit(state);
  const step = protocol.steps.get(visit.step);
  const asked = step ? requiredAckParties(step, parties) : [];
  return {
    stepId: visit.step,
    stepTitle: titleOf(visit.step),
    instructions: step?.instructions ?? (state.closed ? `Closed: ${state.summary ?? ''}` : ''),
    role: step?.role ?? 'none',
    enteredAt: visit.enteredAt,
    deadlineAt: visit.deadlineAt,
    warnAt: visit.warnAt,
    deadlineStatus: deadlineStatus(state, engine.now),
    actions: allowedActions(engine.ctx, state, engine.actor),
    acks: asked.map((partyId) => ({
      partyId,
      partyName: parties.find((p) => p.id === partyId)?.name ?? partyId,
      ack: visit.acks.find((a) => a.party === partyId) ?? null,
    })),
    missingAcks: missingAcks(engine.ctx, state),
    history: state.visits.map((v) => ({
      stepId: v.step,
      stepTitle: titleOf(v.step),
      enteredAt: v.enteredAt,
      leftAt: v.leftAt,
      ...describeCause(v.cause),
      cause: v.cause,
      deadlineAt: v.deadlineAt,
      warnedAt: v.warnedAt,
      breachedAt: v.breachedAt,
      acks: v.acks,
    })),
    closed: state.closed,
    summary: state.summary,
    severityPrompt: state.severityPrompt
      ? { ...state.severityPrompt, targetTitle: titleOf(state.severityPrompt.target) }
      : null,
  };
}

// Runs are immutable too: one status per run, clock time and actor.
const runCache = new WeakMap<ProtocolRun, { now: number; actor: string; status: RunStatus }>();

function runStatusOf(engine: ExerciseEngine, run: ProtocolRun): RunStatus {
  const actorKey = `${engine.actor.role}:${engine.actor.name}`;
  const cached = runCache.get(run);
  if (cached && cached.actor === actorKey && cached.now === engine.now) return cached.status;
  // The same run at a later time: only deadlines can turn, and the object is
  // kept while none did (an unchanged alert keeps its snapshot object).
  const status =
    cached && cached.actor === actorKey
      ? runStatusAt(cached.status, run, engine.now)
      : runStatus(engine.runCtx!, run, engine.actor, engine.now);
  runCache.set(run, { now: engine.now, actor: actorKey, status });
  return status;
}

const alertCache = new WeakMap<ExerciseEngine, Map<string, AlertSnapshot>>();

function sameIncident(a: IncidentSnapshot | null, b: IncidentSnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.primary === b.primary &&
    a.gravity === b.gravity &&
    a.certainty === b.certainty &&
    a.certaintyBand === b.certaintyBand &&
    a.alertIds.length === b.alertIds.length &&
    a.alertIds.every((id, i) => id === b.alertIds[i])
  );
}

/** Builds the snapshot of an engine (called by ExerciseEngine.getSnapshot). */
export function buildSnapshot(
  engine: ExerciseEngine,
  tracker: AlertTracker,
  protocolOf: (alertId: string) => AlertProtocolState | undefined,
  books: ReadonlyMap<string, AlertBookkeeping>,
): ExerciseSnapshot {
  const { scenario } = engine.setup;
  const previous = alertCache.get(engine) ?? new Map<string, AlertSnapshot>();
  const next = new Map<string, AlertSnapshot>();
  const alerts = tracker.ranked().map((alert, index): AlertSnapshot => {
    const state = protocolOf(alert.id);
    const book = books.get(alert.id);
    const protocol = state ? protocolStatus(engine, state) : null;
    const runState = engine.protocolFormat === 2 ? engine.runOf(alert.id) : undefined;
    const run = runState ? runStatusOf(engine, runState) : null;
    const linked = tracker.incidentOf(alert.id);
    const old = previous.get(alert.id);
    const incident: IncidentSnapshot | null = linked
      ? {
          id: linked.id,
          alertIds: linked.alertIds,
          primary: linked.alertIds[0] === alert.id,
          gravity: linked.measures.gravity,
          severity: linked.measures.severity,
          certainty: linked.measures.certainty,
          certaintyBand: linked.measures.certaintyBand,
        }
      : null;
    // Unchanged alerts keep their object: cheap snapshots, cheap re-renders.
    if (
      old &&
      old.view === alert.view &&
      old.rank === index + 1 &&
      old.protocol === protocol &&
      old.run === run &&
      sameIncident(old.incident, incident) &&
      old.acknowledged === (book?.acknowledged ?? null) &&
      old.notes === (book?.notes ?? old.notes) &&
      old.messages === (book?.messages ?? old.messages)
    ) {
      next.set(alert.id, old);
      return old;
    }
    const snapshot: AlertSnapshot = {
      id: alert.id,
      rank: index + 1,
      state: alert.state,
      severity: alert.severity,
      gravity: alert.gravity,
      certainty: alert.certainty,
      certaintyBand: alert.certaintyBand,
      quiet: alert.quiet,
      closed: alert.view.closed,
      incident,
      openedAt: book?.openedAt ?? alert.view.lastShownAt,
      acknowledged: book?.acknowledged ?? null,
      notes: book?.notes ?? [],
      messages: book?.messages ?? [],
      eventIds: alert.eventIds,
      eventSeqs: alert.eventSeqs,
      view: alert.view,
      protocol,
      run,
    };
    next.set(alert.id, snapshot);
    return snapshot;
  });
  alertCache.set(engine, next);
  const last = engine.lastEntry;
  return {
    scenarioId: scenario.id,
    classification: scenario.classification,
    clock: {
      now: engine.now,
      start: scenario.start,
      end: scenario.end,
      playing: engine.playing,
      speed: engine.speed,
      timezone: scenario.timezone,
    },
    shownCount: engine.shownCount,
    injectedCount: engine.injectedEvents().length,
    alerts,
    protocolStarted: engine.protocolStarted,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    ended: engine.ended,
    fault: engine.fault,
  };
}
