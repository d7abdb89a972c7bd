// How much of a report's circle of location uncertainty lies inside a zone, or
// within a distance of the line of contact (docs/ALERTS-AND-SEVERITY.md,
// "Location precision counts"). Worked in a local equirectangular projection
// in km around the reported point: exact enough at the few tens of km that
// matter, and cheap.
//
// Inside a zone the measure is star-shaped: along each of N directions from
// the reported point, the share of the radius that stays in the zone before
// first leaving it, squared (an area), averaged. For a zone that is convex, or
// star-shaped around the point, this is the share of the circle's area inside
// the zone (to the angular step). For any zone it never grows when the circle
// grows, which is what the invariant on precision needs: a vaguer location
// never scores a zone higher.
import type { Zone } from '../scenario/loaded-scenario';

const KM_PER_DEG = 111.32;
const RAD = Math.PI / 180;

/** Segments of a zone's boundary, as [lon, lat] pairs (all rings, holes included). */
function boundaryRings(zone: Zone): readonly (readonly (readonly number[])[])[] {
  const g = zone.geometry;
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Direction cosines of N rays, offset half a step so axis-aligned edges are not grazed. */
const directionCache = new Map<number, Float64Array>();
function directions(n: number): Float64Array {
  let d = directionCache.get(n);
  if (!d) {
    d = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * (i + 0.5)) / n;
      d[2 * i] = Math.cos(a);
      d[2 * i + 1] = Math.sin(a);
    }
    directionCache.set(n, d);
  }
  return d;
}

/**
 * Share (0–1] of the circle of radius `radiusKm` around (lon, lat) inside the
 * zone, measured along `n` directions; 1 when the circle lies wholly inside.
 * The point itself is taken to be inside the zone (its membership was found
 * at load).
 */
export function discCoverage(
  zone: Zone,
  lon: number,
  lat: number,
  radiusKm: number,
  n: number,
): number {
  if (!(radiusKm > 0)) return 1;
  const kx = Math.cos(lat * RAD) * KM_PER_DEG;
  const g = zone.geometry;
  const dirs = directions(n);
  if (g.type === 'Point') {
    const [clon, clat] = g.coordinates as [number, number];
    const cx = (clon - lon) * kx;
    const cy = (clat - lat) * KM_PER_DEG;
    const big = (zone.radius_m ?? 0) / 1000;
    const c2 = cx * cx + cy * cy;
    if (Math.sqrt(c2) + radiusKm <= big) return 1;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const ux = dirs[2 * i]!;
      const uy = dirs[2 * i + 1]!;
      const b = ux * cx + uy * cy;
      const disc = b * b - c2 + big * big;
      const reach = disc > 0 ? Math.max(0, b + Math.sqrt(disc)) : 0;
      const share = Math.min(1, reach / radiusKm);
      sum += share * share;
    }
    return sum / n;
  }
  const rings = boundaryRings(zone);
  if (rings.length === 0) return 1;
  // Nearest boundary first: most reports lie well inside, and need no rays.
  let nearest = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]![0]! - lon) * kx;
      const ay = (ring[i - 1]![1]! - lat) * KM_PER_DEG;
      const bx = (ring[i]![0]! - lon) * kx;
      const by = (ring[i]![1]! - lat) * KM_PER_DEG;
      const d = pointSegmentDistance(ax, ay, bx, by);
      if (d < nearest) nearest = d;
    }
  }
  if (nearest >= radiusKm) return 1;
  const reach = new Float64Array(n).fill(Infinity);
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]![0]! - lon) * kx;
      const ay = (ring[i - 1]![1]! - lat) * KM_PER_DEG;
      const bx = (ring[i]![0]! - lon) * kx;
      const by = (ring[i]![1]! - lat) * KM_PER_DEG;
      // Skip edges wholly beyond the circle: they cannot cut a ray within it.
      if (pointSegmentDistance(ax, ay, bx, by) >= radiusKm) continue;
      const ex = bx - ax;
      const ey = by - ay;
      for (let k = 0; k < n; k++) {
        const ux = dirs[2 * k]!;
        const uy = dirs[2 * k + 1]!;
        // Solve t·u = a + s·e for t >= 0, s in [0, 1].
        const den = ux * ey - uy * ex;
        if (den === 0) continue;
        const t = (ax * ey - ay * ex) / den;
        const s = (ax * uy - ay * ux) / den;
        if (t >= 0 && s >= 0 && s <= 1 && t < reach[k]!) reach[k] = t;
      }
    }
  }
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const share = Math.min(1, reach[k]! / radiusKm);
    sum += share * share;
  }
  return sum / n;
}

/** Distance from the origin to the segment a–b (km, planar). */
function pointSegmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const ex = bx - ax;
  const ey = by - ay;
  const len2 = ex * ex + ey * ey;
  let t = len2 === 0 ? 0 : -(ax * ex + ay * ey) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const x = ax + t * ex;
  const y = ay + t * ey;
  return Math.sqrt(x * x + y * y);
}

/** Share of a unit disc whose coordinate across a straight line is at most `t` (in radii). */
function discBelow(t: number): number {
  if (t >= 1) return 1;
  if (t <= -1) return 0;
  return (t * Math.sqrt(1 - t * t) + Math.asin(t)) / Math.PI + 0.5;
}

/**
 * Share of the circle of radius `radiusKm` around a point `distanceKm` from a
 * line that lies within `withinKm` of it, taking the line as straight there.
 */
export function discWithinDistance(distanceKm: number, radiusKm: number, withinKm: number): number {
  if (!(radiusKm > 0)) return distanceKm <= withinKm ? 1 : 0;
  return (
    discBelow((withinKm - distanceKm) / radiusKm) - discBelow((-withinKm - distanceKm) / radiusKm)
  );
}

/** Whether the segment p–q (lon/lat) crosses any of the lines (planar, in degrees). */
export function segmentCrossesLines(
  p: readonly [number, number],
  q: readonly [number, number],
  lines: readonly (readonly (readonly number[])[])[],
): boolean {
  const [px, py] = p;
  const [qx, qy] = q;
  const minX = Math.min(px, qx);
  const maxX = Math.max(px, qx);
  const minY = Math.min(py, qy);
  const maxY = Math.max(py, qy);
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const ax = line[i - 1]![0]!;
      const ay = line[i - 1]![1]!;
      const bx = line[i]![0]!;
      const by = line[i]![1]!;
      if (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX) continue;
      if (Math.max(ay, by) < minY || Math.min(ay, by) > maxY) continue;
      const d1 = cross(ax, ay, bx, by, px, py);
      const d2 = cross(ax, ay, bx, by, qx, qy);
      const d3 = cross(px, py, qx, qy, ax, ay);
      const d4 = cross(px, py, qx, qy, bx, by);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    }
  }
  return false;
}

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
