// Sensor coverage in the samples is realistic and consistent with the events:
// drone sorties of 6–8 h, radar passes 12 h apart, daily optical passes that
// each image one scene a few tens of km wide, and every event a sensor reports
// falls in its coverage and range (or scene).
import { describe, expect, it } from 'vitest';
import {
  SAMPLES,
  inRing,
  km,
  passesOf,
  readEvents,
  readJson,
  type SensorRecord,
} from './sample-files';

const HOUR = 3_600_000;
const windows = (s: SensorRecord) =>
  s.coverage.map((w) => [Date.parse(w.from), Date.parse(w.to)] as const);

describe('line-72h sensor coverage', () => {
  const sensors = readJson<SensorRecord[]>('line-72h', 'sensors.json');
  const events = readEvents('line-72h').map((e) => e.value);
  const faultsOf = (id: string) =>
    events
      .filter((e) => e.type === 'sensor-fault' && e.sensor === id)
      .map((e) => Date.parse(String(e.time)));

  it('flies drone sorties of 6–8 hours; the one cut short ends when the drone is lost', () => {
    const drones = sensors.filter((s) => s.kind === 'drone');
    expect(drones.length).toBeGreaterThanOrEqual(4);
    let cutShort = 0;
    for (const drone of drones) {
      for (const [from, to] of windows(drone)) {
        const hours = (to - from) / HOUR;
        if (hours >= 6 && hours <= 8) continue;
        cutShort += 1;
        expect(faultsOf(drone.id), `${drone.id} sortie of ${hours} h`).toContain(to);
      }
    }
    expect(cutShort).toBe(1);
  });

  it('passes radar satellites every 12 hours and optical satellites once a day', () => {
    for (const id of ['SAR-1', 'SAR-2', 'OPT-1', 'OPT-2']) {
      const passes = windows(sensors.find((s) => s.id === id)!);
      const gap = id.startsWith('SAR') ? 12 * HOUR : 24 * HOUR;
      expect(passes.length, id).toBe(72 / (gap / HOUR));
      for (let i = 1; i < passes.length; i += 1)
        expect(passes[i]![0] - passes[i - 1]![0], id).toBe(gap);
      for (const [from, to] of passes) expect(to - from, id).toBeLessThanOrEqual(15 * 60_000);
    }
  });

  it('reports cloud-blocked optical passes as sensor faults during the pass, with no imagery from them', () => {
    const cloudy = events.filter((e) => e.subtype === 'cloud-blocked');
    expect(cloudy.length).toBeGreaterThanOrEqual(2);
    for (const fault of cloudy) {
      const sensor = sensors.find((s) => s.id === fault.sensor)!;
      const t = Date.parse(String(fault.time));
      const pass = windows(sensor).find(([a, b]) => t >= a && t <= b);
      expect(pass, String(fault.id)).toBeDefined();
      const imagery = events.filter(
        (e) =>
          e.sensor === sensor.id &&
          e.type !== 'sensor-fault' &&
          Date.parse(String(e.time)) >= pass![0] &&
          Date.parse(String(e.time)) <= pass![1],
      );
      expect(imagery).toEqual([]);
    }
  });

  it('images scenes 5–30 km wide and at most 80 km long, one per pass, each named in the tasking plan', () => {
    for (const id of ['SAR-1', 'SAR-2', 'OPT-1', 'OPT-2']) {
      const sensor = sensors.find((s) => s.id === id)!;
      const footprints = passesOf(sensor);
      // Every pass of an imaging satellite images a scene: none sees the whole front.
      expect(footprints, id).toEqual(sensor.coverage);
      // A scene is an area of interest, not the whole front.
      expect(sensor.range_km, id).toBeUndefined();
      for (const f of footprints) {
        const ring = f.footprint.coordinates[0]!;
        const lons = ring.map((p) => p[0]);
        const lats = ring.map((p) => p[1]);
        const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
        const wide = km(midLat, Math.min(...lons), midLat, Math.max(...lons));
        const long = km(Math.min(...lats), lons[0]!, Math.max(...lats), lons[0]!);
        expect(wide, `${id} ${f.from}`).toBeGreaterThanOrEqual(5);
        expect(wide, `${id} ${f.from}`).toBeLessThanOrEqual(30.1);
        expect(long, `${id} ${f.from}`).toBeLessThanOrEqual(80.1);
        expect(f.area, id).toMatch(/^NAI-\d+ /);
      }
    }
  });

  it('marks the ground-sensor outage with a sensor fault where its coverage stops', () => {
    const array = sensors.find((s) => s.id === 'ACOUSTIC-09')!;
    const [before, after] = windows(array);
    expect(after![0] - before![1]).toBe(7.5 * HOUR);
    expect(faultsOf('ACOUSTIC-09')).toEqual([before![1]]);
  });

  it('keeps day patrols to daylight hours (08:00–18:00 local, UTC−8) and one forward base round the clock', () => {
    const patrols = sensors.filter((s) => s.kind === 'observer');
    const roundTheClock = patrols.filter((p) => windows(p).some(([a, b]) => b - a > 12 * HOUR));
    expect(roundTheClock.map((p) => p.id)).toEqual(['PATROL-07']);
    for (const patrol of patrols.filter((p) => p.id !== 'PATROL-07')) {
      for (const [from, to] of windows(patrol)) {
        expect(new Date(from).getUTCHours(), patrol.id).toBe(16);
        expect(to - from, patrol.id).toBe(10 * HOUR);
      }
    }
  });
});

describe.each(SAMPLES)('%s: every sensor report is within its sensor coverage and range', (id) => {
  const sensors = new Map(readJson<SensorRecord[]>(id, 'sensors.json').map((s) => [s.id, s]));
  const events = readEvents(id).map((e) => e.value);

  it('puts each event in a coverage window of its sensor', () => {
    const outside = events.filter((e) => {
      if (typeof e.sensor !== 'string') return false;
      const t = Date.parse(String(e.time));
      return !windows(sensors.get(e.sensor)!).some(([a, b]) => t >= a && t <= b);
    });
    expect(outside.map((e) => e.id)).toEqual([]);
  });

  it('puts each located event within range of its sensor, or inside the scene its satellite imaged', () => {
    const outOfRange = events.filter((e) => {
      if (typeof e.sensor !== 'string' || typeof e.lat !== 'number') return false;
      const s = sensors.get(e.sensor)!;
      const footprints = passesOf(s);
      if (footprints.length > 0) {
        const t = Date.parse(String(e.time));
        const scene = footprints.find((f) => t >= Date.parse(f.from) && t <= Date.parse(f.to));
        return !scene || !inRing(scene.footprint.coordinates[0]!, e.lon as number, e.lat);
      }
      if (s.range_km === undefined) return true;
      // Observers locate what they hear only roughly: allow the stated precision on top.
      const slack =
        typeof e.precision_m === 'number' && s.kind === 'observer' ? e.precision_m / 1000 : 0.5;
      return km(s.lat, s.lon, e.lat, e.lon as number) > s.range_km + slack;
    });
    expect(outOfRange.map((e) => e.id)).toEqual([]);
  });

  it('names a sensor for every sensor-made event', () => {
    // Injects and open sources (media, operators' statements) are not the Mission's sensors.
    const unnamed = events.filter(
      (e) => e.source !== 'inject' && e.source !== 'open-source' && typeof e.sensor !== 'string',
    );
    expect(unnamed.map((e) => e.id)).toEqual([]);
  });
});
