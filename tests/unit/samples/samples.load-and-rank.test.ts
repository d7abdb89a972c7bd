// The samples through the real loader and the real alert engine: both load
// with no error or warning, the scripted incidents sit where they were meant
// to, and they produce the intended alerts under the built-in scoring model.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { meetingDelays } from './meeting-delays';
import { SAMPLES, km, sampleDir, type SampleId } from './sample-files';

const loaded = new Map<SampleId, LoadedScenario>();

beforeAll(async () => {
  for (const id of SAMPLES) {
    const outcome = await loadScenarioFromPath(sampleDir(id));
    if (!outcome.ok) throw new Error(`${id}: ${JSON.stringify(outcome.errors.slice(0, 5))}`);
    expect(outcome.kind).toBe('scenario');
    expect(outcome.warnings).toEqual([]);
    if (outcome.kind === 'scenario') loaded.set(id, outcome.scenario);
  }
});

function event(id: SampleId, eventId: string): ReplayEvent {
  const found = loaded.get(id)!.events.find((e) => e.event.id === eventId);
  if (!found) throw new Error(`${id}: no event ${eventId}`);
  return found;
}

const apartKm = (a: ReplayEvent, b: ReplayEvent) =>
  km(a.event.lat!, a.event.lon!, b.event.lat!, b.event.lon!);
const at = (iso: string) => Date.parse(iso);

describe('every sample loads through the scenario loader', () => {
  it.each(SAMPLES)('%s loads with zero errors and zero warnings', (id) => {
    const scenario = loaded.get(id)!;
    expect(scenario.classification).toMatch(/^EXERCISE/);
    expect(scenario.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('line-72h scripted incidents', () => {
  it('MLRS 12 km from the line, inside the MLRS and heavy-weapons zones: satellite first, drone confirms within 60 min and 10 km', () => {
    const sat = event('line-72h', 'SAT-S2-MLRS-1');
    const drone = event('line-72h', 'DRN-S2-MLRS-1');
    for (const e of [sat, drone]) {
      expect(e.zoneIds).toEqual(expect.arrayContaining(['wez-15', 'wez-70', 'sector-2']));
      expect(e.event.weapon_class).toBe('mlrs');
      expect(e.event.truth).toBe('violation');
      expect(e.event.expected_action).toBeTruthy();
    }
    expect(sat.event.source).toBe('satellite');
    expect(drone.event.source).toBe('drone');
    expect(drone.at - sat.at).toBeGreaterThan(0);
    expect(drone.at - sat.at).toBeLessThanOrEqual(60 * 60_000);
    expect(apartKm(sat, drone)).toBeLessThan(10);
  });

  it('the MLRS alert is the top alert once the drone has confirmed it, and critical once it has fired', () => {
    for (const time of ['2027-03-09T20:40:00Z', '2027-03-09T21:00:00Z', '2027-03-09T22:00:00Z']) {
      const [top, second] = rankAlertsAt(loaded.get('line-72h')!, at(time));
      expect(top?.id, time).toBe('A-SAT-S2-MLRS-1');
      expect(top?.certaintyBand, time).toBe('confirmed');
      expect(top?.severity, time).toBe(time.endsWith('22:00:00Z') ? 'critical' : 'high');
      expect(top?.sources).toEqual(expect.arrayContaining(['satellite', 'drone']));
      expect(second!.gravity, time).toBeLessThan(top!.gravity);
    }
  });

  it('shelling of Kerrow: impacts inside the settlement, casualties, fire from inside the 50 km artillery zone', () => {
    const casualties = event('line-72h', 'OBS-KER-CASUALTIES-1');
    expect(casualties.event).toMatchObject({
      killed: { low: 2, best: 3, high: 4 },
      civilian_killed: { low: 2, best: 3, high: 4 },
      injured: 7,
      civilian_injured: 7,
      target: 'civilian',
      refers_to: 'GND-KER-IMPACT-1',
      incident: 'shelling-of-kerrow',
    });
    expect(casualties.settlementId).toBe('set-kerrow');
    expect(casualties.settlementDistanceKm).toBe(0);
    expect(event('line-72h', 'GND-KER-IMPACT-1').settlementId).toBe('set-kerrow');
    expect(event('line-72h', 'GND-KER-ORIGIN-1').zoneIds).toContain('wez-50');
    const alerts = rankAlertsAt(loaded.get('line-72h')!, at('2027-03-09T06:15:00Z'));
    expect(alerts.slice(0, 2).map((a) => [a.id, a.severity])).toEqual([
      ['A-GND-KER-IMPACT-1', 'critical'],
      ['A-GND-KER-ORIGIN-1', 'critical'],
    ]);
  });

  it('monitoring drone jammed: jamming, then the sensor lost, then a patrol turned back', () => {
    const jam = event('line-72h', 'DRN-UAV04-JAM-1');
    const lost = event('line-72h', 'DRN-UAV04-LOST-1');
    const denied = event('line-72h', 'OBS-UAV04-DENIED-1');
    expect([jam.event.type, lost.event.type, denied.event.type]).toEqual([
      'jamming',
      'sensor-fault',
      'movement-restriction',
    ]);
    expect(lost.event.sensor).toBe(jam.event.sensor);
    expect(lost.at - jam.at).toBeLessThan(15 * 60_000);
    const uav = loaded.get('line-72h')!.sensors.find((s) => s.id === 'UAV-04')!;
    expect(uav.coverage!.some((w) => Date.parse(w.to) === lost.at)).toBe(true);
    const alert = rankAlertsAt(loaded.get('line-72h')!, at('2027-03-10T18:00:00Z')).find(
      (a) => a.id === 'A-DRN-UAV04-JAM-1',
    );
    expect(alert?.eventIds).toEqual(['DRN-UAV04-JAM-1', 'DRN-UAV04-LOST-1', 'OBS-UAV04-DENIED-1']);
  });

  it('crop-fire hotspots are single-source, low-confidence, far from the line, rank low, and one group is cleared', () => {
    const scenario = loaded.get('line-72h')!;
    const fires = scenario.events.filter((e) => e.event.id.startsWith('SAT-FIRE-'));
    expect(fires).toHaveLength(5);
    for (const fire of fires) {
      expect(fire.event.type).toBe('thermal-hotspot');
      expect(fire.event.confidence).toBeLessThan(0.4);
      expect(fire.event.truth).toBe('false-positive');
      expect(fire.event.expected_action).toMatch(/false alarm/);
      expect(fire.lineDistanceKm).toBeGreaterThan(15);
      const others = scenario.events.filter(
        (e) =>
          e.event.source !== 'satellite' &&
          e.event.assessment !== 'clears' &&
          e.event.lat !== undefined &&
          Math.abs(e.at - fire.at) <= 60 * 60_000 &&
          apartKm(e, fire) <= 10,
      );
      expect(others.map((e) => e.event.id)).toEqual([]);
    }
    for (const [time, id] of [
      ['2027-03-08T23:00:00Z', 'A-SAT-FIRE-S1-1'],
      ['2027-03-10T01:00:00Z', 'A-SAT-FIRE-S5-1'],
    ] as const) {
      const alert = rankAlertsAt(scenario, at(time)).find((a) => a.id === id);
      expect(['low', 'info']).toContain(alert?.severity);
    }
    // A drone over the first fields reports stubble burning: the alert is cleared.
    expect(event('line-72h', 'DRN-FIRE-S1-1').event).toMatchObject({
      assessment: 'clears',
      refers_to: 'SAT-FIRE-S1-1',
    });
    const cleared = rankAlertsAt(scenario, at('2027-03-08T23:30:00Z')).find(
      (a) => a.id === 'A-SAT-FIRE-S1-1',
    );
    expect([cleared?.state, cleared?.certaintyBand]).toEqual(['cleared', 'cleared']);
  });

  it('the tractor column: a low-confidence drone report, cleared by a patrol within the hour', () => {
    const drone = event('line-72h', 'DRN-COLUMN-S5-1');
    const patrol = event('line-72h', 'OBS-COLUMN-S5-1');
    expect(drone.event).toMatchObject({
      type: 'vehicle-column',
      source: 'drone',
      truth: 'false-positive',
    });
    expect(drone.event.confidence).toBeLessThan(0.4);
    expect(patrol.event).toMatchObject({
      type: 'vehicle-column',
      source: 'observer',
      truth: 'false-positive',
    });
    expect(patrol.event.confidence).toBeGreaterThanOrEqual(0.9);
    expect(patrol.event.summary).toMatch(/No military vehicles/);
    expect(patrol.event).toMatchObject({ assessment: 'clears', refers_to: 'DRN-COLUMN-S5-1' });
    const [before, after] = ['2027-03-10T01:30:00Z', '2027-03-10T02:05:00Z'].map((t) =>
      rankAlertsAt(loaded.get('line-72h')!, at(t)).find((a) => a.id === 'A-DRN-COLUMN-S5-1')!,
    );
    expect(after!.state).toBe('cleared');
    expect(after!.gravity).toBe(before!.gravity);
    expect(patrol.at - drone.at).toBeLessThanOrEqual(60 * 60_000);
    expect(apartKm(drone, patrol)).toBeLessThan(10);
  });

  it('the evening of day 2 is busy: several serious alerts open at once', () => {
    expect(event('line-72h', 'GND-DA2-CAM-1').zoneIds).toContain('da-2');
    expect(event('line-72h', 'DRN-DMZ-DIG-1').zoneIds).toContain('dmz');
    expect(event('line-72h', 'DRN-S1-TANK-1').zoneIds).toContain('wez-15');
    const alerts = rankAlertsAt(loaded.get('line-72h')!, at('2027-03-10T06:00:00Z')).filter(
      (a) => !a.quiet,
    );
    // The tank firing from inside the 15 km zone is critical; the armed presence and fire in
    // Disengagement Area 2 (no heavy weapons, no harm) is second, medium.
    expect(alerts.filter((a) => a.severity === 'critical').map((a) => a.id)).toEqual([
      'A-GND-S1-TANK-1',
    ]);
    expect(alerts[1]!.id).toBe('A-GND-DA2-SEISMIC-1');
    expect(
      alerts.filter((a) => ['critical', 'high', 'medium'].includes(a.severity)).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('Kerrow craters: analysed on the ground (calibre, direction), one per round fired; the drone only counts what it sees', () => {
    const rounds = ['GND-KER-ORIGIN-1', 'GND-KER-ORIGIN-2'].reduce(
      (n, id) => n + event('line-72h', id).event.count!,
      0,
    );
    const ground = event('line-72h', 'OBS-KER-CRATERS-1').event;
    expect(ground).toMatchObject({ source: 'observer', type: 'crater-field', calibre_mm: 152 });
    expect(ground.count).toBe(rounds);
    const origin = event('line-72h', 'GND-KER-ORIGIN-1');
    const fromImpacts = event('line-72h', 'OBS-KER-CRATERS-1');
    // The direction the analysis gives points back at the located firing position.
    const back = Math.atan2(
      (origin.event.lon! - fromImpacts.event.lon!) * Math.cos((origin.event.lat! * Math.PI) / 180),
      origin.event.lat! - fromImpacts.event.lat!,
    );
    const expected = ((back * 180) / Math.PI + 360) % 360;
    expect(Math.abs(ground.bearing_deg! - expected)).toBeLessThan(5);
    const drone = event('line-72h', 'DRN-KER-CRATERS-1').event;
    expect(drone.source).toBe('drone');
    expect(drone.calibre_mm).toBeUndefined();
    expect(drone.bearing_deg).toBeUndefined();
    expect(drone.count).toBeLessThanOrEqual(rounds);
  });

  it('routine exchanges of fire reach three kinds of source every day, not only the scripted incidents', () => {
    const scenario = loaded.get('line-72h')!;
    const end = Math.max(...scenario.events.map((e) => e.shownAt));
    const routine = rankAlertsAt(scenario, end).filter(
      (a) => /^A-[a-z]{3}-\d+$/.test(a.id) && a.sources.length >= 3,
    );
    const days = new Set(
      routine.map((a) => {
        const first = scenario.events.find((e) => e.event.id === a.eventIds[0])!;
        return Math.floor((first.at - Date.parse('2027-03-08T11:00:00Z')) / 86_400_000);
      }),
    );
    expect([...days].sort()).toEqual([0, 1, 2]);
  });

  it('convenes each emergency meeting within 24 h of the violation it names', () => {
    const meetings = meetingDelays(
      loaded.get('line-72h')!,
      {
        Kerrow: 'GND-KER-ORIGIN-1',
        'MLRS near Marrin': 'SAT-S2-MLRS-1',
        'UAV-04': 'DRN-UAV04-JAM-1',
      },
      -8,
    );
    expect(meetings).toHaveLength(3);
    for (const { text, named, hours } of meetings) {
      expect(named, text).toHaveLength(1);
      expect(hours, text).toBeGreaterThan(0);
      expect(hours, text).toBeLessThanOrEqual(24);
    }
  });

  it('every scripted event that matters carries truth and, mostly, an expected action', () => {
    const scripted = loaded
      .get('line-72h')!
      .events.filter((e) => /^[A-Z]{3}-/.test(e.event.id) && e.event.source !== 'inject');
    expect(scripted.length).toBeGreaterThanOrEqual(40);
    const withTruth = scripted.filter((e) => e.event.truth);
    expect(withTruth.length).toBeGreaterThanOrEqual(38);
    expect(new Set(withTruth.map((e) => e.event.truth))).toEqual(
      new Set(['violation', 'false-positive', 'ambiguous']),
    );
    expect(scripted.filter((e) => e.event.expected_action).length).toBeGreaterThanOrEqual(30);
    const injects = loaded.get('line-72h')!.events.filter((e) => e.event.type === 'inject');
    for (const inject of injects)
      expect(inject.event.expected_action, inject.event.id).toBeTruthy();
  });
});

describe('quick-demo', () => {
  it('ranks the MLRS in firing positions (high) above the drone strike (medium), with the crop fire at most low', () => {
    const scenario = loaded.get('quick-demo')!;
    const alerts = rankAlertsAt(scenario, at('2027-03-09T21:00:00Z'));
    expect(alerts.slice(0, 2).map((a) => [a.id, a.severity, a.certaintyBand])).toEqual([
      ['A-SAT-S2-MLRS-1', 'high', 'confirmed'],
      ['A-DRN-ORVALE-UAV-1', 'medium', 'confirmed'],
    ]);
    const fire = rankAlertsAt(scenario, at('2027-03-09T22:59:00Z')).find(
      (a) => a.id === 'A-SAT-FIRE-S2-1',
    );
    expect(['low', 'info']).toContain(fire?.severity);
    expect(scenario.events.find((e) => e.event.id === 'SAT-FIRE-S2-1')?.event.truth).toBe(
      'false-positive',
    );
  });
});
