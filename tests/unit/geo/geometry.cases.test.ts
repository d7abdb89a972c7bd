// Geometry: point in polygon with holes and MultiPolygons, haversine against
// known distances, distance to a line of contact, and the zone locator
// checked against brute force.
import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryBBox } from '../../../shared/geo/bbox';
import { haversineKm } from '../../../shared/geo/haversine';
import { createLineDistance, distanceToLinesKm } from '../../../shared/geo/line-distance';
import { pointInMultiPolygon, pointInPolygon } from '../../../shared/geo/point-in-polygon';
import { createZoneLocator } from '../../../shared/geo/zone-locator';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import { generateScenario } from '../../../shared/scenario/generate';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('point in polygon', () => {
  const withHole = [square(0, 0, 10, 10), square(4, 4, 6, 6)];

  it('is inside the outer ring and outside the hole', () => {
    expect(pointInPolygon(1, 1, withHole)).toBe(true);
    expect(pointInPolygon(5, 5, withHole)).toBe(false);
    expect(pointInPolygon(11, 5, withHole)).toBe(false);
    expect(pointInPolygon(3.9, 5, withHole)).toBe(true);
  });

  it('handles concave rings', () => {
    const c = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [5, 2],
        [0, 10],
        [0, 0],
      ],
    ];
    expect(pointInPolygon(5, 5, c)).toBe(false);
    expect(pointInPolygon(5, 1, c)).toBe(true);
    expect(pointInPolygon(1, 8, c)).toBe(true);
  });

  it('a MultiPolygon contains what any of its polygons contains', () => {
    const multi = [[square(0, 0, 1, 1)], [square(5, 5, 6, 6), square(5.2, 5.2, 5.8, 5.8)]];
    expect(pointInMultiPolygon(0.5, 0.5, multi)).toBe(true);
    expect(pointInMultiPolygon(5.1, 5.1, multi)).toBe(true);
    expect(pointInMultiPolygon(5.5, 5.5, multi)).toBe(false);
    expect(pointInMultiPolygon(3, 3, multi)).toBe(false);
  });
});

describe('haversine', () => {
  it('matches known distances', () => {
    // Kyiv – Kharkiv, about 409 km great-circle.
    expect(haversineKm(50.4501, 30.5234, 49.9935, 36.2304)).toBeCloseTo(409, -1);
    // One degree of latitude, about 111.2 km.
    expect(haversineKm(48, 37, 49, 37)).toBeCloseTo(111.19, 1);
    expect(haversineKm(48, 37, 48, 37)).toBe(0);
  });
});

describe('distance to the line of contact', () => {
  const line = [
    [37, 48],
    [37, 49],
  ];

  it('is the perpendicular distance beside the segment and the end distance beyond it', () => {
    // 0.1° of longitude at 48.5°N is about 7.37 km.
    expect(distanceToLinesKm(37.1, 48.5, [line])).toBeCloseTo(haversineKm(48.5, 37.1, 48.5, 37), 2);
    expect(distanceToLinesKm(37, 49.5, [line])).toBeCloseTo(haversineKm(49.5, 37, 49, 37), 2);
    expect(distanceToLinesKm(37, 48.3, [line])).toBe(0);
  });

  it('takes the nearest of several lines (MultiLineString)', () => {
    const other = [
      [38, 48],
      [38, 49],
    ];
    expect(distanceToLinesKm(37.9, 48.5, [line, other])).toBeCloseTo(
      haversineKm(48.5, 37.9, 48.5, 38),
      2,
    );
  });

  it('is within 0.5% of a dense brute-force search near the front', () => {
    const wavy = Array.from({ length: 30 }, (_, i) => [37 + 0.1 * Math.sin(i), 48 + i * 0.05]);
    fc.assert(
      fc.property(
        fc.double({ min: 36, max: 38, noNaN: true }),
        fc.double({ min: 47.5, max: 50, noNaN: true }),
        (lon, lat) => {
          let brute = Infinity;
          for (let i = 1; i < wavy.length; i++) {
            const [ax, ay] = wavy[i - 1] as [number, number];
            const [bx, by] = wavy[i] as [number, number];
            for (let t = 0; t <= 1; t += 0.002)
              brute = Math.min(
                brute,
                haversineKm(lat, lon, ay + (by - ay) * t, ax + (bx - ax) * t),
              );
          }
          const d = distanceToLinesKm(lon, lat, [wavy]);
          expect(Math.abs(d - brute)).toBeLessThanOrEqual(brute * 0.005 + 0.05);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function zone(id: string, kind: Zone['kind'], geometry: Geometry, extra: Partial<Zone> = {}): Zone {
  return { id, name: id, kind, geometry, bbox: geometryBBox(geometry), ...extra } as Zone;
}

describe('zone locator', () => {
  const zones: Zone[] = [
    zone('loc', 'line-of-contact', {
      type: 'LineString',
      coordinates: [
        [37, 48],
        [37, 49],
      ],
    }),
    zone('buffer', 'buffer-zone', {
      type: 'Polygon',
      coordinates: [square(36.9, 48, 37.1, 49), square(36.95, 48.4, 37.05, 48.5)],
    }),
    zone('town', 'settlement', { type: 'Point', coordinates: [37.3, 48.3] }, { radius_m: 2000 }),
    zone('city', 'settlement', { type: 'Polygon', coordinates: [square(37.5, 48.5, 37.6, 48.6)] }),
  ];
  const locate = createZoneLocator(zones);

  it('lists every containing zone in zone order, skipping the line of contact', () => {
    expect(locate(37.0, 48.2).zoneIds).toEqual(['buffer']);
    expect(locate(37.0, 48.45).zoneIds).toEqual([]);
    expect(locate(37.3, 48.31).zoneIds).toEqual(['town']);
    expect(locate(37.55, 48.55).zoneIds).toEqual(['city']);
  });

  it('measures the nearest settlement to its edge (0 inside) and the line distance', () => {
    const inTown = locate(37.3, 48.3);
    expect(inTown.settlementId).toBe('town');
    expect(inTown.settlementDistanceKm).toBe(0);
    const near = locate(37.3, 48.4);
    expect(near.settlementId).toBe('town');
    expect(near.settlementDistanceKm).toBeCloseTo(haversineKm(48.4, 37.3, 48.3, 37.3) - 2, 3);
    expect(near.lineDistanceKm).toBeCloseTo(haversineKm(48.4, 37.3, 48.4, 37), 1);
  });

  it('has no geography for an event without a location', () => {
    expect(locate(undefined, undefined)).toEqual({
      zoneIds: [],
      lineDistanceKm: null,
      settlementId: null,
      settlementDistanceKm: null,
    });
  });

  it('agrees with a brute-force check on the generated front (30 zones)', () => {
    const generated = generateScenario({ events: 1 });
    const genZones: Zone[] = generated.zones.features.map((f) => {
      const p = f.properties as Zone;
      return zone(p.id, p.kind, f.geometry, p);
    });
    const fast = createZoneLocator(genZones);
    // Around the generated front, with a margin beyond its outermost zones.
    const boxes = genZones.map((z) => z.bbox);
    const [w, s, e, n] = [
      Math.min(...boxes.map((b) => b[0])) - 0.2,
      Math.min(...boxes.map((b) => b[1])) - 0.2,
      Math.max(...boxes.map((b) => b[2])) + 0.2,
      Math.max(...boxes.map((b) => b[3])) + 0.2,
    ];
    fc.assert(
      fc.property(
        fc.double({ min: w, max: e, noNaN: true }),
        fc.double({ min: s, max: n, noNaN: true }),
        (lon, lat) => {
          const got = fast(lon, lat);
          const expectedIds = genZones
            .filter((z) => z.kind !== 'line-of-contact')
            .filter((z) => {
              const g = z.geometry;
              if (g.type === 'Polygon') return pointInPolygon(lon, lat, g.coordinates);
              if (g.type === 'MultiPolygon') return pointInMultiPolygon(lon, lat, g.coordinates);
              if (g.type === 'Point')
                return (
                  haversineKm(lat, lon, g.coordinates[1]!, g.coordinates[0]!) <= z.radius_m! / 1000
                );
              return false;
            })
            .map((z) => z.id);
          expect(got.zoneIds).toEqual(expectedIds);
          let best = Infinity;
          for (const z of genZones) {
            if (z.kind !== 'settlement' || z.geometry.type !== 'Point') continue;
            const c = z.geometry.coordinates;
            best = Math.min(
              best,
              Math.max(0, haversineKm(lat, lon, c[1]!, c[0]!) - z.radius_m! / 1000),
            );
          }
          expect(got.settlementDistanceKm).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('pruned line distance', () => {
  it('gives exactly the plain scan’s result', () => {
    const wavy = Array.from({ length: 65 }, (_, i) => [
      37.6 + 0.08 * Math.sin(i / 7),
      47.5 + i * 0.027,
    ]);
    const second = [[38.5, 48.0]];
    const third = [
      [36.5, 49.5],
      [36.6, 49.6],
    ];
    const fast = createLineDistance([wavy, second, third]);
    fc.assert(
      fc.property(
        fc.double({ min: 35, max: 40, noNaN: true }),
        fc.double({ min: 46, max: 51, noNaN: true }),
        (lon, lat) => {
          expect(fast(lon, lat)).toBe(distanceToLinesKm(lon, lat, [wavy, second, third]));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
