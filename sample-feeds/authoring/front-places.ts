// Places on the front for hand-written incidents, as (km along the front, km
// off the line), and the words summaries use about them: directions and
// distances are computed from the positions, so the words match the map.
import { bearingDeg, compassWords, distanceKm, frontPoint, type LonLat } from './front-geometry';
import { ACOUSTIC_SITES, PATROL_BASES } from './notional-front';
import { SETTLEMENTS } from './notional-geography';

export type At = readonly [number, number];

export const point = ([s, off]: At): LonLat => frontPoint(s, off);
export const bearing = (from: At, to: At) => Math.round(bearingDeg(point(from), point(to)));
export const towards = (from: At, to: At) => compassWords(bearingDeg(point(from), point(to)));
export const km = (from: At, to: At) => distanceKm(point(from), point(to));
/** "southern", "north-eastern": the part of a place that lies towards another. */
export const partTowards = (from: At, to: At) =>
  `${['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'][Math.round(bearingDeg(point(from), point(to)) / 45) % 8]}ern`;
/** The range band a patrol reports a sound in. */
export const band = (d: number) => (d < 1 ? 'less than 1' : d < 4 ? '1–4' : d < 8 ? '4–8' : '8–20');

export const village = (id: string): At => {
  const found = SETTLEMENTS.find((s) => s.id === id);
  if (!found) throw new Error(`no settlement ${id}`);
  return [found.s, found.off];
};
export const patrol = (id: string): At => {
  const found = PATROL_BASES.find((p) => p.id === id);
  if (!found) throw new Error(`no patrol ${id}`);
  return [found.s, found.off];
};
export const array = (id: string): At => {
  const found = ACOUSTIC_SITES.find((a) => a.id === id);
  if (!found) throw new Error(`no array ${id}`);
  return [found.s, found.off];
};
