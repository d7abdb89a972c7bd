// Distance from a point to polylines. The nearest point is found in a local
// equirectangular projection around the query point (error well under 1% at
// the distances that matter here, < 500 km), then measured by haversine.
import { haversineKm } from './haversine';
import type { Ring } from './point-in-polygon';

const KM_PER_DEG = 111.32;
const RAD = Math.PI / 180;

// Nearest point found by the last scanLine that improved on its `best`.
let nearLon = 0;
let nearLat = 0;

/** Smallest planar squared distance (km²) from the point to the line, if below `best`. */
function scanLine(lon: number, lat: number, line: Ring, kx: number, best: number): number {
  if (line.length === 1) {
    const p = line[0]!;
    const d = ((p[0]! - lon) * kx) ** 2 + ((p[1]! - lat) * KM_PER_DEG) ** 2;
    if (d < best) {
      nearLon = p[0]!;
      nearLat = p[1]!;
      return d;
    }
    return best;
  }
  for (let i = 1; i < line.length; i++) {
    const ax = (line[i - 1]![0]! - lon) * kx;
    const ay = (line[i - 1]![1]! - lat) * KM_PER_DEG;
    const bx = (line[i]![0]! - lon) * kx;
    const by = (line[i]![1]! - lat) * KM_PER_DEG;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d = px * px + py * py;
    if (d < best) {
      best = d;
      nearLon = lon + px / kx;
      nearLat = lat + py / KM_PER_DEG;
    }
  }
  return best;
}

/** Distance in km from (lon, lat) to the nearest point of any of the lines. */
export function distanceToLinesKm(lon: number, lat: number, lines: readonly Ring[]): number {
  const kx = Math.cos(lat * RAD) * KM_PER_DEG;
  let best = Infinity;
  let bestLon = lon;
  let bestLat = lat;
  for (const line of lines) {
    const d = scanLine(lon, lat, line, kx, best);
    if (d < best) {
      best = d;
      bestLon = nearLon;
      bestLat = nearLat;
    }
  }
  return best === Infinity ? Infinity : haversineKm(lat, lon, bestLat, bestLon);
}

const GROUP = 8;

/**
 * distanceToLinesKm for many queries against fixed lines, with the same
 * result: segments are grouped by eights under a bounding box, the nearest box
 * is scanned first, and boxes already farther than the best segment are skipped.
 */
export function createLineDistance(lines: readonly Ring[]): (lon: number, lat: number) => number {
  const parts: Ring[] = [];
  const boxes: number[] = [];
  for (const line of lines) {
    const step = line.length === 1 ? 1 : GROUP;
    for (let start = 0; start === 0 || start < line.length - 1; start += step) {
      const part = line.slice(start, Math.min(line.length, start + GROUP + 1));
      parts.push(part);
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of part) {
        x0 = Math.min(x0, p[0]!);
        y0 = Math.min(y0, p[1]!);
        x1 = Math.max(x1, p[0]!);
        y1 = Math.max(y1, p[1]!);
      }
      boxes.push(x0, y0, x1, y1);
      if (line.length === 1) break;
    }
  }
  const bounds = new Float64Array(parts.length);
  return (lon, lat) => {
    if (parts.length === 0) return Infinity;
    const kx = Math.cos(lat * RAD) * KM_PER_DEG;
    let first = 0;
    for (let i = 0; i < parts.length; i++) {
      const b = i * 4;
      const dx = lon < boxes[b]! ? boxes[b]! - lon : lon > boxes[b + 2]! ? lon - boxes[b + 2]! : 0;
      const dy =
        lat < boxes[b + 1]! ? boxes[b + 1]! - lat : lat > boxes[b + 3]! ? lat - boxes[b + 3]! : 0;
      bounds[i] = (dx * kx) ** 2 + (dy * KM_PER_DEG) ** 2;
      if (bounds[i]! < bounds[first]!) first = i;
    }
    let best = scanLine(lon, lat, parts[first]!, kx, Infinity);
    let bestLon = nearLon;
    let bestLat = nearLat;
    for (let i = 0; i < parts.length; i++) {
      if (i === first || bounds[i]! >= best) continue;
      const d = scanLine(lon, lat, parts[i]!, kx, best);
      if (d < best) {
        best = d;
        bestLon = nearLon;
        bestLat = nearLat;
      }
    }
    return haversineKm(lat, lon, bestLat, bestLon);
  };
}
