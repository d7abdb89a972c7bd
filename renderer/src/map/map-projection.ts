// Offline map geometry: a Mercator projection fitted to the scenario's zones,
// and a scale bar whose length in km is a round number.
import { geoArea, geoCircle, geoDistance, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import type { Zone } from '../../../shared/scenario/loaded-scenario';

const EARTH_RADIUS_KM = 6371.0088;

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo reads rings on
 * the sphere and takes that as "everything except the polygon". Reverse any
 * polygon whose spherical area exceeds a hemisphere so it means what it says.
 */
export function windForD3(geometry: Geometry): Geometry {
  const fix = (rings: Position[][]): Position[][] => {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  };
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: fix(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
  }
  return geometry;
}

export interface MapFitInput {
  zones: readonly Zone[];
  /** Extra points to keep in view (sensors, events) when there are few zones. */
  points: readonly (readonly [number, number])[];
  /** Sensor coverage circles, so a sensor's reach is not cut off at the edge. */
  coverage?: readonly Polygon[];
}

/** Space kept free on each side of the fitted view, px. */
export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A Mercator projection fitting every zone and point into width×height with padding. */
export function fitMapProjection(
  input: MapFitInput,
  width: number,
  height: number,
  padding: number | MapPadding = 24,
): GeoProjection {
  const pad =
    typeof padding === 'number'
      ? { top: padding, right: padding, bottom: padding, left: padding }
      : padding;
  const features: Feature[] = input.zones.map((z) => ({
    type: 'Feature',
    properties: {},
    geometry: windForD3(z.geometry),
  }));
  for (const circle of input.coverage ?? []) {
    features.push({ type: 'Feature', properties: {}, geometry: circle });
  }
  if (input.points.length > 0) {
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPoint', coordinates: input.points.map(([lon, lat]) => [lon, lat]) },
    });
  }
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const projection = geoMercator();
  if (features.length === 0) return projection.scale(1000).translate([width / 2, height / 2]);
  const w = Math.max(1, width - pad.left - pad.right);
  const h = Math.max(1, height - pad.top - pad.bottom);
  return projection.fitExtent(
    [
      [pad.left, pad.top],
      [pad.left + w, pad.top + h],
    ],
    collection,
  );
}

/** A geodesic circle of `radiusKm` around [lon, lat], as a GeoJSON polygon. */
export function coverageCircle(lon: number, lat: number, radiusKm: number): Polygon {
  const degrees = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  return geoCircle().center([lon, lat]).radius(degrees).precision(4)();
}

export interface ScaleBar {
  km: number;
  px: number;
  label: string;
}

const NICE = [1, 2, 5];

/**
 * A scale bar no longer than `maxPx` screen pixels at the centre of the view:
 * `zoom` is the SVG zoom factor applied on top of the projection.
 */
export function scaleBarFor(
  projection: GeoProjection,
  centre: readonly [number, number],
  zoom: number,
  maxPx: number,
): ScaleBar | null {
  // Measure a horizontal span of projected pixels at the centre.
  const span = maxPx / zoom;
  const a = projection.invert?.([centre[0] - span / 2, centre[1]]);
  const b = projection.invert?.([centre[0] + span / 2, centre[1]]);
  if (!a || !b) return null;
  const kmForMaxPx = geoDistance(a, b) * EARTH_RADIUS_KM;
  if (!(kmForMaxPx > 0) || !Number.isFinite(kmForMaxPx)) return null;
  let km = 0;
  for (let exp = Math.floor(Math.log10(kmForMaxPx)); km === 0 && exp > -4; exp--) {
    for (let i = NICE.length - 1; i >= 0; i--) {
      const candidate = NICE[i]! * 10 ** exp;
      if (candidate <= kmForMaxPx) {
        km = candidate;
        break;
      }
    }
  }
  if (km === 0) return null;
  const px = (km / kmForMaxPx) * maxPx;
  const label = km >= 1 ? `${km} km` : `${Math.round(km * 1000)} m`;
  return { km, px, label };
}

/** Opacity of an event marker that was shown `ageMs` ago; 0 means not drawn. */
export function eventOpacity(ageMs: number, fadeMs: number): number {
  if (ageMs < 0 || ageMs > fadeMs) return 0;
  return 1 - 0.8 * (ageMs / fadeMs);
}

/**
 * The margin (px) kept around the fitted view: 5 % of the shorter side, at
 * least 24 px, so the outermost coast is not drawn against the frame's edge
 * nor under the map's controls.
 */
export function mapMargin(width: number, height: number): number {
  return Math.max(24, Math.round(0.05 * Math.min(width, height)));
}

/** Height of the legend band across the top of the map (map.css, `.map-legend`), px. */
export const LEGEND_BAND_PX = 84;

/**
 * The padding of the opening view: the margin on every side, and the legend's
 * band on top, so that no coast of the fitted theatre lies under the legend.
 */
export function mapPadding(width: number, height: number): MapPadding {
  const m = mapMargin(width, height);
  return { top: Math.max(m, LEGEND_BAND_PX), right: m, bottom: m, left: m };
}
