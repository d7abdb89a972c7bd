// Invariant 11 of docs/ALERTS-AND-SEVERITY.md (version 2) over generated
// scenarios — total, deterministic order of active, cleared and quiet alerts;
// no peeking — plus the agreement of the incremental engine with from-scratch
// scoring and with a full sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAlerts } from '../../../shared/alerts/alert-engine';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import { ReplayCursor } from '../../../shared/replay/cursor';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { scenarioArb } from './fixtures/arbitraries';
import { buildScenario, T0, at } from './fixtures/build-scenario';
import { ZONES } from './fixtures/line-incidents';
import { alertOf } from './fixtures/score-helpers';

const RUNS = { numRuns: 400 };
const STATE = { active: 0, cleared: 1, quiet: 2, closed: 3 } as const;
const timeArb = fc.integer({ min: -60, max: 80 * 60 }).map((m) => T0 + m * 60_000);

function rankAt(scenario: LoadedScenario, time: number) {
  const cursor = new ReplayCursor(scenario);
  cursor.advanceTo(time);
  return cursor.engine.all();
}

describe('invariant 11: ranking is total and deterministic', () => {
  it('orders active, then cleared, then quiet; gravity desc, certainty desc, first time asc, id asc; no ties', () => {
    fc.assert(
      fc.property(scenarioArb(1, 60), timeArb, (scenario, time) => {
        const ranked = rankAt(scenario, time);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(compareAlerts(a, b)).toBeLessThan(0);
          if (a.state !== b.state) expect(STATE[a.state]).toBeLessThan(STATE[b.state]);
          else if (a.gravity !== b.gravity) expect(a.gravity).toBeGreaterThan(b.gravity);
          else if (a.certainty !== b.certainty) expect(a.certainty).toBeGreaterThan(b.certainty);
          else if (a.firstAt !== b.firstAt) expect(a.firstAt).toBeLessThan(b.firstAt);
          else expect(a.id < b.id).toBe(true);
        }
        // Cleared wins over quiet.
        for (const a of ranked) if (a.cleared) expect(a.state).toBe('cleared');
      }),
      RUNS,
    );
  });

  it('example: an active low alert, a cleared critical one, a quiet one, and a closed one', () => {
    const ev = (id: string, minute: number, lat: number, more: Partial<ScenarioEvent>) =>
      ({
        id,
        time: at(minute),
        source: 'drone',
        type: 'explosion',
        lat,
        lon: -119.0,
        ...more,
      }) as ScenarioEvent;
    const scenario = buildScenario(
      [
        ev('quiet', 0, -42.7, { type: 'artillery-fire', killed: 10 }),
        ev('crit', 300, -43.0, { civilian_killed: 6, type: 'casualty-report' }),
        ev('crit-clear', 310, -43.0, {
          source: 'observer',
          assessment: 'clears',
          refers_to: 'crit',
          type: 'casualty-report',
        }),
        ev('low', 320, -43.3, { type: 'small-arms-fire' }),
        ev('gone', 320, -43.5, { type: 'mortar-fire' }),
      ],
      [...ZONES],
    );
    const cursor = new ReplayCursor(scenario);
    cursor.advanceTo(T0 + 330 * 60_000);
    cursor.close('A-gone');
    expect(cursor.engine.top(10).map((a) => [a.id, a.state])).toEqual([
      ['A-low', 'active'],
      ['A-crit', 'cleared'],
      ['A-quiet', 'quiet'],
    ]);
    expect(cursor.engine.get('A-crit')!.severity).toBe('critical');
    expect(rankAlertsAt(scenario, T0 + 330 * 60_000).map((a) => a.id)).toContain('A-gone');
  });

  it('gives byte-identical output on every run, whatever order the events were listed in', () => {
    fc.assert(
      fc.property(scenarioArb(1, 40), timeArb, (scenario, time) => {
        const again = buildScenario(
          [...scenario.events].reverse().map((e) => e.event),
          [...scenario.zones],
        );
        expect(JSON.stringify(rankAt(again, time))).toBe(JSON.stringify(rankAt(scenario, time)));
      }),
      { numRuns: 200 },
    );
  });

  it('top(n) is the first n open alerts of the full order, after any mix of actions', () => {
    const action = fc.record({
      minute: fc.integer({ min: 0, max: 80 * 60 }),
      kind: fc.constantFrom('close', 'protocol-on', 'protocol-off', 'none'),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(
        scenarioArb(1, 60),
        fc.array(action, { maxLength: 8 }),
        fc.integer({ min: 1, max: 10 }),
        (scenario, actions, n) => {
          const cursor = new ReplayCursor(scenario);
          for (const a of [...actions].sort((x, y) => x.minute - y.minute)) {
            cursor.advanceTo(T0 + a.minute * 60_000);
            const ids = cursor.engine.all().map((v) => v.id);
            if (ids.length === 0 || a.kind === 'none') continue;
            const id = ids[a.pick % ids.length]!;
            if (a.kind === 'close') cursor.close(id);
            else cursor.setProtocolActive(id, a.kind === 'protocol-on');
            const open = cursor.engine.all().filter((v) => !v.closed);
            expect(cursor.engine.top(n).map((v) => v.id)).toEqual(
              open.slice(0, n).map((v) => v.id),
            );
          }
          cursor.advanceTo(T0 + 80 * 60 * 60_000);
          const open = cursor.engine.all().filter((v) => !v.closed);
          expect(cursor.engine.top(n).map((v) => v.id)).toEqual(open.slice(0, n).map((v) => v.id));
          // An alert under an active protocol step never goes quiet.
          for (const v of cursor.engine.all())
            if (v.protocolActive && !v.closed) expect(v.quiet).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scores each alert as if scored from scratch on its events', () => {
    fc.assert(
      fc.property(scenarioArb(1, 60), (scenario) => {
        const cursor = new ReplayCursor(scenario);
        cursor.advanceTo(scenario.end);
        const bySeq = scenario.events;
        for (const view of cursor.engine.all()) {
          const scratch = alertOf(
            view.eventSeqs.map((s) => bySeq[s]!),
            ZONES,
            MODEL,
          );
          expect(view.gravity).toBe(scratch.measures.gravity);
          expect(view.certainty).toBe(scratch.measures.certainty);
          expect(view.certaintyBand).toBe(scratch.measures.certaintyBand);
          expect(view.factors.map((f) => f.contribution)).toEqual(
            scratch.factors.map((l) => l.contribution),
          );
          expect(view.certaintyFactors.map((f) => f.reason)).toEqual(
            scratch.certaintyFactors.map((l) => l.reason),
          );
        }
      }),
      RUNS,
    );
  });
});

describe('invariant 11: no peeking', () => {
  it('ranks at T the same whatever happens after T', () => {
    fc.assert(
      fc.property(scenarioArb(1, 50), scenarioArb(0, 20), timeArb, (scenario, later, time) => {
        const shown = scenario.events.filter((e) => e.shownAt <= time).map((e) => e.event);
        // Replace everything not yet shown by other events, all shown after T.
        const future = later.events.map((e, i) => ({
          ...e.event,
          id: `f-${i}`,
          time: new Date(Math.max(e.at, time + 1)).toISOString(),
          reported: undefined,
        }));
        const other = buildScenario([...shown, ...future], [...scenario.zones]);
        expect(JSON.stringify(rankAt(other, time))).toBe(JSON.stringify(rankAt(scenario, time)));
      }),
      RUNS,
    );
  });
});
