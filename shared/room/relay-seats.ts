// The listener's end of the relay (docs/ROOMS.md, "Opening a room"), for the
// browser mode's server (shared/node/room/relay-server.ts) and the desktop
// app's main process alike: each seat connection is numbered and announced to the host (`open`), its
// frames passed on (`frame`), its end reported (`close`); the host's frames
// and closes go back to the seat by number. Pure.
import type { RelayToHost, RelayToServer } from './relay';
import type { RoomConnection } from './transport';

/** The seats of one relayed room, on the listener's side. */
export class RelaySeats {
  #nextId = 1;
  readonly #seats = new Map<number, { connection: RoomConnection; gone: Promise<void> }>();
  #closed = false;

  /** `toHost` carries each RelayToHost message, as JSON text, to the host. */
  constructor(private readonly toHost: (text: string) => void) {}

  /** Seat connections still open. */
  get size(): number {
    return this.#seats.size;
  }

  /** A seat connected to the listener: the host is told, and hears its frames from now on. */
  accept(connection: RoomConnection): void {
    if (this.#closed) {
      connection.close('the room is closed');
      return;
    }
    const id = this.#nextId++;
    let ended: () => void = () => {};
    const gone = new Promise<void>((resolve) => (ended = resolve));
    this.#seats.set(id, { connection, gone });
    this.#tell({ r: 'open', id, remote: connection.remote.slice(0, 200) });
    connection.listen({
      message: (text) => {
        if (this.#seats.has(id)) this.#tell({ r: 'frame', id, text });
      },
      close: (reason) => {
        ended();
        if (this.#seats.delete(id)) this.#tell({ r: 'close', id, reason: reason.slice(0, 400) });
      },
    });
  }

  /** The host's message: a frame for a seat, or its close. A seat already gone is ignored. */
  fromHost(message: RelayToServer): void {
    const seat = this.#seats.get(message.id);
    if (!seat) return;
    if (message.r === 'frame') seat.connection.send(message.text);
    else seat.connection.close(message.reason);
  }

  /**
   * The host is gone or closed the room: every seat is closed with `reason`
   * and nothing more is told to the host. Resolves once every seat's
   * connection has reported its end.
   */
  closeAll(reason: string): Promise<void> {
    this.#closed = true;
    const seats = [...this.#seats.values()];
    this.#seats.clear();
    for (const seat of seats) seat.connection.close(reason);
    return Promise.all(seats.map((seat) => seat.gone)).then(() => {});
  }

  #tell(message: RelayToHost): void {
    if (!this.#closed) this.toHost(JSON.stringify(message));
  }
}
