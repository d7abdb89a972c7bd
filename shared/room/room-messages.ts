// Every message of the room protocol (docs/ROOMS.md, "Messages"), one zod
// schema each, and the limits the host enforces. A connection carries JSON
// text frames: two handshake frames in the clear (`hello`, `challenge`), then
// only `sealed` frames, whose plaintext is one SeatMessage or HostMessage.
import { z } from 'zod';
import { LogEntry } from '../audit/entry';
import { PUBLIC_KEY_BYTES, SALT_BYTES } from './channel-crypto';
import { PartyInbox } from './party-inbox';
import { RoomIntent } from './room-intents';
import { RedactedEntry, SeatAssignment } from './seat-roles';

z.config({ jitless: true });

/** The limits of a room (docs/ROOMS.md, "Limits"). */
export const ROOM_LIMITS = {
  /** Largest frame a seat may send the host, in UTF-8 bytes; a larger one closes the connection. */
  maxSeatFrameBytes: 64 * 1024,
  /** Largest frame the host sends a seat (the scenario copy is the big one). */
  maxHostFrameBytes: 32 * 1024 * 1024,
  /** Frames a seat may send per second, sustained; above it the connection is closed. */
  seatFramesPerSecond: 50,
  /** Frames a seat may send at once after being quiet (the bucket's size). */
  seatFrameBurst: 100,
  /** Connections not yet approved (in the handshake or waiting for the host) at one time. */
  maxPendingJoins: 16,
  /** Approved seats in one room. */
  maxSeats: 64,
  /** Milliseconds a connection has to finish its handshake. */
  handshakeTimeoutMs: 10_000,
  /** Entries per `entries` message, and their size before a new message is started. */
  maxEntriesPerMessage: 500,
  entriesMessageBytes: 1024 * 1024,
  /** Idempotency answers kept per seat (the oldest go first). */
  answersKeptPerSeat: 4096,
} as const;

/** Base64 text of exactly `bytes` bytes. */
function base64Of(bytes: number) {
  const chars = 4 * Math.ceil(bytes / 3);
  return z.string().length(chars, `must be base64 of ${bytes} bytes`);
}

/** A seat's id: chosen by the seat once and kept, so a reconnect is known as the same seat. */
export const SeatId = z.string().regex(/^[a-z0-9]{16,64}$/, 'must be 16–64 of a–z, 0–9');

export const HelloFrame = z.strictObject({
  t: z.literal('hello'),
  v: z.literal(1),
  seat: SeatId,
  salt: base64Of(SALT_BYTES),
  pub: base64Of(PUBLIC_KEY_BYTES),
});
export type HelloFrame = z.infer<typeof HelloFrame>;

export const ChallengeFrame = z.strictObject({
  t: z.literal('challenge'),
  v: z.literal(1),
  salt: base64Of(SALT_BYTES),
  pub: base64Of(PUBLIC_KEY_BYTES),
});
export type ChallengeFrame = z.infer<typeof ChallengeFrame>;

export const SealedFrameSchema = z.strictObject({
  t: z.literal('sealed'),
  n: z.number().int().min(0),
  ct: z.string().min(1),
});
export type SealedFrameMessage = z.infer<typeof SealedFrameSchema>;

const head = z.strictObject({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type HeadRef = z.infer<typeof head>;

// ---- seat → host -------------------------------------------------------------

/**
 * The first sealed message of every connection. `token`: the seat's token
 * from an earlier welcome (a reconnect keeps its approval and role); `have`:
 * the last entry the seat verified, so the host sends only what follows.
 */
export const JoinMessage = z.strictObject({
  type: z.literal('join'),
  name: z.string().trim().min(1).max(80),
  request: SeatAssignment,
  token: z
    .string()
    .regex(/^[A-Za-z0-9+/=]{44}$/)
    .optional(),
  have: head,
});
export type JoinMessage = z.infer<typeof JoinMessage>;

/** An intent with its idempotency key: a retry with the same key is answered, never applied again. */
export const IntentMessage = z.strictObject({
  type: z.literal('intent'),
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 of A–Z, a–z, 0–9, _ and -'),
  intent: RoomIntent,
});
export type IntentMessage = z.infer<typeof IntentMessage>;

export const SeatMessage = z.discriminatedUnion('type', [JoinMessage, IntentMessage]);
export type SeatMessage = z.infer<typeof SeatMessage>;

// ---- host → seat -------------------------------------------------------------

/** The host has the join request and has not decided yet. */
export const PendingMessage = z.strictObject({ type: z.literal('pending') });

export const WelcomeMessage = z.strictObject({
  type: z.literal('welcome'),
  exercise_id: z.string().min(1),
  name: z.string().min(1),
  assignment: SeatAssignment,
  /** Kept by the seat and shown again on reconnect. */
  token: z.string().regex(/^[A-Za-z0-9+/=]{44}$/),
  /** The room's head when the welcome was sent; entries up to it follow. */
  head,
  scenario: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/), view: z.unknown() }),
  /** False once the room is closed: the seat keeps its copy, read-only. */
  open: z.boolean(),
});
export type WelcomeMessage = z.infer<typeof WelcomeMessage>;

export const EntriesMessage = z.strictObject({
  type: z.literal('entries'),
  entries: z.array(z.union([LogEntry, RedactedEntry])).min(1),
});
export type EntriesMessage = z.infer<typeof EntriesMessage>;

/** The outcome of an intent; `last_seq`: the host's head once it was applied (its entries came before). */
export const AnswerMessage = z.discriminatedUnion('ok', [
  z.strictObject({
    type: z.literal('answer'),
    key: z.string(),
    ok: z.literal(true),
    last_seq: z.number().int().min(0),
  }),
  z.strictObject({
    type: z.literal('answer'),
    key: z.string(),
    ok: z.literal(false),
    error: z.string(),
  }),
]);
export type AnswerMessage = z.infer<typeof AnswerMessage>;

/** The host refuses the seat (declined, or its copy does not match the log); the connection closes. */
export const RefusedMessage = z.strictObject({ type: z.literal('refused'), reason: z.string() });

/** The room is closed: seats keep their copies, read-only. */
export const RoomClosedMessage = z.strictObject({ type: z.literal('room-closed') });

/** A party seat's inbox, sent after the entries it follows from, when it changed (party-inbox.ts). */
export const InboxMessage = z.strictObject({ type: z.literal('inbox'), inbox: PartyInbox });

/**
 * A frame of the console an operator or observer seat shows (docs/ROOMS.md,
 * "The console at a seat"): the host's console view of the exercise, cut for
 * the seat's role and sent as the host's console sends itself its deltas. Its
 * shape belongs to the console (renderer/src/room-seat/seat-console.ts reads
 * it); the room carries it sealed and does not look inside.
 */
export const ConsoleMessage = z.strictObject({
  type: z.literal('console'),
  frame: z.record(z.string(), z.unknown()),
});

export const HostMessage = z.union([
  PendingMessage,
  WelcomeMessage,
  EntriesMessage,
  AnswerMessage,
  RefusedMessage,
  RoomClosedMessage,
  InboxMessage,
  ConsoleMessage,
]);
export type HostMessage = z.infer<typeof HostMessage>;

/** UTF-8 length of a text, without allocating its bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The first problem of a failed parse, named by path, for a log line or a refusal. */
export function describeParseError(error: z.ZodError, what: string): string {
  const issue = error.issues[0]!;
  return `${what}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`;
}

/** JSON text as a value, or null when it is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
