// One audit-log entry (docs/AUDIT-LOG.md "Entry"): the zod schema every entry type
// comes from, and sealing (seq, chain link, hash) of an entry draft.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { describeLoneSurrogate, findLoneSurrogate } from '../json/well-formed-text';
import { canonicalJson, canonicalJsonWithout } from './jcs';

z.config({ jitless: true });

/** prev_hash of the first entry of every log: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * `party` (a party's liaison) and `guarantor-chair` act in protocol version 2
 * (docs/AUDIT-LOG.md, "Kinds defined for protocol version 2"); additive, so a
 * log of the first four roles reads as before.
 */
export const ROLES = [
  'operator',
  'controller',
  'system',
  'auditor',
  'party',
  'guarantor-chair',
] as const;
/** The kinds docs/AUDIT-LOG.md names; the format allows others of the same shape. */
export const KNOWN_KINDS = [
  'exercise-created',
  'clock',
  'alert-opened',
  'alert-severity-changed',
  'ack',
  'protocol-action',
  'party-ack',
  'deadline-warning',
  'deadline-breach',
  'note',
  'inject',
  'exercise-ended',
  'export',
] as const;

export type Role = (typeof ROLES)[number];
export type KnownKind = (typeof KNOWN_KINDS)[number];

const HEX64 = /^[0-9a-f]{64}$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const hash64Schema = z.string().regex(HEX64, 'must be 64 lowercase hex characters');
export const wallTimeSchema = z
  .string()
  .regex(WALL_TIME, 'must be UTC with milliseconds, e.g. 2026-11-26T10:00:00.000Z');

const draftShape = {
  exercise_time: z.iso.datetime({ offset: true, local: false }).nullable(),
  actor: z.string().min(1, 'must name who acted'),
  role: z.enum(ROLES),
  kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase kind name such as "note"'),
  alert_id: z.string().min(1).optional(),
  step_id: z.string().min(1).optional(),
  /** The party whose liaison acted (role `party`); absent on every other entry. */
  party: z.string().min(1).optional(),
  // Passed on as it is: a record schema would copy the object and silently
  // drop a member named "__proto__", so what is read would differ from what
  // was hashed.
  data: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'must be a JSON object',
  ),
};

/** What a caller hands to the log: an entry without seq, exercise_id, wall_time, prev_hash, hash. */
export const EntryDraft = z.strictObject(draftShape);
export type EntryDraft = z.infer<typeof EntryDraft>;

/** A sealed entry exactly as stored and exported. */
export const LogEntry = z.strictObject({
  seq: z.number().int().min(1),
  exercise_id: z.string().min(1),
  wall_time: wallTimeSchema,
  ...draftShape,
  prev_hash: hash64Schema,
  hash: hash64Schema,
});
export type LogEntry = z.infer<typeof LogEntry>;

/** Where a sealed entry goes in its chain. */
export interface SealPosition {
  seq: number;
  exerciseId: string;
  prevHash: string;
  /** UTC with milliseconds; defaults to now. */
  wallTime?: string;
}

/** Raised for a draft or position that cannot become a valid entry; the message says which field and why. */
export class EntryError extends Error {
  override name = 'EntryError';
}

const encoder = new TextEncoder();
// Verification hashes a million small texts: one growing buffer for their
// UTF-8 bytes (TextEncoder.encode allocates per call) and one noble hasher
// reset from a pristine copy (a new hasher per call cost ~25% more).
let scratch = new Uint8Array(4096);
const pristine = sha256.create();
let hasher = sha256.create();
const digest = new Uint8Array(32);

/** Lowercase hex SHA-256 of the UTF-8 bytes of a string. */
export function sha256HexOfText(text: string): string {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  hasher = pristine._cloneInto(hasher);
  hasher.update(scratch.subarray(0, written));
  hasher.digestInto(digest);
  return bytesToHex(digest);
}

/** Lowercase hex SHA-256 of the JCS form of an entry without its `hash` member. */
export function computeEntryHash(entry: Omit<LogEntry, 'hash'> | Record<string, unknown>): string {
  return sha256HexOfText(canonicalJsonWithout(entry as Record<string, unknown>, 'hash'));
}

function describeIssues(error: z.ZodError, what: string): string {
  return error.issues
    .map(
      (issue) => `${what}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
    )
    .join('; ');
}

/** Turns a draft into the entry at `position`: validates it, fixes its data to its JSON form, hashes it. */
export function sealEntry(draft: EntryDraft, position: SealPosition): LogEntry {
  const parsed = EntryDraft.safeParse(draft);
  const at = `entry seq ${position.seq}`;
  if (!parsed.success) throw new EntryError(`${at}: ${describeIssues(parsed.error, 'draft')}`);
  if (!Number.isInteger(position.seq) || position.seq < 1) {
    throw new EntryError(`${at}: seq must be a whole number from 1`);
  }
  if (!HEX64.test(position.prevHash)) {
    throw new EntryError(`${at}: prev_hash must be 64 lowercase hex characters`);
  }
  if (!position.exerciseId) throw new EntryError(`${at}: exercise_id is empty`);
  const wallTime = position.wallTime ?? new Date().toISOString();
  if (!WALL_TIME.test(wallTime)) {
    throw new EntryError(`${at}: wall_time "${wallTime}" is not UTC with milliseconds`);
  }
  const d = parsed.data;
  // A lone surrogate has no UTF-8 form: the strict reader would refuse the exported log.
  const lone = findLoneSurrogate(d) ?? findLoneSurrogate(position.exerciseId, 'exercise_id');
  if (lone)
    throw new EntryError(`${at} (${d.kind}): ${describeLoneSurrogate(lone.path, lone.index)}`);
  let data: Record<string, unknown>;
  try {
    // Store exactly what is hashed: the JSON form, detached from the caller's objects.
    data = JSON.parse(canonicalJson(d.data)) as Record<string, unknown>;
  } catch (error) {
    throw new EntryError(`${at} (${d.kind}): data: ${(error as Error).message}`);
  }
  const body: Omit<LogEntry, 'hash'> = {
    seq: position.seq,
    exercise_id: position.exerciseId,
    wall_time: wallTime,
    exercise_time: d.exercise_time,
    actor: d.actor,
    role: d.role,
    kind: d.kind,
    ...(d.alert_id !== undefined ? { alert_id: d.alert_id } : {}),
    ...(d.step_id !== undefined ? { step_id: d.step_id } : {}),
    ...(d.party !== undefined ? { party: d.party } : {}),
    data,
    prev_hash: position.prevHash,
  };
  return { ...body, hash: computeEntryHash(body) };
}

/** Seals drafts as consecutive entries after `head` (null: an empty log). */
export function sealBatch(
  drafts: readonly EntryDraft[],
  head: { seq: number; hash: string } | null,
  exerciseId: string,
  wallTime?: string,
): LogEntry[] {
  let seq = head ? head.seq : 0;
  let prevHash = head ? head.hash : GENESIS_HASH;
  const out: LogEntry[] = [];
  for (const draft of drafts) {
    seq += 1;
    const entry = sealEntry(draft, { seq, exerciseId, prevHash, wallTime });
    out.push(entry);
    prevHash = entry.hash;
  }
  return out;
}
