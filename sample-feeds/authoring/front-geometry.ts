// The notional front: a smooth "trace" across the invented island of the
// sample exercises (notional-geography.ts), the line of contact that meanders
// a little around it, and positions given as (km along the front, km off the
// line). Party A holds the north side (positive offsets), Party B the south
// side (negative offsets).
//
// Everything is laid out in a local frame in km (x east, y north) around
// FRAME_ORIGIN, a point of open ocean in the South Pacific, and converted to
// longitude and latitude; see sample-feeds/README.md for why there.

export type LonLat = [number, number];

const KM_PER_DEG_LAT = 111.195;

/** Origin of the km frame (lon, lat): open ocean, about 500 km north of the oceanic pole of inaccessibility. */
export const FRAME_ORIGIN: LonLat = [-121, -44];

/** A point of the km frame (x km east, y km north of FRAME_ORIGIN) as (lon, lat). */
export function frameKm(x: number, y: number): LonLat {
  return shiftKm(FRAME_ORIGIN, x, y);
}

/** West and east ends of the trace in the km frame: the west coast and the border tripoint. */
export const TRACE_X_KM: readonly [number, number] = [-380, 315];

/**
 * The trace's gentle northing (km) at easting x: it leaves the west coast due
 * east (so the coast there runs square to it) and bends no tighter than a
 * radius of about 100 km, so bands 90 km either side of it stay simple.
 */
function traceNorthingKm(x: number): number {
  const u = x - TRACE_X_KM[0];
  return 12 * (1 - Math.cos((2 * Math.PI * u) / 460)) - 8 * (1 - Math.cos((2 * Math.PI * u) / 210));
}

/** Waypoints of the front's trace, west to east (lon, lat), every 24.5 km of easting or so. */
export const TRACE_WAYPOINTS: readonly LonLat[] = Array.from({ length: 29 }, (_, i) => {
  const x = TRACE_X_KM[0] + ((TRACE_X_KM[1] - TRACE_X_KM[0]) * i) / 28;
  return frameKm(x, traceNorthingKm(x));
});

/** Great-circle distance in km. */
export function distanceKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Moves a point by km east and km north (equirectangular; fine at tens of km). */
export function shiftKm(p: LonLat, eastKm: number, northKm: number): LonLat {
  const lat = p[1] + northKm / KM_PER_DEG_LAT;
  const lon = p[0] + eastKm / (KM_PER_DEG_LAT * Math.cos((p[1] * Math.PI) / 180));
  return [round6(lon), round6(lat)];
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

interface Vertex {
  at: LonLat;
  s: number;
  /** Unit normal (east, north) pointing to Party A's side (north). */
  normal: [number, number];
}

function buildTrace(points: readonly LonLat[]): Vertex[] {
  const dirs = points.slice(1).map((b, i) => {
    const a = points[i]!;
    const east = (b[0] - a[0]) * KM_PER_DEG_LAT * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
    const north = (b[1] - a[1]) * KM_PER_DEG_LAT;
    const len = Math.hypot(east, north);
    return [east / len, north / len] as [number, number];
  });
  let s = 0;
  return points.map((at, i) => {
    if (i > 0) s += distanceKm(points[i - 1]!, at);
    const d0 = dirs[Math.max(0, i - 1)]!;
    const d1 = dirs[Math.min(dirs.length - 1, i)]!;
    const dx = d0[0] + d1[0];
    const dy = d0[1] + d1[1];
    const len = Math.hypot(dx, dy);
    // Left of the direction of travel (west → east) is the north side.
    return { at, s, normal: [-dy / len, dx / len] };
  });
}

const TRACE = buildTrace(TRACE_WAYPOINTS);

/** Length of the trace in km. */
export const TRACE_LENGTH_KM = TRACE[TRACE.length - 1]!.s;

/** How far the line of contact meanders off the trace at s (km). */
export function meanderKm(s: number): number {
  return 1.1 * Math.sin((2 * Math.PI * s) / 23) + 0.45 * Math.sin((2 * Math.PI * s) / 8.7 + 1.3);
}

/**
 * The point `offsetKm` off the line of contact (positive: Party A's side) at
 * `s` km along the front; `fromTrace` measures the offset from the smooth
 * trace instead (used for wide zones, which must not follow every meander).
 */
export function frontPoint(s: number, offsetKm: number, fromTrace = false): LonLat {
  const clamped = Math.min(Math.max(s, 0), TRACE_LENGTH_KM);
  let i = 1;
  while (i < TRACE.length - 1 && TRACE[i]!.s < clamped) i += 1;
  const a = TRACE[i - 1]!;
  const b = TRACE[i]!;
  const t = (clamped - a.s) / (b.s - a.s || 1);
  const base: LonLat = [a.at[0] + (b.at[0] - a.at[0]) * t, a.at[1] + (b.at[1] - a.at[1]) * t];
  const nx = a.normal[0] + (b.normal[0] - a.normal[0]) * t;
  const ny = a.normal[1] + (b.normal[1] - a.normal[1]) * t;
  const len = Math.hypot(nx, ny);
  const off = offsetKm + (fromTrace ? 0 : meanderKm(clamped));
  return shiftKm(base, (nx / len) * off, (ny / len) * off);
}

/** Sample positions from s0 to s1 every stepKm, always including both ends. */
export function stations(s0: number, s1: number, stepKm: number): number[] {
  const out: number[] = [];
  for (let s = s0; s < s1; s += stepKm) out.push(s);
  out.push(s1);
  return out;
}

/** The line of contact as a LineString's coordinates. */
export function lineOfContact(stepKm = 4): LonLat[] {
  return stations(0, TRACE_LENGTH_KM, stepKm).map((s) => frontPoint(s, 0));
}

/** A band between two offsets along [s0, s1], as a closed counter-clockwise ring. */
export function bandRing(
  s0: number,
  s1: number,
  leftKm: number,
  rightKm: number,
  stepKm: number,
  fromTrace: boolean,
): LonLat[] {
  const along = stations(s0, s1, stepKm);
  const left = along.map((s) => frontPoint(s, leftKm, fromTrace));
  const right = along.map((s) => frontPoint(s, rightKm, fromTrace)).reverse();
  return closeCcw([...left, ...right]);
}

/** A square of side sideKm centred on a point, as a closed counter-clockwise ring. */
export function squareRing(centre: LonLat, sideKm: number): LonLat[] {
  const h = sideKm / 2;
  return closeCcw([
    shiftKm(centre, -h, -h),
    shiftKm(centre, h, -h),
    shiftKm(centre, h, h),
    shiftKm(centre, -h, h),
  ]);
}

/** An irregular polygon around a centre (for towns), radii in km, closed and counter-clockwise. */
export function blobRing(centre: LonLat, radiiKm: readonly number[]): LonLat[] {
  const ring = radiiKm.map((r, i) => {
    const angle = (2 * Math.PI * i) / radiiKm.length;
    return shiftKm(centre, r * Math.cos(angle), r * Math.sin(angle));
  });
  return closeCcw(ring);
}

function closeCcw(open: LonLat[]): LonLat[] {
  let area = 0;
  for (let i = 0; i < open.length; i += 1) {
    const a = open[i]!;
    const b = open[(i + 1) % open.length]!;
    area += a[0] * b[1] - b[0] * a[1];
  }
  const ring = area < 0 ? [...open].reverse() : [...open];
  ring.push(ring[0]!);
  return ring;
}

/** Length of a polyline in km. */
export function polylineKm(points: readonly LonLat[]): number {
  let km = 0;
  for (let i = 1; i < points.length; i += 1) km += distanceKm(points[i - 1]!, points[i]!);
  return km;
}

/** Initial bearing from a to b in degrees [0, 360). */
export function bearingDeg(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b[0] - a[0]) * rad) * Math.cos(b[1] * rad);
  const x =
    Math.cos(a[1] * rad) * Math.sin(b[1] * rad) -
    Math.sin(a[1] * rad) * Math.cos(b[1] * rad) * Math.cos((b[0] - a[0]) * rad);
  return (Math.round(((Math.atan2(y, x) / rad + 360) % 360) * 10) / 10) % 360;
}

/** Eight-point compass word for a bearing. */
export function compass(bearing: number): string {
  return ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'][Math.round(bearing / 45) % 8]!;
}

const POINTS_16 = [
  'north',
  'north-north-east',
  'north-east',
  'east-north-east',
  'east',
  'east-south-east',
  'south-east',
  'south-south-east',
  'south',
  'south-south-west',
  'south-west',
  'west-south-west',
  'west',
  'west-north-west',
  'north-west',
  'north-north-west',
];

/** Sixteen-point compass direction in words, for summaries ("south-south-east"). */
export function compassWords(bearing: number): string {
  return POINTS_16[Math.round(bearing / 22.5) % 16]!;
}
