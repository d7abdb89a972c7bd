// A small hand-made scenario whose alerts, severities and ground truth are
// known, built as the loader would build it (zone placement by shared/geo).
import { BUILTIN_PROTOCOL } from '../../../shared/protocol/builtin-protocol';
import type { Geometry } from 'geojson';
import { jcsSha256 } from '../../../shared/protocol/content-hash';
import { createZoneLocator } from '../../../shared/geo/zone-locator';
import type { LoadedScenario, ReplayEvent, Zone } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';

function zone(
  props: Pick<Zone, 'id' | 'name' | 'kind'> & Partial<Pick<Zone, 'prohibited' | 'max_calibre_mm'>>,
  geometry: Geometry,
): Zone {
  const coords: number[][] =
    geometry.type === 'LineString'
      ? geometry.coordinates
      : geometry.type === 'Polygon'
        ? geometry.coordinates[0]!
        : geometry.type === 'Point'
          ? [geometry.coordinates]
          : [];
  const lons = coords.map((c) => c[0]!);
  const lats = coords.map((c) => c[1]!);
  return {
    ...props,
    geometry,
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  };
}

export const ZONES: Zone[] = [
  zone(
    { id: 'loc', name: 'Line of contact', kind: 'line-of-contact' },
    {
      type: 'LineString',
      coordinates: [
        [-120.5, -45.0],
        [-120.5, -44.0],
      ],
    },
  ),
  zone(
    {
      id: 'wez-1',
      name: 'Exclusion Zone 1',
      kind: 'weapons-exclusion',
      prohibited: ['mlrs', 'artillery'],
      max_calibre_mm: 100,
    },
    {
      type: 'Polygon',
      coordinates: [
        [
          [-120.6, -44.6],
          [-120.4, -44.6],
          [-120.4, -44.4],
          [-120.6, -44.4],
          [-120.6, -44.6],
        ],
      ],
    },
  ),
];

export const T0 = Date.parse('2026-03-01T00:00:00.000Z');
export const MIN = 60_000;
/** ISO time `minutes` after the scenario start. */
export const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

/** Builds a LoadedScenario from events (sorted into replay order). */
export function buildScenario(
  events: ScenarioEvent[],
  extra: Partial<LoadedScenario> = {},
): LoadedScenario {
  const locate = createZoneLocator(ZONES);
  const sorted = [...events].sort((a, b) => {
    const sa = Date.parse(a.reported ?? a.time);
    const sb = Date.parse(b.reported ?? b.time);
    return sa - sb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const replay: ReplayEvent[] = sorted.map((event, seq) => {
    const place = locate(event.lon, event.lat);
    return {
      seq,
      at: Date.parse(event.time),
      shownAt: Date.parse(event.reported ?? event.time),
      event,
      zoneIds: place.zoneIds,
      lineDistanceKm: place.lineDistanceKm,
      settlementId: place.settlementId,
      settlementDistanceKm: place.settlementDistanceKm,
    };
  });
  const base = {
    id: 'hand-made',
    title: 'Hand-made test scenario',
    classification: 'EXERCISE',
    start: T0,
    end: T0 + 24 * 60 * MIN,
    timezone: 'UTC',
    parties: [
      { id: 'A', name: 'Party A', role: 'party' as const },
      { id: 'B', name: 'Party B', role: 'party' as const },
      { id: 'MM', name: 'Monitoring Mission', role: 'monitor' as const },
    ],
    zones: ZONES,
    sensors: [],
    events: replay,
    protocol: null,
    scoring: null,
    briefing: null,
    partyScript: null,
    warnings: [],
    ...extra,
  };
  return { ...base, hash: jcsSha256({ id: base.id, events: sorted, protocol: base.protocol }) };
}

/** The standard hand-made timeline: one violation, one false positive, one ambiguous incident. */
export function handEvents(): ScenarioEvent[] {
  return [
    // A lone low-confidence hotspot far from the line: a crop fire.
    {
      id: 'hot-1',
      time: at(30),
      source: 'satellite',
      type: 'thermal-hotspot',
      lat: -44.9,
      lon: -120.1,
      confidence: 0.3,
      truth: 'false-positive',
    },
    // MLRS fire just north of the exclusion zone (medium: triage), then a drone
    // finds the launchers in firing positions inside it (critical: the operator
    // is prompted to jump to notify), then an observer reports the impacts: a violation.
    {
      id: 'mlrs-1',
      time: at(60),
      source: 'ground-sensor',
      type: 'mlrs-fire',
      lat: -44.395,
      lon: -120.48,
      confidence: 0.8,
      weapon_class: 'mlrs',
      calibre_mm: 122,
      count: 6,
      party: 'B',
      truth: 'violation',
    },
    {
      id: 'mlrs-2',
      time: at(64),
      source: 'drone',
      type: 'heavy-weapon-sighting',
      subtype: 'firing-position',
      lat: -44.405,
      lon: -120.48,
      confidence: 0.9,
      weapon_class: 'mlrs',
      calibre_mm: 122,
      truth: 'violation',
    },
    {
      id: 'mlrs-3',
      time: at(70),
      source: 'observer',
      type: 'explosion',
      subtype: 'impact',
      lat: -44.41,
      lon: -120.51,
      confidence: 0.7,
      casualties: { low: 1, best: 2, high: 3 },
      truth: 'violation',
    },
    // Small-arms fire near the line, one observer: ambiguous.
    {
      id: 'sa-1',
      time: at(180),
      source: 'observer',
      type: 'small-arms-fire',
      lat: -44.2,
      lon: -120.55,
      confidence: 0.6,
      weapon_class: 'small-arms',
      count: 3,
      truth: 'ambiguous',
    },
  ];
}

/**
 * A second small-arms report near sa-1, happening 40 minutes after it but
 * reported at minute 330: it joins sa-1's alert late.
 */
export function lateSmallArmsReport(): ScenarioEvent {
  return {
    id: 'sa-2',
    time: at(220),
    reported: at(330),
    source: 'observer',
    type: 'small-arms-fire',
    lat: -44.199,
    lon: -120.549,
    confidence: 0.5,
  };
}

/**
 * The documents that pin an exercise to the version-1 built-in protocol: a new
 * exercise runs version 2 by default, and these tests are about version 1's
 * behaviour (an exercise recorded with it replays on it).
 */
export const V1_PROTOCOL = { protocol: BUILTIN_PROTOCOL.document } as const;
