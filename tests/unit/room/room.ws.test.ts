// The room over real WebSocket connections on loopback (port 0): headless
// seats join, act and hold the host's log; a frame above the limit closes only
// its own connection; a seat whose connection drops comes back by itself.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHeadlessSeat, type HeadlessSeat } from '../../../shared/node/room/headless-seat';
import { listenForRoom, type RoomListener } from '../../../shared/node/room/ws-transport';
import { ROOM_LIMITS } from '../../../shared/room/room-messages';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import { caughtUp, openRoom, waitFor } from './room-fixture';

let listener: RoomListener | null = null;
const seats: HeadlessSeat[] = [];

afterEach(async () => {
  for (const s of seats.splice(0)) s.runner.stop();
  await listener?.close();
  listener = null;
});

describe('room over WebSocket', () => {
  it('seats on loopback join, act, and every seat ends holding the host’s head', async () => {
    const room = await openRoom();
    listener = await listenForRoom((c) => room.host.accept(c), { port: 0 });
    expect(listener.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/room$/);
    const approve = setInterval(() => {
      for (const join of room.host.pendingJoins())
        void room.host.approve(join.seatId, join.request);
    }, 5);
    try {
      const wanted: [string, SeatAssignment][] = [
        ['op-ws', { role: 'operator' }],
        ['liaison-ws', { role: 'party', parties: ['A'] }],
        ['ctl-ws', { role: 'controller' }],
      ];
      for (const [name, request] of wanted) {
        seats.push(startHeadlessSeat(listener.url, { code: room.host.joinCode, name, request }));
      }
      await Promise.all(seats.map((s) => s.runner.ready));
      const [op, party, ctl] = seats.map((s) => s.seat) as [
        (typeof seats)[0]['seat'],
        (typeof seats)[0]['seat'],
        (typeof seats)[0]['seat'],
      ];
      await op.send({ kind: 'note', text: 'over the wire' });
      await ctl.send({ kind: 'clock', action: 'speed', speed: 60 });
      await caughtUp(room, op, party, ctl);
      expect(JSON.stringify(party.entries())).not.toContain('over the wire');

      // An oversized frame from a raw socket closes that socket only, and is logged.
      const raw = new WebSocket(listener.url);
      await new Promise((r) => raw.once('open', r));
      const closed = new Promise<number>((r) => raw.once('close', (code) => r(code)));
      raw.send('y'.repeat(ROOM_LIMITS.maxSeatFrameBytes + 10));
      expect(await closed).toBe(1008);
      expect(room.host.connectionLog().at(-1)!.reason).toMatch(/a frame of more than/);

      // The network drops the operator's socket: it comes back by itself and catches up.
      const before = room.log.head().seq;
      op.disconnect('network blip');
      await waitFor('op offline', () => op.status !== 'connected');
      await ctl.send({ kind: 'note', text: 'while op was away' });
      await waitFor('op back', () => op.status === 'connected', 5000);
      await caughtUp(room, op, party, ctl);
      expect(room.log.head().seq).toBe(before + 1);
    } finally {
      clearInterval(approve);
    }
  });
});
