// The correlation rules of docs/ALERTS-AND-SEVERITY.md (version 2), one worked
// case each: time and distance, sectors, quiet and closed alerts, references
// (refers_to), and incidents linked by an operator.
import { describe, expect, it } from 'vitest';
import { AlertEngine, type AlertChange } from '../../../shared/alerts/alert-engine';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { at, buildScenario } from './fixtures/build-scenario';
import { ZONES } from './fixtures/line-incidents';

function ev(
  id: string,
  minute: number,
  lat: number,
  lon: number,
  extra: Partial<ScenarioEvent> = {},
): ScenarioEvent {
  return {
    id,
    time: at(minute),
    source: 'observer',
    type: 'explosion',
    lat,
    lon,
    ...extra,
  } as ScenarioEvent;
}

function run(
  scenario: LoadedScenario,
  engine = new AlertEngine({ model: MODEL, zones: scenario.zones }),
) {
  const changes: AlertChange[] = [];
  for (const e of scenario.events) changes.push(...engine.addEvent(e));
  return { engine, changes };
}

// About 0.009 degrees of latitude per km.
const KM = 1 / 111.2;

describe('correlation', () => {
  it('joins an event within 60 min and 10 km of the last event, and names the alert after the first', () => {
    const { engine } = run(
      buildScenario([ev('a', 0, -42.6, -119), ev('b', 60, -42.6 + 9.5 * KM, -119)], ZONES),
    );
    expect(engine.all().map((a) => [a.id, a.eventIds])).toEqual([['A-a', ['a', 'b']]]);
  });

  it('opens a new alert beyond the window or the radius', () => {
    const late = run(
      buildScenario([ev('a', 0, -42.6, -119), ev('b', 61, -42.6, -119)], ZONES),
    ).engine;
    expect(
      late
        .all()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['A-a', 'A-b']);
    const far = run(
      buildScenario([ev('a', 0, -42.6, -119), ev('b', 1, -42.6 + 10.5 * KM, -119)], ZONES),
    ).engine;
    expect(
      far
        .all()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['A-a', 'A-b']);
  });

  it('measures from the last event, so a moving incident stays one alert', () => {
    const steps = [0, 1, 2, 3, 4].map((i) => ev(`m${i}`, i * 30, -42.6 + i * 8 * KM, -119));
    const { engine } = run(buildScenario(steps, ZONES));
    expect(engine.all()).toHaveLength(1);
  });

  it('correlates by `time`, not by when the report arrived', () => {
    const late = ev('b', 30, -42.6, -119, { reported: at(400) });
    const { engine } = run(buildScenario([ev('a', 0, -42.6, -119), late], ZONES));
    expect(engine.all().map((a) => a.eventIds)).toEqual([['a', 'b']]);
  });

  it('measures from the latest event in time, so a late report of an earlier moment does not hold the alert back', () => {
    const events = [
      ev('a', 0, -42.6, -119),
      ev('b', 50, -42.6, -119),
      ev('c', 5, -42.6, -119, { reported: at(100) }),
      ev('d', 105, -42.6, -119, { reported: at(106) }),
    ];
    const { engine } = run(buildScenario(events, ZONES));
    expect(engine.all().map((a) => a.eventIds)).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('chooses the nearest open alert in space, then in time', () => {
    const events = [
      ev('near', 0, -42.6, -119),
      ev('far', 0, -42.6 + 12 * KM, -119),
      ev('x', 10, -42.6 + 4 * KM, -119),
    ];
    const { engine } = run(buildScenario(events, ZONES));
    expect(engine.get('A-near')!.eventIds).toEqual(['near', 'x']);
    const sameSpot = [
      ev('old', 0, -42.6, -118.9),
      ev('new', 40, -42.6, -118.9 + 0.2),
      ev('y', 50, -42.6, -118.8),
    ];
    // 'y' is halfway between; equal distance, nearer in time to 'new'.
    const tie = run(buildScenario(sameSpot, ZONES)).engine;
    expect(tie.get('A-new')!.eventIds).toEqual(['new', 'y']);
  });

  it('never spans two sectors; events outside every sector join by distance and time alone', () => {
    // -44.2 is the boundary of Sector North and Sector South.
    const events = [
      ev('s', 0, -44.22, -121.48),
      ev('n', 5, -44.18, -121.48),
      ev('o', 10, -44.2, -121.51),
    ];
    const { engine } = run(buildScenario(events, ZONES));
    expect(engine.get('A-s')!.sector).toBe('sector-south');
    expect(engine.get('A-n')!.sector).toBe('sector-north');
    const outside = engine.all().find((a) => a.eventIds.includes('o'))!;
    expect(outside.id === 'A-s' || outside.id === 'A-n').toBe(true);
  });

  it('gives a closed alert no new events', () => {
    const scenario = buildScenario([ev('a', 0, -42.6, -119), ev('b', 10, -42.6, -119)], ZONES);
    const engine = new AlertEngine({ model: MODEL, zones: scenario.zones });
    engine.addEvent(scenario.events[0]!);
    expect(engine.close('A-a')).toEqual([
      { kind: 'alert-closed', alertId: 'A-a', at: scenario.events[0]!.shownAt },
    ]);
    const changes = engine.addEvent(scenario.events[1]!);
    expect(changes[0]).toMatchObject({ kind: 'alert-opened', alertId: 'A-b' });
    expect(engine.top(10).map((a) => a.id)).toEqual(['A-b']);
    expect(engine.all().map((a) => [a.id, a.closed])).toEqual([
      ['A-b', false],
      ['A-a', true],
    ]);
  });

  it('turns an alert quiet after 180 min without a new event, unless a protocol step is active', () => {
    const scenario = buildScenario([ev('a', 0, -42.6, -119), ev('b', 0, -45.3, -121.4)], ZONES);
    const engine = new AlertEngine({ model: MODEL, zones: scenario.zones });
    for (const e of scenario.events) engine.addEvent(e);
    engine.setProtocolActive('A-b', true);
    expect(engine.advanceTo(Date.parse(at(179)))).toEqual([]);
    expect(engine.advanceTo(Date.parse(at(180)))).toEqual([
      { kind: 'alert-quiet', alertId: 'A-a', at: Date.parse(at(180)) },
    ]);
    expect(engine.get('A-b')!.quiet).toBe(false);
    expect(engine.setProtocolActive('A-b', false)).toEqual([
      { kind: 'alert-quiet', alertId: 'A-b', at: Date.parse(at(180)) },
    ]);
  });

  it('reactivates a quiet alert that takes a late-reported event', () => {
    const late = ev('b', 50, -42.6, -119, { reported: at(300) });
    const { engine, changes } = run(buildScenario([ev('a', 0, -42.6, -119), late], ZONES));
    expect(changes.map((c) => c.kind)).toEqual([
      'alert-opened',
      'alert-quiet',
      'event-joined',
      'alert-active',
    ]);
    expect(engine.get('A-a')!.quiet).toBe(false);
  });

  it('forms alerts for sensor faults, jamming and movement restrictions, and for unlocated injects', () => {
    const events = [
      ev('f', 0, -42.6, -119, { type: 'sensor-fault', source: 'ground-sensor' }),
      ev('j', 0, -45.3, -121.4, { type: 'jamming', source: 'drone' }),
      ev('r', 0, -43.6, -121.4, { type: 'movement-restriction' }),
      {
        id: 'i',
        time: at(0),
        source: 'inject',
        type: 'inject',
        summary: 'hotline call',
      } as ScenarioEvent,
    ];
    const { engine } = run(buildScenario(events, ZONES));
    expect(
      engine
        .all()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['A-f', 'A-i', 'A-j', 'A-r']);
  });

  it('reports opening and band changes so the log can record them', () => {
    const events = [
      ev('a', 0, -43.75, -120.15, {
        source: 'satellite',
        type: 'heavy-weapon-sighting',
        weapon_class: 'mlrs',
        calibre_mm: 122,
        count: 6,
        confidence: 0.5,
      }),
      ev('b', 20, -43.74, -120.14, {
        source: 'drone',
        type: 'mlrs-fire',
        subtype: 'outgoing',
        weapon_class: 'mlrs',
        calibre_mm: 122,
        count: 40,
        confidence: 0.9,
      }),
    ];
    const { changes } = run(buildScenario(events, ZONES));
    expect(changes.map((c) => c.kind)).toEqual([
      'alert-opened',
      'event-joined',
      'alert-bands-changed',
    ]);
    expect(changes[0]).toMatchObject({
      alertId: 'A-a',
      severity: 'high',
      certaintyBand: 'possible',
    });
    expect(changes[2]).toMatchObject({
      alertId: 'A-a',
      from: { severity: 'high', certaintyBand: 'possible' },
      severity: 'critical',
      certaintyBand: 'confirmed',
    });
  });
});

describe('references (refers_to)', () => {
  it('joins the referred alert whatever the distance and time, without moving it', () => {
    const events = [
      ev('gun', 0, -42.6, -119, { type: 'artillery-fire', subtype: 'outgoing' }),
      // A crater analysis 40 km away, the next day.
      ev('crater', 26 * 60, -42.6 + 40 * KM, -119, { type: 'crater-field', refers_to: 'gun' }),
      // Near the gun an hour after it: still joins by distance and time from the gun.
      ev('near', 50, -42.6 + 2 * KM, -119),
    ];
    const { engine } = run(buildScenario(events, ZONES));
    expect(engine.all().map((a) => [a.id, a.eventIds])).toEqual([
      ['A-gun', ['gun', 'near', 'crater']],
    ]);
    expect(engine.get('A-gun')!.links).toEqual([
      { eventId: 'crater', refersTo: 'gun', alertId: 'A-gun' },
    ]);
  });

  it('makes a quiet alert active again', () => {
    const scenario = buildScenario(
      [
        ev('sighting', 0, -42.6, -119, { type: 'uav-overflight' }),
        ev('patrol', 600, -43.5, -120, { refers_to: 'sighting', assessment: 'confirms' }),
      ],
      ZONES,
    );
    const engine = new AlertEngine({ model: MODEL, zones: scenario.zones });
    engine.addEvent(scenario.events[0]!);
    expect(engine.advanceTo(scenario.events[1]!.shownAt - 1).map((c) => c.kind)).toEqual([
      'alert-quiet',
    ]);
    const changes = engine.addEvent(scenario.events[1]!);
    expect(changes.map((c) => c.kind)).toContain('alert-active');
    expect(engine.get('A-sighting')!.state).toBe('active');
  });

  it('opens a new alert naming the closed one, when the referred alert is closed', () => {
    const scenario = buildScenario(
      [
        ev('first', 0, -42.6, -119),
        ev('later', 30, -42.6, -119, { refers_to: 'first', assessment: 'confirms' }),
      ],
      ZONES,
    );
    const engine = new AlertEngine({ model: MODEL, zones: scenario.zones });
    engine.addEvent(scenario.events[0]!);
    engine.close('A-first');
    const [opened] = engine.addEvent(scenario.events[1]!);
    expect(opened).toMatchObject({
      kind: 'alert-opened',
      alertId: 'A-later',
      continues: 'A-first',
    });
    expect(engine.get('A-later')).toMatchObject({
      continues: 'A-first',
      links: [{ eventId: 'later', refersTo: 'first', alertId: 'A-first' }],
    });
  });
});

describe('incidents', () => {
  const scenario = () =>
    buildScenario(
      [
        ev('gun', 0, -42.6, -119, {
          type: 'artillery-fire',
          subtype: 'outgoing',
          source: 'ground-sensor',
          confidence: 0.3,
        }),
        ev('town', 5, -42.6 + 30 * KM, -119, {
          type: 'explosion',
          subtype: 'impact',
          source: 'observer',
          confidence: 0.2,
          killed: 2,
        }),
        ev('road', 6, -42.6 + 60 * KM, -119, {
          type: 'explosion',
          subtype: 'impact',
          source: 'drone',
          confidence: 0.6,
        }),
      ],
      ZONES,
    );

  it('links alerts into one incident: gravity the highest of its alerts, certainty over all its reports', () => {
    const s = scenario();
    const { engine } = run(s);
    const id = engine.link('A-gun', 'A-town');
    expect(id).toBe('I-A-gun');
    const town = engine.get('A-town')!;
    const gun = engine.get('A-gun')!;
    expect(town.incident).toMatchObject({ id: 'I-A-gun', alertIds: ['A-gun', 'A-town'] });
    expect(town.incident!.gravity).toBe(Math.max(town.gravity, gun.gravity));
    // Two compatible reports from two kinds agree: more certain than either alone.
    expect(town.incident!.certainty).toBeGreaterThan(Math.max(town.certainty, gun.certainty));
    // Linking the third through a member joins it to the same incident.
    expect(engine.link('A-town', 'A-road')).toBe('I-A-gun');
    expect(engine.get('A-road')!.incident!.alertIds).toEqual(['A-gun', 'A-town', 'A-road']);
  });

  it('refuses linking an alert to itself, twice, or when closed; unlinks, ending an incident of one', () => {
    const { engine } = run(scenario());
    expect(() => engine.link('A-gun', 'A-gun')).toThrow(/itself/);
    engine.link('A-gun', 'A-town');
    expect(() => engine.link('A-town', 'A-gun')).toThrow(/already one incident/);
    engine.close('A-road');
    expect(() => engine.link('A-gun', 'A-road')).toThrow(/closed/);
    engine.unlink('A-town');
    expect(engine.get('A-gun')!.incident).toBeNull();
    expect(engine.get('A-town')!.incident).toBeNull();
    expect(() => engine.unlink('A-town')).toThrow(/not linked/);
  });

  it('keeps the incident measures current as its alerts take reports', () => {
    const s = scenario();
    const engine = new AlertEngine({ model: MODEL, zones: s.zones });
    engine.addEvent(s.events[0]!);
    engine.addEvent(s.events[1]!);
    engine.link('A-gun', 'A-town');
    const before = engine.get('A-gun')!.incident!.certainty;
    const more = buildScenario(
      [
        ev('sat', 7, -42.6, -119 + 0.001, {
          type: 'artillery-fire',
          source: 'satellite',
          confidence: 0.9,
        }),
      ],
      ZONES,
    ).events[0]!;
    const changes = engine.addEvent({ ...more, seq: 10 });
    expect(engine.get('A-gun')!.incident!.certainty).toBeGreaterThan(before);
    expect(changes.some((c) => c.kind === 'incident-bands-changed')).toBe(true);
  });
});
