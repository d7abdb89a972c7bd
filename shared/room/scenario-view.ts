// The copy of the scenario a seat receives (docs/ROOMS.md, "The scenario a
// seat receives"). Controller and evaluator seats get everything; operator
// and observer seats get the events without their controller-only fields
// (`truth`, `expected_action`, `incident`) and no party script; party seats
// get no sensor feeds (no events, no sensors) and no party script. Each copy
// carries its own hash, which the seat checks and records, and the hash of
// the full scenario it was cut from (the one the log's exercise-created names).
import type { LoadedScenario } from '../scenario/loaded-scenario';
import { jcsSha256 } from '../protocol/content-hash';
import type { SeatAssignment } from './seat-roles';

/** The fields of an event only control reads (docs/SCENARIO-FORMAT.md). */
export const CONTROLLER_ONLY_EVENT_FIELDS = ['truth', 'expected_action', 'incident'] as const;

export type ScenarioReading = 'full' | 'without-controller-fields' | 'without-feeds';

export function readingOf(assignment: SeatAssignment): ScenarioReading {
  switch (assignment.role) {
    case 'controller':
    case 'evaluator':
      return 'full';
    case 'operator':
    case 'observer':
      return 'without-controller-fields';
    case 'party':
      return 'without-feeds';
  }
}

/** A seat's copy of the scenario, as JSON. */
export interface ScenarioView {
  format: 'truceline-room-scenario';
  version: 1;
  reading: ScenarioReading;
  /** Hash of the full scenario this copy was cut from. */
  source_hash: string;
  id: string;
  title: string;
  classification: string;
  start: string;
  end: string;
  timezone: string;
  parties: unknown[];
  zones: unknown[];
  sensors: unknown[];
  events: Record<string, unknown>[];
  briefing: string | null;
  party_script: unknown;
}

/** The copy for a seat and its hash (SHA-256 of its canonical JSON). */
export function scenarioViewFor(
  assignment: SeatAssignment,
  scenario: LoadedScenario,
): { view: ScenarioView; hash: string } {
  const reading = readingOf(assignment);
  const events =
    reading === 'without-feeds'
      ? []
      : scenario.events.map((e) => {
          const copy: Record<string, unknown> = { ...e.event };
          if (reading === 'without-controller-fields') {
            for (const field of CONTROLLER_ONLY_EVENT_FIELDS) delete copy[field];
          }
          return copy;
        });
  const view: ScenarioView = {
    format: 'truceline-room-scenario',
    version: 1,
    reading,
    source_hash: scenario.hash,
    id: scenario.id,
    title: scenario.title,
    classification: scenario.classification,
    start: new Date(scenario.start).toISOString(),
    end: new Date(scenario.end).toISOString(),
    timezone: scenario.timezone,
    parties: [...scenario.parties],
    zones: scenario.zones.map(({ bbox: _bbox, ...zone }) => zone),
    sensors: reading === 'without-feeds' ? [] : [...scenario.sensors],
    events,
    briefing: scenario.briefing,
    party_script: reading === 'full' ? scenario.partyScript : null,
  };
  // Through JSON first: what is hashed is exactly what the seat will parse.
  const plain = JSON.parse(JSON.stringify(view)) as ScenarioView;
  return { view: plain, hash: jcsSha256(plain) };
}

/** True when a received copy hashes to the hash sent with it. */
export function scenarioViewMatches(view: unknown, hash: string): boolean {
  try {
    return jcsSha256(view) === hash;
  } catch {
    return false;
  }
}
