// The controller's exercise plan: the scenario's MSEL (its scripted injects)
// with where each stands — scheduled, moved, held or delivered, and the
// trainee's response so far — and its scripted incidents with their truth and
// how the trainee has handled them so far. Built from the scenario and the
// engine's state (itself rebuilt from the log), judged with the after-action
// report's own functions so the plan and the report never disagree.
// Controller-only: it carries ground truth and expected actions. Pure.
import type { ReplayEvent } from '../scenario/loaded-scenario';
import { graverSeverity, type Severity } from '../alerts/bands';
import {
  bestHandling,
  handlingOf,
  truthOf,
  verdictOf,
  type AlertHandling,
  type AlertOutcome,
  type AlertTruth,
  type OutcomeVerdict,
} from '../report/after-action-report';
import { runFinalStep, runHandling } from '../report/run-figures';
import type { ExerciseEngine } from './exercise-engine';
import { isMessageEvent } from './messages';

/** Where a scripted inject stands. */
export type InjectStatus = 'scheduled' | 'moved' | 'held' | 'delivered';

export interface PlannedInject {
  eventId: string;
  seq: number;
  /** When the scenario scripts it (exercise time, epoch ms). */
  scriptedAt: number;
  status: InjectStatus;
  /** When it is due now (the scripted time unless moved; for a held one, when it was due). */
  dueAt: number;
  deliveredAt: number | null;
  text: string;
  from: string | null;
  to: string | null;
  method: string | null;
  /** The MSEL's expected player action, if it gives one. */
  expectedAction: string | null;
  /** The MSEL's objective (`x-objective`), if it gives one. */
  objective: string | null;
  /** Alerts the trainee linked this message to, in the order linked. */
  linkedTo: readonly string[];
  /**
   * Met so far: the trainee filed the message with an alert (the response the
   * console records for a message; the rest of the expected action is the
   * controller's to judge from the log). Null while it has not been delivered.
   */
  met: boolean | null;
}

export interface PlannedIncident {
  /** The events' controller-only `incident` name. */
  name: string;
  truth: AlertTruth;
  /** Exercise time of its first scripted event. */
  firstAt: number;
  /** Its scripted events, and how many of them have been shown so far. */
  events: number;
  shown: number;
  /** Alerts holding its shown events, first opened first. */
  alertIds: readonly string[];
  /** The gravest band among them now (null: no alert yet). */
  severity: Severity | null;
  handling: AlertHandling;
  verdict: OutcomeVerdict;
  /** The best-handled alert's current step (null: never in the protocol). */
  step: string | null;
  acknowledged: boolean;
  closed: boolean;
  findings: AlertOutcome['findings'] | null;
}

export interface ExercisePlan {
  injects: readonly PlannedInject[];
  incidents: readonly PlannedIncident[];
}

interface ScenarioIndex {
  injectSeqs: number[];
  /** Seqs of every inject and scripted-incident event, ascending: what the plan reads. */
  planSeqs: number[];
  /** Scripted incident names in order of their first event, with their events' seqs. */
  incidents: { name: string; seqs: number[] }[];
  incidentOfSeq: Map<number, string>;
}

const indexes = new WeakMap<readonly ReplayEvent[], ScenarioIndex>();

/** Which events are injects and which belong to scripted incidents (once per scenario). */
function indexOf(events: readonly ReplayEvent[]): ScenarioIndex {
  const known = indexes.get(events);
  if (known) return known;
  const injectSeqs: number[] = [];
  const bySeqs = new Map<string, number[]>();
  const incidentOfSeq = new Map<number, string>();
  for (const e of events) {
    if (isMessageEvent(e)) injectSeqs.push(e.seq);
    const name = e.event.incident;
    if (name === undefined) continue;
    incidentOfSeq.set(e.seq, name);
    const list = bySeqs.get(name);
    if (list) list.push(e.seq);
    else bySeqs.set(name, [e.seq]);
  }
  const incidents = [...bySeqs]
    .map(([name, seqs]) => ({ name, seqs }))
    .sort((a, b) => events[a.seqs[0]!]!.at - events[b.seqs[0]!]!.at || (a.name < b.name ? -1 : 1));
  const planSeqs = events
    .filter((e) => isMessageEvent(e) || e.event.incident !== undefined)
    .map((e) => e.seq);
  const index = { injectSeqs, planSeqs, incidents, incidentOfSeq };
  indexes.set(events, index);
  return index;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * How many of the events the plan reads (injects, scripted incidents' events)
 * have been shown: with the log's head and the injected events, what tells a
 * caller the plan may have changed (other events never change it), at the
 * cost of a binary search rather than a rebuild.
 */
export function planEventsShown(engine: ExerciseEngine): number {
  const seqs = indexOf(engine.setup.scenario.events).planSeqs;
  const shown = engine.shownCount;
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid]! < shown) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The plan as the engine stands now. */
export function buildExercisePlan(engine: ExerciseEngine): ExercisePlan {
  const events = engine.setup.scenario.events;
  const index = indexOf(events);
  const controlled = engine.controlledInjects();
  const linked = new Map<string, string[]>();
  const alerts = engine.alerts();
  for (const alert of alerts) {
    for (const id of engine.bookkeepingOf(alert.id)?.messages ?? []) {
      const list = linked.get(id);
      if (list) list.push(alert.id);
      else linked.set(id, [alert.id]);
    }
  }
  const injects = index.injectSeqs.map((seq): PlannedInject => {
    const e = events[seq]!;
    const schedule = controlled.get(seq);
    const deliveredAt = engine.injectDeliveredAt(seq);
    const dueAt = schedule?.due ?? e.shownAt;
    const status: InjectStatus =
      deliveredAt !== null
        ? 'delivered'
        : schedule?.held
          ? 'held'
          : dueAt !== e.shownAt
            ? 'moved'
            : 'scheduled';
    const linkedTo = linked.get(e.event.id) ?? [];
    return {
      eventId: e.event.id,
      seq,
      scriptedAt: e.shownAt,
      status,
      dueAt,
      deliveredAt,
      text: e.event.summary ?? '',
      from: text(e.event['x-from']),
      to: text(e.event['x-to']),
      method: text(e.event['x-inject-kind']),
      expectedAction: text(e.event.expected_action),
      objective: text(e.event['x-objective']),
      linkedTo,
      met: deliveredAt === null ? null : linkedTo.length > 0,
    };
  });

  // The alerts holding each incident's shown events.
  const alertsOf = new Map<string, string[]>();
  for (const alert of alerts) {
    for (const seq of alert.eventSeqs) {
      const name = index.incidentOfSeq.get(seq);
      if (name === undefined) continue;
      const list = alertsOf.get(name);
      if (!list) alertsOf.set(name, [alert.id]);
      else if (!list.includes(alert.id)) list.push(alert.id);
    }
  }
  const running = !engine.ended;
  const shownCount = engine.shownCount;
  const incidents = index.incidents.map(({ name, seqs }): PlannedIncident => {
    const truth = truthOf(seqs.map((seq) => events[seq]!.event.truth));
    const ids = (alertsOf.get(name) ?? []).sort(
      (a, b) =>
        (engine.bookkeepingOf(a)?.openedAt ?? 0) - (engine.bookkeepingOf(b)?.openedAt ?? 0) ||
        (a < b ? -1 : 1),
    );
    const handled = ids.map((id) => {
      const run = engine.runOf(id);
      const state = run ? undefined : engine.protocolOf(id);
      const handling = run ? runHandling(engine, run) : handlingOf(engine, state);
      const step = run ? runFinalStep(run) : state ? state.visits.at(-1)!.step : null;
      return { id, handling, step, findings: run?.findings ?? null };
    });
    const handling = bestHandling(handled.map((h) => h.handling));
    const best = handled.find((h) => h.handling === handling) ?? handled[0];
    let severity: Severity | null = null;
    for (const id of ids) {
      const s = engine.bookkeepingOf(id)?.severity;
      if (s) severity = severity === null ? s : graverSeverity(severity, s);
    }
    const closedAll =
      ids.length > 0 &&
      ids.every(
        (id) =>
          engine.runOf(id)?.closed === true ||
          engine.protocolOf(id)?.closed === true ||
          alerts.find((a) => a.id === id)?.view.closed === true,
      );
    return {
      name,
      truth,
      firstAt: events[seqs[0]!]!.at,
      events: seqs.length,
      shown: seqs.filter((seq) => seq < shownCount).length,
      alertIds: ids,
      severity,
      handling,
      verdict: verdictOf(truth, handling, running),
      step: best?.step ?? null,
      acknowledged: ids.some((id) => (engine.bookkeepingOf(id)?.acknowledged ?? null) !== null),
      closed: closedAll,
      findings: best?.findings ? { ...best.findings } : null,
    };
  });
  return { injects, incidents };
}

/**
 * Times worth skipping to: when each inject still to come is due, in order
 * (the MSEL's phases as the controller runs them), after `now`.
 */
export function skipTargets(
  plan: ExercisePlan,
  now: number,
): { at: number; eventId: string; label: string }[] {
  return plan.injects
    .filter((i) => i.status === 'scheduled' || i.status === 'moved')
    .filter((i) => i.dueAt > now)
    .sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq)
    .map((i) => ({ at: i.dueAt, eventId: i.eventId, label: i.objective ?? i.method ?? 'inject' }));
}
