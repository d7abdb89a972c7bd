// Property: whatever states are set, replaced, deleted or cleared, and
// whenever the timers are recomputed, TimerMap's earliest timer is the one a
// scan of every current state finds (the engine's former way), and each
// state's timer is computed once until it is replaced or recomputed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerMap } from '../../../shared/exercise/timer-map';

/** A state: immutable, its timer `at` (null: none); `bias` shifts every timer after a recompute. */
interface State {
  at: number | null;
}
interface Timer {
  at: number;
  key: string;
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.key < b.key);

type Op =
  | { op: 'set'; key: string; at: number | null }
  | { op: 'delete'; key: string }
  | { op: 'clear' }
  | { op: 'shift'; by: number }
  | { op: 'ask' };

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      key,
      at: fc.option(fc.integer({ min: 0, max: 20 })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), key }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('shift' as const),
      by: fc.integer({ min: -5, max: 5 }),
    }),
  },
  { weight: 4, arbitrary: fc.constant({ op: 'ask' as const }) },
);

function scan(states: ReadonlyMap<string, State>, shift: number): Timer | null {
  let best: Timer | null = null;
  for (const [k, s] of states) {
    if (s.at === null) continue;
    const t = { at: s.at + shift, key: k };
    if (best === null || before(t, best)) best = t;
  }
  return best;
}

describe('TimerMap', () => {
  it('finds the timer a scan of every current state finds, after any changes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        // The timers also depend on `shift`, outside the states: recompute() is how that is told.
        let shift = 0;
        const map = new TimerMap<string, State, Timer>(
          (k, s) => (s.at === null ? null : { at: s.at + shift, key: k }),
          before,
        );
        for (const o of ops) {
          if (o.op === 'set') map.set(o.key, { at: o.at });
          else if (o.op === 'delete') map.delete(o.key);
          else if (o.op === 'clear') {
            map.clear();
            expect(map.size).toBe(0);
          } else if (o.op === 'shift') {
            shift += o.by;
            map.recompute();
          } else expect(map.earliest()).toEqual(scan(map, shift));
        }
        expect(map.earliest()).toEqual(scan(map, shift));
      }),
      { numRuns: 500 },
    );
  });

  it('still agrees with a scan after so many replacements that it drops its stale timers', () => {
    // Past 64 + twice the live states, the queue keeps only the current timers
    // and is re-ordered: a long run of replacements of a few keys gets there.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 1000 })), {
          minLength: 150,
          maxLength: 300,
        }),
        (sets) => {
          const map = new TimerMap<string, State, Timer>(
            (k, s) => (s.at === null ? null : { at: s.at, key: k }),
            before,
          );
          for (const [k, at] of sets) {
            map.set(k, { at });
            expect(map.earliest()).toEqual(scan(map, 0));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("drops a replaced state's timer even when the same object is set back later", () => {
    const map = new TimerMap<string, State, Timer>(
      (k, s) => (s.at === null ? null : { at: s.at, key: k }),
      before,
    );
    const early = { at: 1 };
    map.set('a', early).set('b', { at: 5 });
    expect(map.earliest()).toEqual({ at: 1, key: 'a' });
    map.set('a', { at: 9 });
    expect(map.earliest()).toEqual({ at: 5, key: 'b' });
    map.set('a', early);
    expect(map.earliest()).toEqual({ at: 1, key: 'a' });
    map.delete('a');
    map.delete('b');
    expect(map.earliest()).toBeNull();
  });

  it("computes a state's timer once, not once per question", () => {
    let computed = 0;
    const map = new TimerMap<string, State, Timer>((k, s) => {
      computed++;
      return s.at === null ? null : { at: s.at, key: k };
    }, before);
    for (let i = 0; i < 1000; i++) map.set(`k${i}`, { at: i });
    for (let i = 0; i < 100; i++) map.earliest();
    expect(computed).toBe(1000);
    map.set('k0', { at: 2000 });
    expect(map.earliest()).toEqual({ at: 1, key: 'k1' });
    expect(computed).toBe(1001);
    // Setting the very state a key already holds (the engine does, for a run it did not change).
    map.set('k5', map.get('k5')!);
    expect(map.earliest()).toEqual({ at: 1, key: 'k1' });
    expect(computed).toBe(1001);
  });
});
