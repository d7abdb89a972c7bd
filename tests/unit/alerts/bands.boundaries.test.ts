// The bands at their exact boundaries (docs/ALERTS-AND-SEVERITY.md): gravity
// critical >= 80, high >= 60, medium >= 40, low >= 20, info below; certainty
// confirmed >= 0.8, probable >= 0.6, possible >= 0.35, unconfirmed below, and
// cleared. Both measures are rounded once (gravity to 0.1, certainty to 0.01)
// and banded on the rounded value — checked end to end through a model whose
// one factor is set to land on each boundary.
import { describe, expect, it } from 'vitest';
import { certaintyBandOf, severityOf } from '../../../shared/alerts/alert-score';
import {
  BUILTIN_SCORING_MODEL,
  parseScoringModel,
  type ScoringModel,
} from '../../../shared/alerts/scoring-model';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { T0 } from './fixtures/build-scenario';
import { scoreEvents } from './fixtures/score-helpers';

/** A model where an explosion scores `act` and nothing else, located precisely. */
function modelWithAct(act: number): ScoringModel {
  const doc = structuredClone(BUILTIN_SCORING_MODEL) as ScoringModel;
  doc.event_types.explosion = { label: 'Explosion', act, role: 'note' };
  doc.precision.scale_m = 1e15;
  const parsed = parseScoringModel(doc, 'test.json');
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.model;
}

const lone = (confidence = 0.5): ScenarioEvent[] => [
  {
    id: 'x',
    time: new Date(T0).toISOString(),
    source: 'drone',
    type: 'explosion',
    lat: -42.7,
    lon: -119.0,
    confidence,
  } as ScenarioEvent,
];

describe('gravity bands at their boundaries', () => {
  it.each([
    [100, 'critical'],
    [80, 'critical'],
    [79.9, 'high'],
    [60, 'high'],
    [59.9, 'medium'],
    [40, 'medium'],
    [39.9, 'low'],
    [20, 'low'],
    [19.9, 'info'],
    [0, 'info'],
  ] as const)('%s is %s', (gravity, band) => {
    expect(severityOf(gravity)).toBe(band);
  });

  it.each([
    [79.96, 80, 'critical'],
    [79.94, 79.9, 'high'],
    [59.95, 60, 'high'],
    [39.949, 39.9, 'low'],
    [19.951, 20, 'low'],
  ] as const)('a sum of %s is rounded once to %s, which is %s', (act, gravity, band) => {
    const a = scoreEvents(lone(), [], modelWithAct(act));
    expect(a.measures.gravity).toBe(gravity);
    expect(a.measures.severity).toBe(band);
  });
});

describe('certainty bands at their boundaries', () => {
  it.each([
    [1, 'confirmed'],
    [0.8, 'confirmed'],
    [0.79, 'probable'],
    [0.6, 'probable'],
    [0.59, 'possible'],
    [0.35, 'possible'],
    [0.34, 'unconfirmed'],
    [0, 'unconfirmed'],
  ] as const)('%s is %s', (certainty, band) => {
    expect(certaintyBandOf(certainty)).toBe(band);
  });

  it('a cleared alert is cleared whatever its value', () => {
    expect(certaintyBandOf(0, true)).toBe('cleared');
    expect(certaintyBandOf(0.95, true)).toBe('cleared');
  });

  it.each([
    [0.8, 0.8, 'confirmed'],
    [0.7951, 0.8, 'confirmed'],
    [0.7949, 0.79, 'probable'],
    [0.6, 0.6, 'probable'],
    [0.5949, 0.59, 'possible'],
    [0.35, 0.35, 'possible'],
    [0.3449, 0.34, 'unconfirmed'],
  ] as const)('one drone report at confidence %s is %s, %s', (confidence, certainty, band) => {
    const a = scoreEvents(lone(confidence), [], modelWithAct(10));
    expect(a.measures.certainty).toBe(certainty);
    expect(a.measures.certaintyBand).toBe(band);
  });

  it('a patrol clearing the report makes the alert cleared at 0.00, its gravity unchanged', () => {
    const model = modelWithAct(10);
    const [report] = lone(0.9);
    const clearing = {
      ...report!,
      id: 'y',
      source: 'observer',
      type: 'vehicle-column',
      assessment: 'clears',
      refers_to: 'x',
      time: new Date(T0 + 60_000).toISOString(),
    } as ScenarioEvent;
    const before = scoreEvents([report!], [], model);
    const after = scoreEvents([report!, clearing], [], model);
    expect(after.measures).toMatchObject({ certainty: 0, certaintyBand: 'cleared', cleared: true });
    expect(after.measures.gravity).toBe(before.measures.gravity);
    expect(after.certaintyFactors.at(-1)!.label).toBe(
      'Cleared by observer report y: consider closing as a false alarm',
    );
    // A later report that confirms it lifts it again, to at least probable.
    const confirming = {
      ...clearing,
      id: 'z',
      assessment: 'confirms',
      confidence: 0.3,
      time: new Date(T0 + 120_000).toISOString(),
    } as ScenarioEvent;
    const again = scoreEvents([report!, clearing, confirming], [], model);
    expect(again.measures.certaintyBand).not.toBe('cleared');
    expect(again.measures.certainty).toBeGreaterThanOrEqual(0.6);
  });
});
