// Hand-written incidents are listed as compact rows: exercise day and local
// clock time, a position as (km along the front, km off the line), minutes
// until the feed delivers them, and the event fields.
import type { EventDraft } from './event-draft';
import { frontPoint, type LonLat } from './front-geometry';
import { dayTime, senses, type MissionSensor } from './notional-front';

export interface ScriptedEvent extends Omit<EventDraft, 't' | 'reported' | 'at' | 'platform'> {
  day: number;
  /** "HH:MM" or "HH:MM:SS", local time of the theatre. */
  clock: string;
  /** Minutes from the event to its delivery by the feed. */
  delayMin?: number;
  /** Position: km along the front and km off the line (+ = Party A side). */
  s?: number;
  off?: number;
  /** Or the position of the named sensor. */
  atSensor?: boolean;
}

/**
 * Turns a scripted row into a draft, taking the platform from the sensor
 * named; localDayOne is local midnight at the start of exercise day 1.
 */
export function scripted(
  row: ScriptedEvent,
  localDayOne: number,
  sensors: readonly MissionSensor[],
): EventDraft {
  const { day, clock, delayMin, s, off, atSensor, ...fields } = row;
  const [hhmm, seconds] = [clock.slice(0, 5), Number(clock.slice(6) || 0)];
  const t = dayTime(localDayOne, day, hhmm) + seconds * 1000;
  const sensor = fields.sensor ? sensors.find((x) => x.id === fields.sensor) : undefined;
  if (fields.sensor && !sensor) throw new Error(`${row.id}: no sensor ${fields.sensor}`);
  let at: LonLat | undefined;
  if (atSensor && sensor) at = sensor.at;
  else if (s !== undefined && off !== undefined) at = frontPoint(s, off);
  // A report from a sensor that cannot have seen it would teach the wrong lesson:
  // refuse to build it. Patrols place what they hear roughly, so their stated
  // precision counts on top of their range.
  if (sensor && at) {
    const slackKm = sensor.kind === 'observer' ? (fields.precision_m ?? 0) / 1000 : 0.5;
    const widened =
      sensor.range_km === undefined ? sensor : { ...sensor, range_km: sensor.range_km + slackKm };
    if (!senses(widened, t, at)) {
      throw new Error(
        `${row.id}: ${sensor.id} does not cover day ${day} ${clock} at (${s}, ${off})`,
      );
    }
  }
  return {
    ...fields,
    t,
    ...(delayMin ? { reported: t + delayMin * 60_000 } : {}),
    ...(sensor ? { platform: sensor.platform } : {}),
    ...(at ? { at } : {}),
  };
}

/** Each row of a scripted incident, marked with it (the controller-only `incident`, section 8). */
export function inIncident(name: string, rows: readonly ScriptedEvent[]): ScriptedEvent[] {
  return rows.map((r) => ({ ...r, incident: name }));
}
