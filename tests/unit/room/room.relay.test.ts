// A relayed room, as `npm run web -- --room` runs it: the local server listens
// for seats and relays each one's frames to the host over a control endpoint
// that only this computer, naming the server by its loopback address, may use.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHeadlessSeat, type HeadlessSeat } from '../../../shared/node/room/headless-seat';
import {
  CONTROL_PATH,
  attachRoomRelay,
  type RoomRelay,
} from '../../../shared/node/room/relay-server';
import { wsDialer } from '../../../shared/node/room/ws-transport';
import { relayHostSide } from '../../../shared/room/relay';
import { RoomSeat } from '../../../shared/room/room-seat';
import { caughtUp, openRoom, waitFor } from './room-fixture';

let web: Server | null = null;
let relay: RoomRelay | null = null;
const seats: HeadlessSeat[] = [];

afterEach(async () => {
  for (const s of seats.splice(0)) s.runner.stop();
  await relay?.close();
  await new Promise((r) => (web ? web.close(r) : r(null)));
  web = null;
  relay = null;
});

async function startWeb(): Promise<number> {
  web = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => web!.listen(0, '127.0.0.1', r));
  return (web.address() as AddressInfo).port;
}

function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

describe('relayed room (npm run web -- --room)', () => {
  it('seats join through the relay; the host sees only frames and the room works as direct', async () => {
    const port = await startWeb();
    relay = await attachRoomRelay(web!, { port: 0 });
    const room = await openRoom();
    // No host yet: a seat is turned away at once.
    const early = new RoomSeat({
      code: room.host.joinCode,
      name: 'early',
      request: { role: 'observer' },
    });
    await expect(early.connect(await wsDialer(relay.url)())).rejects.toThrow(
      /no host has this room open/,
    );

    const control = await wsDialer(`ws://127.0.0.1:${port}${CONTROL_PATH}`)();
    let told = '';
    relayHostSide(
      control,
      (c) => room.host.accept(c),
      () => {},
      (url) => (told = url),
    );
    await waitFor('host connected', () => relay!.hostConnected);
    // The host is told first where its seats dial, to show it to them.
    await waitFor('told where seats dial', () => told === relay!.url);
    seats.push(
      startHeadlessSeat(relay.url, {
        code: room.host.joinCode,
        name: 'op',
        request: { role: 'operator' },
      }),
      startHeadlessSeat(relay.url, {
        code: room.host.joinCode,
        name: 'liaison',
        request: { role: 'party', parties: ['A'] },
      }),
    );
    await waitFor('joins', () => room.host.pendingJoins().length === 2);
    for (const join of room.host.pendingJoins()) await room.host.approve(join.seatId, join.request);
    await Promise.all(seats.map((s) => s.runner.ready));
    const [op, party] = seats.map((s) => s.seat) as [RoomSeat, RoomSeat];
    await op.send({ kind: 'note', text: 'through the relay' });
    await caughtUp(room, op, party);
    expect(JSON.stringify(party.entries())).not.toContain('through the relay');
    expect(room.host.connectionLog().every((r) => r.event !== 'refused')).toBe(true);
  });

  it('refuses the control endpoint to a request naming another host, and a second host', async () => {
    const port = await startWeb();
    relay = await attachRoomRelay(web!, { port: 0 });
    const url = `ws://127.0.0.1:${port}${CONTROL_PATH}`;
    expect(await upgradeStatus(url, { Host: 'attacker.example' })).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/elsewhere`)).toBe(404);
    const first = await wsDialer(url)();
    first.listen({ message: () => {}, close: () => {} });
    await waitFor('host connected', () => relay!.hostConnected);
    expect(await upgradeStatus(url)).toBe(403);
    first.close('done');
    await waitFor('host gone', () => !relay!.hostConnected);
  });
});
