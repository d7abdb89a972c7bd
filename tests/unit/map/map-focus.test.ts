import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedScenario, ReplayEvent, Zone } from '../../../shared/scenario/loaded-scenario';
import { eventExtent, openingFocus, wholeGeography } from '../../../renderer/src/map/map-focus';
import { fitMapProjection, mapMargin, mapPadding } from '../../../renderer/src/map/map-projection';

function box(id: string, lon0: number, lat0: number, lon1: number, lat1: number): Zone {
  return {
    id,
    name: id,
    kind: 'sector',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon0, lat0],
          [lon1, lat0],
          [lon1, lat1],
          [lon0, lat1],
          [lon0, lat0],
        ],
      ],
    },
    bbox: [lon0, lat0, lon1, lat1],
  };
}

function event(seq: number, lon: number | undefined, lat: number | undefined, zoneIds: string[]) {
  return {
    seq,
    at: seq,
    shownAt: seq,
    event: { id: `e${seq}`, lon, lat },
    zoneIds,
    lineDistanceKm: null,
    settlementId: null,
    settlementDistanceKm: null,
  } as unknown as ReplayEvent;
}

// A 1,000 km line in five sectors; the exercise happens in sector 2 only.
const zones = [0, 1, 2, 3, 4].map((i) =>
  box(`sector-${i + 1}`, -128 + 2 * i, -45.5, -126 + 2 * i, -43.5),
);
// A demilitarized strip along the whole line: touched by every event, but framing it is the whole line.
const strip = box('dmz', -128, -44.6, -118, -44.4);
const oneSector: Pick<LoadedScenario, 'zones' | 'events' | 'sensors'> = {
  zones: [...zones, strip],
  sensors: [],
  events: [
    event(0, -125.5, -44.4, ['sector-2', 'dmz']),
    event(1, -124.8, -43.9, ['sector-2']),
    event(2, undefined, undefined, []),
  ],
};

describe('eventExtent', () => {
  it('frames the events and the zones they fall in, not the whole line', () => {
    const focus = eventExtent(oneSector)!;
    expect(focus.zones.map((z) => z.id)).toEqual(['sector-2']);
    expect(focus.points).toEqual([
      [-125.5, -44.4],
      [-124.8, -43.9],
    ]);
    const framed = fitMapProjection(focus, 800, 500);
    const whole = fitMapProjection(wholeGeography(oneSector), 800, 500);
    // Sector 2 fills the frame; the far sectors fall outside it.
    expect(framed.scale()).toBeGreaterThan(1.4 * whole.scale());
    const far = framed([-119, -44.5])!;
    expect(far[0]).toBeGreaterThan(800);
  });

  it('frames a single event with some room around it', () => {
    const focus = eventExtent({ zones, events: [event(0, -125, -44.5, [])] })!;
    const [x, y] = fitMapProjection(focus, 640, 400)([-125, -44.5])!;
    expect(x).toBeCloseTo(320, 0);
    expect(y).toBeCloseTo(200, 0);
  });

  it('is null when no event has a location', () => {
    expect(eventExtent({ zones, events: [event(0, undefined, undefined, [])] })).toBeNull();
  });

  it('keeps every located event inside the fitted frame', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 30, max: 40, noNaN: true }),
            fc.double({ min: 46, max: 50, noNaN: true }),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (points) => {
          const scenario = { zones, events: points.map(([lon, lat], i) => event(i, lon, lat, [])) };
          const projection = fitMapProjection(eventExtent(scenario)!, 640, 400);
          for (const [lon, lat] of points) {
            const [x, y] = projection([lon, lat])!;
            expect(x).toBeGreaterThanOrEqual(23.9);
            expect(x).toBeLessThanOrEqual(616.1);
            expect(y).toBeGreaterThanOrEqual(23.9);
            expect(y).toBeLessThanOrEqual(376.1);
          }
        },
      ),
    );
  });
});

// The island around the line: its coast is wider and taller than the line's zones.
const coast = box('coast', -129.5, -48, -116.5, -40);

describe('openingFocus', () => {
  it('opens an exercise along the whole line on the whole theatre, coasts included', () => {
    const wholeLine = {
      zones: [coast, ...zones, strip],
      events: [event(0, -127.8, -44.5, ['sector-1']), event(1, -118.3, -44.4, ['sector-5'])],
      sensors: [],
    };
    expect(openingFocus(wholeLine)).toBeNull();
    const width = 800;
    const height = 500;
    const pad = mapPadding(width, height);
    const projection = fitMapProjection(wholeGeography(wholeLine), width, height, pad);
    for (const [lon, lat] of [
      [-129.5, -48],
      [-116.5, -40],
      [-129.5, -40],
      [-116.5, -48],
    ] as const) {
      const [x, y] = projection([lon, lat])!;
      expect(x).toBeGreaterThanOrEqual(pad.left - 0.1);
      expect(x).toBeLessThanOrEqual(width - pad.right + 0.1);
      // The legend's band across the top stays clear of the coast.
      expect(y).toBeGreaterThanOrEqual(pad.top - 0.1);
      expect(y).toBeLessThanOrEqual(height - pad.bottom + 0.1);
    }
  });

  it('opens a one-sector exercise on its events', () => {
    const focus = openingFocus({ ...oneSector, zones: [coast, ...oneSector.zones] });
    expect(focus).toEqual(eventExtent(oneSector));
  });
});

describe('mapMargin', () => {
  it('keeps at least 24 px, and 5 % of the shorter side on a large map', () => {
    expect(mapMargin(400, 300)).toBe(24);
    expect(mapMargin(1600, 900)).toBe(45);
  });
});
