// Zone membership of a point, computed once per event at load. Every zone test
// is behind a bounding-box check, so a typical event touches only the few
// zones near it.
import type { Position } from 'geojson';
import type { Zone } from '../scenario/loaded-scenario';
import { createAreaGrid, TEST, type GridArea } from './area-grid';
import { inBBox, type BBox } from './bbox';
import { haversineKm } from './haversine';
import { createLineDistance, distanceToLinesKm } from './line-distance';
import { pointInMultiPolygon, pointInPolygon, type Ring } from './point-in-polygon';

/** Where an event lies relative to the scenario's zones. */
export interface ZonePlacement {
  zoneIds: readonly string[];
  lineDistanceKm: number | null;
  settlementId: string | null;
  settlementDistanceKm: number | null;
}

interface AreaTest extends GridArea {
  id: string;
}

interface SettlementDistance {
  id: string;
  distanceKm(lon: number, lat: number): number;
  /** Planar estimate (kx: km per degree of longitude here); exact enough to rank. */
  estimateKm(lon: number, lat: number, kx: number): number;
}

const KM_PER_DEG = 111.32;
const EMPTY: readonly string[] = Object.freeze([]);
const NOWHERE: ZonePlacement = Object.freeze({
  zoneIds: EMPTY,
  lineDistanceKm: null,
  settlementId: null,
  settlementDistanceKm: null,
});

function circleBBox(lon: number, lat: number, radiusKm: number): BBox {
  const dLat = radiusKm / KM_PER_DEG;
  const dLon =
    radiusKm / (KM_PER_DEG * Math.max(0.01, Math.cos((Math.abs(lat) + dLat) * (Math.PI / 180))));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

function polygonsOf(zone: Zone): Ring[][] {
  const g = zone.geometry;
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function areaTest(zone: Zone): AreaTest | null {
  const g = zone.geometry;
  if (g.type === 'Polygon') {
    const rings = g.coordinates;
    return {
      id: zone.id,
      bbox: zone.bbox,
      contains: (lon, lat) => pointInPolygon(lon, lat, rings),
      rings,
    };
  }
  if (g.type === 'MultiPolygon') {
    const polygons = g.coordinates;
    return {
      id: zone.id,
      bbox: zone.bbox,
      contains: (lon, lat) => pointInMultiPolygon(lon, lat, polygons),
      rings: polygons.flat(),
    };
  }
  if (g.type === 'Point' && zone.radius_m !== undefined) {
    const [cLon, cLat] = g.coordinates as [number, number];
    const radiusKm = zone.radius_m / 1000;
    return {
      id: zone.id,
      bbox: circleBBox(cLon, cLat, radiusKm),
      contains: (lon, lat) => haversineKm(lat, lon, cLat, cLon) <= radiusKm,
      circle: { lon: cLon, lat: cLat, radiusKm },
    };
  }
  return null;
}

function settlementDistance(zone: Zone): SettlementDistance | null {
  const g = zone.geometry;
  if (g.type === 'Point') {
    const [cLon, cLat] = g.coordinates as [number, number];
    const radiusKm = (zone.radius_m ?? 0) / 1000;
    return {
      id: zone.id,
      distanceKm: (lon, lat) => Math.max(0, haversineKm(lat, lon, cLat, cLon) - radiusKm),
      estimateKm: (lon, lat, kx) =>
        Math.max(
          0,
          Math.sqrt(((lon - cLon) * kx) ** 2 + ((lat - cLat) * KM_PER_DEG) ** 2) - radiusKm,
        ),
    };
  }
  const polygons = polygonsOf(zone);
  if (polygons.length === 0) return null;
  const rings: Ring[] = polygons.flat();
  const distanceKm = (lon: number, lat: number) =>
    inBBox(lon, lat, zone.bbox) && pointInMultiPolygon(lon, lat, polygons)
      ? 0
      : distanceToLinesKm(lon, lat, rings);
  // Polygon settlements are few: their estimate is the exact distance.
  return { id: zone.id, distanceKm, estimateKm: (lon, lat) => distanceKm(lon, lat) };
}

/** The coordinates of a line zone (LineString or MultiLineString); none for an area. */
export function linesOf(zone: Zone): Position[][] {
  const g = zone.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/** Options of createZoneLocator. */
export interface ZoneLocatorOptions {
  /** false: test every area's bounding box in turn (the reference the grid is tested against). */
  grid?: boolean;
}

/**
 * Builds the locator for a scenario's zones (geometry already validated). It
 * returns the placement, written into `into` when given (no allocation per event).
 */
export function createZoneLocator(
  zones: readonly Zone[],
  options: ZoneLocatorOptions = {},
): <T extends ZonePlacement>(lon?: number, lat?: number, into?: T) => ZonePlacement {
  const areas: AreaTest[] = [];
  const settlements: SettlementDistance[] = [];
  const lines: Position[][] = [];
  for (const zone of zones) {
    if (zone.kind === 'line-of-contact') {
      lines.push(...linesOf(zone));
      continue;
    }
    // Context (coast, river, road…) is drawn, never scored: no event lies "in" it.
    if (zone.kind === 'context') continue;
    const test = areaTest(zone);
    if (test) areas.push(test);
    if (zone.kind === 'settlement') {
      const distance = settlementDistance(zone);
      if (distance) settlements.push(distance);
    }
  }
  // Many events share the same set of zones: share one frozen array per set.
  const idSets = new Map<number | string, readonly string[]>();
  const byMask = areas.length <= 53;
  const estimates = new Float64Array(settlements.length);
  const lineDistance = createLineDistance(lines);
  const grid = options.grid === false ? null : createAreaGrid(areas);
  const gridStart = grid?.start;
  const gridEntries = grid?.entries;
  return (lon, lat, into) => {
    if (lon === undefined || lat === undefined) {
      if (!into) return NOWHERE;
      return Object.assign(into as ZonePlacement, NOWHERE);
    }
    // The set of containing areas as a bit mask (exact up to 53 areas): the
    // shared list of ids is looked up by it, and built only the first time.
    let mask = 0;
    let ids: string[] | null = null;
    const cell = grid ? grid.cellOf(lon, lat) : -1;
    if (cell >= 0) {
      const end = gridStart![cell + 1]!;
      for (let k = gridStart![cell]!; k < end; k++) {
        const entry = gridEntries![k]!;
        const i = entry >> 1;
        const area = areas[i]!;
        if ((entry & TEST) !== 0) {
          const b = area.bbox;
          if (lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3]) continue;
          if (!area.contains(lon, lat)) continue;
        }
        if (byMask) mask += 2 ** i;
        else (ids ??= []).push(area.id);
      }
    } else {
      for (let i = 0; i < areas.length; i++) {
        const area = areas[i]!;
        const b = area.bbox;
        if (lon < b[0] || lat < b[1] || lon > b[2] || lat > b[3]) continue;
        if (area.contains(lon, lat)) {
          if (byMask) mask += 2 ** i;
          else (ids ??= []).push(area.id);
        }
      }
    }
    let zoneIds = EMPTY;
    if (mask !== 0 || ids) {
      const key: number | string = byMask ? mask : ids!.join('\u0000');
      let shared = idSets.get(key);
      if (!shared) {
        shared = Object.freeze(
          ids ?? areas.filter((_, i) => mask % 2 ** (i + 1) >= 2 ** i).map((a) => a.id),
        );
        idSets.set(key, shared);
      }
      zoneIds = shared;
    }
    let settlementId: string | null = null;
    let settlementDistanceKm: number | null = null;
    if (settlements.length > 0) {
      // Rank by a cheap planar estimate; measure exactly only the close contenders.
      const kx = Math.cos(lat * (Math.PI / 180)) * KM_PER_DEG;
      let bestEstimate = Infinity;
      for (let i = 0; i < settlements.length; i++) {
        const s = settlements[i]!;
        const e = s.estimateKm(lon, lat, kx);
        estimates[i] = e;
        if (e < bestEstimate) bestEstimate = e;
      }
      const cutoff = bestEstimate * 1.02 + 0.5;
      for (let i = 0; i < settlements.length; i++) {
        if (estimates[i]! > cutoff) continue;
        const s = settlements[i]!;
        const d = s.distanceKm(lon, lat);
        if (settlementDistanceKm === null || d < settlementDistanceKm) {
          settlementDistanceKm = d;
          settlementId = s.id;
        }
      }
    }
    const lineDistanceKm = lines.length > 0 ? lineDistance(lon, lat) : null;
    if (!into) return { zoneIds, lineDistanceKm, settlementId, settlementDistanceKm };
    const target = into as ZonePlacement;
    target.zoneIds = zoneIds;
    target.lineDistanceKm = lineDistanceKm;
    target.settlementId = settlementId;
    target.settlementDistanceKm = settlementDistanceKm;
    return target;
  };
}
