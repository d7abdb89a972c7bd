// A grid over the scenario's areas that answers most membership questions
// without a point-in-polygon test: a cell that no edge of an area comes near
// is wholly inside or wholly outside that area (the even-odd parity cannot
// change without crossing an edge), so its answer is the one at the cell's
// centre. Only cells an edge (or a circle's rim, or a bounding-box side) passes
// through keep an exact test. Results are those of the plain loop (property test).
import { haversineKm } from './haversine';
import type { BBox } from './bbox';
import type { Ring } from './point-in-polygon';

/** One area as the locator tests it, with what the grid needs to classify cells. */
export interface GridArea {
  bbox: BBox;
  contains(lon: number, lat: number): boolean;
  /** Every ring of a polygon area (outer rings and holes). */
  rings?: readonly Ring[];
  /** A circle area (settlement point with a radius). */
  circle?: { lon: number; lat: number; radiusKm: number };
}

/** Cells along each axis; 64 × 64 keeps the table small and most cells edge-free. */
const SIDE = 64;
/** Entry flag: the area must still be tested exactly in this cell. */
export const TEST = 1;

/** Cell table: the entries of cell c are entries[start[c] .. start[c + 1]), in area order. */
export interface AreaGrid {
  /** Cell of a point, or -1 outside the grid (the caller tests every area). */
  cellOf(lon: number, lat: number): number;
  start: Int32Array;
  /** areaIndex * 2 + (TEST when the area is tested exactly, else 0: the area surely contains it). */
  entries: Int32Array;
}

/** Builds the grid; null when there is nothing to index (no areas, or a degenerate extent). */
export function createAreaGrid(areas: readonly GridArea[]): AreaGrid | null {
  if (areas.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const a of areas) {
    x0 = Math.min(x0, a.bbox[0]);
    y0 = Math.min(y0, a.bbox[1]);
    x1 = Math.max(x1, a.bbox[2]);
    y1 = Math.max(y1, a.bbox[3]);
  }
  if (!(x1 > x0 && y1 > y0) || !Number.isFinite(x1 - x0) || !Number.isFinite(y1 - y0)) return null;
  const cw = (x1 - x0) / SIDE;
  const ch = (y1 - y0) / SIDE;
  // Cells are classified slightly enlarged, so a point whose cell index was
  // rounded across a border is still covered.
  const ex = cw * 1e-6 + 1e-9;
  const ey = ch * 1e-6 + 1e-9;
  const cells = SIDE * SIDE;
  const lists: number[][] = Array.from({ length: cells }, () => []);
  const clampCell = (v: number) => (v < 0 ? 0 : v >= SIDE ? SIDE - 1 : v);

  for (let ai = 0; ai < areas.length; ai++) {
    const area = areas[ai]!;
    const b = area.bbox;
    // Cells an edge passes near keep the exact test.
    const nearEdge = new Uint8Array(cells);
    for (const ring of area.rings ?? []) {
      for (let i = 1; i < ring.length; i++) {
        const p = ring[i - 1]!;
        const q = ring[i]!;
        const cxa = clampCell(Math.floor((Math.min(p[0]!, q[0]!) - ex - x0) / cw) - 1);
        const cxb = clampCell(Math.floor((Math.max(p[0]!, q[0]!) + ex - x0) / cw) + 1);
        const cya = clampCell(Math.floor((Math.min(p[1]!, q[1]!) - ey - y0) / ch) - 1);
        const cyb = clampCell(Math.floor((Math.max(p[1]!, q[1]!) + ey - y0) / ch) + 1);
        for (let cy = cya; cy <= cyb; cy++) {
          for (let cx = cxa; cx <= cxb; cx++) nearEdge[cy * SIDE + cx] = 1;
        }
      }
    }
    for (let cy = 0; cy < SIDE; cy++) {
      const ay0 = y0 + cy * ch - ey;
      const ay1 = y0 + (cy + 1) * ch + ey;
      for (let cx = 0; cx < SIDE; cx++) {
        const ax0 = x0 + cx * cw - ex;
        const ax1 = x0 + (cx + 1) * cw + ex;
        if (ax1 < b[0] || ay1 < b[1] || ax0 > b[2] || ay0 > b[3]) continue;
        const cell = cy * SIDE + cx;
        const insideBox = ax0 >= b[0] && ay0 >= b[1] && ax1 <= b[2] && ay1 <= b[3];
        const state = insideBox ? constantState(area, nearEdge[cell] === 1, ax0, ay0, ax1, ay1) : 2;
        if (state === 0) continue;
        lists[cell]!.push(ai * 2 + (state === 2 ? TEST : 0));
      }
    }
  }
  const start = new Int32Array(cells + 1);
  let total = 0;
  for (let c = 0; c < cells; c++) {
    start[c] = total;
    total += lists[c]!.length;
  }
  start[cells] = total;
  const entries = new Int32Array(total);
  for (let c = 0; c < cells; c++) entries.set(lists[c]!, start[c]!);
  return {
    start,
    entries,
    cellOf(lon, lat) {
      if (!(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1)) return -1;
      return clampCell(Math.floor((lat - y0) / ch)) * SIDE + clampCell(Math.floor((lon - x0) / cw));
    },
  };
}

/** 0: surely outside, 1: surely inside, 2: must be tested (cell inside the area's bbox). */
function constantState(
  area: GridArea,
  nearEdge: boolean,
  ax0: number,
  ay0: number,
  ax1: number,
  ay1: number,
): 0 | 1 | 2 {
  const midLon = (ax0 + ax1) / 2;
  const midLat = (ay0 + ay1) / 2;
  if (area.rings) {
    if (nearEdge) return 2;
    return area.contains(midLon, midLat) ? 1 : 0;
  }
  if (area.circle) {
    const c = area.circle;
    // Farthest reach of the cell from its centre, with a wide margin: the
    // haversine distance obeys the triangle inequality.
    let reach = 0;
    for (const lon of [ax0, midLon, ax1]) {
      for (const lat of [ay0, midLat, ay1]) {
        reach = Math.max(reach, haversineKm(midLat, midLon, lat, lon));
      }
    }
    reach = reach * 1.05 + 1e-6;
    const d = haversineKm(midLat, midLon, c.lat, c.lon);
    if (d + reach < c.radiusKm) return 1;
    if (d - reach > c.radiusKm) return 0;
    return 2;
  }
  return 2;
}
