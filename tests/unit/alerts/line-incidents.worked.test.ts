// Worked examples on a hand-made scenario with the incidents of the line-72h
// sample: what a trainer should see at the end of the replay.
import { describe, expect, it } from 'vitest';
import { ReplayCursor } from '../../../shared/replay/cursor';
import { lineIncidents } from './fixtures/line-incidents';

describe('the line incidents, ranked at the end of the exercise', () => {
  const scenario = lineIncidents();
  const cursor = new ReplayCursor(scenario);
  cursor.advanceTo(scenario.end);
  const ranked = cursor.engine.all();
  const byId = new Map(ranked.map((a) => [a.id, a]));

  it('puts the corroborated MLRS in Exclusion Zone 2 first, as critical, and explains why', () => {
    const mlrs = ranked[0]!;
    expect(mlrs.id).toBe('A-sat-0001');
    expect(mlrs.severity).toBe('critical');
    expect(mlrs.eventIds).toEqual(['sat-0001', 'uav-0001']);
    expect(mlrs.sources).toEqual(['satellite', 'drone']);
    expect(mlrs.title).toBe('Heavy weapon sighting (MLRS) — Exclusion Zone 2, Sector North');
    const breach = mlrs.factors.find((f) => f.factor === 'zone-breach')!;
    expect(breach.reason).toMatch(
      /^MLRS inside Exclusion Zone 2 \(prohibited there\): \+\d+(\.\d)?$/,
    );
    expect(mlrs.factors.find((f) => f.factor === 'corroboration')!.reason).toBe(
      '2 independent source kinds (satellite, drone): +18',
    );
  });

  it('ranks the shelling of Ardell with casualties high, second, with the casualty range shown', () => {
    const shelling = ranked[1]!;
    expect(shelling.id).toBe('A-gs-0001');
    expect(shelling.severity).toBe('high');
    expect(shelling.factors.find((f) => f.factor === 'casualties')!.reason).toMatch(
      /^Casualties 3 \(range 2–5\): \+/,
    );
    expect(shelling.factors.some((f) => f.reason.startsWith('Inside Ardell:'))).toBe(true);
  });

  it('keeps the crop-fire hotspots low, the jammed drone and the tractor column below medium', () => {
    expect(byId.get('A-sat-0002')!.severity).toBe('low');
    expect(byId.get('A-sat-0002')!.eventIds).toEqual(['sat-0002', 'sat-0003']);
    expect(['low', 'info']).toContain(byId.get('A-uav-0002')!.severity);
    expect(['low', 'info']).toContain(byId.get('A-obs-0002')!.severity);
  });

  it('shows only what was shown: before the drone report the MLRS alert is one satellite event', () => {
    const early = new ReplayCursor(scenario);
    early.advanceTo(Date.parse('2026-03-01T05:45:00.000Z'));
    const [first] = early.engine.all();
    expect(first!.eventIds).toEqual(['sat-0001']);
    expect(first!.severity).not.toBe('critical');
  });
});
