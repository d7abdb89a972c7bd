// A lat/lon grid of cells about `radius` wide, so finding the alerts near an
// event looks at a handful of cells instead of every open alert.
import { EARTH_RADIUS_KM } from '../geo/haversine';

// The frozen version-1 engine (legacy-v1/) takes the distance from here.
export { haversineKm } from '../geo/haversine';

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Keeps the time part of a key within 20 bits (wrapping only adds candidates). */
const TIME_SLOTS = 1 << 20;

/**
 * Cells of `radiusKm` (in degrees of latitude) by `slotMs` of time: entries
 * are filed under the cell and time slot of a point, so a lookup sees only
 * entries near in space and in time, however long the scenario.
 */
export class SpatialGrid<T> {
  private readonly cellDeg: number;
  private readonly lonCells: number;
  // Cell, then time slot: two small-integer keys, where one combined key
  // would pass the small-integer range and box a number on every lookup.
  private readonly cells = new Map<number, Map<number, T[]>>();

  constructor(
    private readonly radiusKm: number,
    private readonly slotMs: number,
  ) {
    this.cellDeg = Math.min(90, radiusKm / KM_PER_DEGREE);
    this.lonCells = Math.ceil(360 / this.cellDeg);
  }

  private slotOf(time: number): number {
    const slot = Math.floor(time / this.slotMs) % TIME_SLOTS;
    return slot < 0 ? slot + TIME_SLOTS : slot;
  }

  /** The key of the cell and time slot holding a point at a time. */
  keyOf(lat: number, lon: number, time: number): number {
    const row = Math.floor((lat + 90) / this.cellDeg);
    const col = Math.floor((lon + 180) / this.cellDeg) % this.lonCells;
    return (row * this.lonCells + col) * TIME_SLOTS + this.slotOf(time);
  }

  /** Files an entry under a cell key. */
  add(key: number, entry: T): void {
    const place = Math.floor(key / TIME_SLOTS);
    const slot = key - place * TIME_SLOTS;
    let slots = this.cells.get(place);
    if (!slots) this.cells.set(place, (slots = new Map()));
    const cell = slots.get(slot);
    if (cell) cell.push(entry);
    else slots.set(slot, [entry]);
  }

  /**
   * Calls `visit` on every entry filed within `radiusKm` of the point and
   * `spanMs` of the time (and some beyond). `keep` returning false drops an
   * entry from its cell, so stale entries cost one look only.
   */
  visitNear(
    lat: number,
    lon: number,
    time: number,
    spanMs: number,
    keep: (entry: T) => boolean,
    visit: (entry: T) => void,
  ): void {
    const firstSlot = Math.floor((time - spanMs) / this.slotMs);
    const lastSlot = Math.floor((time + spanMs) / this.slotMs);
    const row = Math.floor((lat + 90) / this.cellDeg);
    const col = Math.floor((lon + 180) / this.cellDeg);
    // East-west, a degree shrinks with cos(latitude): widen the search to the
    // poleward edge of the searched rows.
    const edgeLat = Math.min(90, Math.abs(lat) + 2 * this.cellDeg);
    const cos = Math.max(1e-6, Math.cos((edgeLat * Math.PI) / 180));
    const lonSpanDeg = this.radiusKm / (KM_PER_DEGREE * cos);
    const span = Math.ceil(lonSpanDeg / this.cellDeg);
    const cols: number[] = [];
    if (2 * span + 1 >= this.lonCells) {
      for (let c = 0; c < this.lonCells; c++) cols.push(c);
    } else {
      for (let c = col - span; c <= col + span; c++)
        cols.push(((c % this.lonCells) + this.lonCells) % this.lonCells);
    }
    for (let r = row - 1; r <= row + 1; r++) {
      if (r < 0 || r * this.cellDeg > 180) continue;
      for (const c of cols) {
        const place = r * this.lonCells + c;
        const slots = this.cells.get(place);
        if (!slots) continue;
        for (let t = firstSlot; t <= lastSlot; t++) {
          const slot = this.slotOf(t * this.slotMs);
          const cell = slots.get(slot);
          if (!cell) continue;
          let kept = 0;
          for (let i = 0; i < cell.length; i++) {
            const entry = cell[i]!;
            if (!keep(entry)) continue;
            cell[kept++] = entry;
            visit(entry);
          }
          if (kept > 0) cell.length = kept;
          else if (slots.size > 1) slots.delete(slot);
          else this.cells.delete(place);
        }
      }
    }
  }

  /** Removes everything. */
  clear(): void {
    this.cells.clear();
  }
}
