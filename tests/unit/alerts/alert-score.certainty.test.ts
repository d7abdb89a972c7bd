// Alert-level certainty (docs/ALERTS-AND-SEVERITY.md, version 2) on small
// hand-built alerts in the invented theatre of the fixtures: per source kind
// the best compatible report counts (confidence × reliability × location, the
// location weight of the default 100 m being 1 / (1 + 100 / 20 000)); each
// further independent kind that agrees takes off 30 % of the doubt; a
// controller inject agrees only beside an independent kind; assessments are
// about the alert whatever their type; a confirmation lifts to probable, a
// clearing sets it cleared. Exact values and the lines the monitor reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certaintyBreakdown, exactCertainty, measure } from '../../../shared/alerts/alert-score';
import {
  BUILTIN_SCORING_MODEL as MODEL,
  type ScoringModel,
} from '../../../shared/alerts/scoring-model';
import { SOURCES, type ScenarioEvent, type Source } from '../../../shared/scenario/schema';
import { at } from './fixtures/build-scenario';
import { alertOf, replays } from './fixtures/score-helpers';

/** The location weight of a report at the default precision (100 m). */
const W = 1 / (1 + 100 / 20_000);
const DRONE = SOURCES.indexOf('drone');
const OBSERVER = SOURCES.indexOf('observer');
const INJECT = SOURCES.indexOf('inject');

const report = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
  ({
    id,
    time: at(minute),
    source: 'drone',
    type: 'artillery-fire',
    confidence: 0.5,
    lat: -44.5,
    lon: -120.8,
    ...fields,
  }) as ScenarioEvent;

const score = (events: ScenarioEvent[], model: ScoringModel = MODEL) =>
  alertOf(replays(events, []), [], model);

const exact = (a: ReturnType<typeof score>) => exactCertainty(MODEL, a.evidence);
/** Per source kind, the id of the report counted (null: none). */
const counted = (a: ReturnType<typeof score>) =>
  a.certainty.counted.map((r) => (r === null ? null : r.event.id));
const only = (kinds: Record<number, string>) => SOURCES.map((_, k) => kinds[k] ?? null);
const agreeing = (...sources: Source[]) => SOURCES.map((s) => sources.includes(s));

describe('one kind of source counts once, with its best report', () => {
  it('a lone drone report counts its confidence × reliability × location', () => {
    const a = score([report('d1', 0)]);
    expect(exact(a).certainty).toBe(0.5 * W);
    expect(exact(a).doubt).toEqual([DRONE]);
    expect(counted(a)).toEqual(only({ [DRONE]: 'd1' }));
    expect(a.certainty.agreeing).toBe(1);
    expect(a.certainty.agrees).toEqual(agreeing('drone'));
    expect(a.certainty.lines.map((l) => [l.factor, l.kind, l.contribution])).toEqual([
      ['source', DRONE, 50],
    ]);
  });

  it('a lone patrol report agrees as the patrol, and no other kind', () => {
    const a = score([report('o1', 0, { source: 'observer' })]);
    expect(a.certainty.agrees).toEqual(agreeing('observer'));
    expect(counted(a)).toEqual(only({ [OBSERVER]: 'o1' }));
  });

  it('a satellite image alone counts its own confidence', () => {
    const a = score([report('s1', 0, { source: 'satellite', confidence: 0.8 })]);
    expect(exact(a).certainty).toBe(0.8 * W);
    expect(a.measures.certainty).toBe(0.8);
  });

  it('three reports from the same drone are one source: the surest counts, whenever it came', () => {
    const a = score([
      report('d1', 0, { confidence: 0.5 }),
      report('d2', 5, { confidence: 0.8, lat: -44.51 }),
      report('d3', 9, { confidence: 0.3, lat: -44.52 }),
    ]);
    expect(exact(a).certainty).toBe(0.8 * W);
    expect(counted(a)).toEqual(only({ [DRONE]: 'd2' }));
    expect(a.certainty.agreeing).toBe(1);
  });

  it('of equally sure reports of one kind, the earliest is the one counted', () => {
    const a = score([report('d1', 0), report('d2', 5, { lat: -44.51 })]);
    expect(counted(a)).toEqual(only({ [DRONE]: 'd1' }));
  });

  it('a report given with no confidence is still its kind’s report, adding nothing', () => {
    const a = score([report('d0', 0, { confidence: 0 })]);
    expect(exact(a).certainty).toBe(0);
    expect(exact(a).doubt).toEqual([]);
    expect(counted(a)).toEqual(only({ [DRONE]: 'd0' }));
  });
});

describe('independent kinds that agree', () => {
  it('a patrol agreeing with a drone takes 30 % off the remaining doubt, each step its own line', () => {
    const a = score([report('d1', 0), report('o1', 5, { source: 'observer', lat: -44.51 })]);
    const doubtAfterSources = (1 - 0.5 * W) ** 2;
    expect(exact(a).certainty).toBeCloseTo(1 - doubtAfterSources * 0.7, 12);
    expect(a.certainty.agreeing).toBe(2);
    expect(a.certainty.agrees).toEqual(agreeing('drone', 'observer'));
    const lines = a.certainty.lines.map((l) => [l.factor, l.kind, l.raw]);
    expect(lines).toHaveLength(3);
    expect(lines[0]![2]).toBeCloseTo(50 * W, 10);
    expect(lines[1]![2]).toBeCloseTo((1 - 0.5 * W) * 0.5 * W * 100, 10);
    expect(lines[2]![2]).toBeCloseTo(doubtAfterSources * 0.3 * 100, 10);
    expect(lines.map(([factor, kind]) => [factor, kind])).toEqual([
      ['source', DRONE],
      ['source', OBSERVER],
      ['agreement', null],
    ]);
    // 49.75 + 24.94 + 7.50 = 82.19 points, shown scaled to the rounded 0.82.
    expect(a.certainty.lines.map((l) => l.contribution)).toEqual([49.6, 24.9, 7.5]);
    expect(a.measures.certainty).toBe(0.82);
  });

  it('the lines are scaled to the rounded certainty before their tenths are shared out', () => {
    // 69.65 + 18.12 + 3.67 = 91.44 points, shown as 91: each line keeps its share of it.
    const a = score([
      report('d1', 0, { confidence: 0.7 }),
      report('o1', 5, { source: 'observer', confidence: 0.6, lat: -44.51 }),
    ]);
    expect(a.measures.certainty).toBe(0.91);
    expect(a.certainty.lines.map((l) => l.contribution)).toEqual([69.3, 18, 3.7]);
  });

  it('a controller inject alone agrees with nothing', () => {
    const a = score([report('x1', 0, { source: 'inject', confidence: 0.8 })]);
    expect(exact(a).certainty).toBeCloseTo(0.8 * 0.5 * W, 12);
    expect(a.certainty.agreeing).toBe(0);
    expect(a.certainty.agrees).toEqual(agreeing());
    expect(counted(a)).toEqual(only({ [INJECT]: 'x1' }));
  });

  it('an inject beside a drone makes two agreeing kinds', () => {
    const a = score([report('d1', 0), report('x1', 5, { source: 'inject', lat: -44.51 })]);
    expect(a.certainty.agreeing).toBe(2);
    expect(a.certainty.agrees).toEqual(agreeing('drone', 'inject'));
  });

  it('more agreeing independent kinds never lower certainty (any confidences)', () => {
    const kinds: Source[] = ['satellite', 'drone', 'ground-sensor', 'observer', 'open-source'];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (confidences, n) => {
          const events = (m: number) =>
            kinds
              .slice(0, m)
              .map((source, i) => report(`r${i}`, i, { source, confidence: confidences[i]! }));
          expect(exact(score(events(n + 1))).certainty).toBeGreaterThanOrEqual(
            exact(score(events(n))).certainty - 1e-12,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('assessments are about the alert, whatever type they are filed under', () => {
  // A patrol's visit filed as a troop movement: not compatible with fire as a report.
  const visit = (assessment: 'confirms' | 'inconclusive', fields: Partial<ScenarioEvent> = {}) =>
    report('v1', 30, {
      source: 'observer',
      type: 'troop-movement',
      assessment,
      refers_to: 'd1',
      lat: -44.6,
      ...fields,
    });

  it('an inconclusive visit adds its confidence and nothing for agreement', () => {
    const a = score([report('d1', 0), visit('inconclusive')]);
    expect(exact(a).certainty).toBeCloseTo(1 - (1 - 0.5 * W) ** 2, 12);
    expect(a.certainty.agreeing).toBe(1);
    expect(counted(a)).toEqual(only({ [DRONE]: 'd1', [OBSERVER]: 'v1' }));
  });

  it('a confirming visit agrees, and counts as a second kind', () => {
    const a = score([report('d1', 0), visit('confirms')]);
    expect(exact(a).certainty).toBeCloseTo(1 - (1 - 0.5 * W) ** 2 * 0.7, 12);
    expect(a.certainty.agreeing).toBe(2);
  });

  it('a visit surer than the reports counts its own confidence for its kind', () => {
    const a = score([
      report('d1', 0, { confidence: 0.3 }),
      visit('inconclusive', { source: 'drone', confidence: 0.8 }),
    ]);
    expect(exact(a).certainty).toBeCloseTo(0.8 * W, 12);
  });

  it('a confirmation lifts certainty to probable, the lift its own line', () => {
    const a = score([report('d1', 0, { confidence: 0.3 }), visit('confirms', { confidence: 0.1 })]);
    const before = 1 - (1 - 0.3 * W) * (1 - 0.1 * W) * 0.7;
    expect(before).toBeLessThan(0.6);
    expect(exact(a).certainty).toBe(0.6);
    expect(exact(a).raw).toBe(0.6);
    const confirmed = a.certainty.lines.find((l) => l.factor === 'confirmed')!;
    expect(confirmed.raw).toBeCloseTo((0.6 - before) * 100, 10);
    expect(a.certainty.lines.reduce((s, l) => s + l.contribution, 0)).toBeCloseTo(60, 10);
    expect(a.measures.certaintyBand).toBe('probable');
  });

  it('a confirmation already above probable adds no line', () => {
    const a = score([report('d1', 0, { confidence: 0.9 }), visit('confirms', { confidence: 0.9 })]);
    expect(a.certainty.lines.map((l) => l.factor)).toEqual(['source', 'source', 'agreement']);
  });

  it('a confirmation so close to probable that its line rounds away is still shown, at 0', () => {
    // One drone at 0.5998: the confirmation adds 0.02 points.
    const a = score([
      report('d1', 0, { confidence: 0.5998 / W, assessment: 'confirms', refers_to: 'x' }),
    ]);
    expect(a.certainty.lines.map((l) => [l.factor, l.contribution])).toEqual([
      ['source', 60],
      ['confirmed', 0],
    ]);
  });

  it('a confirming report standing alone confirms nothing; one referring to another does', () => {
    const alone = score([report('d1', 0, { confidence: 0.3, assessment: 'confirms' })]);
    expect(exact(alone).certainty).toBeCloseTo(0.3 * W, 12);
    const referring = score([
      report('d1', 0, { confidence: 0.3, assessment: 'confirms', refers_to: 'x' }),
    ]);
    expect(exact(referring).certainty).toBe(0.6);
  });

  it('a confirming report joining reports already in the alert lifts it, with no reference', () => {
    const a = score([
      report('d1', 0, { confidence: 0.2 }),
      visit('confirms', { confidence: 0.1, refers_to: undefined }),
    ]);
    expect(exact(a).certainty).toBe(0.6);
    expect(a.measures.certainty).toBe(0.6);
  });
});

describe('clearing', () => {
  const clears = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
    report(id, minute, {
      source: 'observer',
      assessment: 'clears',
      refers_to: 'd1',
      confidence: 0.9,
      ...fields,
    });
  const confirms = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
    report(id, minute, {
      source: 'satellite',
      assessment: 'confirms',
      refers_to: 'd1',
      lat: -44.7,
      ...fields,
    });

  it('a clearing report sets certainty to 0: the sources and the clearing are lines of their own', () => {
    const a = score([report('d1', 0), clears('c1', 30)]);
    expect(exact(a).certainty).toBe(0);
    expect(exact(a).raw).toBe(0.5 * W);
    expect(a.certainty.band).toBe('cleared');
    expect(a.certainty.lines.map((l) => [l.factor, l.contribution])).toEqual([
      ['source', 49.8],
      ['cleared', -49.8],
    ]);
    expect(a.certainty.lines[1]!.raw).toBeCloseTo(-50 * W, 10);
  });

  it('a clearing report adds no certainty of its own once the alert is confirmed again', () => {
    const a = score([report('d1', 0), clears('c1', 30), confirms('s1', 60)]);
    expect(a.measures.cleared).toBe(false);
    expect(exact(a).certainty).toBeCloseTo(1 - (1 - 0.5 * W) ** 2 * 0.7, 12);
    expect(counted(a)[OBSERVER]).toBeNull();
  });

  it('a clearing report never becomes what the alert is about, however grave its type', () => {
    // A column seen by drone and patrol; a clearing filed as an explosion (act 14 > 8).
    const column = { type: 'vehicle-column' } as const;
    const a = score([
      report('d1', 0, column),
      report('o1', 5, { ...column, source: 'observer', lat: -44.51 }),
      clears('c1', 30, { type: 'explosion', source: 'satellite' }),
      confirms('g1', 60, { ...column, source: 'ground-sensor' }),
    ]);
    expect(a.evidence.leadEvent?.event.id).toBe('d1');
    expect(exact(a).certainty).toBeCloseTo(1 - (1 - 0.5 * W) ** 3 * 0.7 ** 2, 12);
  });

  it('a repeat of a clearing report already counted clears nothing new, after another clearing', () => {
    const a = score([
      report('d1', 0),
      clears('c1', 30),
      clears('c2', 40, { source: 'ground-sensor', lat: -44.55 }),
      confirms('s1', 60),
      clears('c1-again', 90, { source: 'drone' }),
    ]);
    expect(a.measures.cleared).toBe(false);
    expect(a.measures.certainty).toBeGreaterThan(0);
  });

  it('an alert of nothing but a clearing report counts no source (after scoring another)', () => {
    score([report('d1', 0), report('o1', 5, { source: 'observer', lat: -44.51 })]);
    const a = score([clears('c1', 0)]);
    expect(exact(a)).toEqual({ certainty: 0, raw: 0, doubt: [], agreeing: 0 });
    expect(a.certainty.counted).toEqual(SOURCES.map(() => null));
    expect(a.certainty.agrees).toEqual(agreeing());
    expect(a.certainty.lines).toEqual([]);
  });
});

describe('what the alert is about: the report with the highest act, the earliest on ties', () => {
  it('jamming by drone then an explosion heard by a patrol (both act 14): the jamming stays the lead', () => {
    const a = score([
      report('j1', 0, { type: 'jamming', confidence: 0.6 }),
      report('x1', 5, { type: 'explosion', source: 'observer', confidence: 0.4 }),
    ]);
    expect(a.evidence.leadEvent?.event.id).toBe('j1');
    expect(exact(a).certainty).toBeCloseTo(0.6 * W, 12);
  });

  it('a type the model scores at no act points is still what an alert of its reports is about', () => {
    const model: ScoringModel = {
      ...MODEL,
      event_types: {
        ...MODEL.event_types,
        'sensor-fault': { ...MODEL.event_types['sensor-fault']!, act: 0 },
      },
    };
    const a = score([report('f1', 0, { type: 'sensor-fault' })], model);
    expect(a.evidence.leadEvent?.event.id).toBe('f1');
    expect(exactCertainty(model, a.evidence).certainty).toBe(0.5 * W);
    expect(measure(model, a.evidence).certainty).toBe(0.5);
    expect(certaintyBreakdown(model, a.evidence).agreeing).toBe(1);
  });
});
