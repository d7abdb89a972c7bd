import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { SOURCES, type Source } from '../../../shared/scenario/schema';

export interface ScenarioSummary {
  id: string;
  title: string;
  classification: string;
  start: number;
  end: number;
  timezone: string;
  eventCount: number;
  /** Every source kind, in the schema's order, with its count (zeros included). */
  bySource: { source: Source; count: number }[];
  zoneCount: number;
  sensorCount: number;
  hash: string;
  hashShort: string;
  hasBriefing: boolean;
}

/** What the Library card shows of a loaded scenario. */
export function summariseScenario(scenario: LoadedScenario): ScenarioSummary {
  const counts = new Map<Source, number>(SOURCES.map((s) => [s, 0]));
  for (const e of scenario.events)
    counts.set(e.event.source, (counts.get(e.event.source) ?? 0) + 1);
  return {
    id: scenario.id,
    title: scenario.title,
    classification: scenario.classification,
    start: scenario.start,
    end: scenario.end,
    timezone: scenario.timezone,
    eventCount: scenario.events.length,
    bySource: SOURCES.map((source) => ({ source, count: counts.get(source) ?? 0 })),
    zoneCount: scenario.zones.length,
    sensorCount: scenario.sensors.length,
    hash: scenario.hash,
    hashShort: scenario.hash.slice(0, 12),
    hasBriefing: Boolean(scenario.briefing && scenario.briefing.trim()),
  };
}
