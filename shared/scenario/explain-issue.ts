// Zod's own messages ("Invalid input: expected number, received string") are
// for programmers; scenario authors get plain English naming the field, what
// it must be, and what was given.
import type { z } from 'zod';
import {
  ASSESSMENTS,
  CONTEXT_KINDS,
  EVENT_TYPES,
  PARTY_ROLES,
  REPLY_KINDS,
  SENSOR_KINDS,
  SOURCES,
  TARGETS,
  TRUTHS,
  WEAPON_CLASSES,
  ZONE_KINDS,
} from './schema';
import { showValue } from './diagnostics';

const ISO = 'an ISO 8601 date-time with Z or an offset, e.g. 2026-03-01T04:12:00Z';
const oneOf = (values: readonly string[]) => `one of ${values.join(', ')}`;
const PEOPLE =
  'a whole number >= 0, or { "low", "best", "high" } whole numbers with low <= best <= high';

/** What each field of the format must be, keyed by field name. */
const FIELD_RULES: Record<string, string> = {
  id: 'a string of 1 to 128 characters',
  time: ISO,
  reported: ISO,
  start: ISO,
  end: ISO,
  from: ISO,
  to: ISO,
  source: oneOf(SOURCES),
  type: `a known event type (${EVENT_TYPES.join(', ')}) or a custom type starting with "x-"`,
  lat: 'a number between -90 and 90',
  lon: 'a number between -180 and 180',
  precision_m: 'a number greater than 0',
  confidence: 'a number between 0 and 1',
  weapon_class: oneOf(WEAPON_CLASSES),
  calibre_mm: 'a number greater than 0',
  count: 'a whole number of at least 1',
  bearing_deg: 'a number between 0 and 360',
  casualties: PEOPLE,
  killed: PEOPLE,
  injured: PEOPLE,
  civilian_killed: PEOPLE,
  civilian_injured: PEOPLE,
  target: oneOf(TARGETS),
  assessment: oneOf(ASSESSMENTS),
  refers_to: 'the id of an earlier event (a string of 1 to 128 characters)',
  incident: 'a string of 1 to 128 characters',
  context: oneOf(CONTEXT_KINDS),
  summary: 'text of at most 4000 characters',
  truth: oneOf(TRUTHS),
  platform: 'a string',
  sensor: 'a sensor id (string)',
  subtype: 'a string',
  party: 'a party id (string)',
  ref: 'a string',
  expected_action: 'a string',
  kind: 'a valid kind',
  role: oneOf(PARTY_ROLES),
  range_km: 'a number greater than 0',
  radius_m: 'a number greater than 0',
  max_calibre_mm: 'a number greater than 0',
  prohibited: `a list of weapon classes (${WEAPON_CLASSES.join(', ')})`,
  controlled_by: 'a party id (string)',
  format: 'exactly "truceline-scenario"',
  version: '1 or 2',
  title: 'a non-empty string',
  name: 'a non-empty string',
  timezone: 'an IANA time zone name, e.g. Pacific/Auckland or Etc/GMT+8',
  daily_report_hour: 'a whole number of hours from 0 to 23 (local time)',
  population: 'a whole number of people (0 or more)',
  area: 'a non-empty string naming the area covered',
  footprint: 'a GeoJSON Polygon { "type": "Polygon", "coordinates": [ring, …] }',
  // The party script (section 8).
  acknowledge: '"never" or { "after_min": minutes >= 0, "via": text }',
  meeting: 'one of attends, refuses',
  accepts_measures: 'true or false',
  meeting_at: ISO,
  measures: 'text of 1 to 4000 characters',
};

/** Kind depends on the document: zones and sensors have different vocabularies. */
function ruleFor(path: readonly PropertyKey[], inEvent: boolean): string | undefined {
  const field = String(path[path.length - 1] ?? '');
  if (field === 'id' && !inEvent) return path.length === 1 ? undefined : 'a non-empty string';
  if (field === 'kind') {
    if (path.includes('reply')) return oneOf(REPLY_KINDS);
    return path.includes('properties') ? oneOf(ZONE_KINDS) : oneOf(SENSOR_KINDS);
  }
  // Inside a sensor's footprint, `type` is GeoJSON's, not an event type.
  if (field === 'type' && path.includes('footprint')) return 'exactly "Polygon"';
  if (typeof path[path.length - 1] === 'number') {
    const parent = String(path[path.length - 2] ?? '');
    if (parent === 'prohibited') return oneOf(WEAPON_CLASSES);
  }
  return Object.hasOwn(FIELD_RULES, field) ? FIELD_RULES[field] : undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** One zod issue as a plain-English message (the field is named by the caller). */
export function explainIssue(issue: z.core.$ZodIssue, root: unknown, inEvent = true): string {
  const value = valueAt(root, issue.path);
  const rule = ruleFor(issue.path, inEvent);
  if (issue.code === 'unrecognized_keys') {
    return `unexpected ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (value === undefined && issue.code !== 'custom') {
    return rule ? `is required (must be ${rule})` : 'is required';
  }
  if (issue.code === 'custom' || (issue.code === 'invalid_format' && !rule)) {
    return value === undefined ? issue.message : `${issue.message}, got ${showValue(value)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return issue.message.startsWith('Too small')
      ? `must have at least ${String(issue.minimum)} entries, got ${Array.isArray(value) ? value.length : 0}`
      : issue.message;
  }
  if (rule) return `must be ${rule}, got ${showValue(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, got ${kindOf(value)}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values.map((v) => JSON.stringify(v)))}, got ${showValue(value)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}, got ${showValue(value)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}, got ${showValue(value)}`;
    default:
      return `is not valid (${issue.message.toLowerCase()}), got ${showValue(value)}`;
  }
}

/** The dotted field name of an issue path inside one event (e.g. `casualties.low`). */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'record' : path.map(String).join('.');
}
