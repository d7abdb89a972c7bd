// The engine's indexed correlation (space-time grid, pruning of alerts no
// late report can reach, joins by reference) against a brute-force reading of
// the rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../shared/geo/haversine';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import { ReplayCursor } from '../../../shared/replay/cursor';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { scenarioArb } from './fixtures/arbitraries';

/** Every alert's event ids, by scanning every alert for every event. */
function bruteForce(scenario: LoadedScenario): string[][] {
  const sectors = new Set(scenario.zones.filter((z) => z.kind === 'sector').map((z) => z.id));
  const windowMs = MODEL.correlation.window_min * 60_000;
  const alerts: { events: ReplayEvent[]; last: ReplayEvent; sector: string | null }[] = [];
  for (const e of scenario.events) {
    const sector = e.zoneIds.find((id) => sectors.has(id)) ?? null;
    let best: (typeof alerts)[number] | null = null;
    let key: [number, number, string] = [Infinity, Infinity, ''];
    // A report referring to an earlier one joins its alert, whatever the distance and time.
    const referred =
      e.event.refers_to === undefined
        ? undefined
        : alerts.find((a) => a.events.some((x) => x.event.id === e.event.refers_to));
    if (referred) {
      referred.events.push(e);
      referred.sector ??= sector;
      continue;
    }
    if (e.event.lat !== undefined && e.event.lon !== undefined) {
      for (const a of alerts) {
        if (a.last.event.lat === undefined || a.last.event.lon === undefined) continue;
        const gap = Math.abs(e.at - a.last.at);
        const d = haversineKm(e.event.lat, e.event.lon, a.last.event.lat, a.last.event.lon!);
        if (gap > windowMs || d > MODEL.correlation.radius_km) continue;
        if (sector !== null && a.sector !== null && a.sector !== sector) continue;
        const id = `A-${a.events[0]!.event.id}`;
        if (d < key[0] || (d === key[0] && (gap < key[1] || (gap === key[1] && id < key[2])))) {
          best = a;
          key = [d, gap, id];
        }
      }
    }
    if (best) {
      best.events.push(e);
      if (e.at >= best.last.at) best.last = e;
      best.sector ??= sector;
    } else {
      alerts.push({ events: [e], last: e, sector });
    }
  }
  return alerts.map((a) => a.events.map((e) => e.event.id)).sort();
}

describe('indexed correlation', () => {
  it('groups events exactly as a brute-force scan of the rules does', () => {
    fc.assert(
      fc.property(scenarioArb(1, 120, 24 * 60), (scenario) => {
        const cursor = new ReplayCursor(scenario);
        cursor.advanceTo(scenario.end);
        const indexed = cursor.engine
          .all()
          .map((a) => a.eventIds)
          .sort();
        expect(indexed).toEqual(bruteForce(scenario));
      }),
      { numRuns: 500 },
    );
  });
});
