// The `data` of every log entry the exercise engine writes (docs/AUDIT-LOG.md
// kinds), one schema per kind. Resuming parses operator and controller
// entries with these, so a log that does not fit is refused with the entry
// named; system entries are regenerated and compared instead, which is
// stricter still. The system schemas document those entries for readers of
// exported logs (and are checked against the engine's output in tests).
import { z } from 'zod';
import type { EntryDraft, LogEntry } from '../audit/entry';
import { PARTY_MOVE_IDS, PROTOCOL_INPUTS, type PartyMove } from '../protocol/schema';
import { CERTAINTY_BANDS, SEVERITIES } from '../alerts/bands';

z.config({ jitless: true });

const severity = z.enum(SEVERITIES);
const certaintyBand = z.enum(CERTAINTY_BANDS);
const inputs = z.partialRecord(z.enum(PROTOCOL_INPUTS), z.string());

export const clockData = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('play') }),
  /**
   * `rule`: present on the console's automatic pause (logged by `system`), naming the rule that
   * paused the clock; absent when a participant paused it.
   */
  z.strictObject({
    action: z.literal('pause'),
    reason: z.string().optional(),
    rule: z.string().optional(),
  }),
  /**
   * `rule` and `reason`: present on the console's automatic slow-down (logged by `system`, a
   * tempo rule whose choice is a speed rather than a pause); absent when a participant set it.
   */
  z.strictObject({
    action: z.literal('speed'),
    speed: z.number().positive(),
    rule: z.string().optional(),
    reason: z.string().optional(),
  }),
  z.strictObject({ action: z.literal('seek'), from: z.string(), to: z.string() }),
  /** Where the running clock stood (its entry's exercise_time), so a killed window resumes there. */
  z.strictObject({ action: z.literal('checkpoint') }),
]);
export type ClockData = z.infer<typeof clockData>;

export const protocolActionData = z.discriminatedUnion('type', [
  /** An operator's protocol action. */
  z.strictObject({
    type: z.literal('action'),
    action: z.string(),
    label: z.string(),
    inputs,
    from: z.string(),
    /** Protocol version 2: the step entered, "done", "close", or `from` when the track stayed. */
    to: z.string(),
    event_ids: z.array(z.string()).optional(),
    /** Protocol version 2: the track the action was taken in, and the tracks it opened. */
    track: z.string().optional(),
    opened: z.array(z.string()).optional(),
  }),
  /** An operator starts the protocol by hand. */
  z.strictObject({ type: z.literal('start'), to: z.string(), track: z.string().optional() }),
  /**
   * The alert's bands entered it (system): its gravity band, and its certainty
   * band with a version-2 model (below probable, `verify` replaces `notify`).
   */
  z.strictObject({
    type: z.literal('enter'),
    severity,
    certainty_band: certaintyBand.optional(),
    to: z.string(),
    /** Protocol version 2: the track the run starts in. */
    track: z.string().optional(),
  }),
  /**
   * The operator accepts the severity-rise prompt. Protocol version 2: the
   * prompt follows any change of bands; `certainty_band` and `track` name the
   * new bands' entry, and `from` is the step the track was in (`none`: it opens there).
   */
  z.strictObject({
    type: z.literal('severity-jump'),
    severity,
    certainty_band: certaintyBand.optional(),
    from: z.string(),
    to: z.string(),
    track: z.string().optional(),
  }),
  /** The operator declines it. */
  z.strictObject({
    type: z.literal('dismiss-severity-prompt'),
    severity,
    certainty_band: certaintyBand.optional(),
    target: z.string(),
    track: z.string().optional(),
  }),
  /** A new event moved the alert (`on_new_event`, system). */
  z.strictObject({
    type: z.literal('new-event'),
    event_id: z.string(),
    from: z.string(),
    to: z.string(),
    track: z.string().optional(),
  }),
  /** A breach escalated the alert (`on_deadline`, system). */
  z.strictObject({
    type: z.literal('deadline-escalation'),
    from: z.string(),
    to: z.string(),
    track: z.string().optional(),
  }),
]);
export type ProtocolActionData = z.infer<typeof protocolActionData>;

/** `track`: protocol version 2, the track whose step collected it. */
export const partyAckData = z.strictObject({
  party: z.string(),
  how: z.string(),
  track: z.string().optional(),
});
export const ackData = z.strictObject({});
export const noteData = z.strictObject({ text: z.string().min(1).max(4000) });
export const injectData = z.strictObject({
  event_id: z.string(),
  summary: z.string().min(1).max(4000),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  method: z.string().optional(),
});
export type InjectData = z.infer<typeof injectData>;
/**
 * The controller holds, releases, moves or delivers now one of the
 * scenario's scripted injects (an MSEL row, by its event id) not yet
 * delivered. `move`: `from` is when it was due, `to` when it is due now.
 */
export const injectControlData = z.discriminatedUnion('action', [
  z.strictObject({ event_id: z.string().min(1), action: z.literal('hold') }),
  z.strictObject({ event_id: z.string().min(1), action: z.literal('release') }),
  z.strictObject({ event_id: z.string().min(1), action: z.literal('deliver') }),
  z.strictObject({
    event_id: z.string().min(1),
    action: z.literal('move'),
    from: z.string(),
    to: z.string(),
  }),
]);
export type InjectControlData = z.infer<typeof injectControlData>;
/** The participant links a message (a controller inject, by its event id) to the entry's alert. */
export const messageLinkedData = z.strictObject({ event_id: z.string().min(1) });
export const endedData = z.strictObject({ reason: z.string() });

/** An alert opened: its measures (version-2 model), or its one score (version 1, read-only logs). */
export const alertOpenedData = z.union([
  z.strictObject({
    event_id: z.string(),
    severity,
    gravity: z.number(),
    certainty: z.number(),
    certainty_band: certaintyBand,
    /** The closed alert it continues (its first report refers to one of its reports). */
    continues: z.string().optional(),
  }),
  z.strictObject({ event_id: z.string(), severity, score: z.number() }),
]);
/**
 * An alert's bands changed: `from`/`to` are gravity bands (severity); with a
 * version-2 model the certainty bands too (either may have changed alone).
 */
export const severityChangedData = z.union([
  z.strictObject({
    event_id: z.string(),
    from: severity,
    to: severity,
    gravity: z.number(),
    certainty_from: certaintyBand,
    certainty_to: certaintyBand,
    certainty: z.number(),
    prompt: z.string().optional(),
  }),
  z.strictObject({
    event_id: z.string(),
    from: severity,
    to: severity,
    score: z.number(),
    prompt: z.string().optional(),
  }),
]);
/** An incident's bands changed (its `alert_id` is the incident's primary alert). */
export const incidentBandsChangedData = z.strictObject({
  incident: z.string(),
  event_id: z.string(),
  from: severity,
  to: severity,
  gravity: z.number(),
  certainty_from: certaintyBand,
  certainty_to: certaintyBand,
  certainty: z.number(),
  prompt: z.string().optional(),
});
/**
 * The operator links an alert (and its incident) into the incident of the
 * first: one protocol run, the first's. `superseded`: the alert whose own
 * run ended there.
 */
export const linkData = z.strictObject({
  alert_ids: z.tuple([z.string(), z.string()]),
  incident: z.string(),
  superseded: z.string().optional(),
});
export type LinkData = z.infer<typeof linkData>;
/** The operator takes the entry's alert out of an incident. */
export const unlinkData = z.strictObject({ incident: z.string() });
export const deadlineData = z.strictObject({
  deadline_at: z.string(),
  escalated_to: z.string().optional(),
  /** Protocol version 2: the track whose step's deadline it is. */
  track: z.string().optional(),
});

/**
 * A party's move (protocol version 2; role `party`, the entry's `party`
 * member names the party): `to` is absent when the track stayed.
 */
export const partyMoveData = z.strictObject({
  move: z.enum(PARTY_MOVE_IDS as [PartyMove, ...PartyMove[]]),
  track: z.string(),
  inputs,
  from: z.string(),
  to: z.string().optional(),
  opened: z.array(z.string()),
});
export type PartyMoveData = z.infer<typeof partyMoveData>;

/** The products the mission issues (docs/AUDIT-LOG.md, "Kinds defined for protocol version 2"). */
export const REPORT_PRODUCTS = [
  'spot-report',
  'daily-report',
  'request-for-explanation',
  'meeting-summary',
] as const;
export type ReportProduct = (typeof REPORT_PRODUCTS)[number];
/**
 * A report product issued (protocol version 2), about the entry's alert when
 * it has one (a daily report covers every incident). `track`: the track whose
 * step it completed, when it completed one.
 */
export const reportProductData = z.strictObject({
  product: z.enum(REPORT_PRODUCTS),
  text: z.string().min(1).max(4000),
  track: z.string().optional(),
});
export type ReportProductData = z.infer<typeof reportProductData>;

/** A controller takes over a party: its scripted moves stop, the controller makes them. */
export const partyTakeOverData = z.strictObject({ party: z.string() });
/**
 * A controller hands a party taken over back to its script: from this entry on
 * its scripted moves are made again (any already due, at once).
 */
export const partyHandBackData = z.strictObject({ party: z.string() });

/** What `exercise-created` records so a log is readable without the app's defaults. */
export const exerciseCreatedData = z.strictObject({
  title: z.string(),
  classification: z.string(),
  scenario_id: z.string(),
  scenario_hash: z.string(),
  scenario_start: z.string(),
  scenario_end: z.string(),
  scoring: z.strictObject({ hash: z.string(), document: z.unknown() }),
  protocol: z.strictObject({ hash: z.string(), document: z.unknown() }),
  app_version: z.string(),
});
export type ExerciseCreatedData = z.infer<typeof exerciseCreatedData>;

/** What the exporter records (docs/AUDIT-LOG.md): any members; kept as logged. */
export const exportData = z.record(z.string(), z.unknown());

/** The data schema of every kind the engine writes; the entry types below come from it. */
export const LOG_DATA = {
  'exercise-created': exerciseCreatedData,
  clock: clockData,
  'alert-opened': alertOpenedData,
  'alert-severity-changed': severityChangedData,
  'incident-bands-changed': incidentBandsChangedData,
  link: linkData,
  unlink: unlinkData,
  ack: ackData,
  'protocol-action': protocolActionData,
  'party-ack': partyAckData,
  'deadline-warning': deadlineData,
  'deadline-breach': deadlineData,
  note: noteData,
  inject: injectData,
  'exercise-ended': endedData,
  export: exportData,
  'party-move': partyMoveData,
  'report-product': reportProductData,
  'party-take-over': partyTakeOverData,
  'party-hand-back': partyHandBackData,
  'message-linked': messageLinkedData,
  'inject-control': injectControlData,
} as const;
export type ExerciseKind = keyof typeof LOG_DATA;
export type LogDataOf<K extends ExerciseKind> = z.infer<(typeof LOG_DATA)[K]>;

/** A draft of kind `K`, its data typed by that kind's schema. */
export type DraftOf<K extends ExerciseKind> = Omit<EntryDraft, 'kind' | 'data'> & {
  kind: K;
  data: LogDataOf<K>;
};
/** A sealed entry of kind `K`, its data typed by that kind's schema. */
export type EntryOf<K extends ExerciseKind> = Omit<LogEntry, 'kind' | 'data'> & {
  kind: K;
  data: LogDataOf<K>;
};
/** A draft the engine writes: a union by `kind`, so a misspelt data member is a type error. */
export type ExerciseDraft = { [K in ExerciseKind]: DraftOf<K> }[ExerciseKind];
/** An entry of a log the engine wrote, typed by `kind` (see checkedEntries for where one comes from). */
export type ExerciseEntry = { [K in ExerciseKind]: EntryOf<K> }[ExerciseKind];

/** True when the engine writes entries of this kind. */
export function isExerciseKind(kind: string): kind is ExerciseKind {
  return Object.hasOwn(LOG_DATA, kind);
}

/**
 * True for the console's automatic pause: a `system` clock pause carrying its `rule`. With the
 * automatic slow-down (isAutomaticSpeed), the system entries a resume replays rather than
 * regenerates (a console setting decided them, not the scenario).
 */
export function isAutomaticPause(entry: Pick<LogEntry, 'kind' | 'role' | 'data'>): boolean {
  if (entry.kind !== 'clock' || entry.role !== 'system') return false;
  const data = entry.data as { action?: unknown; rule?: unknown };
  return data.action === 'pause' && typeof data.rule === 'string';
}

/** True for the console's automatic slow-down: a `system` clock speed carrying its `rule`. */
export function isAutomaticSpeed(entry: Pick<LogEntry, 'kind' | 'role' | 'data'>): boolean {
  if (entry.kind !== 'clock' || entry.role !== 'system') return false;
  const data = entry.data as { action?: unknown; rule?: unknown };
  return data.action === 'speed' && typeof data.rule === 'string';
}
