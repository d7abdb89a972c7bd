// The launch-to-impact rule, case by case: which reports are a launch or an
// impact, and the edges of its time, reach and direction-of-fire windows.
// The worked exercise around it is launch-impact.link.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperatorEvent } from '../../../shared/exercise/auto-operator';
import {
  BEARING_TOLERANCE_DEG,
  FLIGHT_MIN,
  awaitsImpactUntil,
  bearingDeg,
  isImpact,
  isLaunch,
  landsFrom,
} from '../../../shared/exercise/launch-impact';

const MIN = 60_000;
const T = Date.parse('2031-05-01T06:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
// On the equator a degree of longitude is 111.195 km (haversine, R 6371 km),
// and the bearing due west is exactly 270 degrees.
const KM_PER_DEG = (6371 * Math.PI) / 180;

function launch(extra: Partial<OperatorEvent> = {}): OperatorEvent {
  return {
    id: 'gun',
    time: iso(T),
    source: 'ground-sensor',
    type: 'artillery-fire',
    subtype: 'outgoing',
    lat: 0,
    lon: 10,
    weapon_class: 'artillery',
    bearing_deg: 270,
    ...extra,
  } as OperatorEvent;
}

function impact(extra: Partial<OperatorEvent> = {}): OperatorEvent {
  return {
    id: 'hit',
    time: iso(T + 2 * MIN),
    source: 'observer',
    type: 'artillery-fire',
    subtype: 'impact',
    lat: 0,
    lon: 10 - 20 / KM_PER_DEG,
    ...extra,
  } as OperatorEvent;
}

/** The initial bearing found another way: the great circle's tangent against north and east, in 3-D. */
function bearingByVectors(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const [p1, p2] = [
    [lat1, lon1],
    [lat2, lon2],
  ].map(([la, lo]) => [
    Math.cos(la! * r) * Math.cos(lo! * r),
    Math.cos(la! * r) * Math.sin(lo! * r),
    Math.sin(la! * r),
  ]) as [number[], number[]];
  const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const along = p2.map((v, i) => v - dot(p1, p2) * p1[i]!);
  const north = [
    -Math.sin(lat1 * r) * Math.cos(lon1 * r),
    -Math.sin(lat1 * r) * Math.sin(lon1 * r),
    Math.cos(lat1 * r),
  ];
  const east = [-Math.sin(lon1 * r), Math.cos(lon1 * r), 0];
  return (((Math.atan2(dot(along, east), dot(along, north)) / r) % 360) + 360) % 360;
}

describe('bearingDeg', () => {
  it('gives north 0, east 90, south 180 and west 270 on the equator', () => {
    expect(bearingDeg(0, 10, 0.5, 10)).toBeCloseTo(0, 9);
    expect(bearingDeg(0, 10, 0, 10.5)).toBeCloseTo(90, 9);
    expect(bearingDeg(0, 10, -0.5, 10)).toBeCloseTo(180, 9);
    expect(bearingDeg(0, 10, 0, 9.5)).toBeCloseTo(270, 9);
  });

  it('agrees with the bearing of the great circle worked out in three dimensions', () => {
    // Hundredths of a degree: spread over the globe (doubles would start at
    // 0 and the bounds, where several wrong formulas still agree).
    const lat = fc.integer({ min: -8000, max: 8000 }).map((v) => v / 100);
    const lon = fc.integer({ min: -18000, max: 18000 }).map((v) => v / 100);
    fc.assert(
      fc.property(lat, lon, lat, lon, (la1, lo1, la2, lo2) => {
        // Not the same point, nor its antipode: no bearing there.
        fc.pre(Math.abs(la1 - la2) + Math.abs(lo1 - lo2) > 0.01);
        fc.pre(Math.abs(la1 + la2) + Math.abs(Math.abs(lo1 - lo2) - 180) > 1);
        const got = bearingDeg(la1, lo1, la2, lo2);
        const want = bearingByVectors(la1, lo1, la2, lo2);
        expect(got).toBeGreaterThanOrEqual(0);
        expect(got).toBeLessThan(360);
        const off = Math.abs(got - want);
        expect(Math.min(off, 360 - off)).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('isLaunch and isImpact', () => {
  it('take a located long-range firing or firing position with its direction of fire from a sensor', () => {
    expect(isLaunch(launch())).toBe(true);
    expect(isLaunch(launch({ subtype: 'firing-position' }))).toBe(true);
    expect(isLaunch(launch({ source: 'drone', weapon_class: 'mlrs' }))).toBe(true);
    expect(isLaunch(launch({ source: 'satellite', weapon_class: 'missile' }))).toBe(true);
  });

  it('refuse a launch missing any one of those', () => {
    for (const not of [
      { subtype: 'impact' },
      { subtype: undefined },
      { source: 'observer' },
      { source: 'media' },
      { weapon_class: undefined },
      { weapon_class: 'mortar' },
      { lat: undefined },
      { lon: undefined },
      { bearing_deg: undefined },
    ] as Partial<OperatorEvent>[]) {
      expect(isLaunch(launch(not)), JSON.stringify(not)).toBe(false);
    }
  });

  it('take a located impact, and nothing else', () => {
    expect(isImpact(impact())).toBe(true);
    expect(isImpact(impact({ subtype: 'outgoing' }))).toBe(false);
    expect(isImpact(impact({ lat: undefined }))).toBe(false);
    expect(isImpact(impact({ lon: undefined }))).toBe(false);
  });
});

describe('landsFrom', () => {
  it('pairs only a launch with an impact', () => {
    expect(landsFrom(launch(), impact())).toBe(true);
    // Reports that would pair by time, place and bearing, but are not a launch and an impact.
    const impactWithBearing = impact({
      source: 'ground-sensor',
      weapon_class: 'artillery',
      bearing_deg: 270,
      lat: 0,
      lon: 10,
      time: iso(T),
    });
    expect(landsFrom(impactWithBearing, impact())).toBe(false);
    const launchWhereItLands = launch({ id: 'gun-2', time: iso(T + MIN), lon: impact().lon });
    expect(landsFrom(launch(), launchWhereItLands)).toBe(false);
  });

  it(`pairs an impact from the launch's own minute up to ${FLIGHT_MIN} minutes after it`, () => {
    const after = (ms: number) => landsFrom(launch(), impact({ time: iso(T + ms) }));
    expect(after(0)).toBe(true);
    expect(after(FLIGHT_MIN * MIN)).toBe(true);
    expect(after(FLIGHT_MIN * MIN + 1000)).toBe(false);
    expect(after(-1000)).toBe(false);
  });

  it("pairs an impact within the weapon's reach, not beyond it", () => {
    const at = (km: number, weapon_class: OperatorEvent['weapon_class'] = 'artillery') =>
      landsFrom(launch({ weapon_class }), impact({ lon: 10 - km / KM_PER_DEG }));
    expect(at(49.9)).toBe(true);
    expect(at(50.1)).toBe(false);
    expect(at(139.9, 'mlrs')).toBe(true);
    expect(at(140.1, 'mlrs')).toBe(false);
  });

  it(`pairs an impact up to ${BEARING_TOLERANCE_DEG} degrees off the direction of fire, across north too`, () => {
    expect(landsFrom(launch({ bearing_deg: 270 - BEARING_TOLERANCE_DEG }), impact())).toBe(true);
    expect(landsFrom(launch({ bearing_deg: 270 + BEARING_TOLERANCE_DEG }), impact())).toBe(true);
    expect(landsFrom(launch({ bearing_deg: 259 }), impact())).toBe(false);
    expect(landsFrom(launch({ bearing_deg: 281 }), impact())).toBe(false);
    // Due north of the launch: 355 and 5 are each 5 degrees off.
    const north = impact({ lat: 0.2, lon: 10 });
    expect(landsFrom(launch({ bearing_deg: 355 }), north)).toBe(true);
    expect(landsFrom(launch({ bearing_deg: 5 }), north)).toBe(true);
    expect(landsFrom(launch({ bearing_deg: 349 }), north)).toBe(false);
  });
});

describe('awaitsImpactUntil', () => {
  it(`waits ${FLIGHT_MIN} minutes after the latest launch of an alert with no impact yet`, () => {
    const later = launch({ id: 'gun-2', time: iso(T + 3 * MIN) });
    expect(awaitsImpactUntil([launch(), later])).toBe(T + (3 + FLIGHT_MIN) * MIN);
    expect(awaitsImpactUntil([later, launch()])).toBe(T + (3 + FLIGHT_MIN) * MIN);
  });

  it('does not wait once an impact is in the alert, nor without a launch', () => {
    expect(awaitsImpactUntil([launch(), impact()])).toBeNull();
    expect(awaitsImpactUntil([launch({ source: 'observer' })])).toBeNull();
    expect(awaitsImpactUntil([])).toBeNull();
  });
});
