// The local server's side of a relayed room (docs/ROOMS.md, "Opening a room
// from the browser"): a listener for seats on the interface the controller
// picks, and a control endpoint on the web server itself — loopback only, and
// only for a request whose Host is that server's own loopback address — over
// which the host tab receives every seat's frames and sends its own.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RelayToServer } from '../../room/relay';
import { RelaySeats } from '../../room/relay-seats';
import { ROOM_LIMITS, parseJsonText } from '../../room/room-messages';
import { decideHostHeader } from '../../security/host-header';
import { listenForRoom, type RoomListener } from './ws-transport';

export const CONTROL_PATH = '/room-control';

export interface RoomRelay {
  /** The address seats dial. */
  url: string;
  /** Where a person opens the app to join (with `pages`), one per address of the listener. */
  joinPages: string[];
  /** True while a host tab holds the control connection. */
  readonly hostConnected: boolean;
  close(): Promise<void>;
}

function isLoopback(address: string | undefined): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    (address?.startsWith('127.') ?? false)
  );
}

/** Why an upgrade to the control endpoint is refused, or null to accept it. */
export function controlRefusal(request: IncomingMessage, port: number): string | null {
  if (!isLoopback(request.socket.remoteAddress))
    return 'the room control is for this computer only';
  const host = decideHostHeader(request.headers.host, port);
  return host.allow ? null : host.reason;
}

export async function attachRoomRelay(
  web: HttpServer,
  options: { host?: string; port?: number; pages?: { root: string } } = {},
): Promise<RoomRelay> {
  const control = new WebSocketServer({
    noServer: true,
    maxPayload: ROOM_LIMITS.maxHostFrameBytes + 4096,
    perMessageDeflate: false,
  });
  let hostSocket: WebSocket | null = null;
  // The seats relayed to the host now connected; a host that comes back gets a new set.
  let seats: RelaySeats | null = null;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const address = web.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    if (new URL(request.url ?? '/', 'http://x').pathname !== CONTROL_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const refusal = controlRefusal(request, port);
    if (refusal !== null || hostSocket !== null) {
      const why = refusal ?? 'a host is already connected';
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n${why}`);
      return;
    }
    control.handleUpgrade(request, socket, head, (ws) => {
      hostSocket = ws;
      const relayed = new RelaySeats((text) => {
        if (ws.readyState === 1) ws.send(text);
      });
      seats = relayed;
      ws.send(JSON.stringify({ r: 'listening', url: listenerUrl }));
      ws.on('message', (data, isBinary) => {
        const value = isBinary ? undefined : parseJsonText(data.toString());
        const parsed = RelayToServer.safeParse(value);
        if (!parsed.success) return; // the host tab is ours: a bad message is dropped, not relayed
        relayed.fromHost(parsed.data);
      });
      ws.on('close', () => {
        hostSocket = null;
        seats = null;
        void relayed.closeAll('the host left');
      });
      ws.on('error', () => {});
    });
  };

  // Set once the listener is up; the control endpoint is attached only then,
  // so every host is told where seats dial.
  let listenerUrl = '';
  const listener: RoomListener = await listenForRoom(
    (connection) => {
      if (seats === null) connection.close('no host has this room open');
      else seats.accept(connection);
    },
    {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      ...(options.pages ? { pages: options.pages } : {}),
    },
  );
  listenerUrl = listener.url;
  web.on('upgrade', onUpgrade);
  return {
    url: listener.url,
    joinPages: listener.joinPages,
    get hostConnected() {
      return hostSocket !== null;
    },
    close: async () => {
      web.off('upgrade', onUpgrade);
      hostSocket?.terminate();
      control.close();
      await listener.close();
    },
  };
}
