// What the host keeps about its room besides the exercise log (docs/ROOMS.md,
// "Host restart"): the join secret, the approved seats (token hashes, not
// tokens) and the answers kept for idempotency keys. Saved by the host after
// every change, so a host that restarts reopens the room with the same code,
// knows its seats when they reconnect, and answers a retried intent from
// before the restart without applying it again.
import { z } from 'zod';
import { SeatAssignment } from './seat-roles';

z.config({ jitless: true });

export const StoredAnswer = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), last_seq: z.number().int().min(0) }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type StoredAnswer = z.infer<typeof StoredAnswer>;

export const RoomSeatRecord = z.strictObject({
  seat_id: z.string(),
  name: z.string(),
  assignment: SeatAssignment,
  token_hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RoomSeatRecord = z.infer<typeof RoomSeatRecord>;

export const RoomState = z.strictObject({
  format: z.literal('truceline-room-state'),
  version: z.literal(1),
  exercise_id: z.string().min(1),
  /** The join secret, base64 (the code is its base32 form). */
  secret: z.string(),
  seats: z.array(RoomSeatRecord),
  /** Per seat id: [idempotency key, answer], oldest first. */
  answers: z.record(z.string(), z.array(z.tuple([z.string(), StoredAnswer]))),
  /**
   * Per seat id: the intent being applied — its key and the log's length
   * before it — saved before the engine commits anything. A host that dies
   * after the commit but before saving the answer finds out on restart
   * whether the intent reached the log (settlePending).
   */
  pending: z
    .record(z.string(), z.strictObject({ key: z.string(), after_seq: z.number().int().min(0) }))
    .optional(),
});
export type RoomState = z.infer<typeof RoomState>;

/**
 * Answers the intents a host was applying when it died (docs/ROOMS.md,
 * "Faults"): an intent reached the log exactly when an entry by its seat's
 * name follows the log's length saved with it — a seat's name is its actor
 * in the log and no one else writes under it — and is then answered as
 * applied; otherwise it never reached the log, and a retry applies it.
 */
export function settlePending(
  state: RoomState,
  entries: readonly { seq: number; actor: string }[],
): RoomState {
  const answers = { ...state.answers };
  for (const [seatId, { key, after_seq }] of Object.entries(state.pending ?? {})) {
    const seat = state.seats.find((s) => s.seat_id === seatId);
    const mine = seat ? entries.slice(after_seq).filter((e) => e.actor === seat.name) : [];
    const last = mine.at(-1);
    if (last === undefined) continue;
    answers[seatId] = [...(answers[seatId] ?? []), [key, { ok: true, last_seq: last.seq }]];
  }
  const { pending: _settled, ...rest } = state;
  return { ...rest, answers };
}

/** Where the host keeps its RoomState (IndexedDB in the app; memory in tests and the bench). */
export interface RoomStore {
  load(): Promise<unknown>;
  save(state: RoomState): Promise<void>;
}

export class MemoryRoomStore implements RoomStore {
  #saved: string | null = null;
  saves = 0;

  async load(): Promise<unknown> {
    return this.#saved === null ? null : (JSON.parse(this.#saved) as unknown);
  }

  async save(state: RoomState): Promise<void> {
    this.#saved = JSON.stringify(state);
    this.saves += 1;
  }

  async clear(): Promise<void> {
    this.#saved = null;
  }
}
