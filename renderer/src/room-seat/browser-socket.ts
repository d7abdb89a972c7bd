// The room's transport in the browser (docs/ROOMS.md, "A seat in the
// browser"): the platform's WebSocket under shared/room/transport.ts's
// connection. The seat dials the address it loaded the app from, so the
// content-security policy's connect-src 'self' admits it.
import { KeptMessagesEnd, type Dialer, type RoomConnection } from '../../../shared/room/transport';

/** Where a seat served from `location` dials: the same host and port, path /room. */
export function roomAddressFor(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/room`;
}

function closeReason(reason: string): string {
  // A close frame's reason is at most 123 bytes of UTF-8.
  const bytes = new TextEncoder().encode(reason);
  return bytes.length <= 123 ? reason : new TextDecoder().decode(bytes.slice(0, 120)) + '…';
}

/** Why a socket closed, in words, from its close event. */
export function describeClose(code: number, reason: string): string {
  if (reason) return reason;
  if (code === 1006) return 'the connection was lost';
  if (code === 1009) return 'a frame above the transport limit';
  return `closed (code ${code})`;
}

class BrowserConnection extends KeptMessagesEnd {
  constructor(
    readonly socket: WebSocket,
    readonly remote: string,
  ) {
    super();
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      // The protocol is text; a binary frame is passed on as something that is not JSON.
      this.deliver(typeof event.data === 'string' ? event.data : '\u0000binary frame');
    });
    socket.addEventListener('close', (event: CloseEvent) => {
      this.ended(describeClose(event.code, event.reason));
    });
  }

  send(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  close(reason: string): void {
    if (
      this.socket.readyState === WebSocket.OPEN ||
      this.socket.readyState === WebSocket.CONNECTING
    ) {
      // 4000: an application's own close (a browser may not send 1008 itself).
      this.socket.close(4000, closeReason(reason));
    }
    // Told at once: the seat must not wait for the closing handshake to know.
    this.ended(reason);
  }
}

/** Dials a room's address with the browser's WebSocket. */
export function browserDialer(url: string): Dialer {
  return () =>
    new Promise<RoomConnection>((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(url);
      } catch (error) {
        reject(new Error(`cannot dial ${url}: ${(error as Error).message}`));
        return;
      }
      // Attached at once: frames that arrive before the seat listens are kept.
      const connection = new BrowserConnection(socket, url);
      const failed = (event: CloseEvent) =>
        reject(new Error(`cannot reach ${url}: ${describeClose(event.code, event.reason)}`));
      socket.addEventListener('close', failed, { once: true });
      socket.addEventListener(
        'open',
        () => {
          socket.removeEventListener('close', failed);
          resolve(connection);
        },
        { once: true },
      );
    });
}
