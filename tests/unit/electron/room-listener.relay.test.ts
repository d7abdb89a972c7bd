// The desktop app's room listener (electron/main/room-listener.ts) with the
// real parts around it: the WebSocket listener on loopback, a headless seat
// dialling it, and on the page's side a RoomHost over the real engine behind
// relayHostSide. Between the listener and the page, an in-process control line
// plays the IPC: asynchronous both ways, the page's messages parsed with the
// IPC schema as main does.
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomListenerControl, type ListenForRoom } from '../../../electron/main/room-listener';
import { startHeadlessSeat, type HeadlessSeat } from '../../../shared/node/room/headless-seat';
import { listenForRoom, wsDialer } from '../../../shared/node/room/ws-transport';
import { relayHostSide, type RoomListenOptions } from '../../../shared/room/relay';
import { RoomSeat } from '../../../shared/room/room-seat';
import type { ConnectionHandlers, RoomConnection } from '../../../shared/room/transport';
import { roomSendRequestSchema } from '../../../shared/security/ipc-contract';
import { caughtUp, openRoom, waitFor } from '../room/room-fixture';

const seats: HeadlessSeat[] = [];
const controls: RoomListenerControl[] = [];

afterEach(async () => {
  for (const s of seats.splice(0)) s.runner.stop();
  for (const control of controls.splice(0)) await control.close(undefined, 'test over');
});

function newControl(listen: ListenForRoom = listenForRoom): RoomListenerControl {
  const control = new RoomListenerControl({ listen, networkInterfaces });
  controls.push(control);
  return control;
}

/** The page's control line to `control` for window `owner`, as the IPC carries it. */
async function openControlLine(
  control: RoomListenerControl,
  owner: number,
  options: RoomListenOptions,
): Promise<RoomConnection & { pushed: string[] }> {
  const pushed: string[] = [];
  const inbox: string[] = [];
  let handlers: ConnectionHandlers | null = null;
  let closedWith: string | null = null;
  const push = (text: string) =>
    setTimeout(() => {
      pushed.push(text);
      if (closedWith !== null) return;
      if (handlers) handlers.message(text);
      else inbox.push(text);
    }, 0);
  await control.listen(owner, options, push);
  return {
    pushed,
    remote: 'ipc',
    send: (text) => setTimeout(() => control.send(owner, roomSendRequestSchema.parse(text)), 0),
    close(reason) {
      closedWith = reason;
      setTimeout(() => void control.close(owner, reason), 0);
      handlers?.close(reason);
    },
    listen(next) {
      handlers = next;
      for (const text of inbox.splice(0)) next.message(text);
    },
  };
}

describe('desktop room listener', () => {
  it('a seat joins through it, is approved, sends a note and catches up; closing the room closes the seat', async () => {
    const room = await openRoom();
    const control = newControl();
    const line = await openControlLine(control, 7, { host: '127.0.0.1', port: 0 });
    let told = '';
    const faults: string[] = [];
    relayHostSide(
      line,
      (c) => room.host.accept(c),
      (why) => faults.push(why),
      (url) => (told = url),
    );
    await waitFor('told where seats dial', () => told !== '');
    expect(told).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/room$/);
    expect(JSON.parse(line.pushed[0]!)).toEqual({ r: 'listening', url: told });

    const op = startHeadlessSeat(told, {
      code: room.host.joinCode,
      name: 'op',
      request: { role: 'operator' },
    });
    seats.push(op);
    await waitFor('join', () => room.host.pendingJoins().length === 1);
    await room.host.approve(room.host.pendingJoins()[0]!.seatId, { role: 'operator' });
    await op.runner.ready;
    await op.seat.send({ kind: 'note', text: 'from the desktop room' });
    await caughtUp(room, op.seat);
    expect(JSON.stringify(room.memory.entries())).toContain('from the desktop room');
    // The relay carried the seat's frames and nothing else: an open, then frames.
    const kinds = new Set(line.pushed.slice(1).map((t) => (JSON.parse(t) as { r: string }).r));
    expect([...kinds].sort()).toEqual(['frame', 'open']);

    line.close('the controller closed the room');
    await waitFor('seat offline', () => op.seat.status !== 'connected');
    await waitFor('room closed', () => control.owner === null);
    await expect(wsDialer(told)()).rejects.toThrow(/cannot reach/);
    expect(faults).toEqual([]);
  });

  it('a seat approved is told the room closed when the host closes it, then the listener stops', async () => {
    const room = await openRoom();
    const control = newControl();
    const line = await openControlLine(control, 7, { host: '127.0.0.1', port: 0 });
    let told = '';
    relayHostSide(
      line,
      (c) => room.host.accept(c),
      undefined,
      (url) => (told = url),
    );
    await waitFor('told where seats dial', () => told !== '');
    const seat = new RoomSeat({
      code: room.host.joinCode,
      name: 'eval',
      request: { role: 'evaluator' },
    });
    const joined = seat.connect(await wsDialer(told)());
    await waitFor('join', () => room.host.pendingJoins().length === 1);
    await room.host.approve(seat.seatId, { role: 'evaluator' });
    await joined;
    await room.host.close();
    // The seat is told through the line; closing the line at once could cut
    // the frame still on its way through the listener (seen once in CI).
    await waitFor('seat told', () => seat.status === 'closed');
    line.close('the room was closed');
    await waitFor('room closed', () => control.owner === null);
    await expect(wsDialer(told)()).rejects.toThrow(/cannot reach/);
  });

  it('starts no listener until asked, and refuses a second room with a reason naming whose it is', async () => {
    let listening = 0;
    const control = newControl((accept, options) => {
      listening += 1;
      return listenForRoom(accept, options);
    });
    expect(listening).toBe(0);
    expect(control.owner).toBeNull();
    await control.listen(1, { host: '127.0.0.1', port: 0 }, () => {});
    expect(listening).toBe(1);
    await expect(control.listen(2, { host: '127.0.0.1', port: 0 }, () => {})).rejects.toThrow(
      'a room is already open in another window; close it there first',
    );
    await expect(control.listen(1, { host: '127.0.0.1', port: 0 }, () => {})).rejects.toThrow(
      'a room is already open in this window; close it first',
    );
    expect(() => control.send(2, { r: 'close', id: 1, reason: 'x' })).toThrow(
      'this window has no room open',
    );
    expect(await control.close(2, 'not yours')).toBe(false);
    expect(control.owner).toBe(1);
    expect(listening).toBe(1);
    expect(await control.close(1, 'done')).toBe(true);
    expect(control.owner).toBeNull();
  });

  it('refuses a host that is not this computer, and a port already taken, saying why', async () => {
    const control = newControl();
    await expect(control.listen(1, { host: '203.0.113.9', port: 0 }, () => {})).rejects.toThrow(
      /203\.0\.113\.9 is not an address of this computer/,
    );
    await expect(control.listen(1, { host: '0.0.0.0', port: 0 }, () => {})).rejects.toThrow(
      /every interface/,
    );
    const taken = await listenForRoom(() => {}, { host: '127.0.0.1', port: 0 });
    try {
      const port = Number(new URL(taken.url).port);
      await expect(control.listen(1, { host: '127.0.0.1', port }, () => {})).rejects.toThrow(
        new RegExp(`cannot listen for seats on 127\\.0\\.0\\.1 port ${port}: .*EADDRINUSE`),
      );
      expect(control.owner).toBeNull();
      // Nothing is left half-open: the room opens on a free port right after.
      await control.listen(1, { host: '127.0.0.1', port: 0 }, () => {});
      expect(control.owner).toBe(1);
    } finally {
      await taken.close();
    }
  });

  it('closed while its listener is still starting: the listener is closed and the page told', async () => {
    let started: { close(): Promise<void> } | null = null;
    let closedListener = false;
    const control = newControl(async (accept, options) => {
      await new Promise((r) => setTimeout(r, 20));
      const listener = await listenForRoom(accept, options);
      started = listener;
      return {
        url: listener.url,
        close: async () => {
          closedListener = true;
          await listener.close();
        },
      };
    });
    const pushed: string[] = [];
    const opening = control.listen(3, { host: '127.0.0.1', port: 0 }, (t) => pushed.push(t));
    expect(await control.close(3, 'the host window closed')).toBe(true);
    await expect(opening).rejects.toThrow(/closed while it opened: the host window closed/);
    expect(started).not.toBeNull();
    expect(closedListener).toBe(true);
    expect(pushed).toEqual([]);
  });
});
