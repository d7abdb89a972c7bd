// A party's UAV seen flying inside a zone whose rules ban UAVs (the drone
// addendum of the samples: `prohibited: ["uav"]`) is a violation of the zone,
// graver than a sighting (info) and less grave than fire: the model scores it
// `low` through `place_of_weapon.prohibited_flight` and the type's `flight`
// (docs/ALERTS-AND-SEVERITY.md, Gravity; docs/SCORING-MODEL.md). The Mission's
// own drones and UAVs nobody can attribute claim no flight ban.
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCORING_MODEL,
  modelBounds,
  parseScoringModel,
} from '../../../shared/alerts/scoring-model';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { at, buildScenario, rectZone } from './fixtures/build-scenario';

const UEZ = rectZone({
  id: 'uez',
  name: 'UAV exclusion zone',
  kind: 'weapons-exclusion',
  box: [-120.5, -44.0, -120.0, -43.8],
  prohibited: ['uav'],
});
const WEZ = rectZone({
  id: 'wez',
  name: 'Heavy-weapons exclusion zone',
  kind: 'weapons-exclusion',
  box: [-119.5, -44.0, -119.0, -43.8],
  prohibited: ['tank', 'artillery'],
});
const ZONES: Zone[] = [UEZ, WEZ];
const INSIDE = { lat: -43.9, lon: -120.25 };
const ELSEWHERE = { lat: -43.9, lon: -119.25 };

const overflight = (extra: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
  id: 'uav-1',
  time: at(0),
  source: 'drone',
  type: 'uav-overflight',
  ...INSIDE,
  precision_m: 150,
  confidence: 0.85,
  weapon_class: 'uav',
  count: 1,
  party: 'B',
  ...extra,
});

/** The one alert of these reports, ranked as the engine ranks it. */
function alertOf(event: ScenarioEvent, scenario = buildScenario([event], ZONES)) {
  const [alert] = rankAlertsAt(scenario, Date.parse(at(1)));
  return alert!;
}
const placeLabels = (alert: ReturnType<typeof alertOf>) =>
  alert.factors.filter((f) => f.factor === 'place').map((f) => f.label);

describe('a UAV flight where the zone bans UAVs', () => {
  it("scores a party's UAV flying inside the zone as a low violation, named for the ban", () => {
    const alert = alertOf(overflight());
    expect(alert.severity).toBe('low');
    expect(placeLabels(alert)).toEqual(['UAV flight inside UAV exclusion zone (prohibited there)']);
  });

  it('keeps the same flight info outside every zone that bans UAVs', () => {
    const alert = alertOf(overflight(ELSEWHERE));
    expect(alert.severity).toBe('info');
    expect(placeLabels(alert)).toEqual([]);
  });

  it("does not raise the Mission's own drone flying in the zone", () => {
    const withMission = buildScenario([overflight({ party: 'MM' })], ZONES);
    const scenario = {
      ...withMission,
      parties: [...withMission.parties, { id: 'MM', name: 'Mission', role: 'monitor' as const }],
    };
    const alert = alertOf(overflight({ party: 'MM' }), scenario);
    expect(alert.severity).toBe('info');
    expect(placeLabels(alert)).toEqual([]);
  });

  it('does not raise a UAV no one can attribute, nor a sighting that names no UAV', () => {
    const { party: _unattributed, ...noParty } = overflight();
    expect(alertOf(noParty as ScenarioEvent).severity).toBe('info');
    const { weapon_class: _noClass, ...noClass } = overflight();
    expect(alertOf(noClass as ScenarioEvent).severity).toBe('info');
  });

  it('ranks a banned flight below fire from the same place', () => {
    const flight = alertOf(overflight());
    const fire = alertOf({
      id: 'fpv-1',
      time: at(0),
      source: 'drone',
      type: 'drone-strike',
      subtype: 'firing-position',
      ...INSIDE,
      precision_m: 150,
      confidence: 0.85,
      weapon_class: 'uav',
      count: 1,
      party: 'B',
    });
    expect(fire.gravity).toBeGreaterThan(flight.gravity);
  });

  it("counts a party's drone striking inside the zone as a banned flight too: the drone is the munition, so it flew there", () => {
    const strike = (extra: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
      id: 'lm-1',
      time: at(0),
      source: 'observer',
      type: 'drone-strike',
      subtype: 'impact',
      ...INSIDE,
      precision_m: 100,
      confidence: 0.9,
      weapon_class: 'uav',
      count: 1,
      party: 'B',
      ...extra,
    });
    expect(placeLabels(alertOf(strike()))).toEqual([
      'UAV flight inside UAV exclusion zone (prohibited there)',
    ]);
    const { party: _unattributed, ...noParty } = strike();
    const unattributed = alertOf(noParty as ScenarioEvent);
    expect(placeLabels(unattributed)).toEqual([]);
    expect(alertOf(strike()).gravity).toBeGreaterThan(unattributed.gravity);
    // An impact says nothing of where a gun stood, and a strike outside the ban claims none.
    expect(placeLabels(alertOf(strike(ELSEWHERE)))).toEqual([]);
    expect(
      placeLabels(alertOf(strike({ type: 'artillery-fire', weapon_class: 'artillery' }))),
    ).toEqual([]);
  });

  it('keeps a lone overflight below medium at every maximum (invariant 9), and the loader enforces it', () => {
    expect(modelBounds(BUILTIN_SCORING_MODEL).detection['uav-overflight']).toBeLessThan(40);
    const greedy = structuredClone(BUILTIN_SCORING_MODEL) as unknown as Record<string, unknown>;
    (greedy.place_of_weapon as Record<string, number>).prohibited_flight = 30;
    const parsed = parseScoringModel(greedy, 'model.json');
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('a lone uav-overflight can reach 44.0');
  });
});
