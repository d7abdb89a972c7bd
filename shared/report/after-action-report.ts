// The after-action report of an exercise (HSEEP AAR style), computed from its
// log plus the scenario's ground truth. The same typed object feeds the CLI's
// JSON and Markdown and the app's report screen.
//
// Definitions (all on the exercise clock, grouped by the highest severity the
// alert reached). An alert is "raised" when its severity entered it into the
// protocol, or when it opened if that never happened (an alert that opened
// low and rose to medium hours later is not counted as waiting meanwhile):
// - time to acknowledge: raised -> the operator's `ack` of it;
// - time to notify: raised -> the last party acknowledgement that completed
//   a step collecting acks (the built-in `notify`);
// - time to consult: raised -> first entry into `consult`;
// - a deadline is met when the step was left before it fell due, breached
//   when a `deadline-breach` was logged, open when the exercise ended first;
// - ground truth is judged per scripted incident (the events' controller-only
//   `incident` field, docs/ALERTS-AND-SEVERITY.md): one outcome per incident,
//   whatever the number of alerts its events fell into, handled as well as
//   its best-handled alert (escalated, then in progress, then dismissed);
//   alerts whose events name no incident are judged alone, as before;
// - the truth of an incident (or lone alert): `violation` if any of its events
//   is one, else `false-positive` if every event with a truth is one, else
//   `ambiguous` (or `unknown` when no event carries a truth);
// - escalated: the run reached a step collecting acks, `consult` or `refer`;
//   dismissed: closed without being escalated. Alerts linked into one
//   incident by the operator share one run, counted once;
// - a real violation not escalated is missed once the exercise has ended, or
//   once it was dismissed; in a running exercise one still in the queue or in
//   progress is open (there is still time to escalate it);
// - a scripted inject (a message) is judged on the one thing about it the
//   console lets the operator do: link it to an alert (`message-linked`).
//   Every link is credited; a message whose expected action asks for a link
//   ("link it to the Kerrow alert") and has none is not linked once the
//   exercise has ended, open while it runs. Its other expected actions
//   (record, reply, report) are listed for the evaluator, not scored.
import type { CertaintyBand } from '../alerts/bands';
import type { LogEntry } from '../audit/entry';
import { readExerciseCreated, resumeExercise } from '../exercise/exercise-session';
import type { ExerciseEntry } from '../exercise/log-data';
import type { ExerciseEngine } from '../exercise/exercise-engine';
import type { AlertProtocolState } from '../protocol/protocol-state';
import { CLOSE_STEP } from '../protocol/schema';
import { SEVERITIES, graverSeverity, type Severity } from '../alerts/bands';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import { isMessageEvent, messageOf } from '../exercise/messages';
import { summarizeDurations, type DurationStats } from './summary-stats';
import { runFinalStep, runHandling, runStepFigures } from './run-figures';

export const REPORT_FORMAT = 'truceline-aar';

export type AlertTruth = 'violation' | 'false-positive' | 'ambiguous' | 'unknown';
/**
 * `recorded`: closed with the finding "violation recorded" (counted in the
 * daily report, the parties not called) without reaching the parties.
 */
export type AlertHandling = 'escalated' | 'recorded' | 'dismissed' | 'in-progress' | 'not-handled';
export type OutcomeVerdict =
  | 'false-alarm-closed-correctly'
  | 'false-alarm-escalated'
  | 'violation-escalated'
  /** Recorded for the daily report: a decision to weigh against the inject's expected action. */
  | 'violation-recorded'
  /** A false alarm recorded as a violation: it would stand in the daily report. */
  | 'false-alarm-recorded'
  | 'violation-missed'
  /** Not escalated yet, not dismissed, and the exercise is still running. */
  | 'violation-open'
  | 'other';

export interface ResponseTimes {
  acknowledge: DurationStats;
  notify: DurationStats;
  consult: DurationStats;
}

export interface StepFigures {
  step: string;
  title: string;
  visits: number;
  deadline_min: number | null;
  deadlines_met: number;
  deadlines_breached: number;
  /** Still running when the exercise ended, not yet due. */
  deadlines_open: number;
  time_in_step: DurationStats;
}

export interface AlertOutcome {
  /** The scripted incident judged (the events' `incident`), or null for an alert judged alone. */
  incident: string | null;
  /** The alert shown for it (the first opened), and every alert holding its events. */
  alert_id: string;
  alert_ids: string[];
  title: string;
  severity: Severity;
  truth: AlertTruth;
  handling: AlertHandling;
  verdict: OutcomeVerdict;
  /** Current step at the end (null: never in the protocol). */
  final_step: string | null;
  event_ids: string[];
  opened_at: string;
  /**
   * What a version-2 run was closed with (docs/ESCALATION-PROTOCOL.md,
   * "Findings on close"); absent while it is open, and for version 1 (additive).
   */
  findings?: { attribution: string; intent: string; outcome: string; evidence: string };
}

export interface KeyDecision {
  exercise_time: string;
  seq: number;
  actor: string;
  alert_id: string | null;
  step_id: string | null;
  text: string;
}

export interface ImprovementItem {
  observation: string;
  corrective_action: string;
}

/** What became of a scripted inject (a message) that arrived during the exercise. */
export type MessageVerdict =
  /** Linked to one alert or more: credited. */
  | 'linked'
  /** Its expected action asks for a link, and the exercise ended without one. */
  | 'not-linked'
  /** Its expected action asks for a link; none yet, and the exercise is still running. */
  | 'link-open'
  /** Not linked, and its expected action does not ask for a link. */
  | 'no-link-asked';

export interface MessageOutcome {
  /** The inject's event id (the MSEL number). */
  event_id: string;
  /** When it arrived (exercise time). */
  exercise_time: string;
  from: string | null;
  summary: string;
  /** The MSEL's expected player action (controller-only in play; the evaluator's yardstick). */
  expected_action: string | null;
  /** Its expected action asks the operator to link it to an alert. */
  link_asked: boolean;
  /** The alerts it was linked to, in the order linked. */
  linked_to: string[];
  verdict: MessageVerdict;
}

export interface AfterActionReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  classification: string;
  exercise: {
    id: string;
    title: string;
    scenario_id: string;
    scenario_hash: string;
    protocol_hash: string;
    scoring_hash: string;
    app_version: string;
    started: string;
    ended: string | null;
    entries: number;
    head_hash: string;
    /**
     * Who took part, by name and role, in the order they first acted: every
     * actor of the log but the system (the scripted SimCell included, so an
     * evaluator sees who played the parties).
     */
    participants: { name: string; role: string }[];
  };
  /** Key id of the signature, or null for an unsigned log. */
  key_id: string | null;
  counts: {
    alerts: number;
    alerts_in_protocol: number;
    alerts_closed: number;
    /** Scripted incidents (events' `incident`) judged as one each. */
    incidents: number;
    deadline_breaches: number;
    injects: number;
  };
  response_times: Record<Severity | 'all', ResponseTimes>;
  steps: StepFigures[];
  outcomes: {
    false_alarms_closed_correctly: number;
    false_alarms_escalated: number;
    violations_escalated: number;
    /** Real violations recorded for the daily report without calling the parties. */
    violations_recorded: number;
    /** False alarms recorded as violations. */
    false_alarms_recorded: number;
    violations_missed: number;
    /** Real violations still open in a running exercise (0 once it has ended). */
    violations_open: number;
    alerts: AlertOutcome[];
  };
  /** The scripted injects that arrived, in order of arrival, with their links. */
  messages: MessageOutcome[];
  timeline: KeyDecision[];
  strengths: string[];
  improvements: ImprovementItem[];
}

/** An expected action that asks for the message to be linked ("link it to the alert"). */
const LINK_ASKED = /\blink\b/i;

/** The scripted injects shown by the end of the log, each with the links logged for it. */
function messageOutcomes(
  scenario: LoadedScenario,
  entries: readonly ExerciseEntry[],
  shownCount: number,
  running: boolean,
): MessageOutcome[] {
  const links = new Map<string, string[]>();
  for (const e of entries) {
    if (e.kind !== 'message-linked') continue;
    const alertId = e.alert_id;
    if (typeof alertId !== 'string') continue;
    const list = links.get(e.data.event_id) ?? [];
    if (!list.includes(alertId)) list.push(alertId);
    links.set(e.data.event_id, list);
  }
  const out: MessageOutcome[] = [];
  for (const replay of scenario.events.slice(0, shownCount)) {
    if (!isMessageEvent(replay)) continue;
    const m = messageOf(replay, scenario.events.length);
    const expected = replay.event.expected_action ?? null;
    const linkAsked = expected !== null && LINK_ASKED.test(expected);
    const linkedTo = links.get(m.eventId) ?? [];
    out.push({
      event_id: m.eventId,
      exercise_time: iso(m.at),
      from: m.from,
      summary: m.text,
      expected_action: expected,
      link_asked: linkAsked,
      linked_to: linkedTo,
      verdict:
        linkedTo.length > 0
          ? 'linked'
          : !linkAsked
            ? 'no-link-asked'
            : running
              ? 'link-open'
              : 'not-linked',
    });
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Every name and role that acted, but the system's, in order of first entry. */
function participantsOf(entries: readonly LogEntry[]): { name: string; role: string }[] {
  const seen = new Map<string, { name: string; role: string }>();
  for (const e of entries) {
    if (e.role === 'system') continue;
    const key = `${e.actor}\u0000${e.role}`;
    if (!seen.has(key)) seen.set(key, { name: e.actor, role: e.role });
  }
  return [...seen.values()];
}
const time = (entry: LogEntry) => Date.parse(entry.exercise_time!);
const ESCALATION_STEPS = new Set(['consult', 'refer']);

/** The truth of an incident from its events' truths (see the definitions above). */
export function truthOf(truths: readonly (string | undefined)[]): AlertTruth {
  const given = truths.filter((t) => t !== undefined);
  if (given.includes('violation')) return 'violation';
  if (given.length === 0) return 'unknown';
  return given.every((t) => t === 'false-positive') ? 'false-positive' : 'ambiguous';
}

/** Best handling first: one escalated alert is enough for an incident. */
const HANDLING_ORDER: readonly AlertHandling[] = [
  'escalated',
  'recorded',
  'in-progress',
  'dismissed',
  'not-handled',
];
export function bestHandling(list: readonly AlertHandling[]): AlertHandling {
  let best: AlertHandling = 'not-handled';
  for (const h of list) if (HANDLING_ORDER.indexOf(h) < HANDLING_ORDER.indexOf(best)) best = h;
  return best;
}

/** How a version-1 run was handled (version 2: runHandling in run-figures.ts). */
export function handlingOf(
  engine: ExerciseEngine,
  state: AlertProtocolState | undefined,
): AlertHandling {
  if (!state) return 'not-handled';
  const escalated = state.visits.some((v) => {
    const step = engine.ctx.protocol.steps.get(v.step);
    return ESCALATION_STEPS.has(v.step) || step?.acks !== undefined;
  });
  if (escalated) return 'escalated';
  return state.closed ? 'dismissed' : 'in-progress';
}

/** The verdict on an outcome: its truth against its handling, open while the exercise runs. */
export function verdictOf(
  truth: AlertTruth,
  handling: AlertHandling,
  running: boolean,
): OutcomeVerdict {
  if (truth === 'false-positive') {
    if (handling === 'dismissed') return 'false-alarm-closed-correctly';
    if (handling === 'escalated') return 'false-alarm-escalated';
    if (handling === 'recorded') return 'false-alarm-recorded';
  }
  if (truth === 'violation') {
    if (handling === 'escalated') return 'violation-escalated';
    if (handling === 'recorded') return 'violation-recorded';
    return running && handling !== 'dismissed' ? 'violation-open' : 'violation-missed';
  }
  return 'other';
}

function describeDecision(entry: ExerciseEntry): string | null {
  switch (entry.kind) {
    case 'protocol-action': {
      const d = entry.data;
      switch (d.type) {
        case 'action': {
          const detail = d.inputs.rationale ?? d.inputs.measures ?? d.inputs.summary;
          return `${d.label} (${d.from} → ${d.to})${detail ? `: ${detail}` : ''}`;
        }
        case 'start':
          return `Protocol started by hand at ${d.to}`;
        case 'severity-jump':
          return `Jumped to ${d.to} after severity rose to ${d.severity}`;
        case 'dismiss-severity-prompt':
          return `Declined to jump to ${d.target} after severity rose to ${d.severity}`;
        case 'deadline-escalation':
          return `Deadline breached in ${d.from}: escalated to ${d.to}`;
        case 'new-event':
          return `New event ${d.event_id} moved the alert from ${d.from} to ${d.to}`;
        default:
          return null;
      }
    }
    case 'party-move': {
      const d = entry.data;
      const said = d.inputs.text ?? d.inputs.rationale ?? d.inputs.measures;
      return `Party ${entry.party ?? '?'} (${entry.actor}): ${d.move} in ${d.from}${said ? `: ${said}` : ''}`;
    }
    case 'report-product':
      return `${entry.data.product}: ${entry.data.text}`;
    // Two alerts read as one incident (a launch and its impact) is a decision
    // the evaluator weighs like any other.
    case 'link': {
      const [primary, other] = entry.data.alert_ids;
      const ended = entry.data.superseded ? ` (the run of ${entry.data.superseded} ended)` : '';
      return `Linked ${other} into incident ${entry.data.incident} of ${primary}${ended}`;
    }
    case 'unlink':
      return `Unlinked from incident ${entry.data.incident}`;
    case 'deadline-breach':
      return entry.data.escalated_to ? null : `Deadline breached in ${entry.step_id} (flagged)`;
    case 'inject':
      return `Inject: ${entry.data.summary}`;
    case 'inject-control': {
      const d = entry.data;
      if (d.action === 'move') return `Inject ${d.event_id} moved from ${d.from} to ${d.to}`;
      return `Inject ${d.event_id} ${d.action === 'deliver' ? 'delivered now' : `${d.action}ed`}`;
    }
    case 'exercise-ended':
      return `Exercise ended: ${entry.data.reason}`;
    default:
      return null;
  }
}

export interface ReportInput {
  scenario: LoadedScenario;
  entries: readonly LogEntry[];
  /** Key id of the bundle's signature (null: unsigned). */
  keyId: string | null;
}

/**
 * An alert's two measures at the end of the log (docs/ALERTS-AND-SEVERITY.md),
 * for screens that show them beside the report. Not part of the report's
 * format: version-1 reports stay what version 1 gave.
 */
export interface AlertMeasures {
  gravity: number;
  severity: Severity;
  /** Null for a log recorded with the version-1 model (its one score is the gravity). */
  certainty: number | null;
  certainty_band: CertaintyBand | null;
}

/** The report and, beside it, every alert's measures at the end of the log. */
export interface AfterActionReview {
  report: AfterActionReport;
  measures: ReadonlyMap<string, AlertMeasures>;
}

/** Builds the after-action report; refuses (throws) a scenario whose hash is not the log's. */
export async function buildAfterActionReport(input: ReportInput): Promise<AfterActionReport> {
  return (await buildAfterActionReview(input)).report;
}

/** The measures of an outcome: those of its gravest alert (then the most certain, then the first listed). */
export function outcomeMeasures(
  outcome: Pick<AlertOutcome, 'alert_ids'>,
  measures: ReadonlyMap<string, AlertMeasures>,
): AlertMeasures | null {
  let best: AlertMeasures | null = null;
  for (const id of outcome.alert_ids) {
    const m = measures.get(id);
    if (!m) continue;
    if (
      best === null ||
      m.gravity > best.gravity ||
      (m.gravity === best.gravity && (m.certainty ?? -1) > (best.certainty ?? -1))
    )
      best = m;
  }
  return best;
}

/** The report, with every alert's measures at the end of the log. */
export async function buildAfterActionReview(input: ReportInput): Promise<AfterActionReview> {
  const { scenario } = input;
  const engine = await resumeExercise(scenario, input.entries);
  // Resuming has just checked every entry: each is one the engine wrote
  // (regenerated and compared, or parsed with its kind's schema) or an
  // export record, so each is typed by its kind.
  const entries = input.entries as readonly ExerciseEntry[];
  // Version 2 runs several tracks per incident: read through run-figures.ts.
  const protocol = engine.protocolFormat === 1 ? engine.ctx.protocol : null;
  const opened = new Map<string, number>();
  const maxSeverity = new Map<string, Severity>();
  const acked = new Map<string, number>();
  const raised = new Map<string, number>();
  const raise = (id: string, s: Severity) => {
    const before = maxSeverity.get(id);
    maxSeverity.set(id, before ? graverSeverity(before, s) : s);
  };
  for (const entry of entries) {
    const id = entry.alert_id;
    if (!id) continue;
    if (entry.kind === 'alert-opened' && !opened.has(id)) {
      opened.set(id, time(entry));
      raise(id, entry.data.severity);
    } else if (entry.kind === 'alert-severity-changed') raise(id, entry.data.to);
    else if (entry.kind === 'ack' && !acked.has(id)) acked.set(id, time(entry));
    else if (entry.kind === 'protocol-action' && entry.data.type === 'enter' && !raised.has(id))
      raised.set(id, time(entry));
  }

  const groups = [...SEVERITIES, 'all'] as const;
  const samples = Object.fromEntries(
    groups.map((g) => [
      g,
      { acknowledge: [] as number[], notify: [] as number[], consult: [] as number[] },
    ]),
  );
  const add = (id: string, metric: 'acknowledge' | 'notify' | 'consult', ms: number) => {
    samples[maxSeverity.get(id) ?? 'info']![metric].push(ms);
    samples.all![metric].push(ms);
  };
  const stepVisits = new Map<
    string,
    { met: number; breached: number; open: number; visits: number; durations: number[] }
  >();
  for (const step of protocol?.document.steps ?? [])
    stepVisits.set(step.id, { met: 0, breached: 0, open: 0, visits: 0, durations: [] });

  const ranked = engine.alerts();
  const byEventId = new Map(scenario.events.map((e) => [e.event.id, e.event]));
  const perAlert: {
    id: string;
    title: string;
    severity: Severity;
    handling: AlertHandling;
    finalStep: string | null;
    eventIds: string[];
    openedAt: number;
    inProtocol: boolean;
    findings: AlertOutcome['findings'];
  }[] = [];
  const counted = new Set<AlertProtocolState>();
  const countRun = (id: string, state: AlertProtocolState, raisedAt: number) => {
    if (counted.has(state)) return;
    counted.add(state);
    const notified = state.visits.find((v) => {
      const step = protocol!.steps.get(v.step);
      return (
        step?.acks !== undefined &&
        v.acks.length > 0 &&
        engine.ctx.parties.length > 0 &&
        v.acks.length >= askedCount(engine, v.step)
      );
    });
    if (notified) add(id, 'notify', Math.max(...notified.acks.map((a) => a.at)) - raisedAt);
    const consult = state.visits.find((v) => v.step === 'consult');
    if (consult) add(id, 'consult', consult.enteredAt - raisedAt);
    for (const v of state.visits) {
      if (v.step === CLOSE_STEP) continue;
      const figures = stepVisits.get(v.step);
      if (!figures) continue;
      figures.visits += 1;
      figures.durations.push((v.leftAt ?? engine.now) - v.enteredAt);
      if (v.deadlineAt === null) continue;
      if (v.breachedAt !== null) figures.breached += 1;
      else if (v.leftAt !== null) figures.met += 1;
      else figures.open += 1;
    }
  };
  for (const alert of ranked) {
    const id = alert.id;
    const openedAt = opened.get(id) ?? alert.view.lastShownAt;
    const raisedAt = raised.get(id) ?? openedAt;
    // An alert linked into an incident follows the incident's run.
    const state = engine.protocolOf(id);
    const run = engine.runOf(id);
    const ackAt = acked.get(id);
    if (ackAt !== undefined) add(id, 'acknowledge', Math.max(0, ackAt - raisedAt));
    if (state) countRun(engine.unitOf(id), state, raised.get(engine.unitOf(id)) ?? raisedAt);
    perAlert.push({
      id,
      title: alert.view.title,
      severity: maxSeverity.get(id) ?? alert.severity,
      handling: run ? runHandling(engine, run) : handlingOf(engine, state),
      finalStep: state
        ? state.visits[state.visits.length - 1]!.step
        : run
          ? runFinalStep(run)
          : null,
      eventIds: [...alert.eventIds],
      openedAt,
      inProtocol: state !== undefined || run !== undefined,
      findings: run?.findings ? { ...run.findings } : undefined,
    });
  }
  for (const [unit, state] of engine.supersededRuns()) countRun(unit, state, raised.get(unit) ?? 0);

  const outcomes: AlertOutcome[] = [];
  const running = !entries.some((e) => e.kind === 'exercise-ended');
  // Scripted incidents first gather every alert holding one of their events.
  const incidents = new Map<string, { alerts: typeof perAlert; truths: (string | undefined)[] }>();
  for (const a of perAlert) {
    let scripted = false;
    for (const eventId of a.eventIds) {
      const event = byEventId.get(eventId);
      const name = event?.incident;
      if (name === undefined) continue;
      scripted = true;
      const group = incidents.get(name) ?? { alerts: [], truths: [] };
      if (!group.alerts.includes(a)) group.alerts.push(a);
      group.truths.push(event!.truth);
      incidents.set(name, group);
    }
    if (scripted) continue;
    const truth = truthOf(a.eventIds.map((e) => byEventId.get(e)?.truth));
    if (!a.inProtocol && truth !== 'violation' && truth !== 'false-positive') continue;
    outcomes.push({
      incident: null,
      alert_id: a.id,
      alert_ids: [a.id],
      title: a.title,
      severity: a.severity,
      truth,
      handling: a.handling,
      verdict: verdictOf(truth, a.handling, running),
      final_step: a.finalStep,
      event_ids: a.eventIds,
      opened_at: iso(a.openedAt),
      ...(a.findings ? { findings: a.findings } : {}),
    });
  }
  for (const [name, group] of incidents) {
    const alerts = [...group.alerts].sort(
      (x, y) => x.openedAt - y.openedAt || (x.id < y.id ? -1 : 1),
    );
    const first = alerts[0]!;
    const truth = truthOf(group.truths);
    const handling = bestHandling(alerts.map((a) => a.handling));
    const best = alerts.find((a) => a.handling === handling) ?? first;
    let severity: Severity = 'info';
    for (const a of alerts) severity = graverSeverity(severity, a.severity);
    outcomes.push({
      incident: name,
      alert_id: first.id,
      alert_ids: alerts.map((a) => a.id),
      title: first.title,
      severity,
      truth,
      handling,
      verdict: verdictOf(truth, handling, running),
      final_step: best.finalStep,
      event_ids: alerts.flatMap((a) =>
        a.eventIds.filter((e) => byEventId.get(e)?.incident === name),
      ),
      opened_at: iso(first.openedAt),
      ...(best.findings ? { findings: best.findings } : {}),
    });
  }
  outcomes.sort((a, b) =>
    a.opened_at < b.opened_at
      ? -1
      : a.opened_at > b.opened_at
        ? 1
        : a.alert_id < b.alert_id
          ? -1
          : a.alert_id > b.alert_id
            ? 1
            : (a.incident ?? '') < (b.incident ?? '')
              ? -1
              : 1,
  );

  const responseTimes = Object.fromEntries(
    groups.map((g) => [
      g,
      {
        acknowledge: summarizeDurations(samples[g]!.acknowledge),
        notify: summarizeDurations(samples[g]!.notify),
        consult: summarizeDurations(samples[g]!.consult),
      },
    ]),
  ) as Record<Severity | 'all', ResponseTimes>;
  const steps: StepFigures[] = !protocol
    ? runStepFigures(engine)
    : protocol.document.steps.map((step) => {
        const f = stepVisits.get(step.id)!;
        return {
          step: step.id,
          title: step.title,
          visits: f.visits,
          deadline_min: step.deadline_min ?? null,
          deadlines_met: f.met,
          deadlines_breached: f.breached,
          deadlines_open: f.open,
          time_in_step: summarizeDurations(f.durations),
        };
      });

  const timeline: KeyDecision[] = [];
  for (const entry of entries) {
    const text = describeDecision(entry);
    if (text === null) continue;
    timeline.push({
      exercise_time: entry.exercise_time!,
      seq: entry.seq,
      actor: entry.actor,
      alert_id: entry.alert_id ?? null,
      step_id: entry.step_id ?? null,
      text,
    });
  }

  const count = (v: OutcomeVerdict) => outcomes.filter((o) => o.verdict === v).length;
  const created = entries[0]!;
  const last = entries[entries.length - 1]!;
  const ended = entries.find((e) => e.kind === 'exercise-ended');
  const createdData = readExerciseCreated(entries, scenario);
  const report: AfterActionReport = {
    format: REPORT_FORMAT,
    version: 1,
    classification: scenario.classification,
    exercise: {
      id: created.exercise_id,
      title: scenario.title,
      scenario_id: scenario.id,
      scenario_hash: scenario.hash,
      protocol_hash: createdData.protocol.hash,
      scoring_hash: createdData.scoring.hash,
      app_version: createdData.app_version,
      started: created.exercise_time ?? iso(scenario.start),
      ended: ended?.exercise_time ?? null,
      entries: entries.length,
      head_hash: last.hash,
      participants: participantsOf(entries),
    },
    key_id: input.keyId,
    counts: {
      alerts: ranked.length,
      alerts_in_protocol: ranked.filter((a) => engine.protocolOf(a.id) ?? engine.runOf(a.id))
        .length,
      alerts_closed: ranked.filter(
        (a) => engine.protocolOf(a.id)?.closed ?? engine.runOf(a.id)?.closed,
      ).length,
      incidents: incidents.size,
      deadline_breaches: entries.filter((e) => e.kind === 'deadline-breach').length,
      injects: entries.filter((e) => e.kind === 'inject').length,
    },
    response_times: responseTimes,
    steps,
    outcomes: {
      false_alarms_closed_correctly: count('false-alarm-closed-correctly'),
      false_alarms_escalated: count('false-alarm-escalated'),
      violations_escalated: count('violation-escalated'),
      violations_recorded: count('violation-recorded'),
      false_alarms_recorded: count('false-alarm-recorded'),
      violations_missed: count('violation-missed'),
      violations_open: count('violation-open'),
      alerts: outcomes,
    },
    messages: messageOutcomes(scenario, entries, engine.shownCount, ended === undefined),
    timeline,
    strengths: [],
    improvements: [],
  };
  const { strengths, improvements } = assess(report, engine);
  report.strengths = strengths;
  report.improvements = improvements;
  // Only a version-1 log opens read-only; its certainty is the tracker's stand-in, not a measure.
  const v1 = engine.readOnly !== null;
  const measures = new Map<string, AlertMeasures>(
    ranked.map((a) => [
      a.id,
      {
        gravity: a.gravity,
        severity: a.severity,
        certainty: v1 ? null : a.certainty,
        certainty_band: v1 ? null : a.certaintyBand,
      },
    ]),
  );
  return { report, measures };
}

function askedCount(engine: ExerciseEngine, stepId: string): number {
  const step = engine.ctx.protocol.steps.get(stepId);
  if (!step || step.acks === undefined) return 0;
  return step.acks === 'all-parties'
    ? engine.ctx.parties.filter((p) => p.role === 'party').length
    : step.acks.length;
}

/** An outcome as named in the report: its scripted incident and alerts, or its alert. */
export function outcomeName(o: AlertOutcome): string {
  return o.incident === null ? o.alert_id : `incident ${o.incident} (${o.alert_ids.join(', ')})`;
}

/** Up to 12 ids, then how many more. */
function listIds(ids: readonly string[]): string {
  return ids.length <= 12
    ? ids.join(', ')
    : `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more`;
}

const fmt = (min: number | null) => (min === null ? '—' : `${min} min`);

/** HSEEP-style strengths and areas for improvement, each from a stated threshold. */
function assess(
  report: AfterActionReport,
  engine: ExerciseEngine,
): { strengths: string[]; improvements: ImprovementItem[] } {
  const strengths: string[] = [];
  const improvements: ImprovementItem[] = [];
  const all = report.response_times.all;
  if (all.acknowledge.count > 0) {
    if ((all.acknowledge.median_min ?? 0) <= 5) {
      strengths.push(
        `Alerts were acknowledged promptly: median ${fmt(all.acknowledge.median_min)}, worst ${fmt(all.acknowledge.max_min)} (${all.acknowledge.count} alerts).`,
      );
    } else {
      improvements.push({
        observation: `Alerts waited a median ${fmt(all.acknowledge.median_min)} (worst ${fmt(all.acknowledge.max_min)}) before an operator acknowledged them.`,
        corrective_action:
          'Assign a second operator to the queue during busy periods; acknowledge before reading in depth.',
      });
    }
  }
  const unacked = report.outcomes.alerts.filter(
    (o) => o.final_step !== null && !engine.bookkeepingOf(o.alert_id)?.acknowledged,
  ).length;
  if (unacked > 0) {
    improvements.push({
      observation: `${unacked} alert(s) entered the protocol but were never acknowledged by an operator.`,
      corrective_action:
        'Review the queue at every shift handover; no alert in the protocol should stay unacknowledged.',
    });
  }
  for (const step of report.steps) {
    const due = step.deadlines_met + step.deadlines_breached;
    if (step.deadline_min === null || due === 0) continue;
    const rate = step.deadlines_breached / due;
    if (rate > 0.2) {
      improvements.push({
        observation: `${step.title} (${step.step}): ${step.deadlines_breached} of ${due} deadlines of ${step.deadline_min} min were breached.`,
        corrective_action:
          step.step === 'notify'
            ? 'Pre-agree hotline contacts and a call order with every liaison officer; call in parallel.'
            : step.step === 'triage'
              ? 'Triage in the order of the deadlines shown; escalate clear cases without full reading.'
              : `Plan for the ${step.deadline_min}-minute limit of this step when several alerts are open.`,
      });
    } else if (due >= 3) {
      strengths.push(
        `${step.title} (${step.step}): ${step.deadlines_met} of ${due} deadlines met.`,
      );
    }
  }
  const o = report.outcomes;
  if (o.false_alarms_closed_correctly > 0) {
    strengths.push(
      `${o.false_alarms_closed_correctly} false alarm(s) were recognised and closed without alarming the parties.`,
    );
  }
  if (o.false_alarms_escalated > 0) {
    const ids = o.alerts.filter((a) => a.verdict === 'false-alarm-escalated').map(outcomeName);
    improvements.push({
      observation: `${o.false_alarms_escalated} false alarm(s) were escalated to the parties: ${listIds(ids)}.`,
      corrective_action:
        'Verify single-source and low-confidence reports (drone sortie, ground patrol) before notifying.',
    });
  }
  if (o.false_alarms_recorded > 0) {
    const ids = o.alerts.filter((a) => a.verdict === 'false-alarm-recorded').map(outcomeName);
    improvements.push({
      observation: `${o.false_alarms_recorded} false alarm(s) were recorded as violations for the daily report: ${listIds(ids)}.`,
      corrective_action:
        'Record only what the evidence supports: a lone low-confidence report is verified or closed, not counted.',
    });
  }
  if (o.violations_recorded > 0) {
    const ids = o.alerts.filter((a) => a.verdict === 'violation-recorded').map(outcomeName);
    improvements.push({
      observation: `${o.violations_recorded} real violation(s) were recorded for the daily report without calling the parties: ${listIds(ids)}.`,
      corrective_action:
        "Weigh each against its inject's expected action: what is grave, harmful, at the mission or a settlement, or a weapon or forces where they are barred, goes before the parties.",
    });
  }
  if (o.violations_missed > 0) {
    const ids = o.alerts.filter((a) => a.verdict === 'violation-missed').map(outcomeName);
    improvements.push({
      observation:
        report.exercise.ended === null
          ? `${o.violations_missed} real violation(s) were closed without being escalated: ${listIds(ids)}.`
          : `${o.violations_missed} real violation(s) were not escalated by the end of the exercise: ${listIds(ids)}.`,
      corrective_action:
        'Re-check dismissed and monitored alerts against new reports; do not close an alert with heavy weapons in a restricted zone without verification.',
    });
  } else if (o.violations_escalated > 0 && o.violations_open === 0) {
    strengths.push(
      `Every real violation (${o.violations_escalated}) was escalated to the parties.`,
    );
  }
  const linked = report.messages.filter((m) => m.verdict === 'linked');
  if (linked.length > 0) {
    strengths.push(
      `${linked.length} message(s) were linked to their alerts: ${listIds(linked.map((m) => `${m.event_id} → ${m.linked_to.join(', ')}`))}.`,
    );
  }
  const unlinked = report.messages.filter((m) => m.verdict === 'not-linked');
  if (unlinked.length > 0) {
    improvements.push({
      observation: `${unlinked.length} message(s) whose expected action asks for a link to an alert were never linked: ${listIds(unlinked.map((m) => m.event_id))}.`,
      corrective_action:
        'Read each hotline call and statement as it arrives and link it to the alert it is about (Messages, "Link to"), so the evidence and the parties\' words stay together.',
    });
  }
  return { strengths, improvements };
}
