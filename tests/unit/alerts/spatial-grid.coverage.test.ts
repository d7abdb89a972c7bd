// The grid must never miss a neighbour: anywhere on Earth (poles, the
// antimeridian), every entry within the radius and time span is visited.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpatialGrid } from '../../../shared/alerts/spatial-grid';
import { haversineKm } from '../../../shared/geo/haversine';

const HOUR = 3_600_000;
const pointArb = fc.record({
  lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lon: fc.double({ min: -180, max: 179.999, noNaN: true }),
  t: fc.integer({ min: 0, max: 10 * HOUR }),
});

describe('space-time grid', () => {
  it('visits every entry within the radius and time span of a query', () => {
    fc.assert(
      fc.property(
        pointArb,
        fc.array(
          fc.record({
            dLat: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
            dLon: fc.double({ min: -3, max: 3, noNaN: true }),
            dt: fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
          }),
          { maxLength: 30 },
        ),
        fc.constantFrom(1, 10, 50),
        (q, around, radiusKm) => {
          const grid = new SpatialGrid<{ lat: number; lon: number; t: number }>(radiusKm, HOUR);
          const points = around.map((d) => ({
            lat: Math.max(-90, Math.min(90, q.lat + d.dLat)),
            lon: ((q.lon + d.dLon + 540) % 360) - 180,
            t: q.t + d.dt,
          }));
          for (const p of points) grid.add(grid.keyOf(p.lat, p.lon, p.t), p);
          const seen = new Set<object>();
          grid.visitNear(
            q.lat,
            q.lon,
            q.t,
            HOUR,
            () => true,
            (p) => seen.add(p),
          );
          for (const p of points) {
            const near =
              haversineKm(q.lat, q.lon, p.lat, p.lon) <= radiusKm && Math.abs(p.t - q.t) <= HOUR;
            if (near) expect(seen.has(p)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds neighbours across the antimeridian and near a pole', () => {
    const grid = new SpatialGrid<string>(10, HOUR);
    grid.add(grid.keyOf(10, 179.99, 0), 'east');
    grid.add(grid.keyOf(89.95, 0, 0), 'pole');
    const seen: string[] = [];
    grid.visitNear(
      10,
      -179.99,
      0,
      HOUR,
      () => true,
      (e) => seen.push(e),
    );
    grid.visitNear(
      89.95,
      120,
      0,
      HOUR,
      () => true,
      (e) => seen.push(e),
    );
    expect(seen.sort()).toEqual(['east', 'pole']);
  });
});
