// The room's invariant under faults: whatever the interleaving of intents,
// dropped connections (answers lost or not), reconnects and retries, once the
// network settles every seat holds exactly the host's log (same head) and
// every intent was applied exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerLost, type RoomSeat } from '../../../shared/room/room-seat';
import type { RoomConnection } from '../../../shared/room/transport';
import { caughtUp, joinSeat, openRoom, waitFor, type Room } from './room-fixture';

type Command =
  | { type: 'intent'; seat: number }
  | { type: 'drop'; seat: number; loseAnswers: boolean }
  | { type: 'reconnect'; seat: number }
  | { type: 'retry' }
  | { type: 'pause'; ms: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('intent' as const), seat: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('drop' as const),
      seat: fc.nat(2),
      loseAnswers: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reconnect' as const), seat: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'retry' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('pause' as const), ms: fc.nat(5) }) },
);

interface Lossy {
  deaf: boolean;
  inner: RoomConnection;
}

async function connectLossy(room: Room, seat: RoomSeat): Promise<Lossy> {
  const inner = await room.net.dial();
  const state: Lossy = { deaf: false, inner };
  const wrapped: RoomConnection = {
    remote: inner.remote,
    send: (t) => inner.send(t),
    close: (r) => inner.close(r),
    listen: (h) =>
      inner.listen({ message: (t) => !state.deaf && h.message(t), close: (r) => h.close(r) }),
  };
  await seat.connect(wrapped).catch(() => {});
  return state;
}

describe('room under drops and retries (property)', () => {
  it('every seat ends at the host’s head and no intent is applied twice or lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        const room = await openRoom();
        const seats = [
          await joinSeat(room, 'op-1', { role: 'operator' }),
          await joinSeat(room, 'op-2', { role: 'operator' }),
          await joinSeat(room, 'ctl', { role: 'controller' }),
        ];
        const links: (Lossy | null)[] = [null, null, null];
        // Every intent made: its key, text and seat; `done` once an answer came.
        const made: { key: string; text: string; seat: number; done: boolean }[] = [];
        const inFlight = new Set<Promise<void>>();
        const waiting = new Set<string>();
        const unexpected: string[] = [];
        const track = (i: number, key: string) => {
          const entry = made.find((m) => m.key === key)!;
          if (waiting.has(key)) return;
          waiting.add(key);
          const text = entry.text;
          const p = seats[i]!.send({ kind: 'note', text }, key)
            .then(
              () => void (entry.done = true),
              (error: unknown) => {
                if (!(error instanceof AnswerLost) && (error as Error).name !== 'SeatReadOnly') {
                  unexpected.push(String(error));
                }
              },
            )
            .finally(() => {
              inFlight.delete(p);
              waiting.delete(key);
            });
          inFlight.add(p);
        };
        for (const c of commands) {
          const seat = 'seat' in c ? seats[c.seat]! : null;
          if (c.type === 'intent' && seat!.status === 'connected') {
            const key = `k${made.length.toString().padStart(8, '0')}`;
            made.push({ key, text: `note ${made.length}`, seat: c.seat, done: false });
            track(c.seat, key);
          } else if (c.type === 'drop' && seat!.status === 'connected') {
            const link = links[c.seat];
            if (link) {
              link.deaf = c.loseAnswers;
              await new Promise((r) => setTimeout(r, 1));
              link.inner.close('dropped');
            } else {
              seat!.disconnect('dropped');
            }
            await waitFor('offline', () => seat!.status === 'offline');
          } else if (c.type === 'reconnect' && seat!.status === 'offline') {
            links[c.seat] = await connectLossy(room, seat!);
          } else if (c.type === 'retry') {
            for (const m of made) {
              if (!m.done && seats[m.seat]!.status === 'connected') track(m.seat, m.key);
            }
          } else if (c.type === 'pause') {
            await new Promise((r) => setTimeout(r, c.ms));
          }
        }
        // The network settles: everyone reconnects and retries what has no answer.
        await Promise.allSettled([...inFlight]);
        for (let i = 0; i < seats.length; i++) {
          if (seats[i]!.status === 'offline') links[i] = await connectLossy(room, seats[i]!);
        }
        for (const m of made) if (!m.done) track(m.seat, m.key);
        await Promise.allSettled([...inFlight]);
        expect(unexpected).toEqual([]);
        expect(made.every((m) => m.done)).toBe(true);
        await caughtUp(room, ...seats);
        const texts = room.log
          .entries()
          .filter((e) => e.kind === 'note')
          .map((e) => e.data.text as string);
        expect(texts.sort()).toEqual(made.map((m) => m.text).sort());
        for (const seat of seats) {
          expect(seat.entries().map((e) => e.hash)).toEqual(room.log.entries().map((e) => e.hash));
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
