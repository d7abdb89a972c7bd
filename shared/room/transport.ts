// What the room protocol needs of a network (docs/ROOMS.md, "Transport"): a
// connection carries text frames both ways, in order, and says when it
// closes. The host accepts connections from a listener; a seat dials. The
// in-memory transport here serves the unit tests; shared/node/room has the
// WebSocket one.

export interface ConnectionHandlers {
  message(text: string): void;
  close(reason: string): void;
}

/** One end of a connection. Frames sent before the other end listens are kept for it. */
export interface RoomConnection {
  /** Where the other end is, for the host's connection log. */
  readonly remote: string;
  send(text: string): void;
  close(reason: string): void;
  /** Called once by whoever owns this end. */
  listen(handlers: ConnectionHandlers): void;
}

/**
 * What every end of a connection does on receiving, whatever carries it (an
 * in-memory pair, WebSocket in Node or the browser, the relay, IPC, a
 * worker's postMessage): messages that arrive before its owner listens are
 * kept for it, nothing is delivered once it ended, and its end is told once,
 * with the first reason. A transport extends it with how it sends and closes,
 * and calls `deliver` and `ended` as its carrier reports.
 */
export abstract class KeptMessagesEnd implements RoomConnection {
  #handlers: ConnectionHandlers | null = null;
  #inbox: string[] = [];
  #closedWith: string | null = null;

  abstract readonly remote: string;
  abstract send(text: string): void;
  abstract close(reason: string): void;

  /** Why it ended, or null while it is open. */
  get closedWith(): string | null {
    return this.#closedWith;
  }

  listen(handlers: ConnectionHandlers): void {
    this.#handlers = handlers;
    for (const text of this.#inbox.splice(0)) handlers.message(text);
    if (this.#closedWith !== null) handlers.close(this.#closedWith);
  }

  /** A message from the far end: handed over, or kept until listen(). */
  deliver(text: string): void {
    if (this.#closedWith !== null) return;
    if (this.#handlers) this.#handlers.message(text);
    else this.#inbox.push(text);
  }

  /** The connection ended; its owner is told once (now, or at listen()). */
  ended(reason: string): void {
    if (this.#closedWith !== null) return;
    this.#closedWith = reason;
    this.#handlers?.close(reason);
  }
}

/** Dials the host; resolves with an open connection or rejects with why not. */
export type Dialer = () => Promise<RoomConnection>;

/**
 * An end of an in-memory connection. Delivery is asynchronous (a macrotask
 * per frame), as on a network, so a test sees the same interleavings.
 */
class MemoryEnd extends KeptMessagesEnd {
  peer!: MemoryEnd;
  #closed = false;
  /** Every frame this end sent, in order (a test's capture of the wire). */
  readonly sent: string[] = [];

  constructor(readonly remote: string) {
    super();
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(text: string): void {
    if (this.#closed) return;
    this.sent.push(text);
    const peer = this.peer;
    setTimeout(() => peer.deliver(text), 0);
  }

  close(reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    const peer = this.peer;
    setTimeout(() => {
      this.ended(reason);
      peer.#closed = true;
      peer.ended(reason);
    }, 0);
  }
}

/** A connection's two ends, for tests that hold the seat's end themselves. */
export interface MemoryPair {
  seatEnd: RoomConnection & { readonly sent: string[]; readonly closed: boolean };
  hostEnd: RoomConnection & { readonly sent: string[]; readonly closed: boolean };
}

export function memoryPair(remote = 'memory'): MemoryPair {
  const seatEnd = new MemoryEnd('host');
  const hostEnd = new MemoryEnd(remote);
  seatEnd.peer = hostEnd;
  hostEnd.peer = seatEnd;
  return { seatEnd, hostEnd };
}

/**
 * An in-memory network with one listener: `dial` makes a connection and hands
 * its host end to the listener; `down` refuses dials (the host is gone).
 */
export class MemoryNetwork {
  #accept: ((connection: RoomConnection) => void) | null = null;
  #count = 0;
  readonly pairs: MemoryPair[] = [];

  listen(accept: (connection: RoomConnection) => void): void {
    this.#accept = accept;
  }

  /** Stops listening and closes every connection (a host that died). */
  down(reason = 'the host is gone'): void {
    this.#accept = null;
    for (const pair of this.pairs) pair.hostEnd.close(reason);
  }

  readonly dial: Dialer = async () => {
    const accept = this.#accept;
    if (!accept) throw new Error('nothing listens at this address');
    this.#count += 1;
    const pair = memoryPair(`memory-${this.#count}`);
    this.pairs.push(pair);
    accept(pair.hostEnd);
    return pair.seatEnd;
  };
}
