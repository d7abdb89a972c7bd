// The seats of the room bench (room.bench.ts), in a process of their own so
// that the host's event loop is measured alone: ten headless seats over
// WebSocket, six of them sending notes round-robin at the given rate; it
// prints one JSON line with the latencies and every seat's head.
// Run by room.bench.ts: node shared/node/run-ts.mjs tests/bench/room-seats.ts <url> <code> <ms> <rate>
import { startHeadlessSeat, type HeadlessSeat } from '../../shared/node/room/headless-seat';
import type { SeatAssignment } from '../../shared/room/seat-roles';

const [url, code, msText, rateText] = process.argv.slice(2);
if (!url || !code || !msText || !rateText)
  throw new Error('usage: room-seats <url> <code> <ms> <rate>');
const durationMs = Number(msText);
const rate = Number(rateText);
const now = () => performance.timeOrigin + performance.now();

const ROSTER: [string, SeatAssignment, boolean][] = [
  ['Control 2', { role: 'controller' }, true],
  ['Operator 1', { role: 'operator' }, true],
  ['Operator 2', { role: 'operator' }, true],
  ['Operator 3', { role: 'operator' }, true],
  ['Operator 4', { role: 'operator' }, true],
  ['Evaluator', { role: 'evaluator' }, true],
  ['Projector', { role: 'observer' }, false],
  ['Liaison A', { role: 'party', parties: ['A'] }, false],
  ['Liaison B', { role: 'party', parties: ['B'] }, false],
  ['SimCell', { role: 'party', parties: ['A', 'B'] }, false],
];

const seats: HeadlessSeat[] = ROSTER.map(([name, request]) =>
  startHeadlessSeat(url, { code, name, request }, { retryMs: 50, maxRetryMs: 500 }),
);
/** Per seat: when it had verified each seq. */
const arrived = seats.map(() => new Map<number, number>());
seats.forEach((s, i) =>
  s.seat.onEntries((batch) => {
    const t = now();
    for (const e of batch) arrived[i]!.set(e.seq, t);
  }),
);
await Promise.all(seats.map((s) => s.runner.ready));
process.stdout.write('ROOM-SEATS-READY\n');

const senders = seats.filter((_, i) => ROSTER[i]![2]);
const sent: { at: number; lastSeq: number | null; error: string | null }[] = [];
const answers: Promise<void>[] = [];
const started = now();
let n = 0;
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    if (now() - started >= durationMs) {
      clearInterval(timer);
      resolve();
      return;
    }
    // Catch up to the schedule (a late timer sends the intents that were due).
    while (n < ((now() - started) / 1000) * rate) {
      const seat = senders[n % senders.length]!.seat;
      const record = { at: now(), lastSeq: null as number | null, error: null as string | null };
      sent.push(record);
      answers.push(
        seat.send({ kind: 'note', text: `bench note ${n}` }).then(
          (seq) => void (record.lastSeq = seq),
          (error: Error) => void (record.error = `${error.name}: ${error.message}`),
        ),
      );
      n++;
    }
  }, 5);
});
await Promise.all(answers);
// Settle: every seat holds the last answered seq (or 10 s pass).
const last = Math.max(0, ...sent.map((s) => s.lastSeq ?? 0));
const until = now() + 10_000;
while (now() < until && !arrived.every((m) => m.has(last))) {
  await new Promise((r) => setTimeout(r, 20));
}
const latencies = sent
  .filter((s) => s.lastSeq !== null)
  .map((s) => {
    const times = arrived.map((m) => m.get(s.lastSeq!));
    return times.every((t) => t !== undefined) ? Math.max(...(times as number[])) - s.at : Infinity;
  });
const result = {
  sent: sent.length,
  applied: sent.filter((s) => s.lastSeq !== null).length,
  errors: [...new Set(sent.flatMap((s) => (s.error ? [s.error] : [])))].slice(0, 5),
  wallMs: now() - started,
  latencies,
  heads: seats.map((s, i) => ({ name: ROSTER[i]![0], ...s.seat.head, status: s.seat.status })),
};
for (const s of seats) s.runner.stop();
process.stdout.write(`ROOM-SEATS ${JSON.stringify(result)}\n`);
process.exit(0);
