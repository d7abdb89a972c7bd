import { geoDistance } from 'd3-geo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import {
  coverageCircle,
  eventOpacity,
  fitMapProjection,
  scaleBarFor,
} from '../../../renderer/src/map/map-projection';

const square: Zone = {
  id: 'dmz-1',
  name: 'DMZ 1',
  kind: 'demilitarized-zone',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-121.0, -44.5],
        [-120.0, -44.5],
        [-120.0, -44.0],
        [-121.0, -44.0],
        [-121.0, -44.5],
      ],
    ],
  },
  bbox: [-121.0, -44.5, -120.0, -44.0],
};

describe('fitMapProjection', () => {
  it('puts every zone corner inside the padded view', () => {
    const p = fitMapProjection({ zones: [square], points: [] }, 800, 600, 20);
    for (const [lon, lat] of [
      [-121, -44.5],
      [-120, -44.0],
      [-121, -44.0],
      [-120, -44.5],
    ] as const) {
      const xy = p([lon, lat])!;
      expect(xy[0]).toBeGreaterThanOrEqual(19.9);
      expect(xy[0]).toBeLessThanOrEqual(780.1);
      expect(xy[1]).toBeGreaterThanOrEqual(19.9);
      expect(xy[1]).toBeLessThanOrEqual(580.1);
    }
  });

  it('keeps extra points (sensors) in view', () => {
    const p = fitMapProjection({ zones: [square], points: [[-119, -43.5]] }, 800, 600, 20);
    const xy = p([-119, -43.5])!;
    expect(xy[0]).toBeLessThanOrEqual(780.1);
    expect(xy[1]).toBeGreaterThanOrEqual(19.9);
  });
});

describe('fitMapProjection with coverage', () => {
  it('keeps a sensor coverage circle inside the view', () => {
    const circle = coverageCircle(-120.5, -44.8, 40);
    const p = fitMapProjection({ zones: [square], points: [], coverage: [circle] }, 800, 600, 20);
    for (const point of circle.coordinates[0]!) {
      const [x, y] = p(point as [number, number])!;
      expect(x).toBeGreaterThanOrEqual(19.5);
      expect(x).toBeLessThanOrEqual(780.5);
      expect(y).toBeGreaterThanOrEqual(19.5);
      expect(y).toBeLessThanOrEqual(580.5);
    }
  });
});

describe('scaleBarFor', () => {
  const p = fitMapProjection({ zones: [square], points: [] }, 800, 600, 20);

  it('is a round number of km whose pixel length matches the ground distance', () => {
    const bar = scaleBarFor(p, [400, 300], 1, 160)!;
    expect([1, 2, 5, 10, 20, 50]).toContain(bar.km);
    expect(bar.px).toBeLessThanOrEqual(160);
    expect(bar.px).toBeGreaterThan(160 / 5 - 1);
    const a = p.invert!([400 - bar.px / 2, 300])!;
    const b = p.invert!([400 + bar.px / 2, 300])!;
    expect(geoDistance(a, b) * 6371.0088).toBeCloseTo(bar.km, 3);
  });

  it('shrinks in km as the map is zoomed in', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 64, noNaN: true }), (zoom) => {
        const base = scaleBarFor(p, [400, 300], 1, 160)!;
        const zoomed = scaleBarFor(p, [400, 300], zoom, 160)!;
        return zoomed.km <= base.km;
      }),
    );
  });
});

describe('coverageCircle and event fading', () => {
  it('draws a coverage ring at the sensor range', () => {
    const ring = coverageCircle(-120.5, -44.3, 15).coordinates[0]!;
    for (const point of ring) {
      expect(geoDistance(point as [number, number], [-120.5, -44.3]) * 6371.0088).toBeCloseTo(
        15,
        1,
      );
    }
  });

  it('fades events with age and drops them after the fade window', () => {
    expect(eventOpacity(0, 1000)).toBe(1);
    expect(eventOpacity(500, 1000)).toBeCloseTo(0.6);
    expect(eventOpacity(1001, 1000)).toBe(0);
    expect(eventOpacity(-1, 1000)).toBe(0);
  });
});

describe('windForD3', () => {
  it('turns an RFC 7946 counter-clockwise polygon into the small area it means', async () => {
    const { geoArea } = await import('d3-geo');
    const { windForD3 } = await import('../../../renderer/src/map/map-projection');
    const fixed = windForD3(square.geometry);
    expect(geoArea(square.geometry as never)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(fixed as never)).toBeLessThan(0.001);
    expect(windForD3(fixed)).toEqual(fixed);
  });
});
