// A seat of a room (docs/ROOMS.md): the same protocol code in the app and in
// the headless clients of tests and the bench. It keeps a verified copy of the
// exercise log (redacted where its role may not read), sends intents with
// idempotency keys, and is read-only whenever it is not connected or the room
// is closed: an intent made then is refused at once, never queued or dropped.
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  FrameRefused,
  HandshakeError,
  SealedChannel,
  deriveChannelKeys,
  fromBase64,
  newEphemeral,
  newSalt,
  toBase64,
  type Ephemeral,
} from './channel-crypto';
import { parseJoinCode } from './join-code';
import {
  ChallengeFrame,
  HostMessage,
  ROOM_LIMITS,
  SealedFrameSchema,
  describeParseError,
  parseJsonText,
  utf8Length,
  type SeatMessage,
} from './room-messages';
import type { PartyInbox } from './party-inbox';
import type { RoomIntent } from './room-intents';
import { EMPTY_CHAIN, copyFailure, nextEntryFailure, type ChainHead } from './seat-chain';
import { scenarioViewMatches, type ScenarioView } from './scenario-view';
import type { SeatAssignment, SeatEntry } from './seat-roles';
import type { RoomConnection } from './transport';

export type SeatStatus =
  /** Not connected (never yet, or the connection dropped): read-only. */
  | 'offline'
  | 'connecting'
  /** Waiting for the host to approve: read-only. */
  | 'pending'
  | 'connected'
  /** The host closed the room: the copy is kept, read-only. */
  | 'closed'
  /** The host turned the seat away. */
  | 'refused'
  /** The copy's chain broke: reported, and the seat stops. */
  | 'broken';

/** What a seat keeps between runs (the app keeps it in IndexedDB; the headless seat, where it is told). */
export interface SeatSaved {
  seatId: string;
  name: string;
  request: SeatAssignment;
  token: string | null;
  exerciseId: string | null;
  assignment: SeatAssignment | null;
  entries: SeatEntry[];
  scenario: { hash: string; view: ScenarioView } | null;
}

/** Raised for an intent made while the seat is read-only; nothing was sent. */
export class SeatReadOnly extends Error {
  override name = 'SeatReadOnly';
}

/** Raised when the connection dropped before the intent's answer: retry with the same key. */
export class AnswerLost extends Error {
  override name = 'AnswerLost';
  constructor(readonly key: string) {
    super(
      `the connection dropped before the host answered intent ${key}: it may have been applied; retry with the same key once reconnected`,
    );
  }
}

/** Raised when the host refused an intent (its role, or the engine's reason). */
export class IntentDeclined extends Error {
  override name = 'IntentDeclined';
}

export interface RoomSeatOptions {
  /** The join code as typed (or read from the QR image). */
  code: string;
  name: string;
  /** The role this seat asks for; the host fixes the one it gets. */
  request: SeatAssignment;
  /** What an earlier run kept: the seat comes back as itself and catches up from its last entry. */
  saved?: SeatSaved;
}

interface Pending {
  resolve: (lastSeq: number) => void;
  reject: (error: Error) => void;
}

function newSeatId(): string {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

function newKey(): string {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(12)));
}

export class RoomSeat {
  readonly #secret: Uint8Array;
  readonly #saved: SeatSaved;
  #head: ChainHead;
  #status: SeatStatus = 'offline';
  #inbox: PartyInbox | null = null;
  #problem: string | null = null;
  /** The host's last seq as it last said (welcome, answers): how far behind the copy is. */
  #hostSeq: number | null = null;
  #connection: RoomConnection | null = null;
  readonly #pending = new Map<string, Pending>();
  readonly #listeners = new Set<() => void>();
  readonly #entryListeners = new Set<(entries: readonly SeatEntry[]) => void>();
  readonly #consoleListeners = new Set<(frame: Record<string, unknown>) => void>();
  /** The channel of each connection once its handshake is done. */
  readonly #channelOf = new WeakMap<RoomConnection, () => SealedChannel | null>();
  #sending: Promise<void> = Promise.resolve();

  constructor(options: RoomSeatOptions) {
    this.#secret = parseJoinCode(options.code);
    const saved = options.saved;
    if (saved) {
      const failure = copyFailure(saved.entries, saved.exerciseId);
      this.#saved = structuredClone(saved);
      if (failure) {
        this.#status = 'broken';
        this.#problem = `the stored copy is broken: ${failure}`;
      }
    } else {
      this.#saved = {
        seatId: newSeatId(),
        name: options.name,
        request: options.request,
        token: null,
        exerciseId: null,
        assignment: null,
        entries: [],
        scenario: null,
      };
    }
    const last = this.#saved.entries[this.#saved.entries.length - 1];
    this.#head = last ? { seq: last.seq, hash: last.hash } : EMPTY_CHAIN;
  }

  get seatId(): string {
    return this.#saved.seatId;
  }
  get status(): SeatStatus {
    return this.#status;
  }
  /** True whenever an intent cannot be sent now. */
  get readOnly(): boolean {
    return this.#status !== 'connected';
  }
  /** Why the seat is broken, refused or last lost its connection. */
  get problem(): string | null {
    return this.#problem;
  }
  get head(): ChainHead {
    return this.#head;
  }
  /** How many entries the host had told of that this copy does not hold yet (0 once caught up). */
  get behind(): number {
    return this.#hostSeq === null ? 0 : Math.max(0, this.#hostSeq - this.#head.seq);
  }
  /** The participant name (the host's, once welcomed). */
  get name(): string {
    return this.#saved.name;
  }
  get request(): SeatAssignment {
    return this.#saved.request;
  }
  get exerciseId(): string | null {
    return this.#saved.exerciseId;
  }
  get assignment(): SeatAssignment | null {
    return this.#saved.assignment;
  }
  get scenario(): { hash: string; view: ScenarioView } | null {
    return this.#saved.scenario;
  }
  /**
   * A party seat's inbox as the host last sent it (null before the first, and
   * for every other role): what the mission asks of the parties it plays.
   */
  get inbox(): PartyInbox | null {
    return this.#inbox;
  }

  entries(): readonly SeatEntry[] {
    return this.#saved.entries;
  }
  /** A copy of what this seat keeps, for its next run. */
  saved(): SeatSaved {
    return structuredClone(this.#saved);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called with every batch of entries once verified and kept. */
  onEntries(listener: (entries: readonly SeatEntry[]) => void): () => void {
    this.#entryListeners.add(listener);
    return () => this.#entryListeners.delete(listener);
  }

  /** Calls `listener` with each console frame the host sends an operator or observer seat. */
  onConsole(listener: (frame: Record<string, unknown>) => void): () => void {
    this.#consoleListeners.add(listener);
    return () => this.#consoleListeners.delete(listener);
  }

  #set(status: SeatStatus, problem: string | null = this.#problem): void {
    this.#status = status;
    this.#problem = problem;
    for (const listener of this.#listeners) listener();
  }

  /** True when the seat may try to connect again (not broken, refused or closed). */
  get canReconnect(): boolean {
    return this.#status === 'offline';
  }

  /**
   * Runs the handshake on a new connection and joins. Resolves once the
   * host has answered the join (welcome, pending or refused); rejects when
   * the connection fails first.
   */
  connect(connection: RoomConnection): Promise<SeatStatus> {
    if (!this.canReconnect) {
      return Promise.reject(new Error(`the seat is ${this.#status}: it does not connect`));
    }
    this.#connection = connection;
    this.#set('connecting', null);
    return new Promise<SeatStatus>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve(this.#status);
      };
      void this.#run(connection, settle);
    });
  }

  async #run(connection: RoomConnection, settle: (error?: Error) => void): Promise<void> {
    let own: Ephemeral;
    const salt = newSalt();
    let channel: SealedChannel | null = null;
    let queue = Promise.resolve();
    const lose = (reason: string) => {
      if (this.#connection !== connection) return;
      this.#connection = null;
      for (const [key, pending] of this.#pending) pending.reject(new AnswerLost(key));
      this.#pending.clear();
      if (
        this.#status === 'connecting' ||
        this.#status === 'pending' ||
        this.#status === 'connected'
      ) {
        this.#set('offline', reason);
      }
      settle(new Error(`the connection closed: ${reason}`));
    };
    const fail = (reason: string) => {
      lose(reason);
      connection.close(reason);
    };
    try {
      own = await newEphemeral();
    } catch (error) {
      return fail((error as Error).message);
    }
    connection.listen({
      message: (text) => {
        queue = queue.then(async () => {
          if (this.#connection !== connection) return;
          try {
            if (utf8Length(text) > ROOM_LIMITS.maxHostFrameBytes) {
              throw new FrameRefused('a frame from the host above the size limit');
            }
            const value = parseJsonText(text);
            if (channel === null) {
              const challenge = ChallengeFrame.safeParse(value);
              if (!challenge.success) {
                throw new FrameRefused(describeParseError(challenge.error, 'challenge'));
              }
              const keys = await deriveChannelKeys({
                secret: this.#secret,
                own,
                peerPublicRaw: fromBase64(challenge.data.pub)!,
                seatSalt: salt,
                hostSalt: fromBase64(challenge.data.salt)!,
                seatId: this.seatId,
              });
              channel = new SealedChannel(keys, 'seat', this.seatId);
              await this.#sendOn(connection, channel, {
                type: 'join',
                name: this.#saved.name,
                request: this.#saved.request,
                ...(this.#saved.token !== null ? { token: this.#saved.token } : {}),
                have: this.#head,
              });
              return;
            }
            const frame = SealedFrameSchema.safeParse(value);
            if (!frame.success) throw new FrameRefused(describeParseError(frame.error, 'frame'));
            const plain = await channel.open(frame.data);
            const message = HostMessage.safeParse(parseJsonText(plain));
            if (!message.success) {
              throw new FrameRefused(describeParseError(message.error, 'host message'));
            }
            this.#receive(message.data, connection, settle);
          } catch (error) {
            const known = error instanceof FrameRefused || error instanceof HandshakeError;
            fail(known ? (error as Error).message : `the seat failed: ${(error as Error).message}`);
          }
        });
      },
      // In the frames' queue: a frame still being opened when the connection
      // ends (the host's "room closed", then its close) is read first.
      close: (reason) => {
        queue = queue.then(() => lose(reason || 'the connection closed'));
      },
    });
    connection.send(
      JSON.stringify({
        t: 'hello',
        v: 1,
        seat: this.seatId,
        salt: toBase64(salt),
        pub: toBase64(own.publicRaw),
      }),
    );
    this.#channelOf.set(connection, () => channel);
  }

  async #sendOn(connection: RoomConnection, channel: SealedChannel, message: SeatMessage) {
    const sealing = channel.seal(JSON.stringify(message));
    const sent = this.#sending.then(async () => {
      const frame = await sealing;
      connection.send(JSON.stringify({ t: 'sealed', ...frame }));
    });
    this.#sending = sent.catch(() => {});
    await sent;
  }

  #receive(message: HostMessage, connection: RoomConnection, settle: (error?: Error) => void) {
    switch (message.type) {
      case 'pending':
        this.#set('pending', null);
        settle();
        return;
      case 'welcome': {
        if (this.#saved.exerciseId !== null && this.#saved.exerciseId !== message.exercise_id) {
          throw new FrameRefused(
            `the host runs exercise "${message.exercise_id}", not this seat's "${this.#saved.exerciseId}"`,
          );
        }
        if (!scenarioViewMatches(message.scenario.view, message.scenario.hash)) {
          throw new FrameRefused('the scenario copy does not hash to the hash sent with it');
        }
        this.#saved.exerciseId = message.exercise_id;
        this.#hostSeq = message.head.seq;
        this.#saved.assignment = message.assignment;
        this.#saved.token = message.token;
        this.#saved.name = message.name;
        this.#saved.scenario = {
          hash: message.scenario.hash,
          view: message.scenario.view as ScenarioView,
        };
        this.#set(message.open ? 'connected' : 'closed', null);
        settle();
        return;
      }
      case 'entries': {
        const kept: SeatEntry[] = [];
        for (const entry of message.entries) {
          const failure = nextEntryFailure(this.#head, entry, this.#saved.exerciseId);
          if (failure) {
            // Reported and stopped: nothing after a break is trusted.
            this.#connection = null;
            for (const [key, pending] of this.#pending) pending.reject(new AnswerLost(key));
            this.#pending.clear();
            this.#set('broken', `the room's log is broken: ${failure}`);
            connection.close('the log chain broke');
            settle(new Error(this.#problem!));
            return;
          }
          this.#saved.entries.push(entry);
          this.#head = { seq: entry.seq, hash: entry.hash };
          kept.push(entry);
        }
        for (const listener of this.#entryListeners) listener(kept);
        for (const listener of this.#listeners) listener();
        return;
      }
      case 'answer': {
        const pending = this.#pending.get(message.key);
        if (!pending) return;
        this.#pending.delete(message.key);
        if (message.ok) this.#hostSeq = Math.max(this.#hostSeq ?? 0, message.last_seq);
        if (message.ok) pending.resolve(message.last_seq);
        else pending.reject(new IntentDeclined(message.error));
        return;
      }
      case 'refused':
        this.#connection = null;
        this.#set('refused', message.reason);
        connection.close('refused');
        settle();
        return;
      case 'room-closed':
        this.#set('closed', 'the host closed the room');
        return;
      case 'inbox':
        this.#inbox = message.inbox;
        for (const listener of this.#listeners) listener();
        return;
      case 'console':
        // Not part of the copy: shown, never saved (the log is the record).
        for (const listener of this.#consoleListeners) listener(message.frame);
        return;
    }
  }

  /**
   * Sends an intent and resolves with the host's head once it was applied
   * (its entries are then already in this seat's copy). `key`: the
   * idempotency key of a retry (AnswerLost names it); a new one otherwise.
   */
  send(intent: RoomIntent, key: string = newKey()): Promise<number> {
    const connection = this.#connection;
    const channel = connection ? this.#channelOf.get(connection)?.() : null;
    if (this.#status !== 'connected' || !connection || !channel) {
      return Promise.reject(
        new SeatReadOnly(
          `this seat is ${this.#status === 'connected' ? 'reconnecting' : this.#status}: the intent was not sent`,
        ),
      );
    }
    if (this.#pending.has(key))
      return Promise.reject(new Error(`intent ${key} is already waiting`));
    return new Promise<number>((resolve, reject) => {
      this.#pending.set(key, { resolve, reject });
      this.#sendOn(connection, channel, { type: 'intent', key, intent }).catch((error: unknown) => {
        this.#pending.delete(key);
        reject(error as Error);
      });
    });
  }

  /** Leaves the room (the connection closes; the copy is kept). */
  disconnect(reason = 'the seat left'): void {
    const connection = this.#connection;
    if (!connection) return;
    connection.close(reason);
  }
}
