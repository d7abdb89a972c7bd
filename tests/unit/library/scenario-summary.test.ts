import { describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { summariseScenario } from '../../../renderer/src/library/scenario-summary';

describe('summariseScenario', () => {
  it('counts every event once under its source, in the schema order, on a real package', async () => {
    const outcome = await loadScenarioFromPath('tests/fixtures/scenarios/small');
    if (outcome.kind !== 'scenario' || !outcome.ok) throw new Error('fixture does not load');
    const summary = summariseScenario(outcome.scenario);
    expect(summary.eventCount).toBe(outcome.scenario.events.length);
    expect(summary.bySource.reduce((n, s) => n + s.count, 0)).toBe(summary.eventCount);
    expect(summary.bySource.map((s) => s.source)).toEqual([
      'satellite',
      'drone',
      'ground-sensor',
      'observer',
      'open-source',
      'inject',
    ]);
    for (const { source, count } of summary.bySource) {
      expect(count).toBe(outcome.scenario.events.filter((e) => e.event.source === source).length);
    }
    expect(summary.hashShort).toBe(outcome.scenario.hash.slice(0, 12));
    expect(summary.hasBriefing).toBe(true);
  });
});
