// The simulation cell of a headless exercise: the exercise staff who answer
// for the parties to the ceasefire. It plays them from the scenario's party
// script (docs/SCENARIO-FORMAT.md section 8, "Party script"): when each party
// acknowledges the mission's call, what it replies to a request for
// explanation, whether it attends the emergency meeting and accepts the
// measures proposed there.
//
// The cell is exercise staff, so it may read controller-only material: the
// party script and the events' `incident` names, through which it finds the
// script of an alert. The operator's side (auto-operator.ts) may not: it only
// hears what the cell makes the parties say, in the types below, which carry
// no truth, expected action, incident name or script.
import type { ExerciseEngine } from './exercise-engine';
import type { AlertSnapshot } from './exercise-snapshot';
import type { ReplayEvent, Zone } from '../scenario/loaded-scenario';
import type {
  IncidentScript,
  PartyBehaviour,
  PartyScript,
  ReplyKind,
  WeaponClass,
} from '../scenario/schema';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A party's acknowledgement of the mission's notification. */
export interface PartyAcknowledgement {
  /** Exercise time (epoch ms) it comes in. */
  at: number;
  /** How it was received (hotline, duty officer). */
  via: string;
}

/** A party's reply to the request for explanation. */
export interface PartyReply {
  partyId: string;
  kind: Exclude<ReplyKind, 'no-reply'>;
  at: number;
  /** What the party says, verbatim. */
  text: string;
}

/** How the emergency meeting goes. */
export interface MeetingOutcome {
  /** When it sits (epoch ms). */
  at: number;
  /** Parties that refused to attend. */
  refused: readonly string[];
  /** Parties that attended but did not accept the measures. */
  rejected: readonly string[];
  /** The measures proposed. */
  measures: string;
}

/** What the operator hears from the parties about an alert. */
export interface PartySide {
  /** The acknowledgement of a call made at `calledAt`, or null: the party never answers. */
  acknowledgement(
    engine: ExerciseEngine,
    alert: AlertSnapshot,
    partyId: string,
    calledAt: number,
  ): PartyAcknowledgement | null;
  /** The replies of the parties asked at `askedAt` (a party that does not reply is absent). */
  replies(
    engine: ExerciseEngine,
    alert: AlertSnapshot,
    partyIds: readonly string[],
    askedAt: number,
  ): PartyReply[];
  /** The emergency meeting convened when the consultation step began at `convenedAt`. */
  meeting(engine: ExerciseEngine, alert: AlertSnapshot, convenedAt: number): MeetingOutcome;
  /** The measures proposed for the alert. */
  measures(engine: ExerciseEngine, alert: AlertSnapshot): string;
}

/** A party's conduct with nothing left out. */
export interface Conduct {
  acknowledge: 'never' | { after_min: number; via?: string | undefined };
  reply: NonNullable<PartyBehaviour['reply']>;
  meeting: 'attends' | 'refuses';
  accepts_measures: boolean;
  requests_meeting: boolean;
}

/** The conduct of a party nobody scripted (docs/SCENARIO-FORMAT.md section 8, "layered defaults"). */
const BUILT_IN: Conduct & { meeting_after_h: number } = {
  acknowledge: { after_min: 10 },
  reply: { kind: 'denies', after_h: 24 },
  meeting: 'attends',
  accepts_measures: true,
  requests_meeting: false,
  meeting_after_h: 8,
};
export const DEFAULT_VIA = 'hotline, duty officer';

/** Every event of the alert and of the alerts linked with it, in replay order. */
function eventsOf(engine: ExerciseEngine, alert: AlertSnapshot): ReplayEvent[] {
  const alerts = engine.getSnapshot().alerts;
  const linked = alert.incident
    ? alert.incident.alertIds.map((id) => alerts.find((a) => a.id === id) ?? alert)
    : [alert];
  const seqs = [...new Set([alert, ...linked].flatMap((a) => a.eventSeqs))].sort((a, b) => a - b);
  return seqs
    .map(
      (seq) =>
        engine.setup.scenario.events[seq] ?? engine.injectedEvents().find((e) => e.seq === seq),
    )
    .filter((e) => e !== undefined);
}

/** The script of the first scripted incident the alert's events name, if any. */
export function scriptOf(
  script: PartyScript | null,
  events: readonly ReplayEvent[],
): IncidentScript | null {
  const incidents = script?.incidents;
  if (!incidents) return null;
  for (const { event } of events) {
    if (event.incident !== undefined && Object.hasOwn(incidents, event.incident)) {
      return incidents[event.incident]!;
    }
  }
  return null;
}

/** A party's conduct: its incident script's, else the default's, else the built-in one. */
export function conductOf(
  script: PartyScript | null,
  incident: IncidentScript | null,
  partyId: string,
): Conduct {
  const scripted = incident?.parties?.[partyId] ?? {};
  const fallback = script?.default ?? {};
  return {
    acknowledge: scripted.acknowledge ?? fallback.acknowledge ?? BUILT_IN.acknowledge,
    reply: scripted.reply ?? fallback.reply ?? BUILT_IN.reply,
    meeting: scripted.meeting ?? fallback.meeting ?? BUILT_IN.meeting,
    accepts_measures:
      scripted.accepts_measures ?? fallback.accepts_measures ?? BUILT_IN.accepts_measures,
    requests_meeting:
      scripted.requests_meeting ?? fallback.requests_meeting ?? BUILT_IN.requests_meeting,
  };
}

export function partyName(engine: ExerciseEngine, id: string): string {
  return engine.setup.scenario.parties.find((p) => p.id === id)?.name ?? `Party ${id}`;
}

/** What a party says when the script gives no words: its position, naming the alert. */
export function replyText(name: string, kind: PartyReply['kind'], title: string): string {
  switch (kind) {
    case 'admits':
      return `${name} acknowledges the activity the Mission reported (${title}) and undertakes to stop it and report back on the measures taken.`;
    case 'denies':
      return `${name} denies the activity the Mission reported (${title}).`;
    case 'counter-accuses':
      return `${name} rejects the Mission's report (${title}) and says its units were answering fire from the other side.`;
  }
}

/** The heaviest weapon first: the one the measures are about. */
const WEAPON_ORDER: readonly WeaponClass[] = [
  'missile',
  'mlrs',
  'artillery',
  'tank',
  'mortar',
  'air-defence',
  'armoured-vehicle',
  'aircraft',
];
const WEAPON_WORDS: Partial<Record<WeaponClass, string>> = {
  missile: 'missile launchers',
  mlrs: 'multiple-launch rocket systems',
  artillery: 'artillery',
  tank: 'tanks',
  mortar: 'mortars',
  'air-defence': 'air-defence systems',
  'armoured-vehicle': 'armoured vehicles',
  aircraft: 'aircraft',
};
/** Weapons an event type implies when a report does not name the weapon class. */
const TYPE_WEAPONS: Record<string, WeaponClass> = {
  'mlrs-fire': 'mlrs',
  'artillery-fire': 'artillery',
  'mortar-fire': 'mortar',
  'tank-fire': 'tank',
  'missile-strike': 'missile',
  'air-strike': 'aircraft',
};

/**
 * The measures the mission proposes when the script gives none, from what
 * the alert is: its event types and weapons (docs/SCENARIO-FORMAT.md section 8).
 */
export function defaultMeasures(
  events: readonly ReplayEvent[],
  zones: readonly Zone[],
  partyNameOf: (id: string) => string,
): string {
  const types = new Set(events.map((e) => e.event.type));
  const weapons = new Set<WeaponClass>();
  for (const { event } of events) {
    if (event.weapon_class !== undefined) weapons.add(event.weapon_class);
    const implied = TYPE_WEAPONS[event.type];
    if (implied !== undefined) weapons.add(implied);
  }
  const attributed = events.find((e) => e.event.party !== undefined)?.event.party;
  const who = attributed !== undefined ? partyNameOf(attributed) : 'Both parties';
  const whoAfter = attributed !== undefined ? who : 'both parties';
  const its = attributed !== undefined ? 'its' : 'their';
  if (types.has('fortification-work')) {
    return `${who} to stop the works and restore the strip to its prior state within 72 hours; a joint overflight to verify.`;
  }
  if (types.has('jamming')) {
    return `${who} to stop the jamming and keep electronic-warfare systems out of the zone; the Mission's UAV flights not to be interfered with.`;
  }
  if (types.has('movement-restriction')) {
    return `${who} to restore the Mission's freedom of movement and let its patrols through without delay.`;
  }
  if (types.has('drone-strike') || types.has('uav-overflight') || weapons.has('uav')) {
    return `No party UAV flights in the zone; ${whoAfter} to confirm the order to ${its} units within 24 hours.`;
  }
  const heavy = WEAPON_ORDER.find((w) => weapons.has(w));
  if (heavy !== undefined) {
    const zoneIds = new Set(events.flatMap((e) => e.zoneIds));
    const zone = zones.find(
      (z) => zoneIds.has(z.id) && z.prohibited !== undefined && z.prohibited.includes(heavy),
    );
    const line = zone ? `the limit of the ${zone.name}` : `${its} exclusion line`;
    return `${who} to withdraw ${its} ${WEAPON_WORDS[heavy]!} beyond ${line} within 24 hours; a joint overflight to verify.`;
  }
  if (weapons.has('small-arms') || types.has('small-arms-fire') || types.has('armed-clash')) {
    return `${who} to reaffirm the local ceasefire and reissue fire-discipline orders to ${its} units in the sector; reported back within 24 hours.`;
  }
  return `${who} to reaffirm the ceasefire and report back on the measures taken within 24 hours.`;
}

/** The simulation cell, playing the parties from the scenario's party script. */
export function createSimCell(): PartySide {
  const read = (engine: ExerciseEngine, alert: AlertSnapshot) => {
    const script = engine.setup.scenario.partyScript;
    const events = eventsOf(engine, alert);
    return { script, events, incident: scriptOf(script, events) };
  };
  const parties = (engine: ExerciseEngine) =>
    engine.setup.scenario.parties.filter((p) => p.role === 'party').map((p) => p.id);
  const measures = (engine: ExerciseEngine, alert: AlertSnapshot) => {
    const { events, incident } = read(engine, alert);
    return (
      incident?.measures ??
      defaultMeasures(events, engine.setup.scenario.zones, (id) => partyName(engine, id))
    );
  };
  return {
    acknowledgement(engine, alert, partyId, calledAt) {
      const { script, incident } = read(engine, alert);
      const ack = conductOf(script, incident, partyId).acknowledge;
      if (ack === 'never') return null;
      return { at: calledAt + Math.round(ack.after_min * MIN), via: ack.via ?? DEFAULT_VIA };
    },
    replies(engine, alert, partyIds, askedAt) {
      const { script, incident } = read(engine, alert);
      const replies: PartyReply[] = [];
      for (const partyId of partyIds) {
        const { kind, after_h, text } = conductOf(script, incident, partyId).reply;
        if (kind === 'no-reply') continue;
        replies.push({
          partyId,
          kind,
          at: askedAt + Math.round((after_h ?? 0) * HOUR),
          text: text ?? replyText(partyName(engine, partyId), kind, alert.view.title),
        });
      }
      return replies;
    },
    meeting(engine, alert, convenedAt) {
      const { script, incident } = read(engine, alert);
      const afterH =
        incident?.meeting_after_h ?? script?.default?.meeting_after_h ?? BUILT_IN.meeting_after_h;
      const at =
        incident?.meeting_at !== undefined
          ? Date.parse(incident.meeting_at)
          : convenedAt + Math.round(afterH * HOUR);
      const conduct = parties(engine).map((id) => ({ id, ...conductOf(script, incident, id) }));
      return {
        at,
        refused: conduct.filter((c) => c.meeting === 'refuses').map((c) => c.id),
        rejected: conduct
          .filter((c) => c.meeting === 'attends' && !c.accepts_measures)
          .map((c) => c.id),
        measures: measures(engine, alert),
      };
    },
    measures,
  };
}
