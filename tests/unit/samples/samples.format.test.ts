import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventSchema,
  manifestSchema,
  sensorSchema,
  zonePropertiesSchema,
} from '../../../shared/scenario/schema';
import { SAMPLES, inRing, km, readEvents, readJson, type SensorRecord } from './sample-files';

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
    // One feed per source kind, open sources only where the exercise has them, then the MSEL.
    expect(parsed.feeds).toEqual([
      'feeds/satellite.ndjson',
      'feeds/drone.ndjson',
      'feeds/ground.ndjson',
      'feeds/observer.ndjson',
      ...(id === 'drone-line-48h' ? ['feeds/open-source.ndjson'] : []),
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

  it('has valid zones of every kind, a line of contact several hundred km long and 5 sectors', () => {
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
        expect(['settlement', 'infrastructure']).toContain(props.kind);
        expect(props.radius_m).toBeGreaterThan(0);
      } else {
        expect(feature.geometry.type).toBe('LineString');
        expect(['line-of-contact', 'context']).toContain(props.kind);
      }
      if (props.kind === 'line-of-contact') {
        const length = lineKm(feature.geometry.coordinates as Position[]);
        expect(length).toBeGreaterThan(600);
        expect(length).toBeLessThan(900);
      }
    }
    expect(Object.fromEntries(kinds)).toEqual({
      'line-of-contact': 1,
      'demilitarized-zone': 1,
      // drone-line-48h adds the UAV exclusion zone of its drone addendum.
      'weapons-exclusion': id === 'drone-line-48h' ? 4 : 3,
      'disengagement-area': 3,
      settlement: 25,
      infrastructure: 7,
      sector: 5,
      context: 20,
    });
    const polygonSettlements = zones.features.filter(
      (f) => f.properties.kind === 'settlement' && f.geometry.type === 'Polygon',
    );
    expect(polygonSettlements.length).toBeGreaterThanOrEqual(2);
  });

  it('draws withdrawal zones along the whole line, deeper for longer-range weapons', () => {
    const line = zones.features.find((f) => f.properties.kind === 'line-of-contact')!;
    const vertices = line.geometry.coordinates as Position[];
    const bands = zones.features.filter(
      (f) =>
        f.properties.kind === 'weapons-exclusion' && String(f.properties.id).startsWith('wez-'),
    );
    expect(
      bands.map((f) => [f.properties.id, f.properties.prohibited, f.properties.max_calibre_mm]),
    ).toEqual([
      ['wez-15', ['tank'], 100],
      ['wez-50', ['artillery'], undefined],
      ['wez-70', ['mlrs'], undefined],
    ]);
    for (const band of bands) {
      const ring = (band.geometry.coordinates as Position[][])[0]!;
      // Every vertex but the two ends (on the coast and on the border, the band's own edge).
      const outside = vertices.slice(1, -1).filter(([lon, lat]) => !inRing(ring, lon, lat));
      expect(outside, String(band.properties.id)).toEqual([]);
    }
  });

  it('forbids heavy weapons in every settlement near the line and gives each its population', () => {
    const near = zones.features.filter(
      (f) => f.properties.kind === 'settlement' && f.properties.controlled_by !== undefined,
    );
    expect(near.length).toBeGreaterThanOrEqual(22);
    for (const settlement of near.filter((f) => f.properties.prohibited !== undefined)) {
      expect(settlement.properties.prohibited).toEqual(['artillery', 'mlrs', 'tank', 'mortar']);
    }
    expect(near.filter((f) => f.properties.prohibited !== undefined).length).toBe(22);
    for (const settlement of zones.features.filter((f) => f.properties.kind === 'settlement')) {
      expect(settlement.properties.population, String(settlement.properties.id)).toBeGreaterThan(
        1000,
      );
    }
  });

  it('puts the whole theatre on the invented island, in open ocean far from any real land', () => {
    const coast = zones.features.find((f) => f.properties.context === 'coast')!;
    const island = (coast.geometry.coordinates as Position[][])[0]!;
    for (const [lon, lat] of island) {
      // South Pacific, around the oceanic pole of inaccessibility: no island within 1,000 km.
      expect(lon).toBeGreaterThan(-128);
      expect(lon).toBeLessThan(-113);
      expect(lat).toBeGreaterThan(-48);
      expect(lat).toBeLessThan(-40);
    }
    const line = zones.features.find((f) => f.properties.kind === 'line-of-contact')!;
    for (const [lon, lat] of line.geometry.coordinates as Position[]) {
      expect(inRing(island, lon, lat), `${lon},${lat}`).toBe(true);
    }
    for (const sensor of sensors)
      expect(inRing(island, sensor.lon, sensor.lat), sensor.id).toBe(true);
    for (const { value } of events) {
      if (typeof value.lat === 'number') {
        expect(inRing(island, value.lon as number, value.lat), String(value.id)).toBe(true);
      }
    }
    expect(manifest.timezone).toBe('Etc/GMT+8');
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
    for (const depth of ['| 15 km |', '| 50 km |', '| 70 km |']) expect(briefing).toContain(depth);
    expect(briefing).toMatch(
      /no artillery, MLRS, tanks or mortars of any calibre inside a settlement/,
    );
    expect(briefing).toMatch(/reply within 48 h/);
  });

  it('counts in its briefing the sensors the map shows', () => {
    const briefing = readFileSync(join('sample-feeds', id, 'briefing.md'), 'utf8');
    const count = (prefix: string) => sensors.filter((s) => s.id.startsWith(prefix)).length;
    expect(briefing).toContain(`${count('ACOUSTIC-')} acoustic arrays`);
    expect(briefing).toContain(`${count('UAV-')} long-range drones`);
    expect(briefing).toContain(`${count('PATROL-')} daytime patrols`);
    expect(briefing).toContain(`(${count('CAM-')} cameras in all)`);
    // Every imaging pass in the package is in the briefing's tasking plan, and no other.
    const planned = [
      ...briefing.matchAll(/^\| \d \| \d\d:\d\d \| ([A-Z]+-\d) \| (NAI-\d[^|]*) \|$/gm),
    ];
    const passes = sensors.flatMap((s) =>
      s.coverage.flatMap((w) => (w.footprint ? [`${s.id} ${w.area}`] : [])),
    );
    expect(planned.map((m) => `${m[1]} ${m[2]!.trim()}`).sort()).toEqual(passes.sort());
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
