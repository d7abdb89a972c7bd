// Checks one raw record against the event schema. The common valid case takes
// a hand-written fast path; anything it does not accept goes through the zod
// schema, which stays the one source of truth (a property test checks that the
// fast path never accepts what the schema refuses).
import {
  EVENT_FIELDS,
  EVENT_TYPES,
  SOURCES,
  TRUTHS,
  WEAPON_CLASSES,
  eventSchema,
  type ScenarioEvent,
} from './schema';
import { explainIssue, fieldName } from './explain-issue';
import { showValue } from './diagnostics';

export interface EventProblem {
  field: string;
  message: string;
}

export type EventCheck =
  | { ok: true; event: ScenarioEvent; at: number; shownAt: number; unknownFields: string[] | null }
  | { ok: false; problems: EventProblem[]; unknownFields: string[] | null };

const SOURCE_SET: ReadonlySet<unknown> = new Set(SOURCES);
const TYPE_SET: ReadonlySet<unknown> = new Set(EVENT_TYPES);
const WEAPON_SET: ReadonlySet<unknown> = new Set(WEAPON_CLASSES);
const TRUTH_SET: ReadonlySet<unknown> = new Set(TRUTHS);
const CUSTOM_TYPE = /^x-[A-Za-z0-9._-]+$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Epoch ms of an ISO date-time in the schema's form (`YYYY-MM-DDTHH:MM:SS`,
 * optional fraction, then `Z` or `±HH:MM`), or NaN. Hand-written because it
 * runs once or twice per event; a property test holds it to the schema.
 */
export function parseIsoTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const n = value.length;
  if (n < 20) return NaN;
  if (
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 ||
    value.charCodeAt(13) !== 58 ||
    value.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  const century = twoDigits(value, 0);
  const yy = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
    return NaN;
  }
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = century * 100 + yy;
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > dim) return NaN;
  let i = 19;
  let millis = 0;
  if (value.charCodeAt(i) === 46) {
    const from = ++i;
    while (i < n) {
      const c = value.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      // Digits past milliseconds are dropped, as Date.parse does.
      if (i - from < 3) millis = millis * 10 + c;
      i++;
    }
    if (i === from) return NaN;
    for (let k = i - from; k < 3; k++) millis *= 10;
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(i);
  if (zone === 90) {
    if (i + 1 !== n) return NaN;
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== n || value.charCodeAt(i + 3) !== 58) return NaN;
    const oh = twoDigits(value, i + 1);
    const om = twoDigits(value, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offsetMinutes = (zone === 43 ? 1 : -1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  // Plain arithmetic rather than Date setters (several times slower, and run
  // twice per event); exact for years 0000–9999, held to Date by a property test.
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    millis;
  return ms - offsetMinutes * 60_000;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** UTC ISO with milliseconds, the one form times take after loading. */
export function toUtcIso(ms: number, given?: string): string {
  // A time already in that form is kept as is (no new string per event).
  if (
    given !== undefined &&
    given.length === 24 &&
    given.charCodeAt(19) === 46 &&
    given.charCodeAt(23) === 90 &&
    given.charCodeAt(0) !== 43
  ) {
    return given;
  }
  return new Date(ms).toISOString();
}

const optString = (v: unknown) => v === undefined || typeof v === 'string';
const optNumberIn = (v: unknown, min: number, max: number) =>
  v === undefined || (typeof v === 'number' && v >= min && v <= max);
const optPositive = (v: unknown) =>
  v === undefined || (typeof v === 'number' && v > 0 && v < Infinity);
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function casualtiesOk(v: unknown): boolean {
  if (v === undefined || isCount(v)) return true;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  const keys = Object.keys(c);
  return (
    keys.length === 3 &&
    isCount(c.low) &&
    isCount(c.best) &&
    isCount(c.high) &&
    (c.low as number) <= (c.best as number) &&
    (c.best as number) <= (c.high as number)
  );
}

/** The fast path: true only for events the schema surely accepts. */
function fastAccepts(e: Record<string, unknown>, at: number, shown: number): boolean {
  const { id, type, source, lat, lon, count, summary } = e;
  return (
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= 128 &&
    !Number.isNaN(at) &&
    !Number.isNaN(shown) &&
    shown >= at &&
    SOURCE_SET.has(source) &&
    (TYPE_SET.has(type) || (typeof type === 'string' && CUSTOM_TYPE.test(type))) &&
    (source === 'inject' || (lat !== undefined && lon !== undefined)) &&
    optNumberIn(lat, -90, 90) &&
    optNumberIn(lon, -180, 180) &&
    optPositive(e.precision_m) &&
    optNumberIn(e.confidence, 0, 1) &&
    (e.weapon_class === undefined || WEAPON_SET.has(e.weapon_class)) &&
    optPositive(e.calibre_mm) &&
    (count === undefined || (isCount(count) && (count as number) >= 1)) &&
    optNumberIn(e.bearing_deg, 0, 360) &&
    casualtiesOk(e.casualties) &&
    // Section 8 fields have rules across fields (civilian parts within their
    // totals, casualties or killed): the schema decides those records.
    e.killed === undefined &&
    e.injured === undefined &&
    e.civilian_killed === undefined &&
    e.civilian_injured === undefined &&
    e.target === undefined &&
    e.assessment === undefined &&
    e.refers_to === undefined &&
    e.incident === undefined &&
    (summary === undefined || (typeof summary === 'string' && summary.length <= 4000)) &&
    (e.truth === undefined || TRUTH_SET.has(e.truth)) &&
    optString(e.platform) &&
    optString(e.sensor) &&
    optString(e.subtype) &&
    optString(e.party) &&
    optString(e.ref) &&
    optString(e.expected_action) &&
    (e.extra === undefined ||
      (typeof e.extra === 'object' && e.extra !== null && !Array.isArray(e.extra)))
  );
}

/**
 * Moves fields that are neither format fields nor `x-*` under `extra`.
 * A given `extra` field is itself unknown (the loader owns that name).
 */
function moveUnknownFields(e: Record<string, unknown>): string[] | null {
  let unknown: string[] | null = null;
  for (const key in e) {
    if ((EVENT_FIELDS.has(key) && key !== 'extra') || key.startsWith('x-')) continue;
    (unknown ??= []).push(key);
  }
  if (!unknown) return null;
  const extra: Record<string, unknown> = {};
  for (const key of unknown) {
    // defineProperty, not assignment: a field named "__proto__" stays a field.
    Object.defineProperty(extra, key, {
      value: e[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete e[key];
  }
  e.extra = extra;
  return unknown;
}

/**
 * Checks one record and normalises `time`/`reported` to UTC ISO with ms.
 * The record object is taken over (mutated) when it is valid.
 */
export function checkEvent(raw: unknown): EventCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [
        { field: 'record', message: `must be a JSON object (one event), got ${showValue(raw)}` },
      ],
      unknownFields: null,
    };
  }
  const e = raw as Record<string, unknown>;
  const unknownFields = moveUnknownFields(e);
  const at = parseIsoTime(e.time);
  const shownAt = e.reported === undefined ? at : parseIsoTime(e.reported);
  if (fastAccepts(e, at, shownAt)) {
    e.time = toUtcIso(at, e.time as string);
    if (e.reported !== undefined) e.reported = toUtcIso(shownAt, e.reported as string);
    return { ok: true, event: e as ScenarioEvent, at, shownAt, unknownFields };
  }
  const result = eventSchema.safeParse(e);
  if (result.success && !Number.isNaN(at) && !Number.isNaN(shownAt)) {
    // The fast path is conservative; the schema has the last word.
    e.time = toUtcIso(at, e.time as string);
    if (e.reported !== undefined) e.reported = toUtcIso(shownAt, e.reported as string);
    return { ok: true, event: e as ScenarioEvent, at, shownAt, unknownFields };
  }
  if (result.success) {
    return {
      ok: false,
      problems: [
        { field: 'time', message: `could not be read as a date, got ${showValue(e.time)}` },
      ],
      unknownFields,
    };
  }
  const problems: EventProblem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = fieldName(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: explainIssue(issue, e) });
  }
  return { ok: false, problems, unknownFields };
}

/** For tests: whether the fast path alone accepts a record (it must imply the schema does). */
export function fastPathAccepts(raw: Record<string, unknown>): boolean {
  const at = parseIsoTime(raw.time);
  const shownAt = raw.reported === undefined ? at : parseIsoTime(raw.reported);
  return fastAccepts(raw, at, shownAt);
}
