// What the map frames first: where the scenario's events are (a one-sector
// exercise should not be drawn at the scale of the whole 1,000 km line).
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { MapFitInput } from './map-projection';

const MIN_SPAN_DEG = 0.1;

/** The view everything: all zones (or all sensors when there are no zones). */
export function wholeGeography(scenario: Pick<LoadedScenario, 'zones' | 'sensors'>): MapFitInput {
  return {
    zones: scenario.zones,
    // Fitted to the zones: a satellite's 300 km footprint must not shrink the line to a dot.
    points: scenario.zones.length > 0 ? [] : scenario.sensors.map((s) => [s.lon, s.lat] as const),
  };
}

/**
 * The extent of the located events plus the zones they fall in; null when no
 * event has a location (then only the whole geography makes sense).
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
  return {
    zones: scenario.zones.filter((z) => touched.has(z.id)),
    // Two corners stand for every event: fitting 100k points would only cost time.
    points: [
      [minLon, minLat],
      [maxLon, maxLat],
    ],
  };
}
