// The `auto` policy of headless exercises (docs/CLI.md): a diligent but human
// operator. It sees only what an operator sees — the alert queue with each
// alert's gravity and certainty and their reasons, each alert's events
// without `truth`, `expected_action` or `incident`, the protocol walkthrough —
// and works one alert at a time, so busy periods breach deadlines. The
// parties (acknowledgements, explanations, meetings) are not played here:
// the simulation cell (sim-cell.ts) answers for them from the scenario's
// party script, and this policy hears only what they say (PartySide), never
// the script or the controller-only fields the cell reads to find it.
//
// Evidence rule (documented in docs, applied at triage and after
// verification), on the alert's (or its incident's) gravity and certainty:
// - cleared (a report on the ground cleared it) -> closed as a false alarm;
// - weak: certainty below 0.35 (unconfirmed), gravity below 40, no harm and
//   no attack on the mission -> closed as a false alarm;
// - strong: certainty at least 0.6 (probable) and gravity at least 40, or
//   harm, a weapon where it is prohibited, or an attack on the mission ->
//   escalated (notify) at triage, confirmed after verification;
// - anything else -> verified (triage) or kept under watch (after verification).
//
// The policy keeps no state of its own: its next step is a function of the
// exercise state and the time of the operator's last logged action, so it
// can pick up a resumed exercise where it stood.
import { severityRank, type CertaintyBand, type Severity } from '../alerts/bands';
import type { ScenarioEvent, Source } from '../scenario/schema';
import type { ExerciseEngine, ExerciseActor } from './exercise-engine';
import type { AlertSnapshot } from './exercise-snapshot';
import type { PartyReply, PartySide } from './sim-cell';

const MIN = 60_000;
const HOUR = 60 * MIN;

const VISIBLE_FIELDS = [
  'id',
  'time',
  'reported',
  'source',
  'type',
  'subtype',
  'lat',
  'lon',
  'precision_m',
  'confidence',
  'weapon_class',
  'calibre_mm',
  'count',
  'bearing_deg',
  'casualties',
  'killed',
  'injured',
  'civilian_killed',
  'civilian_injured',
  'target',
  'assessment',
  'refers_to',
  'party',
  'summary',
] as const;
/** Inject fields a player is shown (who called, how). */
const VISIBLE_EXTENSIONS = ['x-from', 'x-to', 'x-inject-kind'] as const;

/** What the policy reads of an event: never `truth`, `expected_action` nor `incident`. */
export type OperatorEvent = Pick<ScenarioEvent, (typeof VISIBLE_FIELDS)[number]> &
  Partial<Record<(typeof VISIBLE_EXTENSIONS)[number], unknown>>;

/** Copies only operator-visible fields of an event. */
export function operatorVisible(event: ScenarioEvent): OperatorEvent {
  const visible: Record<string, unknown> = {};
  for (const field of [...VISIBLE_FIELDS, ...VISIBLE_EXTENSIONS]) {
    if (event[field] !== undefined) visible[field] = event[field];
  }
  return visible as OperatorEvent;
}

/** What the operator reads of an alert on the console: its measures and which factors it has. */
export interface AlertReading {
  gravity: number;
  severity: Severity;
  certainty: number;
  certaintyBand: CertaintyBand;
  /** Killed or injured reported. */
  harm: boolean;
  /** A weapon where it is prohibited, or forces in a separation area. */
  breach: boolean;
  /** Fire at the mission, jamming, denial of access. */
  mission: boolean;
  /** Fire at or near a settlement or a protected site. */
  protectedSite: boolean;
  /** Source kinds of its reports. */
  kinds: readonly Source[];
}

/** How the operator judges an alert's evidence. */
export interface EvidenceJudgement extends AlertReading {
  verdict: 'cleared' | 'weak' | 'strong' | 'unclear';
}

/** Applies the documented evidence rule to what the operator reads of an alert. */
export function judgeEvidence(reading: AlertReading): EvidenceJudgement {
  let verdict: EvidenceJudgement['verdict'] = 'unclear';
  if (reading.certaintyBand === 'cleared') verdict = 'cleared';
  else if (reading.certainty < 0.35 && reading.gravity < 40 && !reading.harm && !reading.mission) {
    verdict = 'weak';
  } else if (
    reading.certainty >= 0.6 &&
    (reading.gravity >= 40 || reading.harm || reading.breach || reading.mission)
  ) {
    verdict = 'strong';
  }
  return { ...reading, verdict };
}

/**
 * Whether a violation must go before the parties (hotline, explanation,
 * consultation) or may be recorded for the daily report: a monitoring
 * officer calls the parties for what is grave (high or critical), for harm,
 * for fire at the mission or at a settlement or protected site, and for a
 * weapon or forces where the agreement bars them; a routine exchange of fire
 * across the line is counted in the daily report, even where its rounds
 * fall in the demilitarized strip that runs along the line
 * (docs/ESCALATION-PROTOCOL.md, the built-in version-2 protocol).
 */
export function needsTheParties(reading: AlertReading): boolean {
  return (
    reading.severity === 'critical' ||
    reading.severity === 'high' ||
    reading.harm ||
    reading.mission ||
    reading.breach ||
    reading.protectedSite
  );
}

/** The reading of an alert as the console shows it (its incident's measures when linked). */
export function readingOf(alert: AlertSnapshot): AlertReading {
  const factors = new Set(alert.view.factors.map((f) => f.factor));
  const m = alert.incident ?? alert;
  return {
    gravity: m.gravity,
    severity: m.severity,
    certainty: m.certainty,
    certaintyBand: m.certaintyBand,
    harm: factors.has('harm'),
    breach: factors.has('place'),
    mission: factors.has('mission'),
    protectedSite: factors.has('protected'),
    kinds: alert.view.sources,
  };
}

/** Deterministic number in [0, 1) from a key (FNV-1a): the same scenario always plays the same. */
export function chance(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

/** The next intent the operator will perform, and when. */
export interface PlannedIntent {
  at: number;
  alertId: string;
  what: string;
  run(engine: ExerciseEngine): Promise<void>;
}

/** A policy decides the next intent from the exercise state. */
export interface ExercisePolicy {
  readonly actor: ExerciseActor;
  next(engine: ExerciseEngine): PlannedIntent | null;
}

export interface Task {
  alertId: string;
  /** When the work can begin (the step was entered, a reply arrived). */
  availableAt: number;
  /** Minutes of the operator's attention it takes. */
  durationMin: number;
  /** Lower runs first among the tasks waiting: the deadline it works against (earliest first). */
  priority: number;
  what: string;
  run(engine: ExerciseEngine, actor: ExerciseActor): Promise<void>;
}

/** Steps without a deadline come after every deadline, by severity. */
export const NO_DEADLINE = 8.64e15;
/** Reviewing low alerts waits for everything in the protocol. */
const LOW_REVIEW = Number.MAX_SAFE_INTEGER;

export function attributed(events: readonly OperatorEvent[]): string | null {
  return events.find((e) => e.party !== undefined)?.party ?? null;
}

function partyName(engine: ExerciseEngine, id: string): string {
  return engine.setup.scenario.parties.find((p) => p.id === id)?.name ?? `Party ${id}`;
}

/** The parties to the ceasefire (public: the manifest's parties with role party). */
function partiesToCeasefire(engine: ExerciseEngine): string[] {
  return engine.setup.scenario.parties.filter((p) => p.role === 'party').map((p) => p.id);
}

const REPLY_WORDS: Record<PartyReply['kind'], string> = {
  admits: 'admits',
  denies: 'denies',
  'counter-accuses': 'counter-accuses',
};

/** The note that records a party's reply, verbatim; its opening finds it again. */
const replyNoteOpening = (name: string) => `Reply to the request for explanation from ${name}`;

/** How the operator reads one alert now (cached: an alert's events only grow). */
export type Reader = (alert: AlertSnapshot) => {
  events: OperatorEvent[];
  judgement: EvidenceJudgement;
};

export function createReader(engine: ExerciseEngine): Reader {
  // The engine makes a new alert snapshot whenever an alert (or its incident) changes.
  const cache = new WeakMap<AlertSnapshot, ReturnType<Reader>>();
  return (alert) => {
    const hit = cache.get(alert);
    if (hit) return hit;
    const events = visibleEvents(engine, alert);
    const read = { events, judgement: judgeEvidence(readingOf(alert)) };
    cache.set(alert, read);
    return read;
  };
}

/**
 * The auto policy for one operator; `parties` answers for the parties (the
 * simulation cell, createSimCell in sim-cell.ts).
 */
export function createAutoOperator(actor: ExerciseActor, parties: PartySide): ExercisePolicy {
  let reader: { engine: ExerciseEngine; read: Reader } | null = null;
  return {
    actor,
    next(engine) {
      if (reader?.engine !== engine) reader = { engine, read: createReader(engine) };
      const read = reader.read;
      const snapshot = engine.getSnapshot();
      const tasks: Task[] = [];
      for (const alert of snapshot.alerts) tasks.push(...tasksFor(engine, alert, read, parties));
      return planNext(engine, actor, tasks);
    },
  };
}

/** Of the work waiting when the operator is free, the most urgent: one alert at a time. */
export function planNext(
  engine: ExerciseEngine,
  actor: ExerciseActor,
  tasks: readonly Task[],
): PlannedIntent | null {
  const snapshot = engine.getSnapshot();
  if (tasks.length === 0) return null;
  const free = engine.lastActedAt(actor.name) ?? snapshot.clock.start;
  const start = Math.max(free, Math.min(...tasks.map((t) => t.availableAt)));
  const candidates = tasks.filter((t) => t.availableAt <= start);
  candidates.sort(
    (a, b) =>
      a.priority - b.priority ||
      a.availableAt - b.availableAt ||
      (a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0),
  );
  const task = candidates[0]!;
  return {
    at: Math.max(snapshot.clock.now, start + Math.round(task.durationMin * MIN)),
    alertId: task.alertId,
    what: task.what,
    run: (e) => task.run(e, actor),
  };
}

function visibleEvents(engine: ExerciseEngine, alert: AlertSnapshot): OperatorEvent[] {
  return alert.eventSeqs
    .map(
      (seq) =>
        engine.setup.scenario.events[seq] ?? engine.injectedEvents().find((e) => e.seq === seq),
    )
    .filter((e) => e !== undefined)
    .map((e) => operatorVisible(e.event));
}

// A controller's inject (hotline call, statement, media report, request)
// reaches the operator as an alert of its own: the operator logs it in a
// note, in its own words, then marks it read.
export function injectTasks(alert: AlertSnapshot, read: Reader): Task[] {
  if (alert.view.sources.length !== 1 || alert.view.sources[0] !== 'inject') return [];
  const { events } = read(alert);
  if (events.length === 0 || !events.every((e) => e.source === 'inject')) return [];
  const id = alert.id;
  const priority = alert.openedAt + 30 * MIN;
  if (alert.notes.length === 0) {
    const lines = events.map((e) => {
      const how = typeof e['x-inject-kind'] === 'string' ? e['x-inject-kind'] : 'message';
      const from = typeof e['x-from'] === 'string' ? ` from ${e['x-from']}` : '';
      const summary =
        (e.summary ?? '').length > 240 ? `${e.summary!.slice(0, 237)}…` : (e.summary ?? '');
      return `${e.id}: ${how}${from} received and logged — "${summary}"`;
    });
    return [
      {
        alertId: id,
        availableAt: alert.openedAt,
        durationMin: 2 + Math.floor(2 * chance(`${id}|note`)),
        priority,
        what: 'log the inject',
        run: (e, a) => e.note(lines.join('\n'), id, a),
      },
    ];
  }
  if (alert.acknowledged) return [];
  return [
    {
      alertId: id,
      availableAt: alert.notes[0]!.at,
      durationMin: 1,
      priority,
      what: 'mark the inject read',
      run: (e, a) => e.acknowledge(id, a),
    },
  ];
}

// Low alerts do not enter the protocol by themselves. When nothing more
// urgent waits, the operator looks through them and takes up two kinds: those
// whose evidence is weak (to close them as false alarms, so they stop
// cluttering the queue) and those that report harm, or a weapon where it is
// prohibited at probable certainty or more (to run them through the
// protocol). Cleared alerts of any band outside the protocol are closed too.
export function reviewTasks(alert: AlertSnapshot, read: Reader): Task[] {
  if (alert.incident !== null) return [];
  const { judgement } = read(alert);
  // A cleared alert is closed whatever its band: the console says to.
  if (alert.severity !== 'low' && judgement.verdict !== 'cleared') return [];
  const notable = judgement.harm || (judgement.breach && judgement.certainty >= 0.6);
  const closable = judgement.verdict === 'weak' || judgement.verdict === 'cleared';
  if (!notable && (!closable || (alert.quiet && judgement.verdict !== 'cleared'))) return [];
  const id = alert.id;
  const why = notable
    ? 'harm or a prohibited weapon'
    : closable
      ? `${judgement.verdict} evidence`
      : '';
  // Harm or a breach are looked at within the hour, as if on a deadline.
  const priority = notable ? alert.openedAt + 60 * MIN : LOW_REVIEW;
  if (!alert.acknowledged) {
    return [
      {
        alertId: id,
        availableAt: alert.openedAt,
        durationMin: 1,
        priority,
        what: `acknowledge (low, ${why})`,
        run: (e, a) => e.acknowledge(id, a),
      },
    ];
  }
  return [
    {
      alertId: id,
      availableAt: alert.acknowledged.at,
      durationMin: 1,
      priority,
      what: `start protocol (low, ${why})`,
      run: (e, a) => e.startProtocol(id, a),
    },
  ];
}

function tasksFor(
  engine: ExerciseEngine,
  alert: AlertSnapshot,
  read: Reader,
  parties: PartySide,
): Task[] {
  const p = alert.protocol;
  if (alert.closed || (p !== null && p.closed)) return [];
  if (p === null) return [...injectTasks(alert, read), ...reviewTasks(alert, read)];
  const id = alert.id;
  const key = `${id}|${p.stepId}|${p.history.length}`;
  const r = (salt: string) => chance(`${key}|${salt}`);
  // Earliest deadline first, as a diligent operator works a queue with countdowns.
  const urgency = p.deadlineAt ?? NO_DEADLINE + severityRank((alert.incident ?? alert).severity);
  const { events, judgement } = read(alert);
  const title = alert.view.title;
  const party = attributed(events);
  if (!alert.acknowledged) {
    return [
      {
        alertId: id,
        availableAt: alert.openedAt,
        durationMin: 1,
        priority: urgency,
        what: 'acknowledge',
        run: (e, a) => e.acknowledge(id, a),
      },
    ];
  }
  // An incident has one run: the operator works it from its primary alert.
  if (alert.incident && !alert.incident.primary) return [];
  if (p.severityPrompt) {
    return [
      {
        alertId: id,
        // The prompt appears with the event that raised the severity.
        availableAt: Math.max(p.enteredAt, alert.view.lastShownAt),
        durationMin: 2,
        priority: -Infinity,
        what: `jump to ${p.severityPrompt.target}`,
        run: (e, a) => e.jumpToEntry(id, a),
      },
    ];
  }
  const act = (
    availableAt: number,
    durationMin: number,
    action: string,
    inputs: Record<string, string> = {},
  ): Task => ({
    alertId: id,
    availableAt,
    durationMin,
    priority: urgency,
    what: action,
    run: (e, a) => e.act(id, action, inputs, a),
  });
  const kinds = judgement.kinds.join(', ') || 'no source';
  const clearing = alert.view.certaintyFactors.find((f) => f.factor === 'cleared');
  const weakRationale =
    judgement.verdict === 'cleared'
      ? `${clearing?.label ?? 'Cleared by a report on the ground'}; gravity ${judgement.gravity.toFixed(1)} (${judgement.severity}) does not stand.`
      : `Certainty ${judgement.certainty.toFixed(2)} (${judgement.certaintyBand}) from ${kinds}, gravity ${judgement.gravity.toFixed(1)} (${judgement.severity}), no harm and no attack on the mission reported${events.some((e) => e.type === 'thermal-hotspot') ? '; consistent with a crop or grass fire' : ''}.`;
  const falseAlarm = (availableAt: number, durationMin: number) =>
    act(availableAt, durationMin, 'false-alarm', {
      rationale: weakRationale,
      summary: `${title}: closed as a false alarm. ${weakRationale}`,
    });
  if (p.acks.length > 0) {
    // A step collecting acknowledgements (the built-in `notify`).
    const tasks: Task[] = [];
    let lastAck = p.enteredAt;
    p.acks.forEach(({ partyId, ack }) => {
      if (ack) {
        lastAck = Math.max(lastAck, ack.at);
        return;
      }
      // The calls go out as the step begins; each party answers when (and
      // if) the simulation cell says it does. One that never answers leaves
      // the step to its deadline.
      const answer = parties.acknowledgement(engine, alert, partyId, p.enteredAt);
      if (answer === null) return;
      tasks.push({
        alertId: id,
        availableAt: answer.at,
        durationMin: 1,
        priority: urgency,
        what: `record acknowledgement of ${partyId}`,
        run: (e, a) => e.ackParty(id, partyId, answer.via, a),
      });
    });
    const done = p.actions.find((a) => a.requiresAcks && a.blockedBy === null);
    if (tasks.length === 0 && done) {
      const inputs = Object.fromEntries(
        done.requires.map((input) => [input, `${done.label}: ${title}.`]),
      );
      tasks.push(act(lastAck, 1, done.id, inputs));
    }
    return tasks;
  }
  switch (p.stepId) {
    case 'triage': {
      // Reading takes a couple of minutes, more for alerts with several events.
      const duration = 2 + Math.min(events.length, 3) + Math.floor(2 * r('read'));
      if (judgement.verdict === 'weak' || judgement.verdict === 'cleared')
        return [falseAlarm(p.enteredAt, duration)];
      if (judgement.verdict === 'strong') return [act(p.enteredAt, duration, 'escalate-now')];
      return [act(p.enteredAt, duration, 'start-verification')];
    }
    case 'verify': {
      // The tasked sortie, imagery or patrol reports back after 15–55 minutes.
      const back = p.enteredAt + Math.round(15 + 40 * r('sortie')) * MIN;
      if (judgement.verdict === 'weak' || judgement.verdict === 'cleared')
        return [falseAlarm(back, 3)];
      if (judgement.verdict === 'strong') return [act(back, 3, 'confirmed')];
      return [act(back, 3, 'unconfirmed')];
    }
    case 'monitor':
      return [
        act(p.enteredAt + 6 * HOUR, 2, 'nothing-further', {
          summary: `${title}: watched for 6 hours after an unconfirmed report; nothing further observed.`,
        }),
      ];
    case 'request-explanation': {
      // The request goes to the attributed party, or to every party when the
      // reports attribute none; each reply is recorded verbatim as it comes.
      const asked = party ? [party] : partiesToCeasefire(engine);
      const replies = parties.replies(engine, alert, asked, p.enteredAt);
      const noted = (reply: PartyReply) =>
        alert.notes.some(
          (n) =>
            n.at >= p.enteredAt &&
            n.text.startsWith(replyNoteOpening(partyName(engine, reply.partyId))),
        );
      const unrecorded = replies.filter((reply) => !noted(reply));
      if (unrecorded.length > 0) {
        return unrecorded.map((reply) => ({
          alertId: id,
          availableAt: reply.at,
          durationMin: 5,
          priority: urgency,
          what: `record the reply of ${reply.partyId}`,
          run: (e, a) =>
            e.note(
              `${replyNoteOpening(partyName(engine, reply.partyId))} (${REPLY_WORDS[reply.kind]}): "${reply.text}"`,
              id,
              a,
            ),
        }));
      }
      // No reply at all: the 48 hours run out and the deadline takes the alert on.
      if (replies.length === 0) return [];
      const last = Math.max(...replies.map((reply) => reply.at));
      // An admission accounts for what was observed; a denial or a
      // counter-accusation does not, whatever it says.
      if (replies.some((reply) => reply.kind === 'admits')) {
        return [act(last, 10, 'satisfactory-reply')];
      }
      const silent = asked.filter((a) => !replies.some((reply) => reply.partyId === a));
      const quoted = replies
        .map(
          (reply) =>
            `${partyName(engine, reply.partyId)} ${REPLY_WORDS[reply.kind]}: "${reply.text}"`,
        )
        .join(' ');
      return [
        act(last, 10, 'unsatisfactory-reply', {
          rationale: `${quoted}${silent.length > 0 ? ` No reply from ${silent.map((s) => partyName(engine, s)).join(', ')}.` : ''} The reply does not account for what ${kinds} observed at the reported time and place.`,
        }),
      ];
    }
    case 'consult': {
      // The meeting sits when the simulation cell says; its outcome is recorded then.
      const meeting = parties.meeting(engine, alert, p.enteredAt);
      const when = Math.max(meeting.at, p.enteredAt);
      // The record of a meeting is written as it ends, whatever else waits.
      const recorded = (task: Task): Task[] => [
        { ...task, priority: Math.min(urgency, when + 30 * MIN) },
      ];
      const names = (ids: readonly string[]) => ids.map((i) => partyName(engine, i)).join(', ');
      if (meeting.refused.length > 0) {
        return recorded(
          act(when, 10, 'no-agreement', {
            rationale: `${names(meeting.refused)} refused to attend the emergency meeting; no measures could be agreed.`,
          }),
        );
      }
      if (meeting.rejected.length > 0) {
        return recorded(
          act(when, 10, 'no-agreement', {
            rationale: `${names(meeting.rejected)} did not accept the measures proposed at the emergency meeting: "${meeting.measures}"`,
          }),
        );
      }
      return recorded(act(when, 10, 'measures-agreed', { measures: meeting.measures }));
    }
    case 'refer':
      return [
        act(p.enteredAt + Math.round((1 + 5 * r('refer')) * 60) * MIN, 5, 'referred', {
          summary: `${title}: referred to the guarantor group with the evidence file and the consultation record.`,
        }),
      ];
    case 'resolve':
      return [
        act(p.enteredAt + Math.round((20 + 60 * r('verified')) * 60) * MIN, 5, 'verified', {
          summary: `${title}: verified that the measures were carried out: ${parties.measures(engine, alert)}`,
        }),
      ];
    default: {
      // A step of a scenario's own protocol: give it half its deadline (or
      // half an hour), then take its first action that can be taken.
      const action = p.actions.find((a) => a.blockedBy === null && !a.requires.includes('party'));
      if (!action) return [];
      const wait = (p.deadlineAt === null ? 30 * MIN : (p.deadlineAt - p.enteredAt) / 2) / MIN;
      const inputs = Object.fromEntries(
        action.requires.map((input) => [input, `${action.label}: ${title}.`]),
      );
      return [act(p.enteredAt, Math.max(1, Math.round(wait)), action.id, inputs)];
    }
  }
}
