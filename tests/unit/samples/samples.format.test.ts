import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventSchema,
  manifestSchema,
  sensorSchema,
  zonePropertiesSchema,
} from '../../../shared/scenario/schema';
import { SAMPLES, km, readEvents, readJson, type SensorRecord } from './sample-files';

type Position = [number, number];
interface ZoneFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function lineKm(coordinates: Position[]): number {
  let total = 0;
  for (let i = 1; i < coordinates.length; i += 1) {
    const [lon1, lat1] = coordinates[i - 1]!;
    const [lon2, lat2] = coordinates[i]!;
    total += km(lat1, lon1, lat2, lon2);
  }
  return total;
}

describe.each(SAMPLES)('sample %s, read file by file', (id) => {
  const manifest = readJson(id, 'scenario.json');
  const events = readEvents(id);
  const zones = readJson<{ type: string; features: ZoneFeature[] }>(id, 'zones.geojson');
  const sensors = readJson<SensorRecord[]>(id, 'sensors.json');

  it('has a valid manifest, classified EXERCISE, naming files that exist in the package', () => {
    const parsed = manifestSchema.parse(manifest);
    expect(parsed.id).toBe(id);
    expect(parsed.classification).toMatch(/^EXERCISE/);
    expect(parsed.parties.map((p) => p.role).sort()).toEqual([
      'guarantor',
      'monitor',
      'party',
      'party',
    ]);
    expect(parsed.feeds).toEqual([
      'feeds/satellite.ndjson',
      'feeds/drone.ndjson',
      'feeds/ground.ndjson',
      'feeds/observer.ndjson',
      'feeds/msel.csv',
    ]);
  });

  it('has every event valid per the event schema, with unique ids, in the window', () => {
    const parsed = manifestSchema.parse(manifest);
    const start = Date.parse(parsed.start);
    const end = Date.parse(parsed.end);
    const parties = new Set(parsed.parties.map((p) => p.id));
    const sensorIds = new Set(sensors.map((s) => s.id));
    const ids = new Set<string>();
    for (const { file, line, value } of events) {
      const where = `${file}:${line}`;
      const result = eventSchema.safeParse(value);
      expect(result.success, `${where}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      const event = result.data!;
      expect(ids.has(event.id), `${where}: duplicate id ${event.id}`).toBe(false);
      ids.add(event.id);
      const t = Date.parse(event.time);
      expect(t >= start && t <= end, `${where}: time outside the window`).toBe(true);
      if (event.reported) expect(Date.parse(event.reported), where).toBeGreaterThanOrEqual(t);
      if (event.party)
        expect(parties.has(event.party), `${where}: party ${event.party}`).toBe(true);
      if (event.sensor)
        expect(sensorIds.has(event.sensor), `${where}: sensor ${event.sensor}`).toBe(true);
      if (event.source !== 'inject') expect(event.lat, `${where}: no location`).toBeDefined();
      for (const key of Object.keys(event)) {
        expect(
          key in eventSchema.shape || key.startsWith('x-'),
          `${where}: unknown field ${key}`,
        ).toBe(true);
      }
    }
  });

  it('has valid zones of every kind, a line of contact over 1,000 km and 5 sectors', () => {
    expect(zones.type).toBe('FeatureCollection');
    const kinds = new Map<string, number>();
    for (const feature of zones.features) {
      const props = zonePropertiesSchema.parse(feature.properties);
      kinds.set(props.kind, (kinds.get(props.kind) ?? 0) + 1);
      if (feature.geometry.type === 'Polygon') {
        for (const ring of feature.geometry.coordinates as Position[][]) {
          expect(ring.length, props.id).toBeGreaterThanOrEqual(4);
          expect(ring[0], props.id).toEqual(ring[ring.length - 1]);
        }
      } else if (feature.geometry.type === 'Point') {
        expect(props.kind).toBe('settlement');
        expect(props.radius_m).toBeGreaterThan(0);
      } else {
        expect(feature.geometry.type).toBe('LineString');
        expect(props.kind).toBe('line-of-contact');
        expect(lineKm(feature.geometry.coordinates as Position[])).toBeGreaterThan(1000);
      }
      if (props.kind === 'weapons-exclusion') {
        expect(props.prohibited).toEqual(['artillery', 'mlrs', 'tank']);
        expect(props.max_calibre_mm).toBe(100);
      }
    }
    expect(Object.fromEntries(kinds)).toEqual({
      'line-of-contact': 1,
      'demilitarized-zone': 1,
      'weapons-exclusion': 5,
      'disengagement-area': 3,
      settlement: 22,
      sector: 5,
    });
    const polygonSettlements = zones.features.filter(
      (f) => f.properties.kind === 'settlement' && f.geometry.type === 'Polygon',
    );
    expect(polygonSettlements.length).toBeGreaterThanOrEqual(2);
  });

  it('makes disengagement areas about 2 x 2 km', () => {
    for (const feature of zones.features.filter(
      (f) => f.properties.kind === 'disengagement-area',
    )) {
      const ring = (feature.geometry.coordinates as Position[][])[0]!;
      const lats = ring.map((p) => p[1]);
      const lons = ring.map((p) => p[0]);
      const north = km(Math.min(...lats), lons[0]!, Math.max(...lats), lons[0]!);
      const east = km(lats[0]!, Math.min(...lons), lats[0]!, Math.max(...lons));
      expect(north).toBeCloseTo(2, 1);
      expect(east).toBeCloseTo(2, 1);
    }
  });

  it('has valid sensors of every kind with coverage windows', () => {
    for (const sensor of sensors) sensorSchema.parse(sensor);
    expect(new Set(sensors.map((s) => s.kind))).toEqual(
      new Set(['satellite', 'drone', 'ground-sensor', 'observer']),
    );
    for (const sensor of sensors) {
      for (const window of sensor.coverage) {
        expect(Date.parse(window.to), sensor.id).toBeGreaterThan(Date.parse(window.from));
      }
    }
  });

  it('has a briefing saying that everything is notional and an exercise', () => {
    const briefing = readFileSync(join('sample-feeds', id, 'briefing.md'), 'utf8');
    expect(briefing).toContain('All names and places are notional. EXERCISE');
    for (const heading of [
      '## Situation',
      '## Parties',
      '## The ceasefire terms',
      '## Sensors available',
      '## Consultation mechanism and deadlines',
    ]) {
      expect(briefing).toContain(heading);
    }
    expect(briefing).toMatch(
      /Prohibited inside: artillery, multiple-launch rocket systems \(MLRS\) and tanks/,
    );
    expect(briefing).toMatch(/reply within 48 h/);
  });
});

describe('sample sizes', () => {
  it('line-72h has 1,500+ events over 72 hours, with MSEL injects', () => {
    const events = readEvents('line-72h');
    expect(events.length).toBeGreaterThanOrEqual(1500);
    const injects = events.filter((e) => e.value.type === 'inject');
    expect(injects.length).toBeGreaterThanOrEqual(15);
    const summaries = injects.map((e) => String(e.value.summary)).join('\n');
    expect(summaries).toMatch(/Hotline call/);
    expect(summaries).toMatch(/denies/);
    expect(summaries).toMatch(/Media report/);
    expect(summaries).toMatch(/requests an emergency meeting/);
  });

  it('quick-demo has a few dozen events over at most 6 hours and exactly one inject', () => {
    const manifest = manifestSchema.parse(readJson('quick-demo', 'scenario.json'));
    expect(Date.parse(manifest.end) - Date.parse(manifest.start)).toBeLessThanOrEqual(
      6 * 3_600_000,
    );
    const events = readEvents('quick-demo');
    expect(events.length).toBeGreaterThanOrEqual(20);
    expect(events.length).toBeLessThanOrEqual(60);
    expect(events.filter((e) => e.value.type === 'inject')).toHaveLength(1);
  });
});
