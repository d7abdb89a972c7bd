// What every consumer of a scenario (replay, alerts, protocol, UI, CLI) receives
// once loading and validation have succeeded. Produced by shared/scenario loaders.
import type { Geometry } from 'geojson';
import type { Party, PartyScript, ScenarioEvent, Sensor, ZoneKind, ZoneProperties } from './schema';

/** A zone with its geometry and precomputed bounding box. */
export interface Zone extends ZoneProperties {
  kind: ZoneKind;
  geometry: Geometry;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: readonly [number, number, number, number];
}

/** An event in replay order with the geography computed once at load. */
export interface ReplayEvent {
  /** Position in replay order, 0-based. */
  readonly seq: number;
  /** Epoch ms of `time` (when it happened; correlation uses this). */
  readonly at: number;
  /** Epoch ms of `reported ?? time` (when replay shows it). */
  readonly shownAt: number;
  /** The event as given, with `time`/`reported` normalised to UTC ISO with ms. */
  readonly event: ScenarioEvent;
  /** Ids of every zone (not line-of-contact) containing the event, in zone order. */
  readonly zoneIds: readonly string[];
  /** Distance in km to the nearest line of contact; null without a location or line. */
  readonly lineDistanceKm: number | null;
  /** Nearest settlement and the distance to its edge in km (0 inside); null if none. */
  readonly settlementId: string | null;
  readonly settlementDistanceKm: number | null;
}

/** A problem found while loading, in the forms of docs/SCENARIO-FORMAT.md section 7. */
export interface Diagnostic {
  /** File as the user named it, relative to the package. */
  file: string;
  /** 1-based line for feed records, if any. */
  line?: number;
  column?: number;
  /** JSON pointer for problems in JSON documents. */
  pointer?: string;
  /** Event field, for feed records. */
  field?: string;
  message: string;
}

export interface LoadedScenario {
  id: string;
  title: string;
  classification: string;
  /** Epoch ms */
  start: number;
  end: number;
  timezone: string;
  /** Local hour (0–23, in `timezone`) the daily report is due, when the scenario says (section 8). */
  dailyReportHour?: number;
  parties: readonly Party[];
  zones: readonly Zone[];
  sensors: readonly Sensor[];
  /** Every event in replay order `(reported ?? time, id)`. */
  events: readonly ReplayEvent[];
  /** Scenario-supplied protocol and scoring documents (null: use the built-in ones). */
  protocol: unknown | null;
  scoring: unknown | null;
  briefing: string | null;
  /**
   * Controller-only: how the parties behave, per scripted incident
   * (docs/SCENARIO-FORMAT.md section 8). Read by the simulation cell that
   * answers for the parties, never by the operator's side; null: none given.
   */
  partyScript: PartyScript | null;
  /** Lowercase hex SHA-256 of the canonical scenario (docs/SCENARIO-FORMAT.md section 1). */
  hash: string;
  warnings: readonly Diagnostic[];
}
