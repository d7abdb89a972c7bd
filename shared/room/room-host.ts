// The host of a room (docs/ROOMS.md): the one writer of the exercise log.
// It runs each connection's handshake, lets in the seats it approves with the
// roles it fixes, takes their intents (once per idempotency key), has the real
// exercise engine check and commit them, and sends every committed entry to
// every seat in order, redacted where the seat's role may not read it.
//
// A connection that sends anything malformed, unauthenticated, out of
// sequence, too large or too fast is closed and noted in the connection log
// (never in the exercise's chain); the host and the other seats go on.
import { sha256HexOfText, GENESIS_HASH, type LogEntry } from '../audit/entry';
import { base64ToBytes, bytesToBase64 } from '../audit/base64';
import { IntentRefused, type ExerciseEngine } from '../exercise/exercise-engine';
import { engineSimCell } from '../exercise/engine-sim-cell';
import { SCRIPTED_ACTOR } from '../exercise/scripted-parties';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import {
  FrameRefused,
  HandshakeError,
  SealedChannel,
  deriveChannelKeys,
  fromBase64,
  newEphemeral,
  newSalt,
  toBase64,
} from './channel-crypto';
import { formatJoinCode, newJoinSecret } from './join-code';
import { partyInboxOf } from './party-inbox';
import {
  HelloFrame,
  ROOM_LIMITS,
  SealedFrameSchema,
  SeatMessage,
  describeParseError,
  parseJsonText,
  utf8Length,
  type HostMessage,
  type IntentMessage,
  type JoinMessage,
} from './room-messages';
import { RoomRefusal, executeIntent } from './room-intents';
import type { RoomLog } from './room-log';
import {
  RoomState,
  settlePending,
  type RoomSeatRecord,
  type RoomStore,
  type StoredAnswer,
} from './room-state';
import { entryForSeat, type SeatAssignment } from './seat-roles';
import {
  readingOf,
  scenarioViewFor,
  type ScenarioReading,
  type ScenarioView,
} from './scenario-view';
import type { RoomConnection } from './transport';

/** One line of the host's connection log. */
export interface ConnectionLogRecord {
  at: string;
  remote: string;
  seat: string | null;
  event: 'refused' | 'closed' | 'joined' | 'approved' | 'declined' | 'removed';
  reason: string;
}

/** A join waiting for the host's decision. */
export interface JoinRequest {
  seatId: string;
  name: string;
  request: SeatAssignment;
  remote: string;
}

export interface RoomHostOptions {
  engine: ExerciseEngine;
  log: RoomLog;
  scenario: LoadedScenario;
  store: RoomStore;
  /** Names seats may not take (the host's own participants). */
  reservedNames?: readonly string[];
  /** Called for each join waiting for approval (the host's screen asks the controller). */
  onJoinRequest?: (request: JoinRequest) => void;
  /** Called for each connection-log record as it is made. */
  onConnectionLog?: (record: ConnectionLogRecord) => void;
  /** The clock of the rate limit and the log's times. */
  now?: () => number;
  /**
   * The console an operator or observer seat shows: one feed per connection
   * of such a seat, asked for its next frame every CONSOLE_EVERY_MS (null: no
   * change since the last). Absent: those seats get the log only.
   */
  consoleFeed?: (assignment: SeatAssignment) => ConsoleFeed | null;
}

/** The console frames of one seat's connection (room-messages.ts, ConsoleMessage). */
export interface ConsoleFeed {
  /** The next frame, or null when nothing changed since the last one sent. */
  next(): Record<string, unknown> | null;
}

/**
 * How often a console seat is sent what changed: the host's own console
 * redraws every frame, a seat's follows four times a second, which keeps a
 * running clock readable and the sealing work small.
 */
export const CONSOLE_EVERY_MS = 250;

type Phase = 'hello' | 'join' | 'pending' | 'seat' | 'closed';

interface Connection {
  transport: RoomConnection;
  phase: Phase;
  seatId: string | null;
  channel: SealedChannel | null;
  /** Frames in flight, handled one after another. */
  inbound: Promise<void>;
  outbound: Promise<void>;
  tokens: number;
  refilledAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  join: JoinMessage | null;
  /** The last seq sent to this seat. */
  sentSeq: number;
  seat: RoomSeatRecord | null;
  /** The JSON of the last inbox sent to a party seat, to send only a changed one. */
  sentInbox: string | null;
  /** An operator or observer seat's console feed on this connection (a new one starts afresh). */
  console: ConsoleFeed | null;
}

const CONNECTION_LOG_KEPT = 2000;

/** A connection's phase, read afresh (it may change while a handler awaits). */
const phaseOf = (c: Connection): Phase => c.phase;

function newToken(): string {
  return bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

export class RoomHost {
  readonly #engine: ExerciseEngine;
  readonly #log: RoomLog;
  readonly #scenario: LoadedScenario;
  readonly #store: RoomStore;
  readonly #options: RoomHostOptions;
  readonly #now: () => number;
  readonly #state: RoomState;
  readonly #secret: Uint8Array;
  readonly #connections = new Set<Connection>();
  readonly #inFlight = new Map<string, Promise<StoredAnswer>>();
  readonly #connectionLog: ConnectionLogRecord[] = [];
  /** Per seat id: how many entries it has been sent (it holds them unless the connection dropped them). */
  readonly #sent = new Map<string, number>();
  /**
   * The scenario copies, made once per reading: a copy with its hash costs
   * 40–150 ms for quick-demo (its zones' geometry), too long to repeat for
   * every seat that joins.
   */
  readonly #views = new Map<ScenarioReading, { view: ScenarioView; hash: string }>();
  #saving: Promise<void> = Promise.resolve();
  #inboxTimer: ReturnType<typeof setTimeout> | null = null;
  #consoleTimer: ReturnType<typeof setInterval> | null = null;
  #open = true;
  readonly #stopListening: () => void;

  private constructor(options: RoomHostOptions, state: RoomState) {
    this.#options = options;
    this.#engine = options.engine;
    this.#log = options.log;
    this.#scenario = options.scenario;
    this.#store = options.store;
    this.#now = options.now ?? (() => Date.now());
    this.#state = state;
    this.#secret = base64ToBytes(state.secret)!;
    this.#stopListening = this.#log.onAppend(() => {
      for (const c of this.#connections) if (c.phase === 'seat') this.#pump(c);
      this.#inboxesSoon();
    });
  }

  /**
   * Opens the room of an exercise: with the state its store holds (a host
   * that restarted: same code, same seats, same answers), or a new secret.
   */
  static async open(options: RoomHostOptions): Promise<RoomHost> {
    const raw = await options.store.load();
    let state: RoomState;
    if (raw === null || raw === undefined) {
      state = {
        format: 'truceline-room-state',
        version: 1,
        exercise_id: options.log.exerciseId,
        secret: bytesToBase64(newJoinSecret()),
        seats: [],
        answers: {},
      };
    } else {
      const parsed = RoomState.safeParse(raw);
      if (!parsed.success) {
        throw new Error(`the stored room state: ${describeParseError(parsed.error, 'state')}`);
      }
      state = settlePending(parsed.data, options.log.entries());
      if (state.exercise_id !== options.log.exerciseId) {
        throw new Error(
          `the stored room belongs to exercise "${state.exercise_id}", not "${options.log.exerciseId}"`,
        );
      }
      if (base64ToBytes(state.secret)?.length !== 16) {
        throw new Error('the stored room state: secret is not 16 bytes of base64');
      }
    }
    const host = new RoomHost(options, state);
    await host.#save();
    return host;
  }

  /** The code seats join with. */
  get joinCode(): string {
    return formatJoinCode(this.#secret);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** The connection log, oldest first (the last CONNECTION_LOG_KEPT records). */
  connectionLog(): readonly ConnectionLogRecord[] {
    return this.#connectionLog;
  }

  /** The seats approved so far. */
  seats(): readonly RoomSeatRecord[] {
    return this.#state.seats;
  }

  /** Joins waiting for a decision. */
  pendingJoins(): JoinRequest[] {
    return [...this.#connections]
      .filter((c) => c.phase === 'pending')
      .map((c) => this.#requestOf(c));
  }

  /**
   * How many entries a seat has been sent, on this connection or its last
   * one (undefined: not since this host opened). The host's screen shows the
   * seat's lag as the head minus this.
   */
  sentTo(seatId: string): number | undefined {
    return this.#sent.get(seatId);
  }

  /** Seat ids connected and approved now. */
  connectedSeats(): string[] {
    return [...this.#connections].filter((c) => c.phase === 'seat').map((c) => c.seatId!);
  }

  // ---- connections -----------------------------------------------------------

  /** Takes a new connection from the listener. */
  accept(transport: RoomConnection): void {
    const c: Connection = {
      transport,
      phase: 'hello',
      seatId: null,
      channel: null,
      inbound: Promise.resolve(),
      outbound: Promise.resolve(),
      tokens: ROOM_LIMITS.seatFrameBurst,
      refilledAt: this.#now(),
      timer: null,
      join: null,
      sentSeq: 0,
      seat: null,
      sentInbox: null,
      console: null,
    };
    if (!this.#open) {
      this.#record(c, 'refused', 'the room is closed');
      transport.close('the room is closed');
      return;
    }
    const waiting = [...this.#connections].filter((x) => x.phase !== 'seat').length;
    if (waiting >= ROOM_LIMITS.maxPendingJoins) {
      this.#record(c, 'refused', `too many joins pending (${ROOM_LIMITS.maxPendingJoins})`);
      transport.close('too many joins pending');
      return;
    }
    this.#connections.add(c);
    c.timer = setTimeout(
      () => this.#drop(c, 'the handshake took too long'),
      ROOM_LIMITS.handshakeTimeoutMs,
    );
    transport.listen({
      message: (text) => this.#receive(c, text),
      close: (reason) => this.#closed(c, reason),
    });
  }

  #record(c: Connection, event: ConnectionLogRecord['event'], reason: string): void {
    const record: ConnectionLogRecord = {
      at: new Date(this.#now()).toISOString(),
      remote: c.transport.remote,
      seat: c.seatId,
      event,
      reason,
    };
    this.#connectionLog.push(record);
    if (this.#connectionLog.length > CONNECTION_LOG_KEPT) this.#connectionLog.shift();
    try {
      this.#options.onConnectionLog?.(record);
    } catch {
      // A failing observer must not take the host down.
    }
  }

  /** Closes a connection for a fault of its own and notes why. */
  #drop(c: Connection, reason: string): void {
    if (c.phase === 'closed') return;
    this.#record(c, 'refused', reason);
    this.#finish(c);
    // After what is already on its way (a refusal that says why), then nothing more.
    void c.outbound.then(() => c.transport.close(reason));
  }

  #closed(c: Connection, reason: string): void {
    if (c.phase === 'closed') return;
    this.#record(c, 'closed', reason || 'the connection closed');
    this.#finish(c);
  }

  #finish(c: Connection): void {
    c.phase = 'closed';
    if (c.timer !== null) clearTimeout(c.timer);
    c.timer = null;
    this.#connections.delete(c);
  }

  /** Size and rate are checked as the frame arrives; the rest waits its turn. */
  #receive(c: Connection, text: string): void {
    if (c.phase === 'closed') return;
    if (utf8Length(text) > ROOM_LIMITS.maxSeatFrameBytes) {
      this.#drop(c, `a frame of more than ${ROOM_LIMITS.maxSeatFrameBytes} bytes`);
      return;
    }
    const now = this.#now();
    c.tokens = Math.min(
      ROOM_LIMITS.seatFrameBurst,
      c.tokens + ((now - c.refilledAt) / 1000) * ROOM_LIMITS.seatFramesPerSecond,
    );
    c.refilledAt = now;
    if (c.tokens < 1) {
      this.#drop(c, `more than ${ROOM_LIMITS.seatFramesPerSecond} frames a second`);
      return;
    }
    c.tokens -= 1;
    c.inbound = c.inbound.then(async () => {
      if (c.phase === 'closed') return;
      try {
        await this.#handle(c, text);
      } catch (error) {
        this.#drop(
          c,
          error instanceof FrameRefused || error instanceof HandshakeError
            ? error.message
            : `the host could not handle a frame: ${(error as Error).message}`,
        );
      }
    });
  }

  async #handle(c: Connection, text: string): Promise<void> {
    const value = parseJsonText(text);
    if (value === undefined) return this.#drop(c, 'a frame that is not JSON');
    if (c.phase === 'hello') {
      const hello = HelloFrame.safeParse(value);
      if (!hello.success) {
        return this.#drop(c, `not a hello: ${describeParseError(hello.error, 'frame')}`);
      }
      c.seatId = hello.data.seat;
      const own = await newEphemeral();
      const hostSalt = newSalt();
      const keys = await deriveChannelKeys({
        secret: this.#secret,
        own,
        peerPublicRaw: fromBase64(hello.data.pub)!,
        seatSalt: fromBase64(hello.data.salt)!,
        hostSalt,
        seatId: hello.data.seat,
      });
      // Dropped while the keys were derived (its handshake timed out): nothing more to do.
      if (phaseOf(c) !== 'hello') return;
      c.channel = new SealedChannel(keys, 'host', hello.data.seat);
      c.phase = 'join';
      c.transport.send(
        JSON.stringify({
          t: 'challenge',
          v: 1,
          salt: toBase64(hostSalt),
          pub: toBase64(own.publicRaw),
        }),
      );
      return;
    }
    const frame = SealedFrameSchema.safeParse(value);
    if (!frame.success) {
      return this.#drop(c, `not a sealed frame: ${describeParseError(frame.error, 'frame')}`);
    }
    const plain = await c.channel!.open(frame.data);
    if (c.phase === 'closed') return;
    const parsed = SeatMessage.safeParse(parseJsonText(plain));
    if (!parsed.success) {
      return this.#drop(c, `a malformed message: ${describeParseError(parsed.error, 'message')}`);
    }
    const message = parsed.data;
    if (c.phase === 'join') {
      if (message.type !== 'join') return this.#drop(c, `a ${message.type} before joining`);
      return this.#join(c, message);
    }
    if (message.type === 'join') return this.#drop(c, 'a second join on one connection');
    if (c.phase !== 'seat') return this.#drop(c, 'an intent before the seat was approved');
    await this.#intent(c, message);
  }

  // ---- joining -----------------------------------------------------------------

  #requestOf(c: Connection): JoinRequest {
    return {
      seatId: c.seatId!,
      name: c.join!.name,
      request: c.join!.request,
      remote: c.transport.remote,
    };
  }

  #join(c: Connection, join: JoinMessage): void {
    c.join = join;
    const known = this.#state.seats.find((s) => s.seat_id === c.seatId);
    if (known) {
      if (join.token === undefined || sha256HexOfText(join.token) !== known.token_hash) {
        return this.#drop(c, 'a known seat id without its token');
      }
      if (!this.#open) return this.#drop(c, 'the room is closed');
      this.#record(c, 'joined', `seat "${known.name}" reconnected`);
      void this.#welcome(c, known, null);
      return;
    }
    if (join.token !== undefined)
      return this.#drop(c, 'a token for a seat this room does not know');
    c.phase = 'pending';
    // A person decides now, at their pace; the number of pending joins is what is limited.
    if (c.timer !== null) clearTimeout(c.timer);
    c.timer = null;
    this.#send(c, { type: 'pending' });
    this.#record(c, 'joined', `"${join.name}" asks to join as ${join.request.role}`);
    try {
      this.#options.onJoinRequest?.(this.#requestOf(c));
    } catch {
      // The screen's trouble is not the connection's.
    }
  }

  /** Lets a waiting seat in with the role the host fixes (which may differ from the one asked). */
  async approve(seatId: string, assignment: SeatAssignment): Promise<void> {
    const c = [...this.#connections].find((x) => x.phase === 'pending' && x.seatId === seatId);
    if (!c) throw new Error(`no join of seat ${seatId} is waiting`);
    const name = c.join!.name;
    const taken = [
      SCRIPTED_ACTOR,
      'system',
      ...(this.#options.reservedNames ?? []),
      ...this.#state.seats.map((s) => s.name),
    ];
    if (taken.includes(name)) {
      throw new Error(
        `the name "${name}" is already taken in this exercise: decline and ask for another`,
      );
    }
    if (this.#state.seats.length >= ROOM_LIMITS.maxSeats) {
      throw new Error(`the room has its ${ROOM_LIMITS.maxSeats} seats`);
    }
    if (assignment.role === 'party') {
      const parties = this.#scenario.parties.filter((p) => p.role === 'party').map((p) => p.id);
      const unknown = assignment.parties.filter((p) => !parties.includes(p));
      if (unknown.length) throw new Error(`not parties of this scenario: ${unknown.join(', ')}`);
    }
    const token = newToken();
    const seat: RoomSeatRecord = {
      seat_id: seatId,
      name,
      assignment,
      token_hash: sha256HexOfText(token),
    };
    this.#state.seats.push(seat);
    await this.#save();
    this.#record(c, 'approved', `"${name}" as ${assignment.role}`);
    if (c.phase === 'pending') await this.#welcome(c, seat, token);
  }

  /** Turns a waiting seat away. */
  decline(seatId: string, reason: string): void {
    const c = [...this.#connections].find((x) => x.phase === 'pending' && x.seatId === seatId);
    if (!c) throw new Error(`no join of seat ${seatId} is waiting`);
    this.#record(c, 'declined', reason);
    this.#send(c, { type: 'refused', reason });
    this.#finish(c);
    void c.outbound.then(() => c.transport.close(reason));
  }

  /**
   * Takes an approved seat out of the room: its token no longer lets it in,
   * its connection is told why and closed, and its name is free again.
   */
  async remove(seatId: string, reason: string): Promise<void> {
    const seat = this.#state.seats.find((s) => s.seat_id === seatId);
    if (!seat) throw new Error(`seat ${seatId} is not in this room`);
    this.#state.seats = this.#state.seats.filter((s) => s !== seat);
    delete this.#state.answers[seatId];
    this.#sent.delete(seatId);
    await this.#save();
    for (const c of [...this.#connections]) {
      if (c.seatId !== seatId || c.phase !== 'seat') continue;
      this.#record(c, 'removed', `"${seat.name}": ${reason}`);
      this.#send(c, { type: 'refused', reason });
      this.#finish(c);
      void c.outbound.then(() => c.transport.close(reason));
    }
  }

  async #welcome(c: Connection, seat: RoomSeatRecord, token: string | null): Promise<void> {
    const have = c.join!.have;
    const entries = this.#log.entries();
    const mine = have.seq === 0 ? GENESIS_HASH : entries[have.seq - 1]?.hash;
    if (mine !== have.hash) {
      this.#send(c, {
        type: 'refused',
        reason: `the seat's copy (entry ${have.seq}) does not match this room's log`,
      });
      return this.#drop(c, `copy at entry ${have.seq} does not match the log`);
    }
    // Another connection of the same seat (the network dropped and the old one lingers) gives way.
    for (const other of this.#connections) {
      if (other !== c && other.seatId === c.seatId && other.phase === 'seat') {
        this.#record(other, 'closed', 'replaced by a new connection of the same seat');
        this.#finish(other);
        other.transport.close('replaced by a new connection of the same seat');
      }
    }
    if (c.timer !== null) clearTimeout(c.timer);
    c.timer = null;
    c.seat = seat;
    c.phase = 'seat';
    c.sentSeq = have.seq;
    this.#sent.set(seat.seat_id, have.seq);
    const reading = readingOf(seat.assignment);
    let scenario = this.#views.get(reading);
    if (!scenario) {
      scenario = scenarioViewFor(seat.assignment, this.#scenario);
      this.#views.set(reading, scenario);
    }
    this.#send(c, {
      type: 'welcome',
      exercise_id: this.#log.exerciseId,
      name: seat.name,
      assignment: seat.assignment,
      // A reconnect proves itself with its old token, which the host no longer
      // knows (it keeps only the hash): it is told to keep the one it has.
      token: token ?? c.join!.token!,
      head: { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? GENESIS_HASH },
      scenario,
      open: this.#open,
    });
    this.#pump(c);
    c.sentInbox = null;
    this.#inboxesSoon();
    c.console = this.#options.consoleFeed?.(seat.assignment) ?? null;
    if (c.console) {
      this.#sendConsole(c);
      this.#consoleTimer ??= setInterval(() => this.#sendConsoles(), CONSOLE_EVERY_MS);
    }
  }

  // ---- console seats ---------------------------------------------------------------

  #sendConsole(c: Connection): void {
    const frame = c.console?.next() ?? null;
    if (frame !== null) this.#send(c, { type: 'console', frame });
  }

  #sendConsoles(): void {
    let any = false;
    for (const c of this.#connections) {
      if (c.phase !== 'seat' || c.console === null) continue;
      any = true;
      this.#sendConsole(c);
    }
    // The timer runs only while a console seat is connected.
    if (!any) this.#stopConsoles();
  }

  #stopConsoles(): void {
    if (this.#consoleTimer !== null) clearInterval(this.#consoleTimer);
    this.#consoleTimer = null;
  }

  // ---- party inboxes -------------------------------------------------------------

  /**
   * Sends party seats their inboxes once the engine has taken in what was
   * just committed (the log announces a batch before the engine's state
   * after it is complete), coalesced: one computation for a burst of batches.
   */
  #inboxesSoon(): void {
    // Without a party seat connected, no timer for every committed batch.
    if (this.#inboxTimer !== null || this.#partySeats().length === 0) return;
    this.#inboxTimer = setTimeout(() => {
      this.#inboxTimer = null;
      this.#sendInboxes();
    }, 0);
  }

  #partySeats(): Connection[] {
    return [...this.#connections].filter(
      (c) => c.phase === 'seat' && c.seat!.assignment.role === 'party',
    );
  }

  #sendInboxes(): void {
    const seats = this.#partySeats();
    if (seats.length === 0) return;
    const status = engineSimCell(this.#engine, this.#engine.getSnapshot(), null);
    for (const c of seats) {
      const assignment = c.seat!.assignment;
      if (assignment.role !== 'party') continue;
      const inbox = partyInboxOf(status, assignment.parties);
      const json = JSON.stringify(inbox);
      if (json === c.sentInbox) continue;
      c.sentInbox = json;
      this.#send(c, { type: 'inbox', inbox });
    }
  }

  // ---- intents -----------------------------------------------------------------

  async #intent(c: Connection, message: IntentMessage): Promise<void> {
    const seat = c.seat!;
    const answers = (this.#state.answers[seat.seat_id] ??= []);
    const kept = answers.find(([key]) => key === message.key);
    let answer: StoredAnswer;
    if (kept) {
      answer = kept[1];
    } else {
      const flightKey = `${seat.seat_id} ${message.key}`;
      let flight = this.#inFlight.get(flightKey);
      if (!flight) {
        flight = this.#apply(seat, message);
        this.#inFlight.set(flightKey, flight);
      }
      answer = await flight;
    }
    if (c.phase !== 'seat') return;
    this.#send(c, { type: 'answer', key: message.key, ...answer } as HostMessage);
  }

  /** Applies an intent once and keeps its answer under its key before anything is answered. */
  async #apply(seat: RoomSeatRecord, message: IntentMessage): Promise<StoredAnswer> {
    let answer: StoredAnswer;
    if (!this.#open) {
      answer = { ok: false, error: 'the room is closed' };
    } else {
      // Saved before anything is committed, so a host that dies before the
      // answer is saved can still tell whether the intent reached the log.
      (this.#state.pending ??= {})[seat.seat_id] = {
        key: message.key,
        after_seq: this.#log.entries().length,
      };
      await this.#save();
      try {
        await executeIntent(this.#engine, seat, message.intent);
        answer = { ok: true, last_seq: this.#log.entries().length };
      } catch (error) {
        const known = error instanceof RoomRefusal || error instanceof IntentRefused;
        answer = {
          ok: false,
          error: known
            ? (error as Error).message
            : `the host could not apply it: ${(error as Error).message}`,
        };
      }
    }
    const answers = (this.#state.answers[seat.seat_id] ??= []);
    answers.push([message.key, answer]);
    if (answers.length > ROOM_LIMITS.answersKeptPerSeat) answers.shift();
    if (this.#state.pending) delete this.#state.pending[seat.seat_id];
    this.#inFlight.delete(`${seat.seat_id} ${message.key}`);
    await this.#save();
    return answer;
  }

  // ---- sending -----------------------------------------------------------------

  /** Seals and sends in call order (each frame's number is taken here, synchronously). */
  #send(c: Connection, message: HostMessage): void {
    if (c.phase === 'closed' || !c.channel) return;
    const sealing = c.channel.seal(JSON.stringify(message));
    c.outbound = c.outbound.then(async () => {
      const frame = await sealing;
      if (c.phase === 'closed' && message.type !== 'refused' && message.type !== 'room-closed') {
        return;
      }
      c.transport.send(JSON.stringify({ t: 'sealed', ...frame }));
    });
    c.outbound = c.outbound.catch((error: unknown) => {
      this.#drop(c, `sending failed: ${(error as Error).message}`);
    });
  }

  /** Sends a seat every entry after the last it was sent, in batches, redacted by its role. */
  #pump(c: Connection): void {
    const entries = this.#log.entries();
    const seat = c.seat!;
    while (c.sentSeq < entries.length) {
      const batch: ReturnType<typeof entryForSeat>[] = [];
      let bytes = 0;
      while (
        c.sentSeq < entries.length &&
        batch.length < ROOM_LIMITS.maxEntriesPerMessage &&
        bytes < ROOM_LIMITS.entriesMessageBytes
      ) {
        const entry = entryForSeat(seat.assignment, entries[c.sentSeq] as LogEntry);
        batch.push(entry);
        bytes += JSON.stringify(entry).length;
        c.sentSeq += 1;
      }
      this.#send(c, { type: 'entries', entries: batch });
    }
    this.#sent.set(seat.seat_id, c.sentSeq);
  }

  async #save(): Promise<void> {
    const snapshot = JSON.parse(JSON.stringify(this.#state)) as RoomState;
    const saving = this.#saving.then(() => this.#store.save(snapshot));
    this.#saving = saving.catch(() => {});
    await saving;
  }

  /** Closes the room: every seat is told and keeps its copy, read-only; no one else joins. */
  async close(): Promise<void> {
    this.#open = false;
    for (const c of [...this.#connections]) {
      if (c.phase === 'seat') this.#send(c, { type: 'room-closed' });
      const out = c.outbound;
      void out.then(() => {
        this.#record(c, 'closed', 'the room was closed');
        this.#finish(c);
        c.transport.close('the room was closed');
      });
    }
    await Promise.all([...this.#connections].map((c) => c.outbound));
    this.#stopListening();
    this.#stopInboxes();
    this.#stopConsoles();
  }

  #stopInboxes(): void {
    if (this.#inboxTimer !== null) clearTimeout(this.#inboxTimer);
    this.#inboxTimer = null;
  }

  /** Stops without telling anyone (a host that dies): for tests of what seats do then. */
  kill(): void {
    this.#open = false;
    this.#stopListening();
    this.#stopInboxes();
    this.#stopConsoles();
    for (const c of [...this.#connections]) {
      this.#finish(c);
      c.transport.close('the host stopped');
    }
  }
}
