// Worked examples on the shipped sample sample-feeds/line-72h, loaded from its
// real files: what the trainer's answer key expects of gravity, certainty and
// the ranking (docs/ALERTS-AND-SEVERITY.md, version 2).
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
  it('puts the shelling of Kerrow first on day 1, critical and confirmed, with the civilian dead as its harm', async () => {
    const scenario = await sample();
    const [first, second] = rankAlertsAt(scenario, Date.parse('2027-03-09T06:15:00Z'));
    expect([first!.id, first!.severity, first!.certaintyBand]).toEqual([
      'A-GND-KER-IMPACT-1',
      'critical',
      'confirmed',
    ]);
    expect(first!.eventIds).toContain('OBS-KER-CASUALTIES-1');
    expect(first!.factors.find((f) => f.factor === 'harm')!.label).toBe(
      '3 killed (2–4), 3 of them civilians; 7 injured, 7 of them civilians (observer report OBS-KER-CASUALTIES-1)',
    );
    // The guns, 8 km away inside the 50 km artillery zone, are their own alert: also critical.
    expect([second!.id, second!.severity]).toEqual(['A-GND-KER-ORIGIN-1', 'critical']);
    expect(second!.factors.find((f) => f.factor === 'place')!.label).toMatch(
      /^Artillery (firing from )?inside Artillery exclusion zone \(50 km\)/,
    );
  });

  it('ranks the MLRS near Marrin first on day 2: high and confirmed in firing positions, critical once it fired', async () => {
    const scenario = await sample();
    const early = rankAlertsAt(scenario, Date.parse('2027-03-09T20:20:00Z'));
    const imageryOnly = early.find((a) => a.id === 'A-SAT-S2-MLRS-1')!;
    expect(imageryOnly.eventIds).toEqual(['SAT-S2-MLRS-1']);
    expect([imageryOnly.severity, imageryOnly.certaintyBand]).toEqual(['high', 'probable']);
    const [top] = rankAlertsAt(scenario, Date.parse('2027-03-09T22:30:00Z'));
    expect(top!.id).toBe('A-SAT-S2-MLRS-1');
    expect([top!.severity, top!.certaintyBand]).toEqual(['critical', 'confirmed']);
    expect(top!.factors.find((f) => f.factor === 'place')!.label).toBe(
      'MLRS inside MLRS exclusion zone (70 km) (prohibited there)',
    );
    // Five reports from four kinds raise certainty, never gravity.
    expect(top!.certaintyFactors.find((f) => f.factor === 'agreement')!.label).toBe(
      '4 independent source kinds agree (satellite, drone, ground-sensor, observer)',
    );
  });

  it('clears the harvester column and the crop fires, and keeps every cleared alert below the active ones', async () => {
    const scenario = await sample();
    const ranked = rankAlertsAt(scenario, scenario.end);
    const byEvent = (id: string) => ranked.find((a) => a.eventIds.includes(id))!;
    for (const falseAlarm of ['DRN-COLUMN-S5-1', 'SAT-FIRE-S1-1']) {
      const alert = byEvent(falseAlarm);
      expect([alert.state, alert.certainty, alert.certaintyBand]).toEqual([
        'cleared',
        0,
        'cleared',
      ]);
      const index = ranked.indexOf(alert);
      expect(ranked.slice(0, index).every((a) => a.state !== 'quiet')).toBe(true);
    }
    expect(byEvent('SAT-FIRE-S5-1').severity).toBe('info');
    for (const incident of ['SAT-S2-MLRS-1', 'GND-KER-IMPACT-1', 'GND-S1-TANK-1']) {
      expect(byEvent(incident).severity).toBe('critical');
    }
  });
});
