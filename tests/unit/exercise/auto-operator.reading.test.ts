// How the auto operator reads an alert: what it may see of a report, which
// factors it picks up from the console, whom the reports name, and the
// evidence rule at its thresholds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributed,
  createAutoOperator,
  createReader,
  judgeEvidence,
  operatorVisible,
  readingOf,
  type AlertReading,
} from '../../../shared/exercise/auto-operator';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import {
  OPERATOR,
  START,
  alertSnapshot,
  atStep,
  consoleEngine,
  event,
  partiesSaying,
} from './console-state';

const reading = (over: Partial<AlertReading> = {}): AlertReading => ({
  gravity: 30,
  severity: 'low',
  certainty: 0.5,
  certaintyBand: 'possible',
  harm: false,
  breach: false,
  mission: false,
  protectedSite: false,
  kinds: ['observer'],
  ...over,
});

const report = (over: Partial<ScenarioEvent> = {}): ScenarioEvent => event('obs-1', over);

describe('the evidence rule at its thresholds', () => {
  it('calls evidence weak only below 0.35 certainty and below gravity 40', () => {
    expect(judgeEvidence(reading({ certainty: 0.34, gravity: 39.9 })).verdict).toBe('weak');
    expect(judgeEvidence(reading({ certainty: 0.35, gravity: 30 })).verdict).toBe('unclear');
    expect(judgeEvidence(reading({ certainty: 0.2, gravity: 40 })).verdict).toBe('unclear');
  });

  it('calls evidence strong at 0.6 certainty only with gravity 40 or a grave factor', () => {
    expect(judgeEvidence(reading({ certainty: 0.6, gravity: 39.9 })).verdict).toBe('unclear');
    for (const factor of [{ harm: true }, { breach: true }, { mission: true }, { gravity: 40 }]) {
      expect(judgeEvidence(reading({ certainty: 0.6, gravity: 39.9, ...factor })).verdict).toBe(
        'strong',
      );
    }
    // A settlement nearby is not, by itself, strong evidence of a violation.
    expect(
      judgeEvidence(reading({ certainty: 0.9, gravity: 20, protectedSite: true })).verdict,
    ).toBe('unclear');
  });

  it('keeps what it read beside the verdict', () => {
    const read = reading({ certainty: 0.7, gravity: 55, severity: 'medium', kinds: ['drone'] });
    expect(judgeEvidence(read)).toEqual({ ...read, verdict: 'strong' });
  });

  it('never closes harm or an attack on the mission as weak, and escalates only the probable', () => {
    const readings = fc.record({
      gravity: fc.double({ min: 0, max: 100, noNaN: true }),
      certainty: fc.double({ min: 0, max: 1, noNaN: true }),
      harm: fc.boolean(),
      breach: fc.boolean(),
      mission: fc.boolean(),
      protectedSite: fc.boolean(),
    });
    fc.assert(
      fc.property(readings, (over) => {
        const { verdict } = judgeEvidence(reading(over));
        if (over.harm || over.mission) expect(verdict).not.toBe('weak');
        if (verdict === 'strong') expect(over.certainty).toBeGreaterThanOrEqual(0.6);
        if (verdict === 'weak') expect(over.certainty).toBeLessThan(0.35);
        // Below 0.35 with nothing grave, or probable with something grave: never left unclear.
        const grave = over.gravity >= 40 || over.harm || over.breach || over.mission;
        if (over.certainty >= 0.6 && grave) expect(verdict).toBe('strong');
        if (over.certainty < 0.35 && !grave) expect(verdict).toBe('weak');
      }),
    );
  });
});

describe('what the operator reads on the console', () => {
  it('picks up harm, a prohibited place, the mission and a protected site from the factors', () => {
    const flags = (factor: 'harm' | 'place' | 'mission' | 'protected' | 'act') => {
      const r = readingOf(alertSnapshot({ view: { factors: ['act', factor] } }));
      return [r.harm, r.breach, r.mission, r.protectedSite];
    };
    expect(flags('harm')).toEqual([true, false, false, false]);
    expect(flags('place')).toEqual([false, true, false, false]);
    expect(flags('mission')).toEqual([false, false, true, false]);
    expect(flags('protected')).toEqual([false, false, false, true]);
    expect(flags('act')).toEqual([false, false, false, false]);
  });

  it("reads an alert in an incident by the incident's measures, and its own sources", () => {
    const alert = alertSnapshot({
      gravity: 20,
      severity: 'low',
      certainty: 0.3,
      certaintyBand: 'unconfirmed',
      incident: {
        id: 'I-1',
        alertIds: ['A-obs-1'],
        primary: true,
        gravity: 75,
        severity: 'high',
        certainty: 0.8,
        certaintyBand: 'confirmed',
      },
      view: { sources: ['observer', 'drone'] },
    });
    expect(readingOf(alert)).toEqual({
      gravity: 75,
      severity: 'high',
      certainty: 0.8,
      certaintyBand: 'confirmed',
      harm: false,
      breach: false,
      mission: false,
      protectedSite: false,
      kinds: ['observer', 'drone'],
    });
  });

  it('copies only the fields a report carries that a player may see', () => {
    const seen = operatorVisible(
      report({
        party: 'S',
        truth: 'violation',
        expected_action: 'Escalate.',
        incident: 'inc-1',
        'x-from': 'Liaison officer',
      }),
    );
    expect(seen).toStrictEqual({
      id: 'obs-1',
      time: new Date(START).toISOString(),
      source: 'observer',
      type: 'small-arms-fire',
      lat: -44.2,
      lon: -120.55,
      confidence: 0.5,
      party: 'S',
      'x-from': 'Liaison officer',
    });
  });

  it('takes the party the first report naming one attributes it to', () => {
    const r = (party?: string) => operatorVisible(report(party ? { party } : {}));
    expect(attributed([r(), r('S'), r('N')])).toBe('S');
    expect(attributed([r(), r()])).toBeNull();
    expect(attributed([])).toBeNull();
  });

  it("reads an alert's reports from the scenario and from the controller's injects", () => {
    const engine = consoleEngine({
      alerts: [],
      events: [report({ id: 'obs-1' })],
      injected: [
        { seq: 7, event: report({ id: 'MSEL-1', source: 'inject', type: 'inject' }) },
        { seq: 8, event: report({ id: 'MSEL-2', source: 'inject', type: 'inject' }) },
      ],
    });
    const read = createReader(engine);
    // Seq 4 is neither in the scenario nor injected (yet): it is not read.
    const alert = alertSnapshot({ eventSeqs: [0, 4, 7] });
    expect(read(alert).events.map((e) => e.id)).toEqual(['obs-1', 'MSEL-1']);
  });
});

describe('reading an alert once per change', () => {
  function countingEngine() {
    const alert = alertSnapshot({
      eventSeqs: [0],
      acknowledged: { by: 'auto', at: START },
      protocol: atStep('triage'),
    });
    const base = consoleEngine({ alerts: [alert], events: [report()] });
    const counter = { reads: 0 };
    const engine = {
      ...(base as unknown as Record<string, unknown>),
      get setup() {
        counter.reads += 1;
        return (base as unknown as { setup: unknown }).setup;
      },
    } as unknown as ExerciseEngine;
    return { alert, engine, counter };
  }

  it('gives back the same reading for the same alert snapshot', () => {
    const { alert, engine } = countingEngine();
    const read = createReader(engine);
    const first = read(alert);
    expect(read(alert)).toBe(first);
    // A new snapshot (the alert changed) is read afresh.
    expect(read({ ...alert })).not.toBe(first);
  });

  it('does not read the reports again when asked again about an unchanged console', () => {
    const { engine, counter } = countingEngine();
    const policy = createAutoOperator(OPERATOR, partiesSaying({}));
    const first = policy.next(engine);
    const reads = counter.reads;
    expect(reads).toBeGreaterThan(0);
    expect(policy.next(engine)).toMatchObject({ at: first!.at, what: first!.what });
    expect(counter.reads).toBe(reads);
  });
});
