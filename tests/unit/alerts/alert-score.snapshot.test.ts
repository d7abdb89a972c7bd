// Snapshots of an alert's evidence (cloneEvidence: an engine snapshot clones
// every alert, copy on write): a snapshot keeps its gravity, certainty
// and reasons whatever the live alert takes afterwards, and scores on as an
// alert of its own, without either touching the other. Hand-built reports in
// the invented theatre of the fixtures: the line of contact along -120.5,
// firing points and impacts some 24 km either side of it.
import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  certaintyBreakdown,
  cloneEvidence,
  emptyEvidence,
  gravityBreakdown,
  measure,
  type AlertEvidence,
} from '../../../shared/alerts/alert-score';
import { evaluateEvent, scoringContext } from '../../../shared/alerts/event-evidence';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { at } from './fixtures/build-scenario';
import { EAST, LINES, WEST, replays } from './fixtures/score-helpers';

const W = 1 / (1 + 100 / 20_000);
const ctx = scoringContext(MODEL, []);

const report = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
  ({
    id,
    time: at(minute),
    source: 'drone',
    type: 'mortar-fire',
    confidence: 0.5,
    lat: -44.5,
    lon: WEST,
    ...fields,
  }) as ScenarioEvent;
const impact = (id: string, minute: number, fields: Partial<ScenarioEvent> = {}) =>
  report(id, minute, { type: 'explosion', subtype: 'impact', lon: EAST, ...fields });

/** Adds reports, in the order given, to evidence. */
function add(e: AlertEvidence, ...events: ScenarioEvent[]): AlertEvidence {
  for (const r of replays(events, [])) addEvidence(e, evaluateEvent(ctx, r), LINES, MODEL);
  return e;
}
/** A new alert of the given reports. */
const fresh = (...events: ScenarioEvent[]) => add(emptyEvidence(), ...events);

/** Everything a view reads of an alert's evidence. */
function read(e: AlertEvidence) {
  const g = gravityBreakdown(ctx, e);
  const c = certaintyBreakdown(MODEL, e);
  return {
    measures: measure(MODEL, e),
    gravity: g.lines.map((l) => [l.factor, l.raw]),
    floor: [g.floor.level, g.floor.reason],
    certainty: c.lines.map((l) => [l.factor, l.kind, l.raw]),
    counted: c.counted.map((r) => r?.event.id ?? null),
    across: e.across,
    best: e.bestEvent.map((r) => r?.event.id ?? null),
  };
}

describe('a snapshot of an alert', () => {
  it('keeps what it showed while the live alert takes graver, surer reports of every kind', () => {
    const live = fresh(
      report('m1', 0),
      report('c0', 5, { source: 'observer', assessment: 'clears', refers_to: 'm1', lat: -44.55 }),
    );
    const snap = cloneEvidence(live);
    const before = read(snap);
    add(
      live,
      report('s1', 10, {
        source: 'satellite',
        assessment: 'confirms',
        refers_to: 'm1',
        lat: -44.6,
      }),
      report('t1', 12, { type: 'tank-fire', source: 'ground-sensor', confidence: 0.9, lat: -44.4 }),
      impact('i1', 13),
      report('k1', 14, { type: 'casualty-report', killed: 2, civilian_killed: 1, lat: -44.45 }),
      report('c1', 20, { source: 'observer', assessment: 'clears', refers_to: 'm1', lat: -44.3 }),
    );
    expect(read(live)).not.toEqual(before);
    expect(read(snap)).toEqual(before);
  });

  it('scores on as an alert of its own, and the live alert does not see its reports', () => {
    const live = fresh(report('m1', 0));
    const snap = cloneEvidence(live);
    add(
      live,
      report('o1', 10, { source: 'observer', assessment: 'confirms', refers_to: 'm1', lat: -44.6 }),
      report('g1', 12, { source: 'ground-sensor', confidence: 0.7, lat: -44.4 }),
    );
    const liveBefore = read(live);
    add(
      snap,
      report('s1', 15, {
        source: 'satellite',
        confidence: 0.4,
        assessment: 'confirms',
        refers_to: 'm1',
        lat: -44.7,
      }),
      report('k1', 16, { type: 'casualty-report', killed: 3, lat: -44.45 }),
      report('m2', 40, { lat: -44.52 }),
    );
    const s = read(snap);
    expect(s.counted).toEqual(['s1', 'm1', null, null, null, null]);
    expect(certaintyBreakdown(MODEL, snap).agreeing).toBe(2);
    expect(measure(MODEL, snap).certainty).toBe(
      Math.round((1 - (1 - 0.5 * W) * (1 - 0.4 * W) * 0.7) * 100) / 100,
    );
    expect(s.gravity.find(([f]) => f === 'harm')?.[1]).toBe(10 * Math.log2(4));
    expect(s.gravity.find(([f]) => f === 'sustained')?.[1]).toBeCloseTo(
      2 * Math.log2(1 + 40 / 30),
      12,
    );
    expect(read(live)).toEqual(liveBefore);
  });

  it('keeps its own firing points: a gun the live alert saw later across the line is not the snapshot’s', () => {
    const live = fresh(report('e1', 0, { lon: EAST }));
    const snap = cloneEvidence(live);
    add(live, report('w1', 5, { lat: -44.6 }));
    add(snap, impact('i1', 10));
    expect(snap.across).toBeNull();
    add(live, impact('i1', 10));
    expect(live.across).toEqual({ from: 'w1', to: 'i1', placeWeight: 0.8 });
  });

  it('keeps its own impacts: an impact the live alert saw later is not the snapshot’s', () => {
    const live = fresh(impact('x1', 0, { lon: WEST }));
    const snap = cloneEvidence(live);
    add(live, impact('i1', 5));
    add(snap, report('m1', 10, { lat: -44.6 }));
    expect(snap.across).toBeNull();
  });

  it('keeps its own places: a place the live alert saw later is still new to the snapshot', () => {
    const live = fresh(report('e1', 0, { lon: EAST }));
    const snap = cloneEvidence(live);
    add(live, impact('i1', 5));
    add(snap, impact('i1', 5), report('w1', 10, { lat: -44.6 }));
    expect(snap.across).toEqual({ from: 'w1', to: 'i1', placeWeight: 0.8 });
  });

  it('keeps its own clearings: a clearing the live alert counted later still clears the snapshot', () => {
    const clearing = (id: string, minute: number, lat: number) =>
      report(id, minute, { source: 'observer', assessment: 'clears', refers_to: 'm1', lat });
    const live = fresh(report('m1', 0), clearing('c1', 5, -44.55));
    const snap = cloneEvidence(live);
    add(live, clearing('c2', 10, -44.6));
    add(
      snap,
      report('s1', 15, { source: 'satellite', assessment: 'confirms', refers_to: 'm1' }),
      clearing('c2', 20, -44.6),
    );
    expect(measure(MODEL, snap).cleared).toBe(true);
  });

  it('taken again after an earlier snapshot went its own way, still weighs a report only that one saw', () => {
    const casualties = (id: string, minute: number, fields: Partial<ScenarioEvent>) =>
      report(id, minute, { type: 'casualty-report', lat: -44.45, ...fields });
    const live = fresh(casualties('k1', 0, { killed: 2 }));
    const first = cloneEvidence(live);
    add(first, casualties('k2', 5, { source: 'observer', confidence: 0.9, killed: 3 }));
    add(live, casualties('k3', 6, { source: 'ground-sensor', confidence: 0.2, killed: 1 }));
    const second = cloneEvidence(live);
    add(second, casualties('k2', 5, { source: 'observer', confidence: 0.9, killed: 3 }));
    const harm = (e: AlertEvidence) =>
      gravityBreakdown(ctx, e).lines.find((l) => l.factor === 'harm')?.raw;
    expect(harm(live)).toBe(10 * Math.log2(3));
    expect(harm(first)).toBe(10 * Math.log2(4));
    expect(harm(second)).toBe(10 * Math.log2(4));
  });
});
