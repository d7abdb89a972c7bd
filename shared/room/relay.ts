// The relay between a room's listener and a host that cannot listen itself
// (docs/ROOMS.md, "Opening a room from the browser"): a browser tab cannot
// accept connections, so the local server accepts the seats' connections and
// relays each one's frames to the host tab over one control connection. The
// relay only carries frames; keys, checks and limits stay the host's, so a
// relay sees nothing but sealed frames and the two handshake frames.
import { z } from 'zod';
import { describeParseError, parseJsonText } from './room-messages';
import { KeptMessagesEnd, type RoomConnection } from './transport';

z.config({ jitless: true });

const id = z.number().int().min(1);
/**
 * What the relay tells the host: first where seats dial (`listening`, the
 * room listener's address), then for each seat that it connected, sent a
 * frame, or went.
 */
export const RelayToHost = z.discriminatedUnion('r', [
  z.strictObject({ r: z.literal('listening'), url: z.string().max(400) }),
  z.strictObject({ r: z.literal('open'), id, remote: z.string().max(200) }),
  z.strictObject({ r: z.literal('frame'), id, text: z.string() }),
  z.strictObject({ r: z.literal('close'), id, reason: z.string().max(400) }),
]);
export type RelayToHost = z.infer<typeof RelayToHost>;

/** What the host tells the relay: send this frame to a seat, or close its connection. */
export const RelayToServer = z.discriminatedUnion('r', [
  z.strictObject({ r: z.literal('frame'), id, text: z.string() }),
  z.strictObject({ r: z.literal('close'), id, reason: z.string().max(400) }),
]);
export type RelayToServer = z.infer<typeof RelayToServer>;

/** One seat's connection as the host sees it through the relay. */
class RelayedConnection extends KeptMessagesEnd {
  constructor(
    readonly id: number,
    readonly remote: string,
    readonly control: RoomConnection,
    readonly forget: (id: number) => void,
  ) {
    super();
  }

  send(text: string): void {
    if (this.closedWith !== null) return;
    this.control.send(JSON.stringify({ r: 'frame', id: this.id, text }));
  }

  close(reason: string): void {
    if (this.closedWith !== null) return;
    this.control.send(JSON.stringify({ r: 'close', id: this.id, reason: reason.slice(0, 400) }));
    this.ended(reason);
  }

  /** The relay said the seat went: the host forgets its number, then its owner is told. */
  override ended(reason: string): void {
    if (this.closedWith !== null) return;
    this.forget(this.id);
    super.ended(reason);
  }
}

/** Where the host asks for its room's listener: the interface (the controller picks it) and the port (0: any free one). */
export interface RoomListenOptions {
  host: string;
  port: number;
}

/**
 * The host's end of the relay: every seat connection the relay announces
 * becomes a RoomConnection handed to `accept` (the RoomHost's). A control
 * message that is not one of RelayToHost closes the control connection (the
 * relay is the local server, so that is a fault, not an attack to ride out).
 */
export function relayHostSide(
  control: RoomConnection,
  accept: (connection: RoomConnection) => void,
  onFault: (reason: string) => void = () => {},
  onListening: (url: string) => void = () => {},
): void {
  const open = new Map<number, RelayedConnection>();
  const forget = (id: number) => open.delete(id);
  control.listen({
    message: (text) => {
      const parsed = RelayToHost.safeParse(parseJsonText(text));
      if (!parsed.success) {
        const why = describeParseError(parsed.error, 'relay message');
        onFault(why);
        control.close(why);
        return;
      }
      const m = parsed.data;
      if (m.r === 'listening') {
        onListening(m.url);
      } else if (m.r === 'open') {
        const connection = new RelayedConnection(m.id, m.remote, control, forget);
        open.set(m.id, connection);
        accept(connection);
      } else if (m.r === 'frame') {
        open.get(m.id)?.deliver(m.text);
      } else {
        open.get(m.id)?.ended(m.reason);
      }
    },
    close: (reason) => {
      for (const connection of [...open.values()]) connection.ended(`the relay closed: ${reason}`);
    },
  });
}
