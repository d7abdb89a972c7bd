// What the map frames first: where the scenario's events are (a one-sector
// exercise should not be drawn at the scale of the whole 1,000 km line).
import { geoDistance } from 'd3-geo';
import type { LoadedScenario, Zone } from '../../../shared/scenario/loaded-scenario';
import type { MapFitInput } from './map-projection';

const MIN_SPAN_DEG = 0.1;
/** Zones up to this size (bbox diagonal) are framed whole even around a single event. */
const MIN_ZONE_LIMIT_KM = 300;

function diagonalKm(bbox: Zone['bbox']): number {
  return geoDistance([bbox[0], bbox[1]], [bbox[2], bbox[3]]) * 6371.0088;
}

/** The view everything: all zones (or all sensors when there are no zones). */
export function wholeGeography(scenario: Pick<LoadedScenario, 'zones' | 'sensors'>): MapFitInput {
  return {
    zones: scenario.zones,
    // Fitted to the zones: a satellite's 300 km footprint must not shrink the line to a dot.
    points: scenario.zones.length > 0 ? [] : scenario.sensors.map((s) => [s.lon, s.lat] as const),
  };
}

/**
 * The extent of the located events plus the zones they fall in (those not much
 * larger than the events' own extent); null when no event has a location.
 */
export function eventExtent(
  scenario: Pick<LoadedScenario, 'zones' | 'events'>,
): MapFitInput | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const touched = new Set<string>();
  for (const e of scenario.events) {
    const { lon, lat } = e.event;
    if (lon === undefined || lat === undefined) continue;
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    for (const id of e.zoneIds) touched.add(id);
  }
  if (minLon > maxLon) return null;
  // One event (or a tight cluster) has no extent to fit: frame at least ~10 km around it.
  const padLon = Math.max(0, MIN_SPAN_DEG - (maxLon - minLon)) / 2;
  const padLat = Math.max(0, MIN_SPAN_DEG - (maxLat - minLat)) / 2;
  minLon -= padLon;
  maxLon += padLon;
  minLat -= padLat;
  maxLat += padLat;
  // A touched zone that dwarfs the events (a strip along the whole line) would
  // bring the whole line back into the frame: only zones of comparable size count.
  const limitKm = Math.max(MIN_ZONE_LIMIT_KM, 3 * diagonalKm([minLon, minLat, maxLon, maxLat]));
  return {
    zones: scenario.zones.filter((z) => touched.has(z.id) && diagonalKm(z.bbox) <= limitKm),
    // Two corners stand for every event: fitting 100k points would only cost time.
    points: [
      [minLon, minLat],
      [maxLon, maxLat],
    ],
  };
}

type Box = readonly [number, number, number, number];

function unionBox(boxes: Iterable<Box>): Box | null {
  let b: [number, number, number, number] | null = null;
  for (const [x0, y0, x1, y1] of boxes) {
    if (!b) b = [x0, y0, x1, y1];
    else b = [Math.min(b[0], x0), Math.min(b[1], y0), Math.max(b[2], x1), Math.max(b[3], y1)];
  }
  return b;
}

/**
 * The frame a map opens on: where the events are when they keep to a part of
 * the theatre (a one-sector exercise), else null — the whole theatre, coasts
 * included (`wholeGeography`). An exercise along the whole line framed on its
 * events would crop the island's coasts and capitals for no gain: the events'
 * extent spans `share` or more of the theatre's width or height.
 */
export function openingFocus(
  scenario: Pick<LoadedScenario, 'zones' | 'events'>,
  share = 0.5,
): MapFitInput | null {
  const focus = eventExtent(scenario);
  const theatre = unionBox(scenario.zones.map((z) => z.bbox));
  if (focus === null || theatre === null) return focus;
  const [[x0, y0], [x1, y1]] = focus.points as [[number, number], [number, number]];
  const events: Box = [x0, y0, x1, y1];
  const wide = (events[2] - events[0]) / Math.max(1e-9, theatre[2] - theatre[0]);
  const tall = (events[3] - events[1]) / Math.max(1e-9, theatre[3] - theatre[1]);
  return wide >= share || tall >= share ? null : focus;
}
