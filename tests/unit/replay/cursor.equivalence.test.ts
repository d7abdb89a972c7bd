// Playing to T, seeking to T and stepping to T give the same alerts; seeking
// backwards restores a snapshot instead of replaying from the start, with the
// events injected on the way where the exercise clock met them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplayCursor } from '../../../shared/replay/cursor';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { scenarioArb } from '../alerts/fixtures/arbitraries';
import { T0 } from '../alerts/fixtures/build-scenario';
import { lineIncidents } from '../alerts/fixtures/line-incidents';

const timeArb = fc.integer({ min: 0, max: 80 * 60 }).map((m) => T0 + m * 60_000);

function state(cursor: ReplayCursor) {
  return JSON.stringify({
    position: cursor.position,
    injected: cursor.injected.map((e) => e.event.id),
    alerts: cursor.engine.all(),
  });
}

/** A controller's inject at `time`, beside one of the scenario's events (so it may correlate). */
function injectAt(scenario: LoadedScenario, time: number, id: string, near: number): ReplayEvent {
  const beside = scenario.events[near % scenario.events.length]!;
  return {
    seq: scenario.events.length + Number(id.slice('inject-'.length)),
    at: time,
    shownAt: time,
    event: {
      id,
      time: new Date(time).toISOString(),
      source: 'inject',
      type: 'inject',
      summary: 'Party A reports shelling',
      ...(beside.event.lat !== undefined ? { lat: beside.event.lat, lon: beside.event.lon } : {}),
    },
    zoneIds: beside.zoneIds,
    lineDistanceKm: beside.lineDistanceKm,
    settlementId: beside.settlementId,
    settlementDistanceKm: beside.settlementDistanceKm,
  };
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
          // Play: the clock runs in uneven slices, as ticks move it.
          const played = new ReplayCursor(scenario, { snapshotEvery: every });
          for (let t = T0 - 60_000, frame = 0; t < target; frame++) {
            t = Math.min(target, t + [16, 33, 250, 5000][frame % 4]! * 3600);
            played.advanceTo(t);
          }
          // Seek: wander forwards and backwards first, then go to T.
          const sought = new ReplayCursor(scenario, { snapshotEvery: every });
          for (const t of detours) sought.seek(t);
          sought.seek(target);
          // Step: event by event, as the exercise engine shows them, then the rest of the way.
          const stepped = new ReplayCursor(scenario, { snapshotEvery: every });
          while ((stepped.peek()?.shownAt ?? Infinity) <= target) stepped.showNext();
          stepped.advanceTo(target);

          expect(state(sought)).toBe(state(played));
          expect(state(stepped)).toBe(state(played));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with injects, seeking back and forth ends where a straight replay of what remains ends', () => {
    // Twelve busy hours, so that injects land beside events, often at the same instant.
    const denseTime = fc.integer({ min: 0, max: 14 * 60 }).map((m) => T0 + m * 60_000);
    const move = fc.record({
      kind: fc.constantFrom('advance', 'seek', 'inject', 'inject'),
      time: denseTime,
      near: fc.nat(),
    });
    fc.assert(
      fc.property(
        scenarioArb(1, 60, 12 * 60),
        fc.array(move, { maxLength: 12 }),
        denseTime,
        fc.integer({ min: 1, max: 6 }),
        (scenario, moves, target, every) => {
          const cursor = new ReplayCursor(scenario, { snapshotEvery: every });
          // What the history should hold: an inject stays unless a seek goes back before it.
          let expected: ReplayEvent[] = [];
          let made = 0;
          for (const m of moves) {
            if (m.kind === 'seek') {
              cursor.seek(m.time);
              expected = expected.filter((e) => e.shownAt <= m.time);
            } else {
              // An inject comes at the instant of the event it is beside, when the clock allows.
              const beside = scenario.events[m.near % scenario.events.length]!;
              const time = Math.max(cursor.time, m.kind === 'inject' ? beside.shownAt : m.time);
              cursor.advanceTo(time);
              if (m.kind === 'inject') {
                const inject = injectAt(scenario, time, `inject-${made++}`, m.near);
                cursor.inject(inject);
                expected.push(inject);
              }
            }
          }
          cursor.seek(target);
          expected = expected.filter((e) => e.shownAt <= target);
          expect(cursor.injected.map((e) => e.event.id)).toEqual(expected.map((e) => e.event.id));

          // The same history, replayed once from the start with no snapshot.
          const straight = new ReplayCursor(scenario, { snapshotEvery: Infinity });
          for (const inject of expected) {
            straight.advanceTo(inject.shownAt);
            straight.inject(inject);
          }
          straight.advanceTo(target);
          expect(state(cursor)).toBe(state(straight));
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

  it('seeks backwards from the nearest snapshot, and refuses to once an action was taken', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 2 });
    cursor.advanceTo(scenario.end);
    expect(cursor.snapshotCount).toBe(1 + Math.floor(scenario.events.length / 2));
    cursor.seek(Date.parse('2026-03-01T06:00:00.000Z'));
    expect(cursor.position).toBe(2);
    // Going back over the same history takes no second copy of a snapshot.
    cursor.advanceTo(scenario.end);
    expect(cursor.snapshotCount).toBe(1 + Math.floor(scenario.events.length / 2));
    cursor.seek(Date.parse('2026-03-01T06:00:00.000Z'));
    cursor.close('A-sat-0001');
    expect(cursor.snapshotCount).toBe(0);
    cursor.advanceTo(scenario.end);
    expect(cursor.snapshotCount).toBe(0);
    expect(cursor.engine.get('A-sat-0001')!.closed).toBe(true);
    expect(() => cursor.advanceTo(T0)).toThrow(/use seek/);
    expect(() => cursor.seek(T0)).toThrow(
      /cannot seek back to 2026-03-01T00:00:00.000Z: alerts were closed, linked or put under protocol/,
    );
  });

  it('after an inject, a seek back does not restore a snapshot taken ahead of it on an earlier pass', () => {
    const scenario = lineIncidents();
    const minute = (m: number) => T0 + m * 60_000;
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 1 });
    cursor.advanceTo(minute(700));
    cursor.seek(minute(340));
    // Beside the drone report shown at minute 350: it joins the satellite's alert before the drone.
    const uav = scenario.events.findIndex((e) => e.event.id === 'uav-0001');
    const inject = injectAt(scenario, minute(340), 'inject-0', uav);
    cursor.inject(inject);
    cursor.advanceTo(minute(700));
    cursor.seek(minute(360));

    const straight = new ReplayCursor(scenario, { snapshotEvery: Infinity });
    straight.advanceTo(minute(340));
    straight.inject(inject);
    straight.advanceTo(minute(360));
    expect(straight.engine.get('A-sat-0001')!.eventIds).toEqual([
      'sat-0001',
      'inject-0',
      'uav-0001',
    ]);
    expect(state(cursor)).toBe(state(straight));
  });

  it('takes an inject only where the clock stands, after the events due by then', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario);
    const first = scenario.events[0]!;
    cursor.advanceTo(first.shownAt - 1);
    expect(() => cursor.inject(injectAt(scenario, first.shownAt, 'inject-0', 0))).toThrow(
      `event "inject-0" injected at ${new Date(first.shownAt).toISOString()}: scenario event "${first.event.id}" shown at ${new Date(first.shownAt).toISOString()} must be shown first`,
    );
    cursor.advanceTo(first.shownAt);
    expect(() => cursor.inject(injectAt(scenario, first.shownAt - 1, 'inject-0', 0))).toThrow(
      /is before the replay time/,
    );
    cursor.inject(injectAt(scenario, first.shownAt, 'inject-0', 0));
    expect(cursor.injected.map((e) => e.event.id)).toEqual(['inject-0']);
  });
});
