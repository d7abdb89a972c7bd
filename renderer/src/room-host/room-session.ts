// The host's room as the console's UI thread sees it (docs/ROOMS.md, "The
// host's screen"). The room itself runs next to the engine (RoomHosting, in
// the engine worker or on this thread); this side owns the control line to
// the room's listener (the platform's, a WebSocket in the browser), hands it
// to the room, and keeps the status the room reports for the Room panel.
import {
  CLOSED_ROOM,
  type RoomCommand,
  type RoomHosting,
  type RoomStatus,
} from '../../../shared/room/room-hosting';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import type { RoomConnection } from '../../../shared/room/transport';

/** The room next to the engine, as this thread reaches it. */
export interface RoomEngineSide {
  /** Hands over the control line and opens the room (or reopens the stored one). */
  open(control: RoomConnection): Promise<void>;
  command(command: RoomCommand): Promise<void>;
  status(): RoomStatus;
  subscribe(listener: () => void): () => void;
}

/** What the Room panel uses. */
export interface RoomSession {
  getStatus(): RoomStatus;
  subscribe(listener: () => void): () => void;
  open(): Promise<void>;
  approve(seatId: string, assignment: SeatAssignment): Promise<void>;
  decline(seatId: string): Promise<void>;
  remove(seatId: string): Promise<void>;
  close(): Promise<void>;
  /** The console closes: a control line still being dialled is hung up when it answers. */
  dispose(): void;
}

/**
 * The UI side over the room's engine side. `resume`: the exercise's room was
 * open when it was last left, so it is reopened at once (same code, seats).
 */
export function roomSession(
  side: RoomEngineSide,
  openControl: () => Promise<RoomConnection>,
  options: { resume: boolean },
): RoomSession {
  const listeners = new Set<() => void>();
  // Set while this side dials the listener, and when that failed (the room never reached the engine).
  let dialling = false;
  let dialProblem: string | null = null;
  let disposed = false;
  let status: RoomStatus = side.status();
  const notify = () => {
    const room = side.status();
    status = {
      ...room,
      state: dialling && room.state === 'closed' ? 'opening' : room.state,
      problem: dialProblem ?? room.problem,
    };
    for (const listener of listeners) listener();
  };
  side.subscribe(notify);
  notify();

  const session: RoomSession = {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open() {
      const current = side.status();
      if (current.refusal !== null) throw new Error(current.refusal);
      if (current.state !== 'closed' || dialling) return;
      dialling = true;
      dialProblem = null;
      notify();
      let control: RoomConnection;
      try {
        control = await openControl();
      } catch (error) {
        dialProblem = `The room could not open: ${(error as Error).message}`;
        throw new Error(dialProblem, { cause: error });
      } finally {
        dialling = false;
        if (!disposed) notify();
      }
      // The console closed while the line was dialled: the line would hold
      // the listener's one host place with nobody behind it.
      if (disposed) {
        control.close('the console closed');
        return;
      }
      await side.open(control);
    },
    approve: (seatId, assignment) => side.command({ name: 'approve', seatId, assignment }),
    decline: (seatId) => side.command({ name: 'decline', seatId }),
    remove: (seatId) => side.command({ name: 'remove', seatId }),
    close: () => side.command({ name: 'close' }),
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
  if (options.resume) {
    // The failure shows in the status (the panel says why and offers to open again).
    session.open().catch(() => {});
  }
  return session;
}

/** The engine side when the room runs on this thread (no worker). */
export function localRoomSide(hosting: RoomHosting): RoomEngineSide & {
  /** The status callback to give RoomHosting. */
  onStatus: (status: RoomStatus) => void;
} {
  const listeners = new Set<() => void>();
  let latest: RoomStatus | null = null;
  return {
    open: (control) => hosting.open(control),
    command: (command) => hosting.command(command),
    status: () => latest ?? hosting.status(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus(status) {
      latest = status;
      for (const listener of listeners) listener();
    },
  };
}

export { CLOSED_ROOM };
