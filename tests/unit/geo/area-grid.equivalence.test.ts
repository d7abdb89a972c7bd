// The zone locator's grid (cells with a constant answer skip the exact test)
// must give exactly what testing every area's bounding box and shape gives:
// checked on random zones, on points right next to their edges and vertices,
// and on the generated front.
import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryBBox } from '../../../shared/geo/bbox';
import { createZoneLocator } from '../../../shared/geo/zone-locator';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import { generateScenario } from '../../../shared/scenario/generate';

function zone(id: string, kind: Zone['kind'], geometry: Geometry, extra: Partial<Zone> = {}): Zone {
  return { id, name: id, kind, geometry, bbox: geometryBBox(geometry), ...extra } as Zone;
}

const coord = fc.tuple(
  fc.double({ min: 36, max: 38, noNaN: true }),
  fc.double({ min: 47, max: 49, noNaN: true }),
);
/** A closed ring of 3–12 random points (self-intersecting rings included: parity still applies). */
const ring = fc.array(coord, { minLength: 3, maxLength: 12 }).map((ps) => [...ps, ps[0]!]);
const area = fc.oneof(
  fc
    .tuple(ring, fc.option(ring, { nil: undefined }))
    .map(([outer, hole]) => ({ type: 'Polygon', coordinates: hole ? [outer, hole] : [outer] })),
  fc
    .array(fc.array(ring, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
    .map((polygons) => ({ type: 'MultiPolygon', coordinates: polygons })),
  coord.map(([lon, lat]) => ({ type: 'Point', coordinates: [lon, lat] })),
) as fc.Arbitrary<Geometry>;
const zonesArb = fc
  .array(fc.tuple(area, fc.double({ min: 100, max: 60_000, noNaN: true })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((list) =>
    list.map(([g, radius], i) =>
      g.type === 'Point'
        ? zone(`z${i}`, 'settlement', g, { radius_m: radius })
        : zone(`z${i}`, i % 2 ? 'sector' : 'buffer-zone', g),
    ),
  );

/** Points on, and an ulp or a hair away from, every vertex and edge midpoint. */
function pointsNear(zones: Zone[]): [number, number][] {
  const out: [number, number][] = [];
  const nudges = [0, 1e-12, -1e-12, 1e-9, -1e-9, 1e-6, -1e-6];
  for (const z of zones) {
    const g = z.geometry;
    const rings =
      g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    for (const r of rings) {
      for (let i = 1; i < r.length; i++) {
        const [ax, ay] = r[i - 1] as [number, number];
        const [bx, by] = r[i] as [number, number];
        for (const [x, y] of [
          [ax, ay],
          [(ax + bx) / 2, (ay + by) / 2],
        ] as const) {
          for (const dx of nudges) for (const dy of nudges) out.push([x + dx, y + dy]);
        }
      }
    }
  }
  return out;
}

describe('zone grid', () => {
  it('gives exactly the plain loop’s placement for random zones and points', () => {
    fc.assert(
      fc.property(zonesArb, fc.array(coord, { minLength: 1, maxLength: 50 }), (zones, points) => {
        const grid = createZoneLocator(zones);
        const plain = createZoneLocator(zones, { grid: false });
        for (const [lon, lat] of [...points, ...pointsNear(zones)]) {
          expect(grid(lon, lat)).toEqual(plain(lon, lat));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives exactly the plain loop’s placement on the generated front', () => {
    const generated = generateScenario({ events: 20_000, seed: 3 });
    const zones: Zone[] = generated.zones.features.map((f) => {
      const p = f.properties as Zone;
      return zone(p.id, p.kind, f.geometry, p);
    });
    const grid = createZoneLocator(zones);
    const plain = createZoneLocator(zones, { grid: false });
    let inside = 0;
    for (const { event } of generated.events()) {
      const got = grid(event.lon, event.lat);
      expect(got).toEqual(plain(event.lon, event.lat));
      if (got.zoneIds.length > 0) inside++;
    }
    for (const [lon, lat] of pointsNear(zones)) expect(grid(lon, lat)).toEqual(plain(lon, lat));
    // The comparison means something only if many events fall inside zones.
    expect(inside).toBeGreaterThan(1000);
  });
});
