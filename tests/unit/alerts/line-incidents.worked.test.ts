// Worked examples on a hand-made scenario with the incidents of the line-72h
// sample: what a trainer should see at the end of the replay, gravity and
// certainty each with its reasons.
import { describe, expect, it } from 'vitest';
import { ReplayCursor } from '../../../shared/replay/cursor';
import { lineIncidents } from './fixtures/line-incidents';

describe('the line incidents, ranked at the end of the exercise', () => {
  const scenario = lineIncidents();
  const cursor = new ReplayCursor(scenario);
  cursor.advanceTo(scenario.end);
  const ranked = cursor.engine.all();
  const byId = new Map(ranked.map((a) => [a.id, a]));

  it('puts the shelling of Ardell with casualties first: critical, confirmed, with the range shown', () => {
    const shelling = ranked[0]!;
    expect(shelling.id).toBe('A-gs-0001');
    expect([shelling.severity, shelling.certaintyBand]).toEqual(['critical', 'confirmed']);
    const labels = shelling.factors.map((f) => f.label);
    expect(labels).toContain('3 killed (2–5) (observer report obs-0001)');
    expect(labels).toContain('Explosion in Ardell (settlement)');
    expect(shelling.certaintyFactors.map((f) => f.label)).toEqual([
      'ground-sensor report gs-0001: confidence 0.70 × reliability 1.00 × location 1.00',
      'observer report obs-0001: confidence 0.85 × reliability 1.00 × location 1.00',
      '2 independent source kinds agree (ground-sensor, observer)',
    ]);
  });

  it('ranks the MLRS seen in Exclusion Zone 2 by satellite and drone high and confirmed, and explains why', () => {
    const mlrs = byId.get('A-sat-0001')!;
    expect(mlrs.eventIds).toEqual(['sat-0001', 'uav-0001']);
    expect([mlrs.severity, mlrs.certaintyBand]).toEqual(['high', 'confirmed']);
    expect(mlrs.title).toBe('Heavy weapon sighting (MLRS) — Exclusion Zone 2, Sector North');
    expect(mlrs.factors.find((f) => f.factor === 'place')!.reason).toMatch(
      /^MLRS inside Exclusion Zone 2 \(prohibited there\): \+\d+(\.\d)?$/,
    );
    // Seen, not firing: no floor; the second source raises certainty, not gravity.
    expect(mlrs.factors.map((f) => f.factor)).not.toContain('floor');
  });

  it('keeps the jammed drone medium, the tractor column low and the crop-fire hotspots info', () => {
    expect(byId.get('A-uav-0002')!.severity).toBe('medium');
    expect(byId.get('A-obs-0002')!.severity).toBe('low');
    expect(byId.get('A-sat-0002')!.severity).toBe('info');
    expect(byId.get('A-sat-0002')!.eventIds).toEqual(['sat-0002', 'sat-0003']);
  });

  it('shows only what was shown: before the drone report the MLRS alert is one satellite event', () => {
    const early = new ReplayCursor(scenario);
    early.advanceTo(Date.parse('2026-03-01T05:45:00.000Z'));
    const [first] = early.engine.all();
    expect(first!.eventIds).toEqual(['sat-0001']);
    expect(first!.certaintyBand).toBe('confirmed');
    expect(first!.certainty).toBeLessThan(byId.get('A-sat-0001')!.certainty);
  });
});
