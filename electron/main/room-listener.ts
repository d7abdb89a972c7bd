// The desktop app's room listener (docs/ROOMS.md, "Opening a room"): a
// window's page cannot accept connections, so main listens for seats while the
// page's room is open, and relays every seat's frames to that page and back
// with the browser mode's relay protocol (RelaySeats), so the page's
// relayHostSide works unchanged. Free of Electron: the listen function and the
// push to the window are parameters, so it is tested with the real listener.
import type { RelayToServer, RoomListenOptions } from '../../shared/room/relay';
import { RelaySeats } from '../../shared/room/relay-seats';
import type { RoomConnection } from '../../shared/room/transport';
import {
  decideRoomHost,
  roomInterfaces,
  type OsInterfaces,
  type RoomInterface,
} from '../../shared/security/room-interfaces';

/** What the controller needs of a listener (shared/node/room/ws-transport.ts's listenForRoom). */
export type ListenForRoom = (
  accept: (connection: RoomConnection) => void,
  options: RoomListenOptions,
) => Promise<{ url: string; close(): Promise<void> }>;

export interface RoomListenerOptions {
  listen: ListenForRoom;
  /** This machine's addresses now (os.networkInterfaces): read at each request, as they change. */
  networkInterfaces: () => OsInterfaces;
  /**
   * How long closing waits for the seats to see their connection closed
   * (with the reason) before the listener cuts what is left.
   */
  closeGraceMs?: number;
}

interface OpenRoom {
  /** The web contents (window) that opened it: the only one it talks to. */
  owner: number;
  listener: { url: string; close(): Promise<void> } | null;
  seats: RelaySeats;
  /** Set when the room is closed while its listener is still starting. */
  cancelled: string | null;
}

/** At most one room at a time, owned by the window that opened it. */
export class RoomListenerControl {
  #room: OpenRoom | null = null;

  constructor(private readonly options: RoomListenerOptions) {}

  /** The web contents id of the window whose room is open, or null. */
  get owner(): number | null {
    return this.#room?.owner ?? null;
  }

  /** The addresses the controller may pick, loopback first. */
  interfaces(): RoomInterface[] {
    return roomInterfaces(this.options.networkInterfaces());
  }

  /**
   * Opens the room of `owner`'s page: listens on the interface asked for and
   * pushes to the page first `{ r: 'listening', url }`, then every relay
   * message. Rejects with why when a room is already open, the host is not
   * this machine's, or the listener cannot start.
   */
  async listen(
    owner: number,
    request: RoomListenOptions,
    push: (text: string) => void,
  ): Promise<{ url: string }> {
    if (this.#room) {
      throw new Error(
        this.#room.owner === owner
          ? 'a room is already open in this window; close it first'
          : 'a room is already open in another window; close it there first',
      );
    }
    const decision = decideRoomHost(request.host, this.interfaces());
    if (!decision.allow) throw new Error(decision.reason);
    // Seats could in principle connect before the listener's address is
    // pushed; what they cause waits, so the page always hears `listening` first.
    const early: string[] = [];
    let announced = false;
    const room: OpenRoom = {
      owner,
      listener: null,
      seats: new RelaySeats((text) => (announced ? push(text) : early.push(text))),
      cancelled: null,
    };
    this.#room = room;
    let listener: { url: string; close(): Promise<void> };
    try {
      listener = await this.options.listen((connection) => room.seats.accept(connection), {
        host: decision.host,
        port: request.port,
      });
    } catch (error) {
      if (this.#room === room) this.#room = null;
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot listen for seats on ${decision.host} port ${request.port}: ${why}`, {
        cause: error,
      });
    }
    if (room.cancelled !== null) {
      await listener.close();
      throw new Error(`the room was closed while it opened: ${room.cancelled}`);
    }
    room.listener = listener;
    push(JSON.stringify({ r: 'listening', url: listener.url }));
    announced = true;
    for (const text of early.splice(0)) push(text);
    return { url: listener.url };
  }

  /** The page's relay message for a seat. Throws when `owner` has no room open. */
  send(owner: number, message: RelayToServer): void {
    const room = this.#room;
    if (!room || room.owner !== owner) throw new Error('this window has no room open');
    room.seats.fromHost(message);
  }

  /**
   * Closes the room: every seat's connection is closed with `reason`, then
   * the listener stops. Only the owner's room (`owner` undefined: whoever's,
   * as when the app quits). Resolves false when there was none to close.
   */
  async close(owner: number | undefined, reason: string): Promise<boolean> {
    const room = this.#room;
    if (!room || (owner !== undefined && room.owner !== owner)) return false;
    this.#room = null;
    const listener = room.listener;
    if (listener === null) {
      room.cancelled = reason;
      await room.seats.closeAll(reason);
      return true;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      room.seats.closeAll(reason),
      new Promise<void>(
        (resolve) => (timer = setTimeout(resolve, this.options.closeGraceMs ?? 1000)),
      ),
    ]);
    clearTimeout(timer);
    await listener.close();
    return true;
  }
}
