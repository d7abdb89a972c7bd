// A seat's copy in IndexedDB (docs/ROOMS.md, "A seat in the browser"): saved
// after verified batches, read back and checked, so a seat that reloads comes
// back as itself with its token and catches up; a copy damaged on disk is
// reported by its seat's name and not used.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStoredCopy, type StoredSeatCopy } from '../../../shared/room/seat-copy';
import { SeatSession } from '../../../renderer/src/room-seat/seat-session';
import { coalescedSaver } from '../../../renderer/src/room-seat/copy-saver';
import { seatRouteFromHash } from '../../../renderer/src/room-seat/seat-route';
import { partyInbox } from '../../../renderer/src/room-seat/party-inbox';
import { describeClose, roomAddressFor } from '../../../renderer/src/room-seat/browser-socket';
import type { SeatEntry } from '../../../shared/room/seat-roles';
import {
  listSeatCopies,
  openTrucelineDatabase,
  readSeatCopy,
  saveSeatCopy,
  type TrucelineDatabase,
} from '../../../renderer/src/storage';
import { caughtUp, openRoom, waitFor, type Room } from './room-fixture';

let db: TrucelineDatabase | null = null;
const sessions: SeatSession[] = [];
let dbCount = 0;

afterEach(async () => {
  for (const s of sessions.splice(0)) s.stop();
  db?.close();
  db = null;
});

/** A room whose log has a few entries besides its creation. */
async function busyRoom(): Promise<Room> {
  const room = await openRoom();
  for (const text of ['first', 'second', 'third']) {
    await room.engine.note(text, undefined, { name: 'Operator (host)', role: 'operator' });
  }
  return room;
}

async function freshDb(): Promise<TrucelineDatabase> {
  dbCount += 1;
  db = await openTrucelineDatabase(`seat-copies-${process.pid}-${dbCount}`);
  return db;
}

function session(
  room: Room,
  database: TrucelineDatabase,
  from: ConstructorParameters<typeof SeatSession>[0],
) {
  const s = new SeatSession(from, {
    dial: room.net.dial,
    store: (copy) => saveSeatCopy(database, copy),
  });
  sessions.push(s);
  s.start();
  return s;
}

describe('the seat’s copy in IndexedDB', () => {
  it('is saved as batches arrive; after a reload the seat comes back with its token and catches up', async () => {
    const room = await openRoom();
    const database = await freshDb();
    const first = session(room, database, {
      join: { code: room.host.joinCode, name: 'Op Browser', request: { role: 'operator' } },
    });
    await waitFor('pending', () => room.host.pendingJoins().length === 1);
    await room.host.approve(first.seat.seatId, { role: 'operator' });
    await caughtUp(room, first.seat);
    await first.send({ kind: 'note', text: 'before the reload' });
    await first.save();
    first.stop();

    const kept = await readSeatCopy(database, first.seat.seatId);
    expect(kept?.ok).toBe(true);
    if (!kept?.ok) return;
    expect(kept.copy.saved.token).not.toBeNull();
    expect(kept.copy.saved.entries.at(-1)!.hash).toBe(first.seat.head.hash);

    // The host goes on while the page is away.
    await room.engine.note('while the seat was away', undefined, {
      name: 'Control (host)',
      role: 'controller',
    });
    const again = session(room, database, { stored: kept.copy });
    await waitFor('reconnected', () => again.seat.status === 'connected');
    expect(room.host.pendingJoins()).toHaveLength(0);
    await caughtUp(room, again.seat);
    expect(again.getSnapshot().head).toEqual(room.log.head());
    await again.save();
    const saved = await readSeatCopy(database, again.seat.seatId);
    expect(saved?.ok && saved.copy.saved.entries.length).toBe(room.log.head().seq);
  });

  it('reports a copy altered on disk by its seat’s name, with the entry and the reason', async () => {
    const room = await busyRoom();
    const database = await freshDb();
    const s = session(room, database, {
      join: { code: room.host.joinCode, name: 'Op Tamper', request: { role: 'operator' } },
    });
    await waitFor('pending', () => room.host.pendingJoins().length === 1);
    await room.host.approve(s.seat.seatId, { role: 'operator' });
    await caughtUp(room, s.seat);
    await s.save();
    s.stop();
    const stored = (await database.seatCopies.get(s.seat.seatId))!;
    const entry = stored.saved.entries[1] as { data: Record<string, unknown> };
    entry.data = { ...entry.data, altered: true };
    await database.seatCopies.put(stored);

    const check = await readSeatCopy(database, s.seat.seatId);
    expect(check).toMatchObject({ ok: false, name: 'Op Tamper' });
    if (check?.ok === false) expect(check.reason).toMatch(/entry 2/);
    const listed = await listSeatCopies(database);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.ok).toBe(false);
  });

  it('refuses a stored record of the wrong shape by name, not by a crash', () => {
    const check = checkStoredCopy({ seatId: 'a'.repeat(32), saved: { name: 'Half' } });
    expect(check).toMatchObject({ ok: false, seatId: 'a'.repeat(32), name: 'Half' });
  });

  it('refuses a copy cut short in the middle (a gap in seq)', async () => {
    const room = await busyRoom();
    const database = await freshDb();
    const s = session(room, database, {
      join: { code: room.host.joinCode, name: 'Op Gap', request: { role: 'operator' } },
    });
    await waitFor('pending', () => room.host.pendingJoins().length === 1);
    await room.host.approve(s.seat.seatId, { role: 'operator' });
    await caughtUp(room, s.seat);
    const copy: StoredSeatCopy = s.stored();
    copy.saved.entries.splice(1, 1);
    const check = checkStoredCopy(copy);
    expect(check).toMatchObject({ ok: false, name: 'Op Gap' });
    if (!check.ok) expect(check.reason).toMatch(/seq|position|entry/);
  });
});

describe('coalescedSaver', () => {
  it('writes once at a time and once more after, however many saves were asked meanwhile', async () => {
    let writes = 0;
    let release: () => void = () => {};
    const saver = coalescedSaver(
      () => {
        writes += 1;
        return new Promise<void>((r) => (release = r));
      },
      () => {},
    );
    saver.request();
    for (let i = 0; i < 50; i++) saver.request();
    expect(writes).toBe(1);
    release();
    await waitFor('second write', () => writes === 2);
    release();
    await saver.flush();
    expect(writes).toBe(2);
  });

  it('reports a failed write and goes on', async () => {
    const errors: unknown[] = [];
    let fail = true;
    let writes = 0;
    const saver = coalescedSaver(
      async () => {
        writes += 1;
        if (fail) throw new Error('quota');
      },
      (e) => errors.push(e),
    );
    saver.request();
    await saver.flush();
    fail = false;
    saver.request();
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(writes).toBe(2);
  });
});

describe('seatRouteFromHash', () => {
  it('reads the join page with its code, and a seat’s home by id', () => {
    expect(seatRouteFromHash('#/join?code=ABCD-EFGH')).toEqual({ kind: 'join', code: 'ABCD-EFGH' });
    expect(seatRouteFromHash('#/join')).toEqual({ kind: 'join', code: '' });
    expect(seatRouteFromHash(`#/seat/${'ab'.repeat(16)}`)).toEqual({
      kind: 'seat',
      seatId: 'ab'.repeat(16),
    });
    expect(seatRouteFromHash('#/library')).toBeNull();
    expect(seatRouteFromHash('#/seat/../x')).toBeNull();
  });
});

describe('partyInbox', () => {
  const entry = (seq: number, kind: string, data: Record<string, unknown>) =>
    ({
      seq,
      kind,
      data,
      actor: 'x',
      role: 'party',
      exercise_time: '2027-03-09T17:00:00Z',
      wall_time: '2027-03-09T17:00:00Z',
      prev_hash: '0'.repeat(64),
      hash: '1'.repeat(64),
    }) as unknown as SeatEntry;
  it('keeps moves, acknowledgements and report products, newest first, marking the seat’s own parties', () => {
    const entries: SeatEntry[] = [
      entry(1, 'exercise-created', {}),
      entry(2, 'party-ack', { party: 'A', how: 'acknowledged' }),
      { seq: 3, prev_hash: '0'.repeat(64), hash: '2'.repeat(64) },
      entry(4, 'party-ack', { party: 'B', how: 'acknowledged' }),
      entry(5, 'report-product', { product: 'request-for-explanation', text: 'Explain.' }),
      entry(6, 'clock', { action: 'play' }),
    ];
    const inbox = partyInbox(entries, ['A']);
    expect(inbox.map((i) => [i.seq, i.own])).toEqual([
      [5, false],
      [4, false],
      [2, true],
    ]);
    expect(partyInbox(entries, ['A'], 1)).toHaveLength(1);
  });
});

describe('the browser seat’s room address', () => {
  it('is the page’s own host and port at /room, wss: under https:', () => {
    expect(roomAddressFor({ protocol: 'http:', host: '192.168.4.20:4404' })).toBe(
      'ws://192.168.4.20:4404/room',
    );
    expect(roomAddressFor({ protocol: 'https:', host: 'room.example:8443' })).toBe(
      'wss://room.example:8443/room',
    );
  });
  it('passes a close reason on, and names a lost connection without one', () => {
    expect(describeClose(1008, 'refused')).toBe('refused');
    expect(describeClose(1006, '')).toBe('the connection was lost');
  });
});
