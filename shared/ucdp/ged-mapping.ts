// The tables that turn GED codes into feed fields. docs/UCDP-IMPORT.md documents them;
// change both together.
import type { KnownEventType, Target } from '../scenario/schema';

/** `type_of_violence` → event type, subtype and (when GED says it) target. */
export const VIOLENCE_TYPES: Readonly<
  Record<string, { type: KnownEventType; subtype: string; target?: Target }>
> = {
  // State-based and non-state conflict are fighting between organised armed sides.
  '1': { type: 'armed-clash', subtype: 'state-based' },
  '2': { type: 'armed-clash', subtype: 'non-state' },
  // One-sided violence is an armed side killing civilians: GED records the deaths,
  // not a clash, so it arrives as a casualty report.
  '3': { type: 'casualty-report', subtype: 'one-sided', target: 'civilian' },
};

/** `where_prec` → radius of location uncertainty in metres, with what the code means. */
export const WHERE_PRECISION_M: Readonly<Record<string, { metres: number; meaning: string }>> = {
  '1': { metres: 1_000, meaning: 'exact location (village, town, named spot)' },
  '2': { metres: 25_000, meaning: 'within about 25 km of a known point' },
  '3': { metres: 50_000, meaning: 'second-order administrative division (district)' },
  '4': { metres: 150_000, meaning: 'first-order administrative division (province)' },
  '5': { metres: 50_000, meaning: 'linear feature or between places (road, river, front)' },
  '6': { metres: 500_000, meaning: 'country only' },
  '7': { metres: 500_000, meaning: 'international waters or airspace' },
};

/** `date_prec` → factor on confidence: how sure we are the event happened on `date_start`. */
export const DATE_PRECISION_FACTOR: Readonly<Record<string, number>> = {
  '1': 1, // exact day
  '2': 0.9, // within 2–6 days
  '3': 0.8, // only the week known
  '4': 0.65, // only the month known
  '5': 0.5, // only the year known
};

/** `event_clarity` → base confidence: 1 a clearly reported event, 2 a summary of several. */
export const EVENT_CLARITY_CONFIDENCE: Readonly<Record<string, number>> = {
  '1': 0.9,
  '2': 0.6,
};

/** Used when a code is missing or unknown (with a warning): the least certain value. */
export const WORST_DATE_FACTOR = 0.5;
export const WORST_CLARITY_CONFIDENCE = 0.6;

/** The confidence an imported event gets, rounded to two decimals. */
export function gedConfidence(clarity: number, dateFactor: number): number {
  return Math.round(clarity * dateFactor * 100) / 100;
}
