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
});
export type RoomState = z.infer<typeof RoomState>;

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
