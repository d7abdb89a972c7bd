// The room as the host's screen drives it (RoomHosting): opened over the
// control line of a real relay server, with headless seats over WebSocket;
// the controller approves, removes and closes; a host that left reopens the
// stored room with the same code and its seats come back by themselves.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessSeat, type HeadlessSeat } from '../../../shared/node/room/headless-seat';
import {
  CONTROL_PATH,
  attachRoomRelay,
  type RoomRelay,
} from '../../../shared/node/room/relay-server';
import { wsDialer } from '../../../shared/node/room/ws-transport';
import { RoomHosting, type RoomStatus } from '../../../shared/room/room-hosting';
import { MemoryRoomStore } from '../../../shared/room/room-state';
import { HOST_ACTOR, caughtUp, openRoom, waitFor, type Room } from './room-fixture';

let web: Server | null = null;
let relay: RoomRelay | null = null;
const seats: HeadlessSeat[] = [];
const hostings: RoomHosting[] = [];

afterEach(async () => {
  for (const s of seats.splice(0)) s.runner.stop();
  for (const h of hostings.splice(0)) h.dispose();
  await relay?.close();
  await new Promise((r) => (web ? web.close(r) : r(null)));
  web = null;
  relay = null;
});

async function startRelay(): Promise<string> {
  web = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => web!.listen(0, '127.0.0.1', r));
  relay = await attachRoomRelay(web, { port: 0 });
  return `ws://127.0.0.1:${(web.address() as AddressInfo).port}${CONTROL_PATH}`;
}

function hostingOf(
  room: Room,
  store = new MemoryRoomStore(),
  participant: { name: string; role: string } = HOST_ACTOR,
) {
  let last: RoomStatus | null = null;
  const hosting = new RoomHosting({
    engine: room.engine,
    log: room.log,
    scenario: room.scenario,
    store,
    participant,
    readOnly: null,
    onStatus: (s) => (last = s),
  });
  hostings.push(hosting);
  return { hosting, store, last: () => last };
}

describe('the host screen’s room (RoomHosting)', () => {
  it('opens over the relay, lets in the seat the controller approves, and sums the room up', async () => {
    const controlUrl = await startRelay();
    const room = await openRoom();
    room.host.kill(); // the fixture's own host; RoomHosting opens the room here
    const { hosting, last } = hostingOf(room);
    await hosting.open(await wsDialer(controlUrl)());
    await waitFor('seats url', () => last()?.seatsUrl === relay!.url);
    const code = hosting.status().code!;
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){6}$/);

    const op = startHeadlessSeat(relay!.url, {
      code,
      name: 'Op Two',
      request: { role: 'controller' },
    });
    seats.push(op);
    await waitFor('pending join', () => last()?.pending.length === 1);
    const join = last()!.pending[0]!;
    expect(join).toMatchObject({ name: 'Op Two', request: { role: 'controller' } });
    // The controller fixes the role: it asked for controller, it gets operator.
    await hosting.command({
      name: 'approve',
      seatId: join.seatId,
      assignment: { role: 'operator' },
    });
    await op.runner.ready;
    await op.seat.send({ kind: 'note', text: 'from the seat' });
    await caughtUp(room, op.seat);
    const noted = room.log.entries().at(-1)!;
    expect(noted).toMatchObject({ kind: 'note', actor: 'Op Two' });
    // The status is sent at most every 250 ms: wait for the one after the note.
    await waitFor(
      'status with the seat',
      () => last()?.seats[0]?.lag === 0 && last()?.head === room.log.entries().length,
    );
    expect(last()!.seats).toEqual([
      {
        seatId: join.seatId,
        name: 'Op Two',
        assignment: { role: 'operator' },
        connected: true,
        lag: 0,
      },
    ]);
    expect(last()!.head).toBe(room.log.entries().length);
    expect(last()!.log.map((r) => r.event)).toEqual(['joined', 'approved']);
  });

  it('a removed seat is turned away and cannot come back with its token', async () => {
    const controlUrl = await startRelay();
    const room = await openRoom();
    room.host.kill();
    const { hosting, last } = hostingOf(room);
    await hosting.open(await wsDialer(controlUrl)());
    const code = hosting.status().code!;
    const op = startHeadlessSeat(relay!.url, { code, name: 'Op', request: { role: 'operator' } });
    seats.push(op);
    await waitFor('pending join', () => last()?.pending.length === 1);
    await hosting.command({
      name: 'approve',
      seatId: last()!.pending[0]!.seatId,
      assignment: { role: 'operator' },
    });
    await op.runner.ready;
    await hosting.command({ name: 'remove', seatId: op.seat.seatId });
    await waitFor('seat refused', () => op.seat.status === 'refused');
    expect(op.seat.problem).toMatch(/removed/);
    await waitFor('status without the seat, the removal logged', () => {
      const s = last();
      return s?.seats.length === 0 && s.log.at(-1)?.event === 'removed';
    });
    expect(last()!.log.at(-1)!.reason).toMatch(/"Op": the host removed this seat/);
    // Its token no longer lets it in.
    const again = startHeadlessSeat(relay!.url, {
      code,
      name: 'Op',
      request: { role: 'operator' },
      saved: op.seat.saved(),
    });
    seats.push(again);
    await waitFor(
      'token refused',
      () => last()?.log.at(-1)?.reason === 'a token for a seat this room does not know',
    );
  });

  it('a host that left reopens its stored room with the same code; the seat reconnects and catches up; close ends it', async () => {
    const controlUrl = await startRelay();
    const room = await openRoom();
    room.host.kill();
    const first = hostingOf(room);
    await first.hosting.open(await wsDialer(controlUrl)());
    const code = first.hosting.status().code!;
    const op = startHeadlessSeat(relay!.url, { code, name: 'Op', request: { role: 'operator' } });
    seats.push(op);
    await waitFor('pending join', () => first.last()?.pending.length === 1);
    await first.hosting.command({
      name: 'approve',
      seatId: first.last()!.pending[0]!.seatId,
      assignment: { role: 'operator' },
    });
    await op.runner.ready;

    // The host tab reloads: the room stops without closing; the store keeps it.
    first.hosting.dispose();
    await waitFor('seat offline', () => op.seat.status !== 'connected');
    await room.engine.note('written while the room was away');
    const again = hostingOf(room, first.store);
    expect(await again.hosting.storedRoomOpen()).toBe(true);
    await again.hosting.open(await wsDialer(controlUrl)());
    expect(again.hosting.status().code).toBe(code);
    await waitFor('seat back', () => op.seat.status === 'connected', 10_000);
    await caughtUp(room, op.seat);
    await waitFor('seat connected in status', () => again.last()?.seats[0]?.connected === true);

    await again.hosting.command({ name: 'close' });
    await waitFor('seat closed', () => op.seat.status === 'closed');
    expect(again.hosting.status().state).toBe('closed');
    expect(await again.hosting.storedRoomOpen()).toBe(false);
  });

  it('refuses anyone but a controller, saying why, and closes the line it was given', async () => {
    const controlUrl = await startRelay();
    const room = await openRoom();
    room.host.kill();
    const { hosting } = hostingOf(room, new MemoryRoomStore(), {
      name: 'Op',
      role: 'operator',
    });
    expect(hosting.status().refusal).toMatch(/Only a controller/);
    const control = await wsDialer(controlUrl)();
    await expect(hosting.open(control)).rejects.toThrow(/Only a controller.*operator "Op"/);
    await waitFor('line released', () => !relay!.hostConnected);
    await expect(hosting.command({ name: 'close' })).rejects.toThrow(/Only a controller/);
  });

  it('refuses a command that is not one, by name', async () => {
    const room = await openRoom();
    room.host.kill();
    const { hosting } = hostingOf(room);
    await expect(hosting.command({ name: 'approve', seatId: 'x' })).rejects.toThrow(/not one/);
  });
});
