// Invariants 6 and 7 of docs/ALERTS-AND-SEVERITY.md over generated scenarios, plus
// the agreement of the incremental engine with from-scratch scoring and with
// a full sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAlerts } from '../../../shared/alerts/alert-engine';
import { scoreAlertEvents } from '../../../shared/alerts/alert-score';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import { ReplayCursor } from '../../../shared/replay/cursor';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { scenarioArb } from './fixtures/arbitraries';
import { buildScenario, T0 } from './fixtures/build-scenario';
import { ZONES } from './fixtures/line-incidents';

const RUNS = { numRuns: 400 };
const ZONES_BY_ID = new Map(ZONES.map((z) => [z.id, z]));
const timeArb = fc.integer({ min: -60, max: 80 * 60 }).map((m) => T0 + m * 60_000);

function rankAt(scenario: LoadedScenario, time: number) {
  const cursor = new ReplayCursor(scenario);
  cursor.advanceTo(time);
  return cursor.engine.all();
}

describe('invariant 6: ranking is total and deterministic', () => {
  it('orders active before quiet, then score desc, first time asc, id asc, with no ties', () => {
    fc.assert(
      fc.property(scenarioArb(1, 60), timeArb, (scenario, time) => {
        const ranked = rankAt(scenario, time);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(compareAlerts(a, b)).toBeLessThan(0);
          if (a.quiet !== b.quiet) expect(a.quiet).toBe(false);
          else if (a.score !== b.score) expect(a.score).toBeGreaterThan(b.score);
          else if (a.firstAt !== b.firstAt) expect(a.firstAt).toBeLessThan(b.firstAt);
          else expect(a.id < b.id).toBe(true);
        }
      }),
      RUNS,
    );
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
          const scratch = scoreAlertEvents(
            MODEL,
            ZONES_BY_ID,
            view.eventSeqs.map((s) => bySeq[s]!),
          );
          expect(view.score).toBe(scratch.score);
          expect(view.factors.map((f) => f.contribution)).toEqual(
            scratch.lines.map((l) => l.contribution),
          );
        }
      }),
      RUNS,
    );
  });
});

describe('invariant 7: no peeking', () => {
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
