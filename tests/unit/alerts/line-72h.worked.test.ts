// Worked examples on the shipped sample sample-feeds/line-72h, loaded from
// its real files: what the trainer's answer key expects of the ranking.
import { describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';

async function sample(): Promise<LoadedScenario> {
  const loaded = await loadScenarioFromPath('sample-feeds/line-72h');
  if (!loaded.ok || loaded.kind !== 'scenario')
    throw new Error('sample-feeds/line-72h did not load');
  return loaded.scenario;
}

describe('sample-feeds/line-72h, ranked', () => {
  it('puts the MLRS near Marrin first and critical once the drone has confirmed it', async () => {
    const scenario = await sample();
    const ranked = rankAlertsAt(scenario, Date.parse('2027-03-09T22:30:00Z'));
    expect(ranked[0]!.id).toBe('A-SAT-S2-MLRS-1');
    expect(ranked[0]!.severity).toBe('critical');
    expect(ranked[0]!.eventIds).toContain('DRN-S2-MLRS-1');
    expect(
      ranked[0]!.factors.some(
        (f) => f.factor === 'zone-breach' && f.reason.startsWith('MLRS inside'),
      ),
    ).toBe(true);
    // On imagery alone, before the drone, it is not yet critical.
    const early = rankAlertsAt(scenario, Date.parse('2027-03-09T20:20:00Z'));
    const imageryOnly = early.find((a) => a.id === 'A-SAT-S2-MLRS-1')!;
    expect(imageryOnly.eventIds).toEqual(['SAT-S2-MLRS-1']);
    expect(imageryOnly.severity).not.toBe('critical');
  });

  it('keeps the crop-fire hotspots low and the confirmed incidents above every false alarm', async () => {
    const scenario = await sample();
    const ranked = rankAlertsAt(scenario, scenario.end);
    const byEvent = (id: string) => ranked.find((a) => a.eventIds.includes(id))!;
    expect(byEvent('SAT-FIRE-S1-1').severity).toBe('low');
    expect(byEvent('SAT-FIRE-S5-1').severity).toBe('low');
    for (const incident of ['SAT-S2-MLRS-1', 'GND-KER-IMPACT-1', 'GND-S1-TANK-1']) {
      expect(byEvent(incident).severity).toBe('critical');
    }
    for (const falseAlarm of ['SAT-FIRE-S1-1', 'DRN-COLUMN-S5-1']) {
      expect(byEvent(falseAlarm).score).toBeLessThan(byEvent('SAT-S2-MLRS-1').score);
      expect(['low', 'medium', 'info']).toContain(byEvent(falseAlarm).severity);
    }
  });
});
