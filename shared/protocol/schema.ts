// The one schema of escalation protocol documents (docs/ESCALATION-PROTOCOL.md).
// Every protocol type is inferred from here.
import { z } from 'zod';

z.config({ jitless: true });

/** Inputs an action may require before it is accepted. */
export const PROTOCOL_INPUTS = [
  'rationale',
  'summary',
  'measures',
  'party',
  // Version 2 (docs/ESCALATION-PROTOCOL.md, "Version 2"): a party's reply,
  // and the findings a run is closed with.
  'kind',
  'text',
  'attribution',
  'intent',
  'outcome',
  'evidence',
] as const;
export type ProtocolInput = (typeof PROTOCOL_INPUTS)[number];
/**
 * The inputs a version-1 document may require: the vocabulary it was written
 * against, so a version-1 document that names a version-2 input is still
 * refused as it always was.
 */
export const VERSION_1_INPUTS = [
  'rationale',
  'summary',
  'measures',
  'party',
] as const satisfies readonly ProtocolInput[];
export type Version1Input = (typeof VERSION_1_INPUTS)[number];

/** Who may act on a step. */
export const STEP_ROLES = ['operator', 'controller', 'any'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** The reserved terminal step every protocol has implicitly. */
export const CLOSE_STEP = 'close';
/** `on_deadline` value that only records the breach. */
export const FLAG_ONLY = 'flag';

const identifier = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are 1–64 of a-z, 0-9 and "-", starting alphanumeric');

export const protocolActionSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    next: identifier,
    requires: z.array(z.enum(VERSION_1_INPUTS)).optional(),
    requires_acks: z.boolean().optional(),
  })
  .strict();
export type ProtocolAction = z.infer<typeof protocolActionSchema>;

export const protocolStepSchema = z
  .object({
    id: identifier,
    title: z.string().min(1),
    instructions: z.string().min(1),
    role: z.enum(STEP_ROLES),
    deadline_min: z.number().positive().finite().optional(),
    on_deadline: identifier.optional(),
    acks: z.union([z.literal('all-parties'), z.array(z.string().min(1)).min(1)]).optional(),
    on_new_event: identifier.optional(),
    actions: z.array(protocolActionSchema),
  })
  .strict();
export type ProtocolStep = z.infer<typeof protocolStepSchema>;

const entryTarget = identifier.nullable();

export const protocolEntrySchema = z
  .object({
    critical: entryTarget,
    high: entryTarget,
    medium: entryTarget,
    low: entryTarget,
    info: entryTarget,
    manual: entryTarget,
  })
  .strict();
export type ProtocolEntry = z.infer<typeof protocolEntrySchema>;

export const protocolSchema = z
  .object({
    id: identifier,
    version: z.number().int().min(1),
    title: z.string().min(1),
    entry: protocolEntrySchema,
    steps: z.array(protocolStepSchema).min(1, 'a protocol needs at least one step'),
  })
  .strict();
/** A protocol document as parsed (not yet linted). */
export type ProtocolDocument = z.infer<typeof protocolSchema>;

// ---------------------------------------------------------------------------
// Version 2: several tracks per incident, roles on every step and action,
// party moves, findings on close (docs/ESCALATION-PROTOCOL.md, "Version 2").

/** Who may act in a version-2 protocol. `party` is one party's liaison. */
export const PROTOCOL_ROLES = ['operator', 'controller', 'party', 'guarantor-chair'] as const;
export type ProtocolRole = (typeof PROTOCOL_ROLES)[number];

/** The certainty bands a version-2 `entry` is keyed by (docs/ALERTS-AND-SEVERITY.md). */
export { CERTAINTY_BANDS, type CertaintyBand } from '../alerts/bands';

/** The reserved target that finishes a track (the run goes on). */
export const DONE_STEP = 'done';

/**
 * The moves a party's liaison makes, each an action of role `party`: what the
 * refusal names it, the inputs it always requires, and whether a party may
 * make it only once per visit of a step.
 */
export const PARTY_MOVES = {
  reply: { verb: 'reply', inputs: ['kind', 'text'], once: false },
  'meeting-request': { verb: 'request a meeting', inputs: [], once: true },
  'visit-consent': { verb: 'consent to a visit', inputs: [], once: true },
  'visit-refusal': { verb: 'refuse a visit', inputs: ['rationale'], once: true },
  attend: { verb: 'attend', inputs: [], once: true },
  'refuse-meeting': { verb: 'refuse a meeting', inputs: ['rationale'], once: true },
  'propose-measures': { verb: 'propose measures', inputs: ['measures'], once: false },
  'accept-measures': { verb: 'accept measures', inputs: [], once: true },
} as const satisfies Record<
  string,
  { verb: string; inputs: readonly ProtocolInput[]; once: boolean }
>;
export type PartyMove = keyof typeof PARTY_MOVES;
export const PARTY_MOVE_IDS = Object.keys(PARTY_MOVES) as PartyMove[];

/** What a party's `reply` says (the `kind` input). */
export const REPLY_KINDS = ['admits', 'denies', 'counter-accuses'] as const;
/** The findings every close action requires. */
export const FINDINGS_INPUTS = [
  'attribution',
  'intent',
  'outcome',
  'evidence',
] as const satisfies readonly ProtocolInput[];
/**
 * The `party` input's value for a request addressed to every party to the
 * ceasefire: where no report names who fired and no firing point tells the
 * side (jamming, an impact alone), the mission asks them all rather than
 * accuse one (docs/ESCALATION-PROTOCOL.md, "Whom a request goes to").
 */
export const ALL_PARTIES = 'all';
/** `attribution` is a party id or one of these. */
export const NO_ATTRIBUTION = ['unattributed', 'undetermined'] as const;
export const FINDING_INTENTS = ['deliberate', 'accidental', 'undetermined'] as const;
export const FINDING_OUTCOMES = [
  'violation-recorded',
  'escalated',
  'false-alarm',
  'cleared',
] as const;

/** Inputs whose value is one of a fixed list (`attribution` also takes a party id). */
export const INPUT_VOCABULARIES: Partial<Record<ProtocolInput, readonly string[]>> = {
  kind: REPLY_KINDS,
  intent: FINDING_INTENTS,
  outcome: FINDING_OUTCOMES,
};

const roleOrRoles = z.union([
  z.enum(PROTOCOL_ROLES),
  z.array(z.enum(PROTOCOL_ROLES)).min(1, 'name at least one role'),
]);

/** A track to open: its id (opens at its first step), or a track and the step to open it at. */
export const trackOpeningSchema = z.union([
  identifier,
  z.object({ track: identifier, step: identifier }).strict(),
]);
export type TrackOpening = z.infer<typeof trackOpeningSchema>;

export const protocolV2ActionSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    /** Defaults to the step's role. */
    role: roleOrRoles.optional(),
    /** A step of the same track, `done` or `close`; absent: the track stays where it is. */
    next: identifier.optional(),
    opens: z.array(trackOpeningSchema).min(1).optional(),
    requires: z.array(z.enum(PROTOCOL_INPUTS)).optional(),
    requires_acks: z.boolean().optional(),
    /** Accepted only once every party has made these moves in this visit of the step. */
    requires_moves: z
      .array(z.enum(PARTY_MOVE_IDS as [PartyMove, ...PartyMove[]]))
      .min(1)
      .optional(),
  })
  .strict();
export type ProtocolV2Action = z.infer<typeof protocolV2ActionSchema>;

export const protocolV2StepSchema = z
  .object({
    id: identifier,
    title: z.string().min(1),
    instructions: z.string().min(1),
    /** Who may take the step's actions (each action may say otherwise). */
    role: roleOrRoles.optional(),
    deadline_min: z.number().positive().finite().optional(),
    /** Where the deadline runs from: entering the step (default) or the incident's first event. */
    deadline_from: z.enum(['step', 'incident']).optional(),
    on_deadline: identifier.optional(),
    acks: z.union([z.literal('all-parties'), z.array(z.string().min(1)).min(1)]).optional(),
    on_new_event: identifier.optional(),
    actions: z.array(protocolV2ActionSchema),
  })
  .strict();
export type ProtocolV2Step = z.infer<typeof protocolV2StepSchema>;

export const protocolTrackSchema = z
  .object({
    id: identifier,
    title: z.string().min(1),
    steps: z.array(protocolV2StepSchema).min(1, 'a track needs at least one step'),
  })
  .strict();
export type ProtocolTrack = z.infer<typeof protocolTrackSchema>;

/** Per certainty band, the entry step or null (every band named: a missing one is an error). */
const certaintyEntry = z
  .object({
    confirmed: entryTarget,
    probable: entryTarget,
    possible: entryTarget,
    unconfirmed: entryTarget,
    cleared: entryTarget,
  })
  .strict();
/** A gravity band enters at one step whatever the certainty, per certainty band, or never. */
const gravityEntry = z.union([identifier, z.null(), certaintyEntry]);
export type GravityEntry = z.infer<typeof gravityEntry>;

export const protocolV2EntrySchema = z
  .object({
    critical: gravityEntry,
    high: gravityEntry,
    medium: gravityEntry,
    low: gravityEntry,
    info: gravityEntry,
    manual: entryTarget,
  })
  .strict();
export type ProtocolV2Entry = z.infer<typeof protocolV2EntrySchema>;

export const protocolV2Schema = z
  .object({
    id: identifier,
    version: z.literal(2, 'a protocol with "tracks" is format version 2'),
    title: z.string().min(1),
    entry: protocolV2EntrySchema,
    tracks: z.array(protocolTrackSchema).min(1, 'a protocol needs at least one track'),
  })
  .strict();
/** A version-2 protocol document as parsed (not yet linted). */
export type ProtocolV2Document = z.infer<typeof protocolV2Schema>;

/**
 * Whether a document is meant as format version 2: it has `tracks`, or says
 * version 2 without version-1 `steps`. Anything else is read as version 1,
 * exactly as before version 2 existed (a version-1 document's `version` was
 * any whole number, so a `"version": 2` with `steps` still loads as one).
 */
export function isVersion2Document(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const record = input as Record<string, unknown>;
  return 'tracks' in record || (record.version === 2 && !('steps' in record));
}

/** The roles that may take an action: its own, else its step's; empty when neither says. */
export function actionRoles(step: ProtocolV2Step, action: ProtocolV2Action): ProtocolRole[] {
  const role = action.role ?? step.role;
  if (role === undefined) return [];
  return typeof role === 'string' ? [role] : [...new Set(role)];
}

/** Whether an action id is one of the party moves. */
export function isPartyMove(id: string): id is PartyMove {
  return Object.hasOwn(PARTY_MOVES, id);
}
