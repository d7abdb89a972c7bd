// The console at an operator's or observer's seat (docs/ROOMS.md, "The
// console at a seat"): a ConsoleSession like the host's own, fed by the
// frames the host sends (console-frames.ts) instead of an engine, whose
// commands go to the host as the seat's intents. The clock is the
// controller's: the seat's clock commands are refused, saying so, and the
// console shows that where the transport controls would be. An observer's
// console and a seat that is not connected are read-only.
import { createFrameReader, type ConsoleFrameState } from '../console/console-frames';
import type { ConsoleCommands, ConsoleSession, ConsoleSnapshot } from '../console/view-model';
import type { RoomIntent } from '../../../shared/room/room-intents';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import type { RoomSeat, SeatStatus } from '../../../shared/room/room-seat';

/**
 * A seat's console frames read as they come, from the seat's creation: each
 * connection's first frame opens the console and the others are deltas on
 * it, so a reader that started late could not read them. The console screen
 * reads the state this keeps, whenever it is shown.
 */
export class ConsoleFrames {
  #read = createFrameReader();
  #state: ConsoleFrameState | null = null;
  #problem: string | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #off: () => void;

  constructor(seat: RoomSeat) {
    this.#off = seat.onConsole((frame) => {
      try {
        this.#state = this.#read(frame);
        this.#problem = null;
      } catch (error) {
        // A broken delta: shown, and the next connection's opening frame starts afresh.
        this.#problem = `the host's console view could not be read: ${(error as Error).message}`;
      }
      for (const listener of this.#listeners) listener();
    });
  }

  /** The console as the last frame left it, or null before the first. */
  get state(): ConsoleFrameState | null {
    return this.#state;
  }

  get problem(): string | null {
    return this.#problem;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#off();
    this.#listeners.clear();
  }
}

/** What the seat's console needs of the seat. */
export interface ConsoleSeat {
  readonly name: string;
  readonly assignment: SeatAssignment;
  status(): SeatStatus;
  send(intent: RoomIntent): Promise<unknown>;
  readonly frames: ConsoleFrames;
  /** Calls `listener` when the seat's connection state changes; returns the unsubscribe. */
  onStatus(listener: () => void): () => void;
}

/** A room seat (approved: it has its role) as its console needs it. */
export function consoleSeatOf(seat: RoomSeat, frames: ConsoleFrames): ConsoleSeat {
  return {
    name: seat.name,
    assignment: seat.assignment!,
    status: () => seat.status,
    send: (intent) => seat.send(intent),
    frames,
    onStatus(listener) {
      let last: SeatStatus = seat.status;
      return seat.onChange(() => {
        if (seat.status === last) return;
        last = seat.status;
        listener();
      });
    },
  };
}

export const CLOCK_IS_THE_CONTROLLERS = 'the controller runs the exercise clock from the host';

/** Why this seat's console may not act now, or null. */
export function seatReadOnly(
  assignment: SeatAssignment,
  status: SeatStatus,
  engineReadOnly: string | null,
): string | null {
  if (assignment.role === 'observer') return 'an observer’s projection: it shows, it does not act';
  if (status !== 'connected') return `this seat is ${status}: nothing can be sent until it is back`;
  return engineReadOnly;
}

/** The seat's commands: each allowed one as an intent to the host, the others refused with why. */
export function seatCommands(send: (intent: RoomIntent) => Promise<unknown>): ConsoleCommands {
  const as =
    <A extends unknown[]>(intent: (...args: A) => RoomIntent) =>
    async (...args: A): Promise<void> => {
      await send(intent(...args));
    };
  const clock = () => Promise.reject(new Error(CLOCK_IS_THE_CONTROLLERS));
  const controllers = (what: string) => () =>
    Promise.reject(new Error(`only the controller can ${what}, from the host`));
  return {
    play: clock,
    pause: clock,
    autoPause: clock,
    autoSlow: clock,
    setSpeed: clock,
    seek: clock,
    stepToNextEvent: clock,
    stepToNextAlert: clock,
    acknowledge: as((alert_id: string) => ({ kind: 'ack', alert_id })),
    startProtocol: as((alert_id: string) => ({ kind: 'start-protocol', alert_id })),
    act: as((alert_id, action, inputs) => ({ kind: 'act', alert_id, action, inputs })),
    jumpToEntry: as((alert_id: string) => ({
      kind: 'severity-prompt',
      alert_id,
      answer: 'jump',
    })),
    dismissSeverityPrompt: as((alert_id: string) => ({
      kind: 'severity-prompt',
      alert_id,
      answer: 'dismiss',
    })),
    ackParty: as((alert_id, party, how) => ({ kind: 'party-ack', alert_id, party, how })),
    link: as((primary, other) => ({ kind: 'link', primary, other })),
    unlink: as((alert_id: string) => ({ kind: 'unlink', alert_id })),
    actInTrack: as((alert_id, track, action, inputs) => ({
      kind: 'take-action',
      alert_id,
      track,
      action,
      inputs,
    })),
    ackPartyInTrack: as((alert_id, track, party, how) => ({
      kind: 'party-ack',
      alert_id,
      party,
      how,
      track,
    })),
    linkMessage: as((event_id, alert_id) => ({ kind: 'link-message', event_id, alert_id })),
    note: as((text) => ({ kind: 'note', text })),
    issueProduct: as((product, text, alertId) => ({
      kind: 'report',
      product,
      text,
      ...(alertId !== null ? { alert_id: alertId } : {}),
    })),
    inject: controllers('inject'),
    takeOverParty: controllers('take a party over'),
    handBackParty: controllers('hand a party back to its script'),
    partyMove: controllers('make a party’s move (the party’s seat makes its own)'),
    partyAck: controllers('record a party’s acknowledgement as the party'),
    chairAction: controllers('act as the guarantors’ chair'),
    controlInject: controllers('deliver, hold or move a scripted inject'),
  };
}

/** A console session for a seat; null `getSnapshot()` until the first frame arrives. */
export interface SeatConsoleSession extends ConsoleSession {
  /** True once the host's first frame has arrived. */
  ready(): boolean;
}

export function seatConsoleSession(seat: ConsoleSeat): SeatConsoleSession {
  const { frames } = seat;
  // What the console renders: the frames' latest state, or a copy of it once
  // the seat's connection state changed (a new snapshot object, so that the
  // console renders its read-only line). Worked out on read: the session holds
  // no subscription of its own, only its listeners' (useSyncExternalStore's).
  let base: ConsoleFrameState | null = null;
  let status = seat.status();
  let shown: ConsoleFrameState | null = null;
  const current = (): ConsoleFrameState | null => {
    const state = frames.state;
    const now = seat.status();
    if (state !== base) {
      base = state;
      shown = state;
    } else if (now !== status && shown !== null) {
      shown = { ...shown, snapshot: { ...shown.snapshot } };
    }
    status = now;
    return shown;
  };
  const commands = seatCommands((intent) => seat.send(intent));
  const session: SeatConsoleSession = {
    get scenario() {
      return current()!.scenario;
    },
    actor: seat.name,
    // The observer sees the operator's console, read-only.
    role: 'operator',
    get readOnly() {
      return (
        seatReadOnly(seat.assignment, seat.status(), current()?.readOnly ?? null) ?? frames.problem
      );
    },
    clockRefusal: CLOCK_IS_THE_CONTROLLERS,
    get protocolFormat() {
      return current()?.protocolFormat ?? 2;
    },
    ready: () => current() !== null,
    getSnapshot: (): ConsoleSnapshot => current()!.snapshot,
    eventAt(seq) {
      const s = current()!;
      const n = s.scenario.events.length;
      return seq < n ? s.scenario.events[seq] : s.injects[seq - n];
    },
    subscribe(listener) {
      const offFrames = frames.subscribe(listener);
      const offStatus = seat.onStatus(listener);
      return () => {
        offFrames();
        offStatus();
      };
    },
    // The host's engine runs the clock; the seat's frames carry it.
    tick: () => {},
    commands,
    // Nothing to release: the frames belong to the seat, the listeners to their subscribers.
    close() {},
  };
  return session;
}
