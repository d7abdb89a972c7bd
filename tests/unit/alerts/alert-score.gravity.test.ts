// Alert-level gravity (docs/ALERTS-AND-SEVERITY.md, version 2) at its edges,
// on small hand-built alerts in the invented theatre of the fixtures: the line
// of contact along longitude -120.5, firing points and impacts some 24 km
// either side of it (beyond the line factor's 10 km), no zones unless named.
// Each test asserts exact factor values: fire across the line and the eight
// places kept of each kind, the harm of the most trusted report, the scale of
// the largest count, sustained fire, the civilian floors, and the display
// lines that sum exactly to the gravity.
import { describe, expect, it } from 'vitest';
import {
  emptyEvidence,
  evidenceOf,
  floorOf,
  gravityBreakdown,
  measure,
  type ContactLines,
} from '../../../shared/alerts/alert-score';
import { FLOOR_CRITICAL, FLOOR_HIGH, scoringContext } from '../../../shared/alerts/event-evidence';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { at } from './fixtures/build-scenario';
import { EAST, LINES, WEST, alertOf, replays } from './fixtures/score-helpers';

const report = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
  ({
    id,
    time: at(minute),
    source: 'drone',
    type: 'mortar-fire',
    confidence: 0.8,
    lat: -44.5,
    lon: WEST,
    ...fields,
  }) as ScenarioEvent;

/** An impact east of the line (no weapon class: the model's default place weight, 0.8). */
const impact = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
  report(id, minute, { type: 'explosion', subtype: 'impact', lon: EAST, ...fields });

/** Scores reports as one alert, no zones, with (or without) the line of contact. */
const score = (events: ScenarioEvent[], lines: ContactLines = LINES) =>
  alertOf(replays(events, []), [], MODEL, lines);

const line = (a: ReturnType<typeof score>, factor: string) =>
  a.gravity.lines.find((l) => l.factor === factor);
const across = (a: ReturnType<typeof score>) => line(a, 'fire-across')?.raw ?? 0;
const view = (a: ReturnType<typeof score>, factor: string) =>
  a.factors.find((f) => f.factor === factor);

describe('fire across the line of contact', () => {
  it('a tank firing from the west onto an impact east of the line adds 10 points (the heavier place weight, 1.0)', () => {
    const events = [report('t1', 0, { type: 'tank-fire' }), impact('i1', 0)];
    const withLine = score(events);
    const without = score(events, []);
    expect(withLine.gravity.lines.map((l) => [l.factor, l.contribution])).toEqual([
      ['act', 22],
      ['weapon', 9],
      ['fire-across', 10],
    ]);
    expect(withLine.gravity.gravity).toBe(41);
    expect(without.gravity.gravity).toBe(31);
    expect(withLine.evidence.across).toEqual({ from: 't1', to: 'i1', placeWeight: 1 });
    expect(view(withLine, 'fire-across')?.label).toBe(
      'Fire across the line of contact (from t1 to i1)',
    );
  });

  it('mortar fire across the line weighs 0.8: 8 points', () => {
    const a = score([report('m1', 0), impact('i1', 0)]);
    expect(across(a)).toBeCloseTo(8, 12);
    expect(a.gravity.gravity).toBe(18 + 6 + 8);
  });

  it('an impact reported first, then the gun across the line: the fire still runs from the gun to the impact', () => {
    const a = score([impact('i1', 0, { time: at(0) }), report('t1', 1, { type: 'tank-fire' })]);
    expect(a.evidence.across).toEqual({ from: 't1', to: 'i1', placeWeight: 1 });
    expect(across(a)).toBe(10);
  });

  it('a firing point and an impact on the same side of the line are no fire across it', () => {
    expect(across(score([report('m1', 0), impact('i1', 0, { lon: -120.9 })]))).toBe(0);
    expect(across(score([report('m1', 0, { lon: EAST }), impact('i1', 0)]))).toBe(0);
  });

  it('fire across is judged only where a line of contact is drawn', () => {
    const a = score([report('m1', 0), impact('i1', 0)], []);
    expect(a.evidence.across).toBeNull();
    expect(across(a)).toBe(0);
  });

  it('scored with no line of contact, an alert keeps no firing points or impacts', () => {
    const ctx = scoringContext(MODEL, []);
    for (const e of [
      evidenceOf(ctx, replays([report('m1', 0), impact('i1', 0)], [])),
      score([report('m1', 0), impact('i1', 0)], []).evidence,
    ]) {
      expect([e.origins.length, e.impacts.length, e.across]).toEqual([0, 0, null]);
    }
  });

  it('the first crossing names it: a heavier gun joining later does not weigh it again', () => {
    const a = score([report('m1', 0), impact('i1', 0), report('t1', 1, { type: 'tank-fire' })]);
    expect(a.evidence.across).toEqual({ from: 'm1', to: 'i1', placeWeight: 0.8 });
    expect(across(a)).toBeCloseTo(8, 12);
  });

  it('a second firing point east of the line does not hide the first one west of it', () => {
    const a = score([report('m1', 0), report('m2', 1, { lon: EAST, lat: -44.6 }), impact('i1', 2)]);
    expect(a.evidence.across).toEqual({ from: 'm1', to: 'i1', placeWeight: 0.8 });
  });

  it('a second impact west of the line does not hide the first one east of it', () => {
    const a = score([
      impact('i1', 0),
      impact('i2', 1, { lon: WEST, lat: -44.6 }),
      report('m1', 2, { lat: -44.7 }),
    ]);
    expect(a.evidence.across).toEqual({ from: 'm1', to: 'i1', placeWeight: 0.8 });
  });

  /** `n` firing points east of the line, distinct by latitude (same longitude), or by longitude. */
  const eastGuns = (n: number, by: 'lat' | 'lon') =>
    Array.from({ length: n }, (_, i) =>
      report(
        `e${i}`,
        i,
        by === 'lat' ? { lon: EAST, lat: -44.5 - i * 0.01 } : { lon: EAST + i * 0.01 },
      ),
    );

  it('the first eight distinct firing points are kept: an eighth west of the line still counts', () => {
    const a = score([...eastGuns(7, 'lat'), report('w8', 8), impact('i1', 9)]);
    expect(a.evidence.across).toEqual({ from: 'w8', to: 'i1', placeWeight: 0.8 });
  });

  it('a ninth firing point is not kept, whether the eight before differ in latitude or in longitude', () => {
    for (const by of ['lat', 'lon'] as const) {
      const a = score([...eastGuns(8, by), report('w9', 9), impact('i1', 10)]);
      expect(a.evidence.across).toBeNull();
      expect(a.evidence.origins.map((o) => o.id)).toEqual(
        Array.from({ length: 8 }, (_, i) => `e${i}`),
      );
    }
  });

  it('repeats from one place add one firing point: eight reports of one gun leave room for another', () => {
    const same = Array.from({ length: 8 }, (_, i) =>
      report(`e${i}`, i, { lon: EAST, count: i + 1 }),
    );
    const a = score([...same, report('w9', 9), impact('i1', 10)]);
    expect(a.evidence.origins.map((o) => o.id)).toEqual(['e0', 'w9']);
    expect(a.evidence.across).toEqual({ from: 'w9', to: 'i1', placeWeight: 0.8 });
  });

  it('an impact two metres east of a kept firing point is a place of its own', () => {
    const a = score([
      report('w1', 0),
      report('e1', 1, { lon: EAST }),
      impact('i1', 2, { lon: EAST + 0.00002 }),
    ]);
    expect(a.evidence.impacts.map((i) => i.id)).toEqual(['i1']);
    expect(a.evidence.across).toEqual({ from: 'w1', to: 'i1', placeWeight: 0.8 });
  });

  it('impacts too: an eighth distinct impact east still counts, a ninth does not', () => {
    const westImpacts = (n: number) =>
      Array.from({ length: n }, (_, i) => impact(`x${i}`, i, { lon: WEST, lat: -44.5 - i * 0.01 }));
    const eighth = score([...westImpacts(7), impact('i8', 8), report('m1', 9)]);
    expect(eighth.evidence.across).toEqual({ from: 'm1', to: 'i8', placeWeight: 0.8 });
    const ninth = score([...westImpacts(8), impact('i9', 9), report('m1', 10)]);
    expect(ninth.evidence.across).toBeNull();
  });
});

describe('harm: the figures of the most trusted report', () => {
  const casualties = (id: string, minute: number, fields: Partial<ScenarioEvent>) =>
    report(id, minute, { type: 'casualty-report', ...fields });
  // An observer at 0.9 (trust 0.9) against an open source at 0.9 × reliability 0.6 (0.54).
  const patrol = casualties('p1', 0, { source: 'observer', confidence: 0.9, killed: 3 });
  const rumour = casualties('r1', 5, { source: 'open-source', confidence: 0.9, killed: 10 });

  it("a patrol's count of 3 killed outweighs a less trusted open-source claim of 10, whichever came first", () => {
    for (const events of [
      [patrol, rumour],
      [
        { ...rumour, time: at(0) },
        { ...patrol, time: at(5) },
      ],
    ]) {
      const a = score(events);
      expect(line(a, 'harm')?.raw).toBe(10 * Math.log2(1 + 3));
      expect(view(a, 'harm')?.eventId).toBe('p1');
    }
  });

  it('between equally trusted reports the later figures stand', () => {
    const a = score([
      casualties('d1', 0, { killed: 2 }),
      casualties('o1', 5, { source: 'observer', killed: 5 }),
    ]);
    expect(line(a, 'harm')?.raw).toBe(10 * Math.log2(1 + 5));
    expect(view(a, 'harm')?.eventId).toBe('o1');
  });
});

describe('scale: the largest count, never added', () => {
  it('is taken from the earliest report giving it; a smaller count later changes nothing', () => {
    const a = score([
      report('s1', 0, { count: 8, lat: -44.51 }),
      report('s2', 1, { count: 8, lat: -44.52 }),
      report('s3', 2, { count: 2, lat: -44.53 }),
    ]);
    expect(line(a, 'scale')?.raw).toBe(2 * Math.log2(8));
    expect(view(a, 'scale')?.eventId).toBe('s1');
  });
});

describe('sustained fire: 2 points per doubling of 30 minutes, at most 6', () => {
  const exchange = (minutes: number) =>
    score([report('f1', 0), report('f2', minutes, { lat: -44.51 })]);
  it.each([
    [30, 2],
    [90, 4],
    [210, 6],
    [450, 6],
  ])('fire over %i minutes scores %d points', (minutes, points) => {
    expect(line(exchange(minutes), 'sustained')?.raw).toBeCloseTo(points, 12);
  });

  it('half an hour of fire is 2 points, not the cap', () => {
    expect(line(exchange(30), 'sustained')?.raw).toBe(2);
    expect(exchange(30).gravity.gravity).toBe(18 + 6 + 2);
  });

  it('a report arriving late about earlier fire stretches the exchange back to it', () => {
    const a = score([report('late', 60), report('early', 0, { lat: -44.51, reported: at(70) })]);
    expect(a.evidence.fireFirst?.event.id).toBe('early');
    expect(a.evidence.fireLast?.event.id).toBe('late');
    expect(line(a, 'sustained')?.raw).toBeCloseTo(2 * Math.log2(3), 12);
  });

  it('the same fire reported again two hours later by a patrol does not stretch the exchange', () => {
    const a = score([report('f1', 0), report('f1-again', 120, { source: 'observer' })]);
    expect(line(a, 'sustained')).toBeUndefined();
  });
});

describe('floors: civilians killed hold the alert in its band', () => {
  const ctx = scoringContext(MODEL, []);
  const killedCivilians = (n: number) =>
    score([report('c1', 0, { type: 'casualty-report', killed: n, civilian_killed: n })]);

  it('no civilian killed: no floor and no reason', () => {
    const a = score([report('m1', 0)]);
    expect(floorOf(ctx, a.evidence)).toEqual({ level: 0, event: null, reason: null });
    expect(line(a, 'floor')).toBeUndefined();
  });

  it('one civilian killed: held at high, saying "1 civilian killed"; the lift is its own line', () => {
    const a = killedCivilians(1);
    const floor = a.gravity.floor;
    expect([floor.level, floor.event?.event.id, floor.reason]).toEqual([
      FLOOR_HIGH,
      'c1',
      '1 civilian killed',
    ]);
    const sum = 12 + 10 + 8; // act, killed 10·log2(2), civilians killed 8·log2(2)
    expect(a.gravity.sum).toBe(sum);
    expect(a.gravity.floored).toBeCloseTo(60 + 0.3 * sum, 12);
    expect(line(a, 'floor')?.raw).toBeCloseTo(60 + 0.3 * sum - sum, 12);
    expect(a.gravity.gravity).toBe(69);
    expect(a.measures.severity).toBe('high');
  });

  it('four civilians killed: high; five: critical, saying "5 civilians killed"', () => {
    expect(killedCivilians(4).gravity.floor.level).toBe(FLOOR_HIGH);
    expect(killedCivilians(4).gravity.floor.reason).toBe('4 civilians killed');
    const five = killedCivilians(5).gravity.floor;
    expect([five.level, five.reason]).toEqual([FLOOR_CRITICAL, '5 civilians killed']);
    expect(killedCivilians(5).measures.severity).toBe('critical');
  });

  it('a floor the reports set keeps its own reason when the harm sets the same level', () => {
    const a = score([
      report('f1', 0, { type: 'small-arms-fire', target: 'mission' }),
      report('c1', 1, { type: 'casualty-report', killed: 1, civilian_killed: 1 }),
    ]);
    expect(a.gravity.floor.level).toBe(FLOOR_HIGH);
    expect(a.gravity.floor.event?.event.id).toBe('f1');
    expect(a.gravity.floor.reason).not.toContain('civilian');
  });

  it('of two reports setting the same floor, the earlier one gives it', () => {
    const a = score([
      report('f1', 0, { type: 'small-arms-fire', target: 'mission' }),
      report('f2', 5, { type: 'small-arms-fire', target: 'mission', lat: -44.52 }),
    ]);
    expect(a.gravity.floor.event?.event.id).toBe('f1');
  });
});

describe('display lines: rounded to tenths, summing exactly to the gravity', () => {
  const ctx = scoringContext(MODEL, []);
  /** Hand-built evidence: the given act and weapon values, and a floor of its own. */
  const evidence = (act: number, weapon: number, floorLevel = 0) => {
    const e = emptyEvidence();
    e.bestValue[0] = act;
    e.bestValue[1] = weapon;
    e.floorLevel = floorLevel;
    return e;
  };
  const shown = (act: number, weapon: number, floorLevel = 0) =>
    gravityBreakdown(ctx, evidence(act, weapon, floorLevel)).lines.map((l) => [
      l.factor,
      l.contribution,
    ]);

  it('whole points are shown as they are', () => {
    expect(shown(18, 6)).toEqual([
      ['act', 18],
      ['weapon', 6],
    ]);
  });

  it('a tenth left over by rounding goes to the earlier line when the remainders tie', () => {
    expect(shown(10.25, 10.25)).toEqual([
      ['act', 10.3],
      ['weapon', 10.2],
    ]);
  });

  it('a factor that rounds to nothing is not shown', () => {
    expect(shown(20, 0.04)).toEqual([['act', 20]]);
  });

  it('a clamp of a hair is still shown, at 0', () => {
    const b = gravityBreakdown(ctx, evidence(100.02, 0));
    expect(b.gravity).toBe(100);
    expect(b.lines.map((l) => [l.factor, l.contribution])).toEqual([
      ['act', 100],
      ['clamp', 0],
    ]);
    expect(b.lines[1]!.raw).toBeCloseTo(-0.02, 12);
  });

  it('a floor lift of a hair is still shown, at 0', () => {
    // 60 + 0.3 × 85.7 = 85.71: the lift is 0.01.
    const b = gravityBreakdown(ctx, evidence(85.7, 0, FLOOR_HIGH));
    expect(b.gravity).toBe(85.7);
    expect(b.lines.map((l) => [l.factor, l.contribution])).toEqual([
      ['act', 85.7],
      ['floor', 0],
    ]);
  });
});

describe('measures: the same object while nothing changes', () => {
  const alert = score([report('m1', 0)]);

  it('returns the previous measures themselves when gravity, certainty and clearing are unchanged', () => {
    const first = measure(MODEL, alert.evidence);
    expect(measure(MODEL, alert.evidence, first)).toBe(first);
  });

  it('gives new measures when only the gravity differs', () => {
    const first = measure(MODEL, alert.evidence);
    const stale = { ...first, gravity: first.gravity + 1 };
    const next = measure(MODEL, alert.evidence, stale);
    expect(next).not.toBe(stale);
    expect(next).toEqual(first);
  });

  it('gives new measures when only the clearing differs', () => {
    const cleared = score([
      report('m1', 0),
      report('c1', 5, { source: 'observer', assessment: 'clears', refers_to: 'm1' }),
    ]);
    const now = measure(MODEL, cleared.evidence);
    expect([now.cleared, now.certainty, now.certaintyBand]).toEqual([true, 0, 'cleared']);
    const stale = { ...now, cleared: false, certaintyBand: 'unconfirmed' as const };
    expect(measure(MODEL, cleared.evidence, stale)).toEqual(now);
  });
});
