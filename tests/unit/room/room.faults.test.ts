// Faults in a room — nothing lost, nothing twice: a seat killed and restarted
// catches up from its last entry; a restarted host reopens the same room and
// seats find it again by themselves; a retried intent applies once; an intent
// made offline is refused at once; a closed room leaves each seat its copy; a
// broken chain is reported and the seat stops.
import { describe, expect, it } from 'vitest';
import { AnswerLost, RoomSeat, SeatReadOnly, type SeatSaved } from '../../../shared/room/room-seat';
import { keepSeatConnected } from '../../../shared/room/seat-runner';
import type { ConnectionHandlers, RoomConnection } from '../../../shared/room/transport';
import type { SeatEntry } from '../../../shared/room/seat-roles';
import { caughtUp, joinSeat, openRoom, restartHost, waitFor } from './room-fixture';

describe('room faults', () => {
  it('a seat killed and restarted comes back as itself and receives only what it missed', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    const party = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    await op.send({ kind: 'note', text: 'before the crash' });
    await caughtUp(room, party);
    const saved: SeatSaved = party.saved();
    party.disconnect('killed');
    await waitFor('party offline', () => party.status === 'offline');
    for (let i = 0; i < 5; i++) await op.send({ kind: 'note', text: `while away ${i}` });

    const restarted = new RoomSeat({
      code: room.host.joinCode,
      name: 'ignored',
      request: { role: 'observer' },
      saved,
    });
    const first: SeatEntry[] = [];
    restarted.onEntries((batch) => first.length === 0 && first.push(...batch));
    const status = await restarted.connect(await room.net.dial());
    expect(status).toBe('connected'); // no second approval: its token
    expect(restarted.assignment).toEqual({ role: 'party', parties: ['A'] });
    await caughtUp(room, restarted);
    expect(first[0]!.seq).toBe(saved.entries.length + 1);
    expect(restarted.entries().map((e) => e.hash)).toEqual(room.log.entries().map((e) => e.hash));
    expect(room.host.seats()).toHaveLength(2);
  });

  it('a seat whose stored copy does not match the log is refused, and one whose copy was altered does not start', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    await op.send({ kind: 'note', text: 'real' });
    const saved = op.saved();
    op.disconnect();
    const altered: SeatSaved = structuredClone(saved);
    (altered.entries.at(-1) as unknown as { data: { text: string } }).data.text = 'rewritten';
    const broken = new RoomSeat({
      code: room.host.joinCode,
      name: 'op',
      request: saved.request,
      saved: altered,
    });
    expect(broken.status).toBe('broken');
    expect(broken.problem).toMatch(/stored copy is broken/);
    await expect(broken.connect(await room.net.dial())).rejects.toThrow(/broken/);
  });

  it('a seat reports a broken chain as entries arrive and stops', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    await op.send({ kind: 'note', text: 'original' });
    // The host's copy of an entry changes after it was sealed (a fault, or tampering).
    const entry = room.log.entries().at(-1)!;
    (entry.data as { text: string }).text = 'tampered';
    const late = new RoomSeat({
      code: room.host.joinCode,
      name: 'late',
      request: { role: 'operator' },
    });
    await late.connect(await room.net.dial());
    await room.host.approve(late.seatId, { role: 'operator' });
    await waitFor('late breaks', () => late.status === 'broken');
    expect(late.problem).toMatch(new RegExp(`entry ${entry.seq}: its hash does not match`));
    expect(late.entries()).toHaveLength(entry.seq - 1);
    expect(late.canReconnect).toBe(false);
  });

  it('refuses at once an intent made while disconnected; the seat is read-only until it is back', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    op.disconnect('network lost');
    await waitFor('offline', () => op.status === 'offline');
    expect(op.readOnly).toBe(true);
    const before = room.log.head().seq;
    await expect(op.send({ kind: 'note', text: 'offline' })).rejects.toBeInstanceOf(SeatReadOnly);
    await expect(op.send({ kind: 'note', text: 'offline' })).rejects.toThrow(
      /offline: the intent was not sent/,
    );
    await op.connect(await room.net.dial());
    expect(op.readOnly).toBe(false);
    await op.send({ kind: 'note', text: 'back' });
    expect(room.log.head().seq).toBe(before + 1);
  });

  it('applies an intent once when its answer was lost and the seat retries with the same key', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    op.disconnect();
    await waitFor('offline', () => op.status === 'offline');
    // A connection that loses everything the host sends once `deaf` is set, then drops.
    const inner = await room.net.dial();
    let deaf = false;
    let handlers: ConnectionHandlers | null = null;
    const lossy: RoomConnection = {
      remote: inner.remote,
      send: (t) => inner.send(t),
      close: (r) => inner.close(r),
      listen: (h) => {
        handlers = h;
        inner.listen({ message: (t) => !deaf && h.message(t), close: (r) => h.close(r) });
      },
    };
    await op.connect(lossy);
    await caughtUp(room, op);
    const before = room.log.head().seq;
    deaf = true;
    const first = op.send({ kind: 'note', text: 'exactly once' }, 'retry-key-0001');
    await waitFor('host applied', () => room.log.head().seq === before + 1);
    await new Promise((r) => setTimeout(r, 20)); // the answer is sent and lost
    inner.close('network dropped');
    const lost = await first.catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(AnswerLost);
    expect((lost as AnswerLost).key).toBe('retry-key-0001');
    expect(handlers).not.toBeNull();

    await op.connect(await room.net.dial());
    const seq = await op.send({ kind: 'note', text: 'exactly once' }, 'retry-key-0001');
    expect(seq).toBe(before + 1);
    expect(room.log.entries().filter((e) => e.kind === 'note')).toHaveLength(1);
    await caughtUp(room, op);
    // A new key is a new intent.
    await op.send({ kind: 'note', text: 'exactly once' }, 'retry-key-0002');
    expect(room.log.entries().filter((e) => e.kind === 'note')).toHaveLength(2);
  });

  it('the host restarted from its log reopens the same room; seats reconnect by themselves and a retry still applies once', async () => {
    const room = await openRoom();
    const code = room.host.joinCode;
    const op = await joinSeat(room, 'op', { role: 'operator' });
    const party = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const runners = [op, party].map((s) =>
      keepSeatConnected(s, () => room.net.dial(), { retryMs: 10, maxRetryMs: 50 }),
    );
    await op.send({ kind: 'note', text: 'before the host died' }, 'key-before-death');
    const headBefore = room.log.head();

    room.host.kill();
    room.net.down();
    await waitFor('seats offline', () => op.status === 'offline' && party.status === 'offline');
    await expect(op.send({ kind: 'note', text: 'into the void' })).rejects.toBeInstanceOf(
      SeatReadOnly,
    );

    const restarted = await restartHost(room);
    expect(restarted.host.joinCode).toBe(code);
    expect(restarted.log.head()).toEqual(headBefore);
    await waitFor('seats back', () => op.status === 'connected' && party.status === 'connected');
    expect(restarted.host.pendingJoins()).toEqual([]);
    // The answer kept for a key survives the restart.
    expect(await op.send({ kind: 'note', text: 'before the host died' }, 'key-before-death')).toBe(
      headBefore.seq,
    );
    await op.send({ kind: 'note', text: 'after the restart' });
    await caughtUp(restarted, op, party);
    const notes = restarted.log.entries().filter((e) => e.kind === 'note');
    expect(notes.map((e) => e.data.text)).toEqual(['before the host died', 'after the restart']);
    for (const r of runners) r.stop();
  });

  it('a host that dies after committing an intent but before saving its answer still applies a retry once', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    const runner = keepSeatConnected(op, () => room.net.dial(), { retryMs: 10, maxRetryMs: 50 });
    // The host dies the moment the note is committed, before its answer is saved
    // or sent: nothing it saves afterwards reaches its store.
    let dead = false;
    const save = room.store.save.bind(room.store);
    room.store.save = (state) => (dead ? Promise.resolve() : save(state));
    room.log.onAppend((entries) => {
      if (!entries.some((e) => e.kind === 'note')) return;
      dead = true;
      room.host.kill();
      room.net.down();
    });
    const lost = op.send({ kind: 'note', text: 'committed, answer unsaved' }, 'key-at-death');
    await expect(lost).rejects.toBeInstanceOf(AnswerLost);

    const restarted = await restartHost(room);
    await waitFor('seat back', () => op.status === 'connected');
    const note = restarted.log.entries().find((e) => e.kind === 'note')!;
    expect(
      await op.send({ kind: 'note', text: 'committed, answer unsaved' }, 'key-at-death'),
    ).toBeGreaterThanOrEqual(note.seq);
    expect(restarted.log.entries().filter((e) => e.kind === 'note')).toHaveLength(1);
    // A key whose intent never reached the log applies as new.
    await op.send({ kind: 'note', text: 'after' }, 'key-after');
    expect(restarted.log.entries().filter((e) => e.kind === 'note')).toHaveLength(2);
    runner.stop();
  });

  it('closing the room leaves each seat its copy, read-only; no one joins a closed room', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    await op.send({ kind: 'note', text: 'last words' });
    await caughtUp(room, op);
    await room.host.close();
    await waitFor('closed', () => op.status === 'closed');
    expect(op.readOnly).toBe(true);
    expect(op.entries()).toHaveLength(room.log.head().seq);
    await expect(op.send({ kind: 'note', text: 'too late' })).rejects.toThrow(/closed/);
    const late = new RoomSeat({
      code: room.host.joinCode,
      name: 'late',
      request: { role: 'observer' },
    });
    await expect(late.connect(await room.net.dial())).rejects.toThrow(/room is closed/);
  });
});
