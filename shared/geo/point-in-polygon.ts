// Even-odd ray casting in lon/lat degrees: right for the small zones of a
// ceasefire (tens of km); zones never straddle the antimeridian or a pole.

/** A ring or line as [lon, lat] positions (GeoJSON order). */
export type Ring = readonly (readonly number[])[];

/** Whether (lon, lat) lies inside a closed ring. */
export function pointInRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function pointInPolygon(lon: number, lat: number, rings: readonly Ring[]): boolean {
  if (rings.length === 0 || !pointInRing(lon, lat, rings[0]!)) return false;
  for (let h = 1; h < rings.length; h++) if (pointInRing(lon, lat, rings[h]!)) return false;
  return true;
}

/** Inside any polygon of a MultiPolygon. */
export function pointInMultiPolygon(
  lon: number,
  lat: number,
  polygons: readonly (readonly Ring[])[],
): boolean {
  for (const polygon of polygons) if (pointInPolygon(lon, lat, polygon)) return true;
  return false;
}
