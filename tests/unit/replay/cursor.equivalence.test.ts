// Playing to T, seeking to T and stepping to T give the same alerts; seeking
// backwards restores a snapshot instead of replaying from the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, play, setSpeed, tick } from '../../../shared/replay/clock';
import { ReplayCursor } from '../../../shared/replay/cursor';
import { scenarioArb } from '../alerts/fixtures/arbitraries';
import { T0 } from '../alerts/fixtures/build-scenario';
import { lineIncidents } from '../alerts/fixtures/line-incidents';

const timeArb = fc.integer({ min: 0, max: 80 * 60 }).map((m) => T0 + m * 60_000);

function state(cursor: ReplayCursor) {
  return JSON.stringify({ position: cursor.position, alerts: cursor.engine.all() });
}

describe('replay cursor', () => {
  it('gives identical state whether it plays, seeks or steps to T', () => {
    fc.assert(
      fc.property(
        scenarioArb(1, 80),
        timeArb,
        fc.array(timeArb, { maxLength: 4 }),
        fc.integer({ min: 1, max: 20 }),
        (scenario, target, detours, every) => {
          // Play: the clock ticks at 300× with uneven frames.
          const played = new ReplayCursor(scenario, { snapshotEvery: every });
          let clock = play(setSpeed(createClock(T0 - 60_000, target), 3600));
          for (let frame = 0; clock.playing; frame++) {
            clock = tick(clock, [16, 33, 250, 5000][frame % 4]!);
            played.advanceTo(clock.now);
          }
          // Seek: wander forwards and backwards first, then go to T.
          const sought = new ReplayCursor(scenario, { snapshotEvery: every });
          for (const t of detours) sought.seek(t);
          sought.seek(target);
          // Step: event by event, then the rest of the way.
          const stepped = new ReplayCursor(scenario, { snapshotEvery: every });
          for (;;) {
            const next = stepped.nextEventTime();
            if (next === null || next > target) break;
            stepped.stepToNextEvent();
          }
          stepped.advanceTo(target);

          expect(state(sought)).toBe(state(played));
          expect(state(stepped)).toBe(state(played));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('delivers every event shown at or before T, and none after', () => {
    fc.assert(
      fc.property(scenarioArb(1, 60), timeArb, (scenario, time) => {
        const cursor = new ReplayCursor(scenario);
        cursor.advanceTo(time);
        const delivered = cursor.engine.all().flatMap((a) => a.eventSeqs);
        const expected = scenario.events.filter((e) => e.shownAt <= time).map((e) => e.seq);
        expect([...delivered].sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('steps to the next alert, and can tell when it will come without moving', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario);
    const peeked = cursor.peekNextAlertTime();
    expect(cursor.position).toBe(0);
    const step = cursor.stepToNextAlert()!;
    expect(step.time).toBe(peeked);
    expect(step.changes[0]).toMatchObject({ kind: 'alert-opened', alertId: 'A-sat-0001' });
    // The drone report joins the MLRS alert; the next opening is the shelling.
    const second = cursor.stepToNextAlert()!;
    expect(second.changes.filter((c) => c.kind === 'alert-opened').map((c) => c.alertId)).toEqual([
      'A-gs-0001',
    ]);
    expect(
      second.changes.some((c) => c.kind === 'event-joined' && c.alertId === 'A-sat-0001'),
    ).toBe(true);
  });

  it('seeks backwards from the nearest snapshot, and forgets snapshots an action made stale', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 2 });
    cursor.advanceTo(scenario.end);
    expect(cursor.snapshotCount).toBe(1 + Math.floor(scenario.events.length / 2));
    cursor.seek(Date.parse('2026-03-01T06:00:00.000Z'));
    expect(cursor.position).toBe(2);
    cursor.close('A-sat-0001');
    expect(cursor.snapshotCount).toBe(1);
    cursor.advanceTo(scenario.end);
    expect(cursor.engine.get('A-sat-0001')!.closed).toBe(true);
    expect(() => cursor.advanceTo(T0)).toThrow(/use seek/);
  });
});
