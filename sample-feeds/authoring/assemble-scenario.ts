// Puts scripted incidents, background activity and injects together into the
// files of one scenario package, with ids and feed files by source.
import type { PartyScript } from '../../shared/scenario/schema';
import { localTimeToUtc } from './local-time';
import type { EventDraft } from './event-draft';
import type { PackageFiles } from './write-scenario-package';
import { PARTIES, toSensorRecord, type MissionSensor } from './notional-front';
import { DAILY_REPORT_HOUR, TIME_ZONE, UTC_OFFSET_HOURS } from './notional-geography';

/** The banner of every sample: an exercise, on notional ground. */
export const NOTIONAL_CLASSIFICATION = 'EXERCISE EXERCISE EXERCISE — NOTIONAL';

const FEED_OF_SOURCE = {
  satellite: 'feeds/satellite.ndjson',
  drone: 'feeds/drone.ndjson',
  'ground-sensor': 'feeds/ground.ndjson',
  observer: 'feeds/observer.ndjson',
  'open-source': 'feeds/open-source.ndjson',
} as const;
const PREFIX = {
  satellite: 'sat',
  drone: 'drn',
  'ground-sensor': 'gnd',
  observer: 'obs',
  'open-source': 'osn',
} as const;

export const MSEL_HEADER = [
  'Inject #',
  'Scenario Time',
  'Description',
  'Expected Player Action',
  'From',
  'To',
  'Method',
  'party',
  'x-objective',
];

export interface AssembleOptions {
  id: string;
  title: string;
  classification: string;
  start: number;
  end: number;
  /** Local midnight at the start of exercise day 1 (epoch ms), from which days count. */
  localDayOne: number;
  /** The clock of the theatre (notional-geography.ts) unless given. */
  timezone?: string;
  utcOffsetHours?: number;
  /** Local hour of the mission's daily report (format section 8); the theatre's unless given. */
  dailyReportHour?: number;
  /** Scenario format version: 2 when the events use the fields of section 8. */
  version?: 1 | 2;
  zones: PackageFiles['zones'];
  sensors: readonly MissionSensor[];
  scripted: EventDraft[];
  background: EventDraft[];
  /** [id, local day, local "HH:MM", description, expected action, from, to, method, party, objective] */
  injects: readonly InjectRow[];
  briefing: string;
  /** Controller-only: how the simulation cell plays the parties (format section 8), if scripted. */
  partyScript?: PartyScript;
}

export type InjectRow = readonly [
  string,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Assembles the package files; background drafts get ids like `gnd-00042` in time order. */
export function assembleScenario(options: AssembleOptions): PackageFiles {
  const bySource = new Map<keyof typeof FEED_OF_SOURCE, EventDraft[]>();
  const background = [...options.background].sort(
    (a, b) => a.t - b.t || (a.reported ?? a.t) - (b.reported ?? b.t),
  );
  const counters = new Map<string, number>();
  for (const draft of background) {
    const source = draft.source as keyof typeof FEED_OF_SOURCE;
    const n = (counters.get(source) ?? 0) + 1;
    counters.set(source, n);
    draft.id = `${PREFIX[source]}-${String(n).padStart(5, '0')}`;
  }
  for (const draft of [...options.scripted, ...background]) {
    const source = draft.source as keyof typeof FEED_OF_SOURCE;
    if (!(source in FEED_OF_SOURCE))
      throw new Error(`${draft.id}: no feed for source ${draft.source}`);
    if (draft.t < options.start || draft.t > options.end)
      throw new Error(`${draft.id}: outside the scenario window`);
    if (draft.reported !== undefined && draft.reported > options.end) draft.reported = options.end;
    const list = bySource.get(source) ?? [];
    list.push(draft);
    bySource.set(source, list);
  }
  const feeds = (Object.keys(FEED_OF_SOURCE) as (keyof typeof FEED_OF_SOURCE)[])
    .filter((source) => bySource.has(source))
    .map((source) => ({ path: FEED_OF_SOURCE[source], drafts: bySource.get(source)! }));

  const rows = options.injects.map(
    ([id, day, local, description, expected, from, to, method, party, objective]) => [
      id,
      localTimeToUtc(options.localDayOne, day, local, options.utcOffsetHours ?? UTC_OFFSET_HOURS),
      description,
      expected,
      from,
      to,
      method,
      party,
      objective,
    ],
  );

  const manifest = {
    format: 'truceline-scenario',
    version: options.version ?? 1,
    id: options.id,
    title: options.title,
    classification: options.classification,
    start: new Date(options.start).toISOString(),
    end: new Date(options.end).toISOString(),
    timezone: options.timezone ?? TIME_ZONE,
    daily_report_hour: options.dailyReportHour ?? DAILY_REPORT_HOUR,
    parties: PARTIES,
    zones: 'zones.geojson',
    sensors: 'sensors.json',
    feeds: [...feeds.map((f) => f.path), 'feeds/msel.csv'],
    briefing: 'briefing.md',
    ...(options.partyScript ? { party_script: 'simcell/party-script.json' } : {}),
  };
  return {
    manifest,
    zones: options.zones,
    sensors: options.sensors.map(toSensorRecord),
    feeds,
    msel: { path: 'feeds/msel.csv', header: MSEL_HEADER, rows },
    briefing: options.briefing,
    ...(options.partyScript
      ? { partyScript: { path: 'simcell/party-script.json', script: options.partyScript } }
      : {}),
  };
}
