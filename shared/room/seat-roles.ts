// Who sits in a room and what each seat reads (docs/ROOMS.md, "Roles" and
// "What each role reads"). Defined once here: the host redacts by it, the
// tests check it, and docs/ROOMS.md states it in words.
import { z } from 'zod';
import type { LogEntry } from '../audit/entry';

z.config({ jitless: true });

/**
 * The roles of a seat. `party` is a party's liaison cell: one seat for one
 * party, or a SimCell seat playing several (its `parties`). `evaluator`
 * watches and writes evaluations (notes for control); `observer` only reads
 * (a projector for the plenary).
 */
export const SEAT_ROLES = ['operator', 'party', 'controller', 'evaluator', 'observer'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

const partyId = z.string().min(1).max(64);
/** The role the host fixes for a seat, with the parties a party seat plays. */
export const SeatAssignment = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('party'), parties: z.array(partyId).min(1).max(16) }),
  z.strictObject({ role: z.enum(['operator', 'controller', 'evaluator', 'observer']) }),
]);
export type SeatAssignment = z.infer<typeof SeatAssignment>;

/** What a seat holds of an entry it may not read: its place in the chain only. */
export const RedactedEntry = z.strictObject({
  seq: z.number().int().min(1),
  prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RedactedEntry = z.infer<typeof RedactedEntry>;
export type SeatEntry = LogEntry | RedactedEntry;

export function isRedacted(entry: SeatEntry): boolean {
  return !('kind' in entry);
}

/** The entry in full, or null when the seat holds it redacted. */
export function readable(entry: SeatEntry): LogEntry | null {
  return 'kind' in entry ? entry : null;
}

/**
 * What the parties' liaisons read: the frame of the exercise (its creation,
 * the clock, its end), the parties' own moves and acknowledgements, control
 * taking a party over, and the two report products addressed to the parties.
 * Everything else is the mission's internal work and reaches them redacted.
 */
const PARTY_KINDS: ReadonlySet<string> = new Set([
  'exercise-created',
  'clock',
  'exercise-ended',
  'party-move',
  'party-ack',
  'party-take-over',
]);
const PARTY_PRODUCTS: ReadonlySet<string> = new Set(['request-for-explanation', 'meeting-summary']);

/**
 * Controller-only material: notes written with the controller's role (control's
 * own notes and the evaluators', which are logged as control's) and a
 * controller taking a party over (who plays which party is control's business;
 * the party's own seat reads it too, as it must know it took its party over).
 */
function isControlMaterial(entry: LogEntry): boolean {
  return (entry.kind === 'note' && entry.role === 'controller') || entry.kind === 'party-take-over';
}

/** True when a seat of `role` (playing `parties`) reads the entry in full; otherwise it gets it redacted. */
export function mayRead(assignment: SeatAssignment, entry: LogEntry): boolean {
  switch (assignment.role) {
    case 'controller':
    case 'evaluator':
      return true;
    case 'operator':
      return !isControlMaterial(entry);
    case 'observer':
      // The plenary's screen: the operators' picture without the mission's notes.
      return !isControlMaterial(entry) && entry.kind !== 'note';
    case 'party':
      if (entry.kind === 'report-product') {
        return PARTY_PRODUCTS.has((entry.data as { product?: unknown }).product as string);
      }
      if (entry.kind === 'party-take-over') {
        return assignment.parties.includes((entry.data as { party?: unknown }).party as string);
      }
      return PARTY_KINDS.has(entry.kind);
  }
}

/** The entry as a seat of this role receives it. */
export function entryForSeat(assignment: SeatAssignment, entry: LogEntry): SeatEntry {
  return mayRead(assignment, entry)
    ? entry
    : { seq: entry.seq, prev_hash: entry.prev_hash, hash: entry.hash };
}
