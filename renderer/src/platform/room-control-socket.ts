// The host tab's control line to its room's listener in browser mode
// (docs/ROOMS.md, "Opening a room from the browser"): a WebSocket to the
// page's own origin at /room-control, which `npm run web -- --room` offers to
// this computer only. The server's --room-host/--room-port flags choose where
// seats dial; the tab cannot choose, so the options are not sent.
import { KeptMessagesEnd, type RoomConnection } from '../../../shared/room/transport';

/** The path of the control endpoint (CONTROL_PATH in shared/node/room/relay-server.ts). */
export const ROOM_CONTROL_PATH = '/room-control';

/** A WebSocket as a RoomConnection: messages that arrive before listen() are kept for it. */
class SocketConnection extends KeptMessagesEnd {
  constructor(
    readonly socket: WebSocket,
    readonly remote: string,
  ) {
    super();
    socket.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data !== 'string') return this.ended('the listener sent a binary frame');
      this.deliver(event.data);
    });
    socket.addEventListener('close', (event: CloseEvent) =>
      this.ended(event.reason || `the room's listener closed the control line (${event.code})`),
    );
  }

  send(text: string): void {
    if (this.closedWith === null && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(text);
    }
  }

  close(reason: string): void {
    if (this.closedWith !== null) return;
    // A close reason is at most 123 bytes on the wire.
    this.socket.close(1000, new TextEncoder().encode(reason).length <= 123 ? reason : undefined);
    this.ended(reason);
  }
}

/**
 * Why a control line did not open. A browser tells a page nothing about a
 * refused upgrade (no status, no body), so the causes the server has are
 * named together.
 */
export function controlRefusedMessage(url: string): string {
  return (
    `the room's control line at ${url} did not open: this server was not started with --room ` +
    '(start it with `npm run web -- --room`), another tab already holds the room, or the page ' +
    'was not opened at http://127.0.0.1:<port>/ on this computer'
  );
}

/** Opens the control line of the page's own server; rejects with why it cannot. */
export function openRoomControlSocket(location: {
  protocol: string;
  host: string;
}): Promise<RoomConnection> {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${location.host}${ROOM_CONTROL_PATH}`;
  return new Promise((resolve, reject) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      reject(new Error(`the room's control line at ${url}: ${(error as Error).message}`));
      return;
    }
    // The connection is made now so that the listener's first message
    // (`listening`) is kept even if it arrives before the caller listens.
    const connection = new SocketConnection(socket, url);
    const failed = () => reject(new Error(controlRefusedMessage(url)));
    socket.addEventListener('error', failed);
    socket.addEventListener('open', () => {
      socket.removeEventListener('error', failed);
      resolve(connection);
    });
  });
}
