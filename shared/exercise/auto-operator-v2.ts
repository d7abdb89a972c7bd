// The `auto` policy on a protocol-version-2 exercise (docs/CLI.md): the same
// diligent operator as auto-operator.ts, working every open track of an
// incident — triage, verification, hotline, request for explanation,
// consultation, reporting — and issuing the mission's report products,
// including a daily report at the scenario's local reporting hour. The
// parties are not played here: the engine plays their scripted moves
// (scripted-parties.ts); this policy only reads what they did in the run, and
// asks the simulation cell (PartySide) when the meeting sits and what
// measures are on the table, as the operator would hear it from the parties.
import { severityRank } from '../alerts/bands';
import { INPUT_MAX, openTracks, type ProtocolRun, type RunVisit } from '../protocol/protocol-run';
import { ALL_PARTIES } from '../protocol/schema';
import {
  DEFAULT_DAILY_REPORT_HOUR,
  dailyCutoffs,
  dailyFacts,
  dailyReportText,
  incidentFacts,
  localHourInstants,
  meetingSummaryText,
  requestForExplanationText,
  spotReportText,
} from './report-products';
import type { ExerciseEngine, ExerciseActor } from './exercise-engine';
import type { AlertSnapshot } from './exercise-snapshot';
import type { PartySide } from './sim-cell';
import { awaitsImpactUntil, isImpact, isLaunch, landsFrom } from './launch-impact';
import { partyOnSide } from './side-of-line';
import type { Zone } from '../scenario/loaded-scenario';
import {
  NO_DEADLINE,
  attributed,
  chance,
  createReader,
  injectTasks,
  judgeEvidence,
  needsTheParties,
  readingOf,
  planNext,
  reviewTasks,
  type EvidenceJudgement,
  type ExercisePolicy,
  type OperatorEvent,
  type Reader,
  type Task,
} from './auto-operator';

const MIN = 60_000;
const HOUR = 60 * MIN;
// The daily cut-off and the products' texts are the console's too (report-products.ts).
export { DEFAULT_DAILY_REPORT_HOUR, localHourInstants };

/** The auto policy for one operator on a version-2 exercise. */
export function createAutoOperatorV2(actor: ExerciseActor, parties: PartySide): ExercisePolicy {
  let reader: { engine: ExerciseEngine; read: Reader; daily: readonly number[] } | null = null;
  return {
    actor,
    next(engine) {
      if (reader?.engine !== engine) {
        reader = { engine, read: createReader(engine), daily: dailyCutoffs(engine) };
      }
      const { read, daily } = reader;
      const tasks: Task[] = [];
      const alerts = engine.getSnapshot().alerts;
      const byId = new Map(alerts.map((a) => [a.id, a]));
      for (const alert of alerts) {
        tasks.push(...tasksFor(engine, alert, read, parties, byId));
      }
      tasks.push(...linkTasks(engine, alerts, read));
      tasks.push(...dailyReportTasks(engine, daily));
      return planNext(engine, actor, tasks);
    },
  };
}

function dailyReportTasks(engine: ExerciseEngine, instants: readonly number[]): Task[] {
  const issued = engine.products().filter((p) => p.product === 'daily-report');
  const due = instants.find((at) => !issued.some((p) => p.at >= at));
  if (due === undefined) return [];
  return [
    {
      alertId: '',
      availableAt: due,
      durationMin: 20,
      // The day's report goes out on time, whatever else waits.
      priority: -Infinity,
      what: 'issue the daily report',
      // As the console prefills it: the 24 hours to the cut-off, by category,
      // party and area, the restrictions on the mission, the open incidents.
      run: (e, a) =>
        e.issueProduct(
          'daily-report',
          dailyReportText(dailyFacts(e, due), e.setup.scenario.timezone),
          undefined,
          a,
        ),
    },
  ];
}

/** Whether the operator can still work on an alert: not closed, nor its run. */
function workable(engine: ExerciseEngine, alert: AlertSnapshot): boolean {
  return !alert.closed && !engine.runOf(alert.id)?.closed;
}

/**
 * Alerts the operator links into one incident, as it reads them (never from
 * ground truth): a report that refers to a report of another open alert, and
 * a launch whose rounds landed in another alert — an impact within minutes,
 * on the launch's direction of fire (launch-impact.ts). The incident's
 * protocol run is the one already in the protocol, else the graver alert's;
 * the other's run, if any, ends (docs/ALERTS-AND-SEVERITY.md, "Incidents").
 */
function linkTasks(engine: ExerciseEngine, alerts: readonly AlertSnapshot[], read: Reader): Task[] {
  const open = alerts.filter((a) => workable(engine, a));
  const byId = new Map(open.map((a) => [a.id, a]));
  const pairs: [AlertSnapshot, AlertSnapshot][] = [];
  for (const alert of open) {
    for (const link of alert.view.links) {
      const other = link.alertId === null ? undefined : byId.get(link.alertId);
      if (other && other !== alert) pairs.push([alert, other]);
    }
  }
  const launches = open.filter((a) => read(a).events.some(isLaunch));
  const impacts = open.filter((a) => read(a).events.some(isImpact));
  for (const launch of launches) {
    for (const impact of impacts) {
      if (launch === impact) continue;
      const fired = read(launch).events.filter(isLaunch);
      const landed = read(impact).events.filter(isImpact);
      if (fired.some((f) => landed.some((i) => landsFrom(f, i)))) pairs.push([launch, impact]);
    }
  }
  const tasks: Task[] = [];
  const seen = new Set<string>();
  for (const [a, b] of pairs) {
    if (engine.unitOf(a.id) === engine.unitOf(b.id)) continue;
    const [primary, other] = primaryFirst(engine, a, b);
    const key = `${primary.id}|${other.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const availableAt = Math.max(a.openedAt, b.openedAt);
    tasks.push({
      alertId: primary.id,
      availableAt,
      durationMin: 2,
      // Seen together, they are read as one incident before either is worked on further.
      priority: availableAt,
      what: `link ${other.id} into ${primary.id}`,
      run: (e, actor) => e.link(primary.id, other.id, actor),
    });
  }
  return tasks;
}

/**
 * The evidence rule applied to an incident: its measures (the engine's, the
 * same on every alert of it), and the factors any of its alerts shows.
 */
function incidentJudgement(members: readonly AlertSnapshot[]): EvidenceJudgement {
  const readings = members.map(readingOf);
  const first = readings[0]!;
  return judgeEvidence({
    ...first,
    harm: readings.some((r) => r.harm),
    breach: readings.some((r) => r.breach),
    mission: readings.some((r) => r.mission),
    protectedSite: readings.some((r) => r.protectedSite),
    kinds: [...new Set(readings.flatMap((r) => r.kinds))],
  });
}

/** The alert whose protocol run the incident keeps: the one in the protocol, else the graver. */
function primaryFirst(
  engine: ExerciseEngine,
  a: AlertSnapshot,
  b: AlertSnapshot,
): [AlertSnapshot, AlertSnapshot] {
  const runA = engine.runOf(a.id) !== undefined;
  const runB = engine.runOf(b.id) !== undefined;
  if (runA !== runB) return runA ? [a, b] : [b, a];
  const ga = (a.incident ?? a).gravity;
  const gb = (b.incident ?? b).gravity;
  if (ga !== gb) return ga > gb ? [a, b] : [b, a];
  return a.openedAt <= b.openedAt ? [a, b] : [b, a];
}

/**
 * Where no report names the party, the side of the line its fire came from:
 * the first located firing point (an outgoing round or a weapon in a firing
 * position), if the scenario's settlements tell the sides apart.
 */
function firingSide(events: readonly OperatorEvent[], zones: readonly Zone[]): string | null {
  // The reader keeps one events array per alert snapshot, and the operator
  // re-plans after every entry: the side is worked out once per array.
  const known = sideOfEvents.get(events);
  if (known !== undefined) return known;
  const side = firstFiringSide(events, zones);
  sideOfEvents.set(events, side);
  return side;
}
const sideOfEvents = new WeakMap<readonly OperatorEvent[], string | null>();

function firstFiringSide(events: readonly OperatorEvent[], zones: readonly Zone[]): string | null {
  for (const e of events) {
    if (e.subtype !== 'outgoing' && e.subtype !== 'firing-position') continue;
    if (e.lat === undefined || e.lon === undefined) continue;
    const side = partyOnSide(e.lon, e.lat, zones);
    if (side !== null) return side;
  }
  return null;
}

/**
 * What the operator records on leaving the hotline's escalation step: the
 * acknowledgements were taken in the notification step before it, so they
 * are read from every visit of the track, not from the escalation's own.
 */
export function hotlineEscalationSummary(visits: readonly RunVisit[]): string {
  const acked = [...new Set(visits.flatMap((v) => v.acks.map((a) => a.party)))];
  return acked.length > 0
    ? `Acknowledgements confirmed after the deadline (acknowledged: ${acked.join(', ')}); alternate numbers kept on watch.`
    : "Alternate numbers and the guarantors' duty officer called; no party has acknowledged.";
}

function findingsFor(
  party: string | null,
  outcome: string,
  intent: string,
  eventIds: readonly string[],
  summary: string,
): Record<string, string> {
  return {
    attribution: party ?? 'undetermined',
    intent,
    outcome,
    evidence: `Events ${eventIds.join(', ')}.`.slice(0, INPUT_MAX),
    summary,
  };
}

/** The moves the parties made in a visit, by kind. */
function movesIn(visit: RunVisit | undefined, move: string) {
  return (visit?.moves ?? []).filter((m) => m.move === move);
}

function tasksFor(
  engine: ExerciseEngine,
  alert: AlertSnapshot,
  read: Reader,
  parties: PartySide,
  byId: ReadonlyMap<string, AlertSnapshot>,
): Task[] {
  const run = engine.runOf(alert.id);
  if (alert.closed || run?.closed) return [];
  if (!run) return [...injectTasks(alert, read), ...reviewTasks(alert, read)];
  const id = alert.id;
  // An incident is judged on the reports and factors of all its alerts: the
  // launch names the party and the side of the line, the impact what was hit.
  const members = alert.incident
    ? alert.incident.alertIds
        .map((member) => byId.get(member))
        .filter((m): m is AlertSnapshot => m !== undefined)
    : [alert];
  const events = members.length === 1 ? read(alert).events : members.flatMap((m) => read(m).events);
  const judgement = members.length === 1 ? read(alert).judgement : incidentJudgement(members);
  const title = alert.view.title;
  const party = attributed(events) ?? firingSide(events, engine.setup.scenario.zones);
  const severity = (alert.incident ?? alert).severity;
  if (!alert.acknowledged) {
    return [
      {
        alertId: id,
        availableAt: alert.openedAt,
        durationMin: 1,
        // Below any deadline (an instant), so acknowledging comes first; the
        // gravest first, as rank 0 is critical.
        priority: severityRank(severity),
        what: 'acknowledge',
        run: (e, a) => e.acknowledge(id, a),
      },
    ];
  }
  if (alert.incident && !alert.incident.primary) return [];
  const eventIds = events.map((e) => e.id);
  const tasks: Task[] = [];
  for (const { track, visit } of openTracks(run)) {
    const urgency = visit.deadlineAt ?? NO_DEADLINE + severityRank(severity);
    const r = (salt: string) => chance(`${id}|${visit.step}|${visit.enteredAt}|${salt}`);
    const act = (
      availableAt: number,
      durationMin: number,
      action: string,
      inputs: Record<string, string> = {},
      priority = urgency,
    ): Task => ({
      alertId: id,
      availableAt,
      durationMin,
      priority,
      what: `${track}: ${action}`,
      run: (e, a) => e.takeAction(id, { track, action, inputs }, a),
    });
    const weak = judgement.verdict === 'weak' || judgement.verdict === 'cleared';
    const falseAlarm = (at: number, minutes: number) =>
      act(
        at,
        minutes,
        'false-alarm',
        findingsFor(
          null,
          'false-alarm',
          'undetermined',
          eventIds,
          `${title}: closed as a false alarm (certainty ${judgement.certainty.toFixed(2)}, ${judgement.certaintyBand}; gravity ${judgement.gravity.toFixed(1)}).`,
        ),
      );
    const rationale = `${title}: gravity ${judgement.gravity.toFixed(1)} (${judgement.severity}), certainty ${judgement.certainty.toFixed(2)} (${judgement.certaintyBand}) from ${judgement.kinds.join(', ')}.`;
    switch (visit.step) {
      case 'triage': {
        const duration = 2 + Math.min(events.length, 3) + Math.floor(2 * r('read'));
        if (weak) tasks.push(falseAlarm(visit.enteredAt, duration));
        else if (!needsTheParties(judgement)) {
          // A gun, rocket or missile launch is judged once its rounds have
          // had time to land: an impact then is linked to it first.
          const landing = awaitsImpactUntil(events) ?? visit.enteredAt;
          tasks.push(
            act(
              Math.max(visit.enteredAt, landing),
              duration,
              'record-violation',
              findingsFor(
                party,
                'violation-recorded',
                'undetermined',
                eventIds,
                `${rationale} Routine: recorded for the daily report, the parties not called.`,
              ),
            ),
          );
        } else if (judgement.verdict === 'strong') {
          tasks.push(act(visit.enteredAt, duration, 'confirmed-violation', { rationale }));
        } else tasks.push(act(visit.enteredAt, duration, 'start-verification'));
        break;
      }
      case 'escalate':
        tasks.push(act(visit.enteredAt, 3, 'open-tracks'));
        break;
      case 'task-sensors': {
        const back = visit.enteredAt + Math.round(15 + 40 * r('sortie')) * MIN;
        if (weak) tasks.push(falseAlarm(back, 3));
        else if (judgement.verdict === 'strong') tasks.push(act(back, 3, 'confirmed'));
        else tasks.push(act(back, 3, 'unconfirmed'));
        break;
      }
      case 'monitor':
        tasks.push(
          act(
            visit.enteredAt + 6 * HOUR,
            2,
            'nothing-further',
            findingsFor(
              party,
              'cleared',
              'undetermined',
              eventIds,
              `${title}: watched for 6 hours after an unconfirmed report; nothing further observed.`,
            ),
          ),
        );
        break;
      case 'visit-refused':
        tasks.push(
          act(visit.enteredAt, 5, 'refusal-recorded', {
            rationale: 'Access refused or not answered.',
          }),
        );
        break;
      case 'notify-parties': {
        const done = run.tracks.find((t) => t.track === track);
        if (
          done &&
          visit.acks.length >= engine.runCtx!.parties.filter((p) => p.role === 'party').length
        ) {
          const last = Math.max(visit.enteredAt, ...visit.acks.map((a) => a.at));
          tasks.push(act(last, 1, 'all-acknowledged'));
        }
        break;
      }
      case 'hotline-escalation': {
        const visits = run.tracks.find((t) => t.track === track)?.visits ?? [];
        tasks.push(
          act(visit.enteredAt, 10, 'escalation-recorded', {
            summary: hotlineEscalationSummary(visits),
          }),
        );
        break;
      }
      case 'stop-fire-call':
        tasks.push(
          act(visit.enteredAt + Math.round(20 + 20 * r('fire')) * MIN, 3, 'fire-stopped', {
            summary: `Both parties asked on the hotline to stop fire around the incident; sensors and observers report no further firing.`,
          }),
        );
        break;
      case 'send-request': {
        // The party a report names, else the side the fire came from; where
        // neither is known (jamming, an impact alone), every party is asked
        // rather than one accused (docs/ESCALATION-PROTOCOL.md, "Whom a request goes to").
        const to = party ?? ALL_PARTIES;
        tasks.push(
          act(visit.enteredAt, 10, 'request-sent', {
            party: to,
            evidence: `Events ${eventIds.join(', ')}.`.slice(0, INPUT_MAX),
          }),
        );
        break;
      }
      case 'await-reply':
      case 'assess-reply':
      case 'no-reply':
        tasks.push(...explanationTasks(engine, run, track, visit, act));
        break;
      case 'convene':
      case 'convene-on-request': {
        const meeting = parties.meeting(engine, alert, visit.enteredAt);
        const at = Math.max(meeting.at, visit.enteredAt);
        tasks.push(
          act(
            at,
            5,
            'meeting-opened',
            {
              summary: `Emergency meeting of the joint commission in session on ${title}; every party and the guarantors invited, evidence file circulated.`,
            },
            Math.min(urgency, at + 30 * MIN),
          ),
        );
        break;
      }
      case 'meeting': {
        const answered = engine.runCtx!.parties.filter(
          (p) =>
            p.role === 'party' &&
            (movesIn(visit, 'attend').some((m) => m.party === p.id) ||
              movesIn(visit, 'refuse-meeting').some((m) => m.party === p.id)),
        );
        const asked = engine.runCtx!.parties.filter((p) => p.role === 'party');
        const at = visit.enteredAt + Math.round(60 + 60 * r('meeting')) * MIN;
        if (answered.length < asked.length) break;
        const measures = parties.measures(engine, alert);
        const accepted = asked.every((p) =>
          movesIn(visit, 'accept-measures').some((m) => m.party === p.id),
        );
        const summary = accepted
          ? `Measures agreed at the emergency meeting on ${title}: ${measures}`
          : `No agreement at the emergency meeting on ${title}: ${movesIn(visit, 'refuse-meeting').length > 0 ? 'a party refused to attend' : 'a party did not accept the measures'} ("${measures}").`;
        // Written once the outcome is recorded, from the log, as the console prefills it.
        const product = (e: ExerciseEngine, a: ExerciseActor) =>
          e.issueProduct(
            'meeting-summary',
            meetingSummaryText(incidentFacts(e, e.unitOf(id)), e.setup.scenario.timezone),
            id,
            a,
          );
        tasks.push({
          ...act(
            at,
            10,
            accepted ? 'measures-agreed' : 'no-agreement',
            accepted ? { measures } : { rationale: summary.slice(0, INPUT_MAX) },
          ),
          run: async (e, a) => {
            await e.takeAction(
              id,
              {
                track,
                action: accepted ? 'measures-agreed' : 'no-agreement',
                inputs: accepted ? { measures } : { rationale: summary.slice(0, INPUT_MAX) },
              },
              a,
            );
            await product(e, a);
          },
        });
        break;
      }
      case 'refer':
        tasks.push(
          act(visit.enteredAt + Math.round((1 + 5 * r('refer')) * 60) * MIN, 5, 'referred', {
            summary: `${title}: referred to the guarantors with the evidence file and the consultation record.`,
          }),
        );
        break;
      case 'guarantors':
        tasks.push(
          act(
            visit.enteredAt + Math.round((4 + 8 * r('guarantors')) * 60) * MIN,
            5,
            'close-escalated',
            findingsFor(
              party,
              'escalated',
              party ? 'deliberate' : 'undetermined',
              eventIds,
              `${title}: no agreement at the consultation; referred to and left with the guarantors.`,
            ),
          ),
        );
        break;
      case 'verify-measures':
        tasks.push(
          act(
            visit.enteredAt + Math.round((8 + 16 * r('verified')) * 60) * MIN,
            5,
            'measures-verified',
            findingsFor(
              party,
              'violation-recorded',
              party ? 'deliberate' : 'undetermined',
              eventIds,
              `${title}: verified that the measures were carried out: ${parties.measures(engine, alert)}`.slice(
                0,
                INPUT_MAX,
              ),
            ),
          ),
        );
        break;
      case 'report-breach':
        tasks.push(
          act(
            visit.enteredAt,
            10,
            'close-unmet',
            findingsFor(
              party,
              'violation-recorded',
              'deliberate',
              eventIds,
              `${title}: measures not carried out.`,
            ),
          ),
        );
        break;
      case 'spot-report':
        tasks.push({
          alertId: id,
          availableAt: visit.enteredAt,
          durationMin: 15,
          priority: urgency,
          what: 'issue the spot report',
          run: (e, a) =>
            e.issueProduct(
              'spot-report',
              spotReportText(incidentFacts(e, e.unitOf(id)), e.setup.scenario.timezone),
              id,
              a,
            ),
        });
        break;
      default:
        break;
    }
  }
  return tasks;
}

/** The request for explanation's track after the request: products, assessment, silence. */
function explanationTasks(
  engine: ExerciseEngine,
  run: ProtocolRun,
  track: string,
  visit: RunVisit,
  act: (at: number, min: number, action: string, inputs?: Record<string, string>) => Task,
): Task[] {
  const tasks: Task[] = [];
  const request = [...run.history].reverse().find((h) => h.action === 'request-sent');
  const unit = run.alertId;
  const issued = engine
    .products()
    .some((p) => p.product === 'request-for-explanation' && p.alertId === unit);
  if (request && !issued) {
    tasks.push({
      ...act(request.at, 5, 'request-for-explanation'),
      what: 'issue the request for explanation',
      run: (e, a) =>
        e.issueProduct(
          'request-for-explanation',
          requestForExplanationText(incidentFacts(e, unit), e.setup.scenario.timezone),
          unit,
          a,
        ),
    });
  }
  if (visit.step === 'assess-reply') {
    const t = run.tracks.find((x) => x.track === track)!;
    const replies = t.visits.flatMap((v) => v.moves).filter((m) => m.move === 'reply');
    const last = replies[replies.length - 1];
    const said = last ? `${last.party} ${last.inputs.kind ?? ''}: "${last.inputs.text ?? ''}"` : '';
    tasks.push(
      last?.inputs.kind === 'admits'
        ? act(visit.enteredAt, 10, 'reply-accounts', { rationale: said.slice(0, INPUT_MAX) })
        : act(visit.enteredAt, 10, 'unresolved', {
            rationale: `${said} The reply does not account for what was observed.`.slice(
              0,
              INPUT_MAX,
            ),
          }),
    );
  }
  if (visit.step === 'no-reply') {
    tasks.push(
      act(visit.enteredAt, 5, 'no-reply-recorded', {
        rationale: `No reply to the request for explanation within 48 hours.`,
      }),
    );
  }
  return tasks;
}
