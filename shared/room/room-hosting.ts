// The room of an open exercise as the host's screen drives it (docs/ROOMS.md,
// "The host's screen"): opened over a control line to the room's listener
// (relayHostSide), managed by commands (approve with the role the controller
// fixes, decline, remove, close), and summed up in a small status for the
// Room panel. It runs next to the engine (in the app's engine worker, or on
// the UI thread where workers cannot start); only a controller may use it.
import { z } from 'zod';
import type { ExerciseEngine } from '../exercise/exercise-engine';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import { relayHostSide } from './relay';
import {
  RoomHost,
  type ConnectionLogRecord,
  type JoinRequest,
  type RoomHostOptions,
} from './room-host';
import type { RoomLog } from './room-log';
import type { RoomStore } from './room-state';
import { SeatAssignment } from './seat-roles';
import { KeptMessagesEnd, type RoomConnection } from './transport';

z.config({ jitless: true });

/** A store the room can also be forgotten from (when the controller closes it). */
export interface ClearableRoomStore extends RoomStore {
  clear(): Promise<void>;
}

const seatId = z.string().min(1).max(64);
/** What the host's screen asks of its room. */
export const RoomCommand = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('approve'), seatId, assignment: SeatAssignment }),
  z.strictObject({ name: z.literal('decline'), seatId }),
  z.strictObject({ name: z.literal('remove'), seatId }),
  z.strictObject({ name: z.literal('close') }),
]);
export type RoomCommand = z.infer<typeof RoomCommand>;

export interface RoomSeatStatus {
  seatId: string;
  name: string;
  assignment: SeatAssignment;
  connected: boolean;
  /** Entries of the log it has not been sent (null: it has not connected since the room opened). */
  lag: number | null;
}

/** The room as the Room panel shows it. */
export interface RoomStatus {
  state: 'closed' | 'opening' | 'open';
  /** Why this participant may not open or manage a room here, or null. */
  refusal: string | null;
  /** Why the room did not open, or closed unasked; null when nothing is wrong. */
  problem: string | null;
  /** The join code (groups of four), while open. */
  code: string | null;
  /** Where seats dial (the listener's ws:// address), once the listener said. */
  seatsUrl: string | null;
  /** The log's head (entries committed). */
  head: number;
  pending: JoinRequest[];
  seats: RoomSeatStatus[];
  /** The connection log's last records, oldest first. */
  log: ConnectionLogRecord[];
}

export const CLOSED_ROOM: RoomStatus = {
  state: 'closed',
  refusal: null,
  problem: null,
  code: null,
  seatsUrl: null,
  head: 0,
  pending: [],
  seats: [],
  log: [],
};

/** Connection-log records the status carries. */
export const STATUS_LOG_RECORDS = 12;
/** The most often the status is sent while entries keep coming (the seats' lag moves with them). */
const STATUS_EVERY_MS = 250;

export interface RoomHostingOptions {
  engine: ExerciseEngine;
  /** The exercise's writer wrapped since the exercise opened, or null when it takes no entries (read-only). */
  log: RoomLog | null;
  scenario: LoadedScenario;
  store: ClearableRoomStore;
  participant: { name: string; role: string };
  /** Why this exercise's log takes no new entries, or null. */
  readOnly: string | null;
  onStatus: (status: RoomStatus) => void;
  /** The console operator and observer seats show (RoomHostOptions.consoleFeed). */
  consoleFeed?: RoomHostOptions['consoleFeed'];
}

/**
 * A connection whose far end is reached by posting messages (the engine
 * worker's end of the UI thread's control line). Messages that arrive before
 * listen() are kept for it.
 */
export class ForwardedConnection extends KeptMessagesEnd {
  constructor(
    readonly remote: string,
    readonly out: { send(text: string): void; close(reason: string): void },
  ) {
    super();
  }

  send(text: string): void {
    if (this.closedWith === null) this.out.send(text);
  }

  close(reason: string): void {
    if (this.closedWith !== null) return;
    this.out.close(reason);
    this.ended(reason);
  }
}

export class RoomHosting {
  readonly #options: RoomHostingOptions;
  #host: RoomHost | null = null;
  #control: RoomConnection | null = null;
  #state: RoomStatus['state'] = 'closed';
  #problem: string | null = null;
  #seatsUrl: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopWatchingLog = () => {};
  #disposed = false;

  constructor(options: RoomHostingOptions) {
    this.#options = options;
  }

  /** Why this participant may not open or manage a room here, or null. */
  refusal(): string | null {
    const { participant, readOnly, log } = this.#options;
    if (participant.role !== 'controller') {
      return `Only a controller can open and manage a room: this exercise is open as ${participant.role} "${participant.name}".`;
    }
    if (readOnly !== null || log === null) {
      return `This exercise takes no new entries, so it cannot host a room: ${readOnly ?? 'read-only'}.`;
    }
    return null;
  }

  #refuseUnlessAllowed(): void {
    const why = this.refusal();
    if (why !== null) throw new Error(why);
  }

  /** True when the exercise's room was open when it was last left (the screen reopens it). */
  async storedRoomOpen(): Promise<boolean> {
    if (this.refusal() !== null) return false;
    const stored = await this.#options.store.load();
    return stored !== null && stored !== undefined;
  }

  /**
   * Opens the room (or reopens the stored one: same code, same seats) over
   * the control line to its listener. The line is closed on failure.
   */
  async open(control: RoomConnection): Promise<void> {
    try {
      this.#refuseUnlessAllowed();
      if (this.#state !== 'closed') throw new Error(`the room is already ${this.#state}`);
    } catch (error) {
      control.close((error as Error).message);
      throw error;
    }
    this.#state = 'opening';
    this.#problem = null;
    this.#emitNow();
    const { engine, scenario, store, participant } = this.#options;
    const log = this.#options.log!;
    let host: RoomHost;
    try {
      host = await RoomHost.open({
        engine,
        log,
        scenario,
        store,
        reservedNames: [participant.name],
        onJoinRequest: () => this.#emitSoon(),
        onConnectionLog: () => this.#emitSoon(),
        ...(this.#options.consoleFeed ? { consoleFeed: this.#options.consoleFeed } : {}),
      });
    } catch (error) {
      control.close('the room could not open');
      this.#state = 'closed';
      this.#problem = `The room could not open: ${(error as Error).message}`;
      this.#emitNow();
      throw new Error(this.#problem, { cause: error });
    }
    if (this.#disposed) {
      host.kill();
      control.close('the exercise was closed');
      return;
    }
    this.#host = host;
    this.#control = control;
    this.#state = 'open';
    this.#stopWatchingLog = log.onAppend(() => this.#emitSoon());
    // The relay's end of the line is watched too: a listener that goes away takes the room with it.
    const watched: RoomConnection = {
      remote: control.remote,
      send: (text) => control.send(text),
      close: (reason) => control.close(reason),
      listen: (handlers) =>
        control.listen({
          message: handlers.message,
          close: (reason) => {
            handlers.close(reason);
            this.#lost(reason);
          },
        }),
    };
    relayHostSide(
      watched,
      (connection) => host.accept(connection),
      (why) => this.#lost(`the listener sent ${why}`),
      (url) => {
        this.#seatsUrl = url;
        this.#emitSoon();
      },
    );
    this.#emitNow();
  }

  /** The listener went away: the room stops, its state stays stored to reopen with the same code. */
  #lost(reason: string): void {
    if (this.#host === null) return;
    this.#host.kill();
    this.#stop();
    this.#problem = `The room's listener went away (${reason}). Open the room again: it keeps its code and seats.`;
    this.#emitNow();
  }

  #stop(): void {
    this.#stopWatchingLog();
    this.#stopWatchingLog = () => {};
    this.#host = null;
    this.#control = null;
    this.#seatsUrl = null;
    this.#state = 'closed';
  }

  /** Runs one command of the host's screen; rejects with why it was refused. */
  async command(raw: unknown): Promise<void> {
    const parsed = RoomCommand.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`a room command that is not one: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    this.#refuseUnlessAllowed();
    const host = this.#host;
    if (host === null) throw new Error('the room is not open');
    const command = parsed.data;
    try {
      switch (command.name) {
        case 'approve':
          await host.approve(command.seatId, command.assignment);
          break;
        case 'decline':
          host.decline(command.seatId, 'the host declined this join');
          break;
        case 'remove':
          await host.remove(command.seatId, 'the host removed this seat from the room');
          break;
        case 'close': {
          await host.close();
          const control = this.#control;
          this.#stop();
          this.#problem = null;
          // A closed room is over: opening again makes a new code.
          await this.#options.store.clear();
          control?.close('the room was closed');
          this.#emitNow();
          break;
        }
      }
    } finally {
      this.#emitSoon();
    }
  }

  status(): RoomStatus {
    const log = this.#options.log;
    const head = log?.entries().length ?? 0;
    const host = this.#host;
    if (host === null) {
      return {
        ...CLOSED_ROOM,
        state: this.#state,
        refusal: this.refusal(),
        problem: this.#problem,
        head,
      };
    }
    const connected = new Set(host.connectedSeats());
    return {
      state: this.#state,
      refusal: null,
      problem: this.#problem,
      code: host.joinCode,
      seatsUrl: this.#seatsUrl,
      head,
      pending: host.pendingJoins(),
      seats: host.seats().map((s) => {
        const sent = host.sentTo(s.seat_id);
        return {
          seatId: s.seat_id,
          name: s.name,
          assignment: s.assignment,
          connected: connected.has(s.seat_id),
          lag: sent === undefined ? null : head - sent,
        };
      }),
      log: host.connectionLog().slice(-STATUS_LOG_RECORDS),
    };
  }

  /** A change of state goes out at once (the panel's buttons follow it); other changes are coalesced. */
  #emitNow(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#disposed) this.#options.onStatus(this.status());
  }

  /** Coalesces changes: at most one status per STATUS_EVERY_MS. */
  #emitSoon(): void {
    if (this.#timer !== null || this.#disposed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#disposed) this.#options.onStatus(this.status());
    }, STATUS_EVERY_MS);
  }

  /**
   * The exercise closes on this screen (a reload, leaving the console): the
   * room stops without closing, so it reopens when the exercise is resumed
   * and its seats reconnect by themselves.
   */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#host?.kill();
    const control = this.#control;
    this.#stop();
    control?.close('the host left the exercise');
  }
}
