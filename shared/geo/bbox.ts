import type { Geometry, Position } from 'geojson';

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = readonly [number, number, number, number];

function extend(box: number[], positions: readonly Position[]): void {
  for (const p of positions) {
    const lon = p[0]!;
    const lat = p[1]!;
    if (lon < box[0]!) box[0] = lon;
    if (lat < box[1]!) box[1] = lat;
    if (lon > box[2]!) box[2] = lon;
    if (lat > box[3]!) box[3] = lat;
  }
}

/** Bounding box of a geometry's positions. */
export function geometryBBox(geometry: Geometry): BBox {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (g: Geometry): void => {
    switch (g.type) {
      case 'Point':
        extend(box, [g.coordinates]);
        break;
      case 'MultiPoint':
      case 'LineString':
        extend(box, g.coordinates);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const part of g.coordinates) extend(box, part);
        break;
      case 'MultiPolygon':
        for (const polygon of g.coordinates) for (const ring of polygon) extend(box, ring);
        break;
      case 'GeometryCollection':
        for (const child of g.geometries) visit(child);
        break;
    }
  };
  visit(geometry);
  return box as unknown as BBox;
}

/** Whether (lon, lat) is inside the box (edges included). */
export function inBBox(lon: number, lat: number, box: BBox): boolean {
  return lon >= box[0] && lat >= box[1] && lon <= box[2] && lat <= box[3];
}
