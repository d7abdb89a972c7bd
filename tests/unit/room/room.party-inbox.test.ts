// A party seat's inbox: what the mission's open runs ask of the parties the
// seat plays, sent by the host after the entries it follows from — never the
// party script, never another party's requests, never to another role.
import { describe, expect, it } from 'vitest';
import { partyInboxOf } from '../../../shared/room/party-inbox';
import type { SimCellStatus } from '../../../shared/exercise/sim-cell-status';
import { caughtUp, joinSeat, openRoom, toParallelTracks, waitFor } from './room-fixture';

describe('party inbox in a room', () => {
  it('lists the acknowledgement due from its own party, with the deadline, and drops it once the seat acknowledged', async () => {
    const room = await openRoom();
    const liaisonA = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const op = await joinSeat(room, 'op', { role: 'operator' });
    await liaisonA.send({ kind: 'take-over', party: 'A' });
    const id = await toParallelTracks(room);
    await caughtUp(room, liaisonA, op);
    await waitFor('an inbox with the request', () =>
      (liaisonA.inbox?.parties[0]?.requests ?? []).some((r) => r.alertId === id && r.ackDue),
    );
    const inbox = liaisonA.inbox!;
    expect(inbox.parties.map((p) => p.partyId)).toEqual(['A']);
    expect(inbox.parties[0]!.takenOverBy).toBe('liaison-A');
    const due = inbox.parties[0]!.requests.find((r) => r.alertId === id && r.ackDue)!;
    expect(due.deadlineAt).not.toBeNull();
    expect(due.deadlineAt!).toBeGreaterThan(due.enteredAt);
    // The party script is the controller's: nothing of it reaches the party.
    expect(JSON.stringify(inbox)).not.toMatch(/scripted|We did not fire/);
    // Operators get no inbox.
    expect(op.inbox).toBeNull();

    await liaisonA.send({ kind: 'party-ack', alert_id: id, party: 'A', how: 'hotline' });
    await waitFor('the acknowledgement gone from the inbox', () =>
      liaisonA.inbox!.parties[0]!.requests.every(
        (r) => !(r.alertId === id && r.track === due.track && r.ackDue),
      ),
    );
  });

  it("a seat playing A never receives B's requests; a SimCell seat playing both receives both", async () => {
    const room = await openRoom();
    const a = await joinSeat(room, 'liaison-A', { role: 'party', parties: ['A'] });
    const both = await joinSeat(room, 'simcell', { role: 'party', parties: ['A', 'B'] });
    const id = await toParallelTracks(room);
    await caughtUp(room, a, both);
    await waitFor('inboxes', () =>
      [a, both].every((s) => (s.inbox?.parties ?? []).some((p) => p.requests.length > 0)),
    );
    expect(a.inbox!.parties.map((p) => p.partyId)).toEqual(['A']);
    expect(both.inbox!.parties.map((p) => p.partyId)).toEqual(['A', 'B']);
    for (const p of both.inbox!.parties) {
      expect(p.requests.some((r) => r.alertId === id)).toBe(true);
      expect(p.takenOverBy).toBeNull();
    }
  });
});

describe('partyInboxOf', () => {
  const status: SimCellStatus = {
    parties: ['A', 'B'].map((partyId) => ({
      partyId,
      partyName: `Party ${partyId}`,
      takenOverBy: null,
      requests: [
        {
          alertId: 'AL-1',
          alertTitle: 'Shelling — Kerrow',
          track: 'explanation',
          trackTitle: 'Explanation',
          stepId: 'await-reply',
          stepTitle: 'Await the reply',
          ackDue: false,
          addressed: true,
          moves: ['reply'],
          enteredAt: 1,
          deadlineAt: 2,
          scripted: [{ kind: 'move', at: 3, move: 'reply', inputs: { text: 'the script speaks' } }],
        },
      ],
    })),
  };
  it('keeps only the seat’s parties and never the script', () => {
    const inbox = partyInboxOf(status, ['B']);
    expect(inbox.parties.map((p) => p.partyId)).toEqual(['B']);
    expect(JSON.stringify(inbox)).not.toContain('the script speaks');
    expect(inbox.parties[0]!.requests[0]).not.toHaveProperty('scripted');
  });
  it('is empty for a version-1 exercise (no runs with tracks)', () => {
    expect(partyInboxOf(null, ['A'])).toEqual({ parties: [] });
  });
});
