// A room on a shared network: whoever does not hold the code, replays,
// oversends, sends garbage, or forges the host's messages to another seat is
// refused and noted in the host's connection log, and the room goes on.
import { describe, expect, it } from 'vitest';
import { formatJoinCode, newJoinSecret } from '../../../shared/room/join-code';
import { ROOM_LIMITS } from '../../../shared/room/room-messages';
import { RoomSeat } from '../../../shared/room/room-seat';
import type { MemoryPair } from '../../../shared/room/transport';
import {
  SealedChannel,
  deriveChannelKeys,
  fromBase64,
  newEphemeral,
} from '../../../shared/room/channel-crypto';
import { parseJoinCode } from '../../../shared/room/join-code';
import { caughtUp, joinSeat, openRoom, rawClient, waitFor, type Room } from './room-fixture';

function refusals(room: Room): string[] {
  return room.host
    .connectionLog()
    .filter((r) => r.event === 'refused')
    .map((r) => r.reason);
}

/** The room still works: an honest seat's note is committed and reaches another seat. */
async function roomGoesOn(room: Room) {
  const a = await joinSeat(room, `op-${Math.random().toString(36).slice(2, 8)}`, {
    role: 'operator',
  });
  const b = await joinSeat(room, `ob-${Math.random().toString(36).slice(2, 8)}`, {
    role: 'observer',
  });
  const before = room.log.head().seq;
  await a.send({ kind: 'ack', alert_id: 'nope' }).catch(() => {});
  const seq = await a.send({ kind: 'note', text: 'still here' });
  expect(seq).toBeGreaterThan(before);
  await caughtUp(room, a, b);
}

describe('room security', () => {
  it('refuses a seat without the code: a join sent in the clear closes its connection, noted in the log', async () => {
    const room = await openRoom();
    const pair = (await room.net.dial()) as MemoryPair['seatEnd'];
    pair.listen({ message: () => {}, close: () => {} });
    pair.send(
      JSON.stringify({
        type: 'join',
        name: 'intruder',
        request: { role: 'controller' },
        have: { seq: 0, hash: '0'.repeat(64) },
      }),
    );
    await waitFor('refusal', () => refusals(room).length === 1);
    expect(refusals(room)[0]).toMatch(/not a hello/);
    expect(room.host.pendingJoins()).toEqual([]);
    await roomGoesOn(room);
  });

  it('refuses a seat with a wrong code: its join does not authenticate, it never waits for approval', async () => {
    const room = await openRoom();
    const wrong = new RoomSeat({
      code: formatJoinCode(newJoinSecret()),
      name: 'guesser',
      request: { role: 'controller' },
    });
    await expect(wrong.connect(await room.net.dial())).rejects.toThrow();
    await waitFor('refusal', () => refusals(room).length === 1);
    expect(refusals(room)[0]).toMatch(/does not authenticate/);
    expect(wrong.status).toBe('offline');
    expect(room.host.pendingJoins()).toEqual([]);
    expect(room.host.seats()).toEqual([]);
    await roomGoesOn(room);
  });

  it('refuses a captured intent replayed on the same connection and on a new one; the intent applied once', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op-1', { role: 'operator' });
    await op.send({ kind: 'note', text: 'applied once' });
    const wire = room.net.pairs.at(-1)!.seatEnd.sent;
    const captured = wire.at(-1)!; // the sealed intent as it crossed the network
    // Same connection: the frame's number is behind.
    room.net.pairs.at(-1)!.seatEnd.send(captured);
    await waitFor('refusal', () => refusals(room).length === 1);
    expect(refusals(room)[0]).toMatch(/already received \(a replay\)/);
    // New connection with the seat's code: the old frame does not open under the new keys.
    const raw = await rawClient(room, room.host.joinCode, op.seatId);
    raw.sendRaw(wire[1]!); // the captured join
    await waitFor('second refusal', () => refusals(room).length === 2);
    expect(refusals(room)[1]).toMatch(/does not authenticate/);
    const notes = room.log.entries().filter((e) => e.kind === 'note');
    expect(notes.map((e) => e.data.text)).toEqual(['applied once']);
    await roomGoesOn(room);
  });

  it('closes a connection that sends a frame above the size limit, and one with a malformed message', async () => {
    const room = await openRoom();
    const big = await rawClient(room, room.host.joinCode, 'b'.repeat(32));
    big.sendRaw('x'.repeat(ROOM_LIMITS.maxSeatFrameBytes + 1));
    await waitFor('size refusal', () => big.closed() !== null);
    expect(refusals(room)).toEqual([`a frame of more than ${ROOM_LIMITS.maxSeatFrameBytes} bytes`]);

    const bad = await rawClient(room, room.host.joinCode, 'c'.repeat(32));
    await bad.seal(JSON.stringify({ type: 'join', name: 'x', request: { role: 'king' } }));
    await waitFor('malformed refusal', () => bad.closed() !== null);
    expect(refusals(room)[1]).toMatch(/^a malformed message: message\.request/);

    const notJson = await rawClient(room, room.host.joinCode, 'd'.repeat(32));
    await notJson.seal('{not json');
    await waitFor('not-json refusal', () => notJson.closed() !== null);
    expect(refusals(room)[2]).toMatch(/malformed message/);

    const garbage = await rawClient(room, room.host.joinCode, 'e'.repeat(32));
    garbage.sendRaw(JSON.stringify({ t: 'sealed', n: -1, ct: 'AAAA' }));
    await waitFor('frame refusal', () => garbage.closed() !== null);
    expect(refusals(room)[3]).toMatch(/not a sealed frame/);
    await roomGoesOn(room);
  });

  it('closes a connection that sends faster than the rate limit, even with valid intents', async () => {
    const room = await openRoom();
    const flood = await joinSeat(room, 'flood', { role: 'operator' });
    const sent = Array.from({ length: ROOM_LIMITS.seatFrameBurst + 5 }, (_, i) =>
      flood.send({ kind: 'note', text: `flood ${i}` }).then(
        () => 'applied',
        (error: Error) => error.name,
      ),
    );
    const outcomes = await Promise.all(sent);
    expect(refusals(room)).toContain(
      `more than ${ROOM_LIMITS.seatFramesPerSecond} frames a second`,
    );
    expect(flood.status).toBe('offline');
    expect(outcomes).toContain('AnswerLost');
    await roomGoesOn(room);
  });

  it('turns away joins beyond the pending limit and lets seats in again once they are decided', async () => {
    const room = await openRoom();
    const waiting: RoomSeat[] = [];
    for (let i = 0; i < ROOM_LIMITS.maxPendingJoins; i++) {
      const seat = new RoomSeat({
        code: room.host.joinCode,
        name: `w${i}`,
        request: { role: 'observer' },
      });
      await seat.connect(await room.net.dial());
      waiting.push(seat);
    }
    expect(room.host.pendingJoins()).toHaveLength(ROOM_LIMITS.maxPendingJoins);
    const extra = new RoomSeat({
      code: room.host.joinCode,
      name: 'extra',
      request: { role: 'observer' },
    });
    await expect(extra.connect(await room.net.dial())).rejects.toThrow(/too many joins pending/);
    expect(refusals(room).at(-1)).toMatch(/too many joins pending/);
    for (const seat of waiting) room.host.decline(seat.seatId, 'not today');
    await waitFor('declined', () => waiting.every((s) => s.status === 'refused'));
    expect(waiting[0]!.problem).toBe('not today');
    await roomGoesOn(room);
  });

  it("refuses a connection that claims an approved seat's id without that seat's token", async () => {
    const room = await openRoom();
    const control = await joinSeat(room, 'ctl-2', { role: 'controller' });
    const have = { seq: 0, hash: '0'.repeat(64) };
    for (const token of [undefined, 'A'.repeat(43) + '=']) {
      // The seat id travels in the clear in every hello: anyone on the network knows it.
      const thief = await rawClient(room, room.host.joinCode, control.seatId);
      await thief.seal(
        JSON.stringify({
          type: 'join',
          name: 'thief',
          request: { role: 'controller' },
          ...(token ? { token } : {}),
          have,
        }),
      );
      await waitFor('thief refused', () => thief.closed() !== null);
    }
    expect(refusals(room)).toEqual([
      'a known seat id without its token',
      'a known seat id without its token',
    ]);
    expect(room.host.seats()).toHaveLength(1);
    await roomGoesOn(room);
  });

  it("a seat cannot forge the host's messages to another seat, neither with its own frames nor with keys from the code", async () => {
    const room = await openRoom();
    const mallory = await joinSeat(room, 'mallory', { role: 'operator' });
    const victim = await joinSeat(room, 'victim', { role: 'operator' });
    await mallory.send({ kind: 'note', text: 'make frames' });
    await caughtUp(room, mallory, victim);
    const [malloryPair, victimPair] = room.net.pairs.slice(-2) as [MemoryPair, MemoryPair];
    const victimCopy = victim.entries().length;

    // 1. A frame the host sealed for mallory, numbered as the victim's next, pushed into the victim's connection.
    const victimNext = victimPair.hostEnd.sent.length - 1; // every frame after the challenge is sealed, from 0
    const malloryFrame = malloryPair.hostEnd.sent
      .slice(1)
      .map((t) => JSON.parse(t) as { n: number })
      .find((f) => f.n === victimNext)!;
    expect(malloryFrame).toBeDefined();
    victimPair.hostEnd.send(JSON.stringify(malloryFrame));
    await waitFor('victim refuses', () => victim.status === 'offline');
    expect(victim.problem).toMatch(/does not authenticate/);
    expect(victim.entries()).toHaveLength(victimCopy);

    // 2. Keys derived from the code and everything the victim's handshake showed on the
    // network (its seat id, both salts, both public keys) with mallory's own ECDH key.
    const victim2 = await joinSeat(room, 'victim', { role: 'operator' }, victim.saved());
    const pair = room.net.pairs.at(-1)!;
    const hello = JSON.parse(pair.seatEnd.sent[0]!) as { seat: string; salt: string; pub: string };
    const challenge = JSON.parse(pair.hostEnd.sent[0]!) as { salt: string; pub: string };
    const forgedKeys = await deriveChannelKeys({
      secret: parseJoinCode(room.host.joinCode),
      own: await newEphemeral(),
      peerPublicRaw: fromBase64(hello.pub)!,
      seatSalt: fromBase64(hello.salt)!,
      hostSalt: fromBase64(challenge.salt)!,
      seatId: hello.seat,
    });
    const forger = new SealedChannel(forgedKeys, 'host', hello.seat);
    for (let i = 0; i < pair.hostEnd.sent.length - 1; i++) await forger.seal('skip');
    const forged = await forger.seal(JSON.stringify({ type: 'room-closed' }));
    pair.hostEnd.send(JSON.stringify({ t: 'sealed', ...forged }));
    await waitFor('victim refuses the forgery', () => victim2.status === 'offline');
    expect(victim2.problem).toMatch(/does not authenticate/);
    expect(victim2.status).not.toBe('closed');
    await roomGoesOn(room);
  });
});
