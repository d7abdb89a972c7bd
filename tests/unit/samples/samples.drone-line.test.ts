// drone-line-48h through the real loader and alert engine: a 2020s threat
// picture (FPV and loitering munitions, party UAVs in the exclusion zone,
// jamming of the Mission's drones, a missile on a power station, air defence,
// a mass-casualty strike first known from open sources and a hospital), each
// scripted event tagged for the after-action report, and `rank` at the
// scripted moments putting the grave incidents on top and the false alarms
// low or cleared.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { meetingDelays } from './meeting-delays';
import { km, sampleDir } from './sample-files';

let scenario: LoadedScenario;

beforeAll(async () => {
  const outcome = await loadScenarioFromPath(sampleDir('drone-line-48h'));
  if (!outcome.ok || outcome.kind !== 'scenario') throw new Error('drone-line-48h did not load');
  expect(outcome.warnings).toEqual([]);
  scenario = outcome.scenario;
});

function event(id: string): ReplayEvent {
  const found = scenario.events.find((e) => e.event.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
}
/** Local time of the theatre (UTC−8) on exercise day 1 = 14 September 2027. */
const local = (day: number, hhmm: string) => Date.parse(`2027-09-${13 + day}T${hhmm}:00-08:00`);
const rank = (day: number, hhmm: string) => rankAlertsAt(scenario, local(day, hhmm));
const scripted = () =>
  scenario.events.filter((e) => /^[A-Z]{3}-/.test(e.event.id) && e.event.source !== 'inject');

describe('drone-line-48h, the exercise', () => {
  it('is a version-2 scenario with its daily report hour, settlement populations and satellite footprints', () => {
    expect(scenario.dailyReportHour).toBe(9);
    const settlements = scenario.zones.filter((z) => z.kind === 'settlement');
    expect(settlements.every((z) => Number.isInteger(z.population) && z.population! > 1000)).toBe(
      true,
    );
    const optical = scenario.sensors.find((s) => s.id === 'OPT-1')!;
    expect(optical.coverage!.length).toBeGreaterThan(0);
    for (const pass of optical.coverage!) {
      expect(pass.footprint?.type).toBe('Polygon');
      expect(pass.area).toMatch(/^NAI-\d+ /);
    }
    // The morning report inject comes at the daily report hour.
    const report = scenario.events.find((e) => /daily report/.test(e.event.summary ?? ''))!;
    expect(report.at).toBe(local(1, '09:00'));
  });

  it('tags every scripted event with its incident, ground truth and expected action', () => {
    const events = scripted();
    expect(events.length).toBeGreaterThanOrEqual(25);
    for (const e of events) {
      expect(e.event.incident, e.event.id).toBeTruthy();
      expect(e.event.truth, e.event.id).toBeTruthy();
      expect(e.event.expected_action, e.event.id).toBeTruthy();
    }
    expect(new Set(events.map((e) => e.event.incident)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(events.map((e) => e.event.truth))).toEqual(
      new Set(['violation', 'false-positive', 'ambiguous']),
    );
    for (const inject of scenario.events.filter((e) => e.event.type === 'inject')) {
      expect(inject.event.expected_action, inject.event.id).toBeTruthy();
    }
  });

  it('has a 2020s threat picture: most scripted violations are drones, with EW, a missile and air defence', () => {
    const violations = scripted().filter(
      (e) => e.event.truth === 'violation' && !['sensor-fault'].includes(e.event.type),
    );
    const byDrone = violations.filter((e) => e.event.weapon_class === 'uav');
    expect(byDrone.length / violations.length).toBeGreaterThan(0.4);
    expect(
      byDrone.filter((e) => ['drone-strike', 'explosion'].includes(e.event.type)).length,
    ).toBeGreaterThanOrEqual(3);
    // Party UAV flights inside a zone that prohibits UAVs.
    const uavBanned = new Set(
      scenario.zones.filter((z) => z.prohibited?.includes('uav')).map((z) => z.id),
    );
    const flights = scripted().filter((e) => e.event.type === 'uav-overflight');
    expect(flights.length).toBeGreaterThanOrEqual(3);
    for (const f of flights) {
      expect(
        f.zoneIds.some((z) => uavBanned.has(z)),
        f.event.id,
      ).toBe(true);
    }
    // Electronic warfare against the Mission's drones.
    const ew = scripted().filter((e) => e.event.target === 'mission');
    expect(new Set(ew.map((e) => e.event.type))).toEqual(new Set(['jamming', 'sensor-fault']));
    expect(new Set(ew.map((e) => e.event.sensor))).toEqual(new Set(['UAV-04']));
    // A long-range strike on an energy site behind the line.
    const bda = event('SAT-ENERGY-BDA-1');
    expect(bda.event).toMatchObject({ type: 'missile-strike', target: 'infrastructure' });
    expect(bda.zoneIds).toContain('site-lunara-power');
    expect(bda.lineDistanceKm).toBeGreaterThan(5);
    // Air-defence activity.
    expect(
      scripted().filter((e) => e.event.weapon_class === 'air-defence').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('keeps firing points apart from impacts: subtype, and references from one to the other', () => {
    const team = event('DRN-FPV-CAR-1');
    const car = event('OBS-FPV-CAR-1');
    expect(team.event).toMatchObject({ subtype: 'firing-position', refers_to: 'OBS-FPV-CAR-1' });
    expect(car.event.subtype).toBe('impact');
    expect(Math.sign(team.event.lat! - car.event.lat!)).toBe(-1); // launched from the south side
    const launch = event('DRN-ENERGY-LAUNCH-1');
    const impact = event('GND-ENERGY-IMPACT-1');
    expect(launch.event.subtype).toBe('firing-position');
    expect(impact.event.subtype).toBe('impact');
    expect(
      km(launch.event.lat!, launch.event.lon!, impact.event.lat!, impact.event.lon!),
    ).toBeGreaterThan(50);
  });

  it('reports the strike on Varnet market first only from an open source and the hospital, then confirms it', () => {
    const reports = scenario.events.filter((e) => e.event.incident === 'varnet-market-strike');
    const [first, second, ...later] = reports;
    expect([first!.event.source, second!.event.source]).toEqual(['open-source', 'observer']);
    for (const e of [first!, second!]) {
      expect(e.event.type).toBe('casualty-report');
      expect(e.event.killed).toBeDefined();
      expect(e.event.civilian_killed).toBeDefined();
      expect(e.settlementId).toBe('set-varnet');
    }
    expect(second!.event).toMatchObject({ killed: 14, injured: 37, civilian_injured: 37 });
    const confirm = later.find((e) => e.event.assessment === 'confirms')!;
    expect(confirm.event.refers_to).toBe(first!.event.id);
    // No Mission sensor reported anything within 10 km of the market before the open source.
    const before = scenario.events.filter(
      (e) =>
        e.shownAt < first!.shownAt &&
        e.at >= local(2, '07:00') &&
        e.event.lat !== undefined &&
        km(e.event.lat, e.event.lon!, first!.event.lat!, first!.event.lon!) < 10,
    );
    expect(before.map((e) => e.event.id)).toEqual([]);
  });
});

describe('drone-line-48h ranked at the scripted moments', () => {
  it('puts the missile strike on the power station at the top, high or critical', () => {
    const [top] = rank(1, '21:00');
    expect(top!.id).toBe('A-GND-ENERGY-IMPACT-1');
    expect(['high', 'critical']).toContain(top!.severity);
  });

  it('ranks the Varnet strike critical from the first report, unconfirmed, then confirmed on the ground', () => {
    const early = rank(2, '08:00')[0]!;
    expect([early.id, early.severity]).toEqual(['A-OSN-VARNET-1', 'critical']);
    expect(['unconfirmed', 'possible']).toContain(early.certaintyBand);
    const hospital = rank(2, '09:00')[0]!;
    expect([hospital.id, hospital.severity]).toEqual(['A-OSN-VARNET-1', 'critical']);
    const confirmed = rank(2, '11:00')[0]!;
    expect([confirmed.id, confirmed.severity, confirmed.certaintyBand]).toEqual([
      'A-OSN-VARNET-1',
      'critical',
      'confirmed',
    ]);
  });

  it('puts the FPV strike on the car at the top that morning', () => {
    const [top] = rank(1, '09:00');
    expect(top!.id).toBe('A-OBS-FPV-CAR-1');
    expect(['high', 'critical']).toContain(top!.severity);
    expect(top!.eventIds).toContain('DRN-FPV-CAR-1');
  });

  it('clears the old video from Orvale and the quarry blasts', () => {
    const orvale = rank(1, '16:30').find((a) => a.id === 'A-OSN-ORVALE-1')!;
    expect([orvale.state, orvale.certaintyBand]).toEqual(['cleared', 'cleared']);
    const quarry = rank(2, '12:00').find((a) => a.id === 'A-GND-QUARRY-1')!;
    expect(quarry.state).toBe('cleared');
    expect(['low', 'info']).toContain(quarry.severity);
  });

  it('produces corroborated routine (three kinds of source) on both days, not only scripted incidents', () => {
    const end = Math.max(...scenario.events.map((e) => e.shownAt));
    const routine = rankAlertsAt(scenario, end).filter(
      (a) => /^A-[a-z]{3}-\d+$/.test(a.id) && a.sources.length >= 3,
    );
    const days = new Set(
      routine.map((a) => Math.floor((event(a.eventIds[0]!).at - local(1, '06:00')) / 86_400_000)),
    );
    expect([...days].sort()).toEqual([0, 1]);
  });

  it('convenes each emergency meeting within 24 h of the strike it names', () => {
    const meetings = meetingDelays(
      scenario,
      { 'Lunara power station': 'GND-ENERGY-IMPACT-1', 'Varnet market': 'OSN-VARNET-1' },
      -8,
    );
    expect(meetings).toHaveLength(2);
    for (const { text, named, hours } of meetings) {
      expect(named, text).toHaveLength(1);
      expect(hours, text).toBeGreaterThan(0);
      expect(hours, text).toBeLessThanOrEqual(24);
    }
  });
});
