// The room's network in Node (docs/ROOMS.md, "Transport"): WebSocket text
// frames through the `ws` package, under the transport interface of
// shared/room/transport.ts. The listener runs only while a room is open; with
// `pages` it also serves the app to the seats that open its address.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  decideListenerHostHeader,
  listenerAddresses,
  originMatchesHost,
} from '../../security/host-header';
import { createBundleServer } from '../web/bundle-server';
import { ROOM_LIMITS } from '../../room/room-messages';
import { KeptMessagesEnd, type Dialer, type RoomConnection } from '../../room/transport';

/**
 * The library refuses a frame above this outright (and closes with 1009);
 * it is twice the host's own limit, so a frame a little too large still
 * reaches the host, which records it in its connection log by its size.
 */
const SERVER_MAX_PAYLOAD = 2 * ROOM_LIMITS.maxSeatFrameBytes;

function closeReason(reason: string): string {
  // A close frame's reason is at most 123 bytes of UTF-8.
  const bytes = new TextEncoder().encode(reason);
  return bytes.length <= 123 ? reason : new TextDecoder().decode(bytes.slice(0, 120)) + '…';
}

class WsConnection extends KeptMessagesEnd {
  constructor(
    readonly socket: WebSocket,
    readonly remote: string,
  ) {
    super();
    socket.on('message', (data: RawData, isBinary: boolean) => {
      // The protocol is text; a binary frame is passed on as something that is not JSON.
      this.deliver(isBinary ? '\u0000binary frame' : rawText(data));
    });
    socket.on('error', (error: Error) => this.ended(`network error: ${error.message}`));
    socket.on('close', (code: number, reason: Buffer) => {
      const why = reason.toString('utf8');
      this.ended(
        code === 1009 ? 'a frame above the transport limit' : why || `closed (code ${code})`,
      );
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
      this.socket.close(1008, closeReason(reason));
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

export interface RoomListener {
  /** The address seats dial, e.g. ws://127.0.0.1:4381/room. */
  url: string;
  port: number;
  /**
   * With `pages`: where a person opens the app to join, one per address of
   * the listener (http://192.168.4.20:4381/#/join); empty otherwise.
   */
  joinPages: string[];
  close(): Promise<void>;
}

export interface ListenOptions {
  /** The interface to listen on (the controller picks it); loopback by default. */
  host?: string;
  /** 0: any free port. */
  port?: number;
  path?: string;
  /**
   * Serve the built renderer (out/renderer) on the same port, so a seat on
   * another computer loads the app from the room's address and dials it
   * same-origin (docs/ROOMS.md, "A seat in the browser").
   */
  pages?: { root: string };
  /** This computer's addresses, for a wildcard interface; os.networkInterfaces() by default. */
  machineAddresses?: () => string[];
}

function networkAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((info) => info.address),
  );
}

function refuseUpgrade(socket: Duplex, status: string, why: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${why}`);
}

/** Listens for seats and hands each connection to `accept` (the RoomHost's). */
export async function listenForRoom(
  accept: (connection: RoomConnection) => void,
  options: ListenOptions = {},
): Promise<RoomListener> {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/room';
  const machine = options.machineAddresses ?? networkAddresses;
  // Read at each request: a wildcard listener's addresses change with the network.
  const decideHost = (header: string | undefined, port: number) =>
    decideListenerHostHeader(header, port, listenerAddresses(host, machine()));
  const server = options.pages
    ? createBundleServer({
        root: options.pages.root,
        decideHost,
        log: (message) => process.stderr.write(`room listener: ${message}\n`),
      })
    : createServer((_req, res) => {
        res
          .writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('a room: dial it over WebSocket');
      });
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: SERVER_MAX_PAYLOAD,
    perMessageDeflate: false,
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    if (new URL(request.url ?? '/', 'http://x').pathname !== path) {
      return refuseUpgrade(socket, '404 Not Found', 'not a room address');
    }
    const port = (server.address() as AddressInfo).port;
    const decision = decideHost(request.headers.host, port);
    if (!decision.allow) {
      return refuseUpgrade(socket, `${decision.status} Refused`, decision.reason);
    }
    if (!originMatchesHost(request.headers.origin, request.headers.host)) {
      return refuseUpgrade(
        socket,
        '403 Forbidden',
        'a page of another origin may not dial the room',
      );
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
      accept(new WsConnection(ws, remote));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {
    // A listener error after start (e.g. a socket error) belongs to one connection, handled there.
  });
  const address = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  const joinPages = options.pages
    ? listenerAddresses(host, machine())
        .filter((a) => !a.includes('%'))
        .map((a) => `http://${a.includes(':') ? `[${a}]` : a}:${address.port}/#/join`)
    : [];
  return {
    url: `ws://${shown}:${address.port}${path}`,
    port: address.port,
    joinPages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Dials a room's address. */
export function wsDialer(url: string): Dialer {
  return () =>
    new Promise<RoomConnection>((resolve, reject) => {
      const socket = new WebSocket(url, {
        maxPayload: ROOM_LIMITS.maxHostFrameBytes,
        perMessageDeflate: false,
      });
      // Attached at once: frames that arrive before the seat listens are kept.
      const connection = new WsConnection(socket, url);
      const failed = (error: Error) => reject(new Error(`cannot reach ${url}: ${error.message}`));
      socket.once('error', failed);
      socket.once('open', () => {
        socket.off('error', failed);
        resolve(connection);
      });
    });
}
