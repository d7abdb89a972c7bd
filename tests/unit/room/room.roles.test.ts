// Roles in a room: the host lets through only what a seat's role may send
// (and the engine refuses the rest), and each seat reads only what its role
// may read — the rest reaches it redacted, its chain still whole.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { IntentDeclined } from '../../../shared/room/room-seat';
import { INTENT_ROLES } from '../../../shared/room/room-intents';
import { scenarioViewMatches } from '../../../shared/room/scenario-view';
import { isRedacted, mayRead, SEAT_ROLES, type SeatEntry } from '../../../shared/room/seat-roles';
import { caughtUp, joinSeat, openRoom, toParallelTracks } from './room-fixture';

const fullEntries = (entries: readonly SeatEntry[]) =>
  entries.filter((e) => !isRedacted(e)) as LogEntry[];

describe('room roles', () => {
  it('refuses an intent outside the seat’s role, logs nothing, and the seat goes on', async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    const observer = await joinSeat(room, 'proj', { role: 'observer' });
    const party = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const evaluator = await joinSeat(room, 'eval', { role: 'evaluator' });
    const before = room.log.head().seq;
    const tries: [typeof op, Parameters<typeof op.send>[0], RegExp][] = [
      [op, { kind: 'clock', action: 'play' }, /role operator cannot send "clock"/],
      [op, { kind: 'inject', summary: 'fake call' }, /cannot send "inject"/],
      [op, { kind: 'end', reason: 'bored' }, /cannot send "end"/],
      [op, { kind: 'take-over', party: 'A' }, /cannot send "take-over"/],
      [observer, { kind: 'note', text: 'from the projector' }, /role observer cannot send "note"/],
      [party, { kind: 'note', text: 'party note' }, /role party cannot send "note"/],
      [party, { kind: 'take-over', party: 'B' }, /plays A, not B/],
      [evaluator, { kind: 'ack', alert_id: 'x' }, /role evaluator cannot send "ack"/],
      // Let through by the room, refused by the engine: A is still played by the script.
      [party, { kind: 'party-ack', alert_id: 'x', party: 'A', how: 'hotline' }, /./],
    ];
    for (const [seat, intent, why] of tries) {
      const refused = seat.send(intent);
      await expect(refused).rejects.toBeInstanceOf(IntentDeclined);
      await expect(seat.send(intent)).rejects.toThrow(why);
      expect(seat.status).toBe('connected');
    }
    expect(room.log.head().seq).toBe(before);
    expect(await op.send({ kind: 'note', text: 'still fine' })).toBe(before + 1);
  });

  it('lets a party seat take its party over and act as its liaison under its own name', async () => {
    const room = await openRoom();
    const party = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const op = await joinSeat(room, 'op', { role: 'operator' });
    await party.send({ kind: 'take-over', party: 'A' });
    const id = await toParallelTracks(room);
    await party.send({ kind: 'party-ack', alert_id: id, party: 'A', how: 'hotline' });
    const last = room.log.entries().at(-1)!;
    expect(last).toMatchObject({
      kind: 'party-ack',
      role: 'party',
      actor: 'liaison-A',
      party: 'A',
    });
    const takeOver = room.log.entries().find((e) => e.kind === 'party-take-over')!;
    expect(takeOver).toMatchObject({ actor: 'liaison-A', role: 'controller' });
    await caughtUp(room, party, op);
    // The operator reads the acknowledgement, not who plays the party.
    expect(isRedacted(op.entries()[takeOver.seq - 1]!)).toBe(true);
    expect(isRedacted(op.entries()[last.seq - 1]!)).toBe(false);
    expect(isRedacted(party.entries()[takeOver.seq - 1]!)).toBe(false);
  });

  it('a party seat never receives an unredacted mission note, injected event or alert, and its chain is whole', async () => {
    const room = await openRoom();
    const party = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const received: SeatEntry[] = [];
    party.onEntries((batch) => received.push(...batch));
    const op = await joinSeat(room, 'op', { role: 'operator' });
    const control = await joinSeat(room, 'ctl-2', { role: 'controller' });
    const evaluator = await joinSeat(room, 'eval', { role: 'evaluator' });
    const id = await toParallelTracks(room);
    await op.send({ kind: 'note', text: 'SECRET mission note' });
    await op.send({ kind: 'note', text: 'SECRET alert note', alert_id: id });
    await control.send({ kind: 'note', text: 'SECRET control note' });
    await evaluator.send({ kind: 'note', text: 'SECRET evaluation' });
    await control.send({ kind: 'inject', summary: 'SECRET hotline call' });
    await caughtUp(room, party, op, control, evaluator);
    const all = [...party.entries()];
    expect(JSON.stringify(all)).not.toMatch(/SECRET/);
    expect(JSON.stringify(received)).not.toMatch(/SECRET/);
    for (const entry of room.log.entries()) {
      const mine = party.entries()[entry.seq - 1]!;
      expect(mine.hash).toBe(entry.hash);
      if (['note', 'inject', 'alert-opened', 'protocol-action'].includes(entry.kind)) {
        expect(mine).toEqual({ seq: entry.seq, prev_hash: entry.prev_hash, hash: entry.hash });
      }
    }
    // The clock and the parties' moves are the party's to read.
    expect(fullEntries(party.entries()).map((e) => e.kind)).toContain('exercise-created');
    // Control's notes and the evaluator's are control's: the operator reads them redacted, its own in full.
    const opText = fullEntries(op.entries()).flatMap((e) =>
      e.kind === 'note' ? [e.data.text as string] : [],
    );
    expect(opText).toEqual(['SECRET mission note', 'SECRET alert note']);
    const ctlText = fullEntries(control.entries()).flatMap((e) =>
      e.kind === 'note' ? [e.data.text as string] : [],
    );
    expect(ctlText).toHaveLength(4);
  });

  it('reading table: control reads everything; no one else reads control notes; parties read no mission work', () => {
    const entry = (kind: string, role: LogEntry['role'], data: Record<string, unknown> = {}) =>
      ({ kind, role, data }) as unknown as LogEntry;
    const controlNote = entry('note', 'controller', { text: 't' });
    for (const role of SEAT_ROLES) {
      const a = role === 'party' ? { role, parties: ['A'] } : { role };
      const reads = mayRead(a as never, controlNote);
      expect(reads, role).toBe(role === 'controller' || role === 'evaluator');
    }
    const party = { role: 'party' as const, parties: ['A'] };
    for (const kind of [
      'note',
      'alert-opened',
      'protocol-action',
      'inject',
      'deadline-breach',
      'link',
    ]) {
      expect(mayRead(party, entry(kind, 'operator')), kind).toBe(false);
    }
    for (const kind of ['clock', 'party-move', 'party-ack', 'exercise-created', 'exercise-ended']) {
      expect(mayRead(party, entry(kind, 'operator')), kind).toBe(true);
    }
    expect(mayRead(party, entry('report-product', 'operator', { product: 'daily-report' }))).toBe(
      false,
    );
    expect(
      mayRead(party, entry('report-product', 'operator', { product: 'request-for-explanation' })),
    ).toBe(true);
    expect(mayRead(party, entry('party-take-over', 'controller', { party: 'B' }))).toBe(false);
    expect(mayRead({ role: 'observer' }, entry('note', 'operator'))).toBe(false);
    expect(mayRead({ role: 'operator' }, entry('note', 'operator'))).toBe(true);
    // Every intent is open to the controller; the observer sends nothing.
    for (const roles of Object.values(INTENT_ROLES)) {
      expect(roles).toContain('controller');
      expect(roles).not.toContain('observer');
    }
  });

  it("each seat's scenario copy hashes to its own hash; operators miss the controller-only fields, parties the feeds", async () => {
    const room = await openRoom();
    const op = await joinSeat(room, 'op', { role: 'operator' });
    const party = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const control = await joinSeat(room, 'ctl-2', { role: 'controller' });
    const views = [op, party, control].map((s) => s.scenario!);
    for (const v of views) expect(scenarioViewMatches(v.view, v.hash)).toBe(true);
    expect(new Set(views.map((v) => v.hash)).size).toBe(3);
    const opText = JSON.stringify(views[0]!.view);
    for (const field of ['truth', 'expected_action', 'incident', 'party_script"']) {
      expect(opText).not.toContain(`"${field}":"`);
    }
    expect(views[0]!.view.events.length).toBe(room.scenario.events.length);
    expect(views[1]!.view.events).toEqual([]);
    expect(views[1]!.view.sensors).toEqual([]);
    expect(views[1]!.view.party_script).toBeNull();
    expect(JSON.stringify(views[2]!.view)).toContain('"truth":"violation"');
    expect(JSON.stringify(views[2]!.view)).toContain('"incident":"inc-mlrs"');
    expect(views.every((v) => v.view.source_hash === room.scenario.hash)).toBe(true);
  });
});
