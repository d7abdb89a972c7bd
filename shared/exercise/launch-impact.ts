// How an operator tells that two alerts are one shot: a firing point (a launch
// or an outgoing round, with its direction of fire) and the impact it caused,
// often in separate alerts because guns, rockets and missiles land further
// away than the alert engine's 10 km (docs/ALERTS-AND-SEVERITY.md,
// correlation). The operator reads only operator-visible fields: `subtype`
// (`outgoing`, `firing-position`, `impact`), the locations and times, the
// launch's `bearing_deg` and `weapon_class` — never ground truth.
import { haversineKm } from '../geo/haversine';
import type { OperatorEvent } from './auto-operator';

/**
 * Minutes from a launch to its impact: shells, rockets and missiles fired
 * within this theatre's reach (up to about 300 km for a tactical missile)
 * land within about five minutes. Loitering munitions fly for much longer
 * and are not paired this way.
 */
export const FLIGHT_MIN = 6;
/** How far from the launch's direction of fire an impact may lie (degrees). */
export const BEARING_TOLERANCE_DEG = 10;
/**
 * Weapons whose rounds land well beyond the alert engine's 10 km, so that
 * their impacts are alerts of their own, and the furthest (km) an impact is
 * paired with a launch of each: the withdrawal depths the samples set by range
 * (sample-feeds/README.md, the agreement): 50 km for tube artillery, 140 km
 * for heavy MLRS, about 300 km for tactical missiles. Mortars, tanks and small
 * arms land within the alert's own reach; a report naming no weapon is not
 * paired (and an observer's bearing is often to the sound, not of the fire).
 */
export const REACH_KM: Readonly<Record<string, number>> = {
  artillery: 50,
  mlrs: 140,
  missile: 300,
};

/**
 * Sources whose `bearing_deg` on a launch is its direction of fire: an
 * acoustic array's located shot, a drone or satellite watching the launcher.
 * A patrol's bearing is the one it heard or saw the fire on, from where it
 * stood; a media report's is hearsay.
 */
const FIRE_DIRECTION_SOURCES: ReadonlySet<string> = new Set([
  'ground-sensor',
  'drone',
  'satellite',
]);

const MIN = 60_000;

/** A report of a long-range weapon firing (or in a firing position), located, giving its direction of fire. */
export function isLaunch(e: OperatorEvent): boolean {
  return (
    (e.subtype === 'outgoing' || e.subtype === 'firing-position') &&
    FIRE_DIRECTION_SOURCES.has(e.source) &&
    e.weapon_class !== undefined &&
    REACH_KM[e.weapon_class] !== undefined &&
    e.lat !== undefined &&
    e.lon !== undefined &&
    e.bearing_deg !== undefined
  );
}

/** A located report of where fire landed. */
export function isImpact(e: OperatorEvent): boolean {
  return e.subtype === 'impact' && e.lat !== undefined && e.lon !== undefined;
}

/** Initial great-circle bearing from one point to another, degrees 0–360. */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const y = Math.sin((lon2 - lon1) * rad) * Math.cos(lat2 * rad);
  const x =
    Math.cos(lat1 * rad) * Math.sin(lat2 * rad) -
    Math.sin(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos((lon2 - lon1) * rad);
  return (((Math.atan2(y, x) / rad) % 360) + 360) % 360;
}

/**
 * Whether `impact` is where `launch` landed: it happened within FLIGHT_MIN
 * after the launch, within the weapon's reach, and on its direction of fire.
 */
export function landsFrom(launch: OperatorEvent, impact: OperatorEvent): boolean {
  if (!isLaunch(launch) || !isImpact(impact)) return false;
  const flight = Date.parse(impact.time) - Date.parse(launch.time);
  if (!(flight >= 0 && flight <= FLIGHT_MIN * MIN)) return false;
  const km = haversineKm(launch.lat!, launch.lon!, impact.lat!, impact.lon!);
  if (km > REACH_KM[launch.weapon_class!]!) return false;
  const off = Math.abs(
    bearingDeg(launch.lat!, launch.lon!, impact.lat!, impact.lon!) - launch.bearing_deg!,
  );
  return Math.min(off, 360 - off) <= BEARING_TOLERANCE_DEG;
}

/**
 * The time until which an alert's long-range launch waits for its rounds to
 * land before the operator judges it, or null: the alert has a launch of a
 * gun, rocket or missile and no impact yet. Judged alone, a launch far behind
 * the line reads as routine fire; what it hit is what decides.
 */
export function awaitsImpactUntil(events: readonly OperatorEvent[]): number | null {
  if (events.some(isImpact)) return null;
  const launches = events.filter(isLaunch);
  if (launches.length === 0) return null;
  return Math.max(...launches.map((e) => Date.parse(e.time))) + FLIGHT_MIN * MIN;
}
