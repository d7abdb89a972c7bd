// Events are written from drafts (epoch ms, lon/lat pairs) into the scenario
// format with a fixed field order, so rebuilt files compare byte for byte.
import type {
  Assessment,
  PeopleCount,
  ScenarioEvent,
  Source,
  Target,
  Truth,
  WeaponClass,
} from '../../shared/scenario/schema';
import { round6, type LonLat } from './front-geometry';

export interface EventDraft {
  id: string;
  t: number;
  reported?: number;
  source: Source;
  platform?: string;
  sensor?: string;
  type: string;
  subtype?: string;
  at?: LonLat;
  precision_m?: number;
  confidence?: number;
  weapon_class?: WeaponClass;
  calibre_mm?: number;
  count?: number;
  bearing_deg?: number;
  casualties?: number | { low: number; best: number; high: number };
  killed?: PeopleCount;
  injured?: PeopleCount;
  civilian_killed?: PeopleCount;
  civilian_injured?: PeopleCount;
  target?: Target;
  assessment?: Assessment;
  refers_to?: string;
  party?: string;
  summary?: string;
  ref?: string;
  truth?: Truth;
  expected_action?: string;
  /** Controller-only: the scripted incident the event belongs to (section 8). */
  incident?: string;
  extra?: Record<`x-${string}`, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The draft as a scenario event, fields in the format's order. */
export function toEvent(d: EventDraft): ScenarioEvent {
  const event: Record<string, unknown> = { id: d.id, time: iso(d.t) };
  if (d.reported !== undefined && d.reported !== d.t) event.reported = iso(d.reported);
  event.source = d.source;
  if (d.platform) event.platform = d.platform;
  if (d.sensor) event.sensor = d.sensor;
  event.type = d.type;
  if (d.subtype) event.subtype = d.subtype;
  if (d.at) {
    event.lat = round6(d.at[1]);
    event.lon = round6(d.at[0]);
  }
  const optional = [
    'precision_m',
    'confidence',
    'weapon_class',
    'calibre_mm',
    'count',
    'bearing_deg',
    'casualties',
    'killed',
    'injured',
    'civilian_killed',
    'civilian_injured',
    'target',
    'assessment',
    'refers_to',
    'party',
    'summary',
    'ref',
    'truth',
    'expected_action',
    'incident',
  ] as const;
  for (const key of optional) if (d[key] !== undefined) event[key] = d[key];
  for (const [key, value] of Object.entries(d.extra ?? {})) event[key] = value;
  return event as ScenarioEvent;
}

/** Feed-file order: (time, id); the loader warns about anything else and sorts for replay itself. */
export function byTime(a: EventDraft, b: EventDraft): number {
  if (a.t !== b.t) return a.t - b.t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
