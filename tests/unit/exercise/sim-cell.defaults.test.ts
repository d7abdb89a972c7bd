// The simulation cell's layered defaults (docs/SCENARIO-FORMAT.md section 8):
// a party's conduct comes from its incident's script, else the script's
// default, else the built-in conduct, field by field; the incident script is
// that of the first scripted incident the alert's events name; and the
// measures proposed without a script follow from what the alert is.
import { describe, expect, it } from 'vitest';
import { conductOf, defaultMeasures, replyText, scriptOf } from '../../../shared/exercise/sim-cell';
import type { PartyScript } from '../../../shared/scenario/schema';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { ZONES, at, buildScenario } from './hand-scenario';

const script = {
  default: {
    acknowledge: { after_min: 30, via: 'liaison office' },
    meeting: 'refuses',
  },
  incidents: {
    'MLRS near the line': {
      parties: { B: { reply: { kind: 'admits', after_h: 2 }, accepts_measures: false } },
      measures: 'B to pull the MLRS back 40 km.',
    },
    'Crop fire': { parties: { A: { requests_meeting: true } } },
  },
} as unknown as PartyScript;

const event = (id: string, extra: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
  id,
  time: at(60),
  source: 'ground-sensor',
  type: 'artillery-fire',
  lat: -44.5,
  lon: -120.5,
  confidence: 0.8,
  ...extra,
});

describe('conductOf', () => {
  it("takes each field from the incident's script, else the default, else the built-in conduct", () => {
    const incident = scriptOf(
      script,
      buildScenario([event('m', { incident: 'MLRS near the line' })]).events,
    );
    expect(conductOf(script, incident, 'B')).toEqual({
      acknowledge: { after_min: 30, via: 'liaison office' },
      reply: { kind: 'admits', after_h: 2 },
      meeting: 'refuses',
      accepts_measures: false,
      requests_meeting: false,
    });
    expect(conductOf(script, incident, 'A')).toEqual({
      acknowledge: { after_min: 30, via: 'liaison office' },
      reply: { kind: 'denies', after_h: 24 },
      meeting: 'refuses',
      accepts_measures: true,
      requests_meeting: false,
    });
    expect(conductOf(null, null, 'A')).toEqual({
      acknowledge: { after_min: 10 },
      reply: { kind: 'denies', after_h: 24 },
      meeting: 'attends',
      accepts_measures: true,
      requests_meeting: false,
    });
  });
});

describe('scriptOf', () => {
  it('gives the script of the first scripted incident the events name, or none', () => {
    const events = buildScenario([
      event('a', { time: at(10), incident: 'Not in the script' }),
      event('b', { time: at(20), incident: 'Crop fire' }),
      event('c', { time: at(30), incident: 'MLRS near the line' }),
    ]).events;
    expect(scriptOf(script, events)).toBe(script.incidents!['Crop fire']);
    expect(scriptOf(script, events.slice(0, 1))).toBeNull();
    expect(scriptOf(null, events)).toBeNull();
    expect(scriptOf({ default: {} } as PartyScript, events)).toBeNull();
    // An incident named like an Object property is no script.
    expect(
      scriptOf(script, buildScenario([event('d', { incident: 'toString' })]).events),
    ).toBeNull();
  });
});

describe('replyText', () => {
  it("words each reply in the party's name, naming the alert", () => {
    expect(replyText('Bravo', 'admits', 'Shelling')).toBe(
      'Bravo acknowledges the activity the Mission reported (Shelling) and undertakes to stop it and report back on the measures taken.',
    );
    expect(replyText('Bravo', 'counter-accuses', 'Shelling')).toBe(
      "Bravo rejects the Mission's report (Shelling) and says its units were answering fire from the other side.",
    );
  });
});

describe('defaultMeasures', () => {
  const measuresFor = (...events: ScenarioEvent[]) =>
    defaultMeasures(buildScenario(events).events, ZONES, (id) => `Party ${id}`);
  // Away from the exclusion zone, which lies between latitudes -44.6 and -44.4.
  const outside = { lat: -44.9 };

  it('asks the heaviest weapon withdrawn, beyond the zone that prohibits it or the exclusion line', () => {
    expect(
      measuresFor(event('m', { type: 'mlrs-fire', party: 'B' }), event('t', { type: 'tank-fire' })),
    ).toBe(
      'Party B to withdraw its multiple-launch rocket systems beyond the limit of the Exclusion Zone 1 within 24 hours; a joint overflight to verify.',
    );
    expect(measuresFor(event('k', { type: 'tank-fire', ...outside }))).toBe(
      'Both parties to withdraw their tanks beyond their exclusion line within 24 hours; a joint overflight to verify.',
    );
    // The zone prohibits MLRS and artillery, not tanks.
    expect(measuresFor(event('k2', { type: 'tank-fire', party: 'A' }))).toBe(
      'Party A to withdraw its tanks beyond its exclusion line within 24 hours; a joint overflight to verify.',
    );
    expect(
      measuresFor(event('w', { type: 'ground-activity', weapon_class: 'missile', ...outside })),
    ).toBe(
      'Both parties to withdraw their missile launchers beyond their exclusion line within 24 hours; a joint overflight to verify.',
    );
  });

  it('asks the jamming, the movement restriction or the drones stopped, by what the alert is', () => {
    expect(measuresFor(event('j', { type: 'jamming', party: 'A' }))).toBe(
      "Party A to stop the jamming and keep electronic-warfare systems out of the zone; the Mission's UAV flights not to be interfered with.",
    );
    expect(measuresFor(event('r', { type: 'movement-restriction' }))).toBe(
      "Both parties to restore the Mission's freedom of movement and let its patrols through without delay.",
    );
    expect(measuresFor(event('d', { type: 'drone-strike', party: 'B' }))).toBe(
      'No party UAV flights in the zone; Party B to confirm the order to its units within 24 hours.',
    );
    expect(measuresFor(event('u', { type: 'ground-activity', weapon_class: 'uav' }))).toMatch(
      /^No party UAV flights in the zone; both parties/,
    );
  });

  it('asks the local ceasefire reaffirmed after small-arms fire or a clash, and the ceasefire otherwise', () => {
    const reaffirm =
      'Both parties to reaffirm the local ceasefire and reissue fire-discipline orders to their units in the sector; reported back within 24 hours.';
    expect(measuresFor(event('c', { type: 'armed-clash', ...outside }))).toBe(reaffirm);
    expect(
      measuresFor(event('s', { type: 'ground-activity', weapon_class: 'small-arms', ...outside })),
    ).toBe(reaffirm);
    expect(measuresFor(event('g', { type: 'ground-activity', party: 'A', ...outside }))).toBe(
      'Party A to reaffirm the ceasefire and report back on the measures taken within 24 hours.',
    );
  });
});
