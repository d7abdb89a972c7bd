// Which party holds the side of the line of contact a point lies on. A
// monitoring officer sends the request for explanation to the party from
// whose side the fire came (crater analysis and acoustic bearings give the
// firing point); the scenario says which party controls each settlement, so
// the side of a firing point is that of the nearest controlled settlement
// reached without crossing the line (docs/CLI.md, the `auto` policy).
import { segmentCrossesLines } from '../geo/disc-coverage';
import { haversineKm } from '../geo/haversine';
import { linesOf } from '../geo/zone-locator';
import type { Zone } from '../scenario/loaded-scenario';

/** The lines of contact of a scenario's zones, extracted once per zone list. */
const contactLines = new WeakMap<readonly Zone[], number[][][]>();

/** The party on the point's side of the line, or null when the scenario cannot tell. */
export function partyOnSide(lon: number, lat: number, zones: readonly Zone[]): string | null {
  let lines = contactLines.get(zones);
  if (!lines) {
    lines = zones.filter((z) => z.kind === 'line-of-contact').flatMap(linesOf);
    contactLines.set(zones, lines);
  }
  if (lines.length === 0) return null;
  let best: string | null = null;
  let bestKm = Infinity;
  for (const zone of zones) {
    if (zone.controlled_by === undefined) continue;
    const [x0, y0, x1, y1] = zone.bbox;
    const centre: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const km = haversineKm(lat, lon, centre[1], centre[0]);
    if (km >= bestKm || segmentCrossesLines([lon, lat], centre, lines)) continue;
    best = zone.controlled_by;
    bestKm = km;
  }
  return best;
}
