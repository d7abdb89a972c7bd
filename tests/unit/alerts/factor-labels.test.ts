// Each factor of an alert explained in the words a monitoring officer reads
// (docs/ALERTS-AND-SEVERITY.md, "Explained factor by factor"): what was
// reported and by whom, the weapon and calibre, where it stood against the
// zone's prohibition or calibre limit, how far from the line, fire across it,
// the harm with its range, the scale, how long the fire went on, a floor or a
// clamp; each naming the report it comes from. On a hand-made theatre: the
// line of contact at longitude -120.5, Exclusion Zone 1 east of it (no MLRS
// or artillery, nothing over 100 mm).
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCORING_MODEL } from '../../../shared/alerts/scoring-model';
import { ReplayCursor } from '../../../shared/replay/cursor';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario } from '../exercise/hand-scenario';

const report = (id: string, minute: number, extra: Partial<ScenarioEvent>) =>
  ({
    id,
    time: at(minute),
    source: 'ground-sensor',
    type: 'artillery-fire',
    confidence: 0.8,
    lat: -44.5,
    lon: -120.49,
    ...extra,
  }) as ScenarioEvent;

const events: ScenarioEvent[] = [
  // Guns in the zone, a tank firing across the line, and what they hit.
  report('g1', 10, {
    weapon_class: 'artillery',
    calibre_mm: 152,
    count: 8,
    subtype: 'outgoing',
    party: 'B',
    precision_m: 6000,
  }),
  report('t1', 20, {
    lat: -44.45,
    lon: -120.55,
    type: 'tank-fire',
    weapon_class: 'tank',
    calibre_mm: 125,
    subtype: 'firing-position',
    source: 'drone',
  }),
  report('g2', 75, {
    source: 'observer',
    type: 'explosion',
    subtype: 'impact',
    killed: { low: 1, best: 2, high: 3 },
    civilian_killed: 1,
    injured: 3,
    lat: -44.52,
  }),
  report('j1', 30, { lat: -44.95, lon: -120.0, type: 'jamming', source: 'drone' }),
  report('m1', 200, {
    lat: -44.55,
    lon: -120.45,
    type: 'mlrs-fire',
    weapon_class: 'mlrs',
    source: 'satellite',
    subtype: 'firing-position',
  }),
  report('s1', 300, {
    lat: -44.1,
    lon: -120.52,
    type: 'small-arms-fire',
    source: 'observer',
    confidence: 0.5,
  }),
  report('s2', 335, { lat: -44.11, lon: -120.52, type: 'small-arms-fire', confidence: 0.5 }),
];

function alertsAt(minute: number) {
  const scenario = buildScenario(events);
  const cursor = new ReplayCursor(scenario, { model: BUILTIN_SCORING_MODEL });
  while (cursor.position < scenario.events.length) cursor.showNext();
  cursor.advanceTo(T0 + minute * MIN);
  return new Map(cursor.engine.all().map((view) => [view.id, view]));
}

const explained = (view: {
  factors: readonly { factor: string; label: string; eventId: string | null }[];
}) => view.factors.map((f) => [f.factor, f.label, f.eventId]);

describe('gravity factors, explained', () => {
  const alerts = alertsAt(340);

  it('name the act, weapon and calibre, the breach of the zone, the line, the fire across it, harm, scale and duration', () => {
    expect(explained(alerts.get('A-g1')!)).toEqual([
      ['act', 'Artillery fire reported by ground-sensor', 'g1'],
      ['weapon', 'Artillery, 152 mm', 'g1'],
      ['place', '125 mm firing from inside Exclusion Zone 1 (limit 100 mm)', 't1'],
      ['line', 'Explosion 0.8 km from the line of contact', 'g2'],
      ['fire-across', 'Fire across the line of contact (from t1 to g2)', 'g2'],
      ['harm', '2 killed (1–3), 1 of them civilians; 3 injured (observer report g2)', 'g2'],
      ['scale', '8 rounds in one report', 'g1'],
      ['sustained', 'Fire sustained over 1 h 5 min', null],
      ['clamp', 'Clamped to 100 (factors summed to 114.56)', null],
    ]);
  });

  it('name a prohibited weapon in the zone and the floor it sets', () => {
    expect(explained(alerts.get('A-m1')!)).toEqual([
      ['act', 'MLRS fire reported by satellite', 'm1'],
      ['weapon', 'MLRS', 'm1'],
      ['place', 'MLRS firing from inside Exclusion Zone 1 (prohibited there)', 'm1'],
      ['line', 'MLRS fire 4.0 km from the line of contact', 'm1'],
      [
        'floor',
        'At least HIGH: MLRS firing from inside Exclusion Zone 1, where it is prohibited',
        'm1',
      ],
    ]);
  });

  it('name jamming of the mission, and fire sustained for under an hour in minutes', () => {
    expect(explained(alerts.get('A-j1')!)).toEqual([
      ['act', 'Jamming reported by drone', 'j1'],
      ['mission', 'Jamming of the monitoring mission', 'j1'],
      ['floor', 'At least MEDIUM: jamming of the monitoring mission', 'j1'],
    ]);
    expect(explained(alerts.get('A-s1')!).find(([factor]) => factor === 'sustained')).toEqual([
      'sustained',
      'Fire sustained over 35 min',
      null,
    ]);
  });

  it('give each line as "label: +points", the points summing to the gravity', () => {
    for (const view of alerts.values()) {
      for (const f of view.factors) {
        expect(f.reason).toBe(
          `${f.label}: ${f.contribution < 0 ? '-' : '+'}${Math.abs(f.contribution).toFixed(1).replace(/\.0$/, '')}`,
        );
      }
      const sum = view.factors.reduce((total, f) => total + f.contribution, 0);
      expect(sum).toBeCloseTo(view.gravity, 6);
    }
  });
});

describe('certainty factors, explained', () => {
  it('name each source with its confidence, reliability and location, and the kinds that agree', () => {
    const g1 = alertsAt(340).get('A-g1')!;
    expect(g1.certaintyFactors.map((f) => [f.factor, f.label, f.source])).toEqual([
      ['source', 'drone report t1: confidence 0.80 × reliability 1.00 × location 1.00', 'drone'],
      [
        'source',
        'ground-sensor report g1: confidence 0.80 × reliability 1.00 × location 0.77',
        'ground-sensor',
      ],
      [
        'source',
        'observer report g2: confidence 0.80 × reliability 1.00 × location 1.00',
        'observer',
      ],
      ['agreement', '3 independent source kinds agree (drone, ground-sensor, observer)', null],
    ]);
  });
});
