// A seat in the browser (docs/ROOMS.md, "A seat in the browser"): the app's
// RoomSeat kept connected to the room the page was loaded from, its copy
// saved to IndexedDB after each verified batch, and a snapshot for the screen.
import type { PartyInbox } from '../../../shared/room/party-inbox';
import type { ScenarioView } from '../../../shared/room/scenario-view';
import { RoomSeat, type SeatSaved, type SeatStatus } from '../../../shared/room/room-seat';
import type { StoredSeatCopy } from '../../../shared/room/seat-copy';
import type { ChainHead } from '../../../shared/room/seat-chain';
import type { SeatAssignment, SeatEntry } from '../../../shared/room/seat-roles';
import { keepSeatConnected, type SeatRunner } from '../../../shared/room/seat-runner';
import type { Dialer } from '../../../shared/room/transport';
import type { RoomIntent } from '../../../shared/room/room-intents';
import { coalescedSaver, type CopySaver } from './copy-saver';
import { ConsoleFrames } from './seat-console';

export interface SeatSnapshot {
  seatId: string;
  name: string;
  status: SeatStatus;
  problem: string | null;
  /** Entries the host has told of that the copy does not hold yet. */
  behind: number;
  assignment: SeatAssignment | null;
  request: SeatAssignment;
  exerciseId: string | null;
  head: ChainHead;
  entries: readonly SeatEntry[];
  /** Why the last save of the copy failed, or null. */
  saveProblem: string | null;
  /** A party seat's inbox as the host last sent it (docs/ROOMS.md, "A party's inbox"). */
  inbox: PartyInbox | null;
  /** The seat's verified scenario copy, cut for its role. */
  scenario: ScenarioView | null;
}

export interface SeatSessionOptions {
  dial: Dialer;
  /** Writes the copy (IndexedDB in the app). */
  store: (copy: StoredSeatCopy) => Promise<void>;
}

export class SeatSession {
  readonly seat: RoomSeat;
  readonly #code: string;
  readonly #saver: CopySaver;
  #runner: SeatRunner | null = null;
  #snapshot: SeatSnapshot;
  #saveProblem: string | null = null;
  /** Why the last dial failed (the runner retries quietly; the screen says why). */
  #dialProblem: string | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #off: (() => void)[] = [];
  /** An operator's or observer's console, read from the seat's first frame on. */
  readonly console: ConsoleFrames;

  /** A new seat (`join`), or one coming back with its checked stored copy. */
  constructor(
    from:
      | { join: { code: string; name: string; request: SeatAssignment } }
      | { stored: StoredSeatCopy },
    readonly options: SeatSessionOptions,
  ) {
    if ('join' in from) {
      this.#code = from.join.code;
      this.seat = new RoomSeat(from.join);
    } else {
      const saved: SeatSaved = from.stored.saved;
      this.#code = from.stored.code;
      this.seat = new RoomSeat({
        code: from.stored.code,
        name: saved.name,
        request: saved.request,
        saved,
      });
    }
    this.#saver = coalescedSaver(
      async () => {
        await options.store(this.stored());
        this.#saveProblem = null;
      },
      (error) => {
        this.#saveProblem = `the copy could not be saved: ${(error as Error).message}`;
        this.#changed();
      },
    );
    this.console = new ConsoleFrames(this.seat);
    this.#off.push(() => this.console.dispose());
    this.#snapshot = this.#take();
    this.#off.push(
      this.seat.onChange(() => {
        this.#saver.request();
        this.#changed();
      }),
    );
  }

  /** What is saved: the seat's copy and the code it dials again with. */
  stored(): StoredSeatCopy {
    return {
      seatId: this.seat.seatId,
      code: this.#code,
      saved: this.seat.saved(),
      updated: new Date().toISOString(),
    };
  }

  /** Saves at once (the first save, before the page is left for the seat's own address). */
  async save(): Promise<void> {
    this.#saver.request();
    await this.#saver.flush();
  }

  start(): void {
    if (this.#runner || this.seat.status === 'broken') return;
    const dial = this.options.dial;
    this.#runner = keepSeatConnected(this.seat, async () => {
      try {
        const connection = await dial();
        this.#dialProblem = null;
        return connection;
      } catch (error) {
        this.#dialProblem = (error as Error).message;
        this.#changed();
        throw error;
      }
    });
  }

  stop(): void {
    this.#runner?.stop();
    this.#runner = null;
    for (const off of this.#off.splice(0)) off();
  }

  async send(intent: RoomIntent): Promise<void> {
    await this.seat.send(intent);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): SeatSnapshot => this.#snapshot;

  #changed(): void {
    this.#snapshot = this.#take();
    for (const listener of this.#listeners) listener();
  }

  #take(): SeatSnapshot {
    const seat = this.seat;
    return {
      seatId: seat.seatId,
      name: seat.name,
      status: seat.status,
      problem: seat.problem ?? (seat.status === 'offline' ? this.#dialProblem : null),
      behind: seat.behind,
      assignment: seat.assignment,
      request: seat.request,
      exerciseId: seat.exerciseId,
      head: seat.head,
      // The seat's own array grows in place: a copy, so the screen sees a new value.
      entries: seat.entries().slice(),
      saveProblem: this.#saveProblem,
      inbox: seat.inbox,
      scenario: seat.scenario?.view ?? null,
    };
  }
}
