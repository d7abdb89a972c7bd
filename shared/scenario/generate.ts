// Deterministic synthetic scenarios for load tests and benchmarks: a wavy
// west–east front with buffer, exclusion and disengagement zones, settlements
// on both sides, sensors, and events from every source in plausible mixes,
// partly clustered into incidents that several sources corroborate. Pure and
// seeded: the same options always give the same bytes.
//
// The front lies on the invented island of the sample exercises, across its
// Central Plain (open ocean in the South Pacific in reality, so nothing real
// is depicted; sample-feeds/README.md), with the island's time zone. Its
// settlements are invented names of their own.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ScenarioEvent, Sensor, Source } from './schema';

export interface GenerateOptions {
  /** Number of events, >= 1. */
  events: number;
  seed?: number;
  /** Scenario start (ISO), default 2026-03-01T00:00:00Z. */
  start?: string;
  /** Length of the exercise window in hours, default 72. */
  hours?: number;
}

/** One generated event and the feed (index into `feeds`) it belongs to. */
export interface GeneratedEvent {
  feed: number;
  event: ScenarioEvent;
}

export interface GeneratedScenario {
  manifest: Record<string, unknown>;
  zones: FeatureCollection;
  sensors: Sensor[];
  /** Feed paths, as listed in the manifest. */
  feeds: string[];
  /** Events in feed order (each feed's times non-decreasing); a fresh pass per call. */
  events(): Generator<GeneratedEvent>;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEED_SOURCES: readonly Source[] = [
  'ground-sensor',
  'observer',
  'drone',
  'satellite',
  'open-source',
  'inject',
];
const SOURCE_WEIGHTS = [0.36, 0.24, 0.2, 0.08, 0.09, 0.03];

type Weighted<T> = readonly (readonly [T, number])[];

const TYPES_BY_SOURCE: Record<Source, Weighted<string>> = {
  'ground-sensor': [
    ['explosion', 0.45],
    ['artillery-fire', 0.15],
    ['mortar-fire', 0.15],
    ['small-arms-fire', 0.15],
    ['mlrs-fire', 0.04],
    ['sensor-fault', 0.02],
    ['tank-fire', 0.04],
  ],
  observer: [
    ['explosion', 0.3],
    ['small-arms-fire', 0.2],
    ['armed-clash', 0.08],
    ['heavy-weapon-sighting', 0.12],
    ['troop-movement', 0.08],
    ['movement-restriction', 0.07],
    ['fortification-work', 0.08],
    ['uav-overflight', 0.05],
    ['casualty-report', 0.02],
  ],
  drone: [
    ['heavy-weapon-sighting', 0.3],
    ['vehicle-column', 0.2],
    ['thermal-hotspot', 0.15],
    ['fortification-work', 0.1],
    ['crater-field', 0.1],
    ['troop-movement', 0.1],
    ['jamming', 0.05],
  ],
  satellite: [
    ['crater-field', 0.3],
    ['heavy-weapon-sighting', 0.3],
    ['vehicle-column', 0.15],
    ['fortification-work', 0.15],
    ['thermal-hotspot', 0.1],
  ],
  'open-source': [
    ['explosion', 0.3],
    ['drone-strike', 0.15],
    ['missile-strike', 0.1],
    ['air-strike', 0.05],
    ['casualty-report', 0.2],
    ['armed-clash', 0.2],
  ],
  inject: [['inject', 1]],
};

const WEAPON_BY_TYPE: Record<string, readonly [string, number][]> = {
  'artillery-fire': [
    ['artillery', 122],
    ['artillery', 152],
  ],
  'mortar-fire': [
    ['mortar', 82],
    ['mortar', 120],
  ],
  'mlrs-fire': [
    ['mlrs', 122],
    ['mlrs', 220],
  ],
  'tank-fire': [['tank', 125]],
  'small-arms-fire': [
    ['small-arms', 7.62],
    ['small-arms', 5.45],
  ],
  'heavy-weapon-sighting': [
    ['artillery', 152],
    ['tank', 125],
    ['mlrs', 122],
    ['air-defence', 30],
  ],
  'drone-strike': [['uav', 0]],
  'missile-strike': [['missile', 0]],
};

const PRECISION_M: Record<Source, readonly [number, number]> = {
  satellite: [5, 30],
  drone: [5, 60],
  'ground-sensor': [200, 1500],
  observer: [100, 800],
  'open-source': [500, 5000],
  inject: [0, 0],
};

/** Typical reporting delay in seconds per source. */
const DELAY_S: Record<Source, readonly [number, number]> = {
  satellite: [3600, 6 * 3600],
  drone: [60, 900],
  'ground-sensor': [2, 60],
  observer: [300, 3600],
  'open-source': [1800, 4 * 3600],
  inject: [0, 0],
};

const PLATFORMS: Record<Source, readonly string[]> = {
  satellite: ['SAR-1', 'SAR-2', 'EO-1'],
  drone: ['UAV-03', 'UAV-07', 'UAV-11', 'UAV-14'],
  'ground-sensor': [
    'ACOUSTIC-N1',
    'ACOUSTIC-N2',
    'ACOUSTIC-N3',
    'ACOUSTIC-S1',
    'ACOUSTIC-S2',
    'SEISMIC-C1',
    'SEISMIC-C2',
    'ACOUSTIC-S3',
  ],
  observer: ['PATROL-1', 'PATROL-2', 'PATROL-3', 'PATROL-4'],
  'open-source': [],
  inject: [],
};

const SUBTYPES = ['impact', 'outgoing', 'airburst', 'undetermined'];
const INJECT_KINDS = ['hotline-call', 'party-statement', 'media-report', 'request'];

/** West and east ends of the generated front (lon, lat): the island's Central Plain. */
const FRONT_WEST: Position = [-121.9, -43.98];
const FRONT_EAST: Position = [-119.5, -44.11];
const FRONT_VERTICES = 64;
const KM_PER_DEG_LAT = 111.195;
/** The island's time zone: UTC−8 (POSIX sign inverted in the Etc names). */
const TIME_ZONE = 'Etc/GMT+8';

/** The line of contact: a wavy polyline from west to east. */
function frontLine(): Position[] {
  const line: Position[] = [];
  for (let i = 0; i < FRONT_VERTICES; i++) {
    const t = i / (FRONT_VERTICES - 1);
    const lon = FRONT_WEST[0]! + (FRONT_EAST[0]! - FRONT_WEST[0]!) * t;
    const northKm = 6 * Math.sin(t * 9) + 2.2 * Math.sin(t * 31);
    const lat = FRONT_WEST[1]! + (FRONT_EAST[1]! - FRONT_WEST[1]!) * t + northKm / KM_PER_DEG_LAT;
    line.push([round(lon), round(lat)]);
  }
  return line;
}

function round(x: number, digits = 5): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Position on the front at fraction t (0 west … 1 east), `northKm` north of it (negative: south). */
function along(line: Position[], t: number, northKm: number): Position {
  const x = t * (line.length - 1);
  const i = Math.min(line.length - 2, Math.floor(x));
  const f = x - i;
  const a = line[i]!;
  const b = line[i + 1]!;
  return [a[0]! + (b[0]! - a[0]!) * f, a[1]! + (b[1]! - a[1]!) * f + northKm / KM_PER_DEG_LAT];
}

/** A band between two northward offsets (km) of the front, from t0 to t1, as a closed ring. */
function band(line: Position[], t0: number, t1: number, south: number, north: number): Position[] {
  const steps = 16;
  const ring: Position[] = [];
  for (let s = 0; s <= steps; s++) {
    const p = along(line, t0 + ((t1 - t0) * s) / steps, south);
    ring.push([round(p[0]!), round(p[1]!)]);
  }
  for (let s = steps; s >= 0; s--) {
    const p = along(line, t0 + ((t1 - t0) * s) / steps, north);
    ring.push([round(p[0]!), round(p[1]!)]);
  }
  ring.push(ring[0]!);
  return ring;
}

function feature(properties: Record<string, unknown>, geometry: Geometry): Feature {
  return { type: 'Feature', properties, geometry };
}

/** Invented villages: name, fraction along the front, km north of it (negative: south), radius in m. */
const SETTLEMENTS: readonly [string, number, number, number][] = [
  ['Alvenne', 0.05, 9, 2500],
  ['Berrow', 0.12, -11, 1800],
  ['Castrel', 0.2, 19, 3000],
  ['Dellory', 0.28, -7, 1500],
  ['Elmsby', 0.35, 4.5, 2200],
  ['Farrant', 0.42, -15, 4000],
  ['Gellin', 0.5, 13.5, 1200],
  ['Hollin', 0.57, -4.5, 1600],
  ['Ivensby', 0.63, 7, 2000],
  ['Kessel', 0.7, -22.5, 5000],
  ['Lorrin', 0.76, 22.5, 4500],
  ['Mabry', 0.83, -9, 1400],
  ['Norrel', 0.9, 10.5, 1900],
  ['Orrin', 0.96, -6, 1300],
];

function buildZones(line: Position[]): FeatureCollection {
  const features: Feature[] = [
    feature(
      { id: 'loc', name: 'Line of contact', kind: 'line-of-contact' },
      { type: 'LineString', coordinates: line },
    ),
    feature(
      {
        id: 'buffer',
        name: 'Buffer zone (±5 km)',
        kind: 'buffer-zone',
        prohibited: ['artillery', 'mlrs', 'tank', 'mortar'],
      },
      { type: 'Polygon', coordinates: [band(line, 0, 1, -5.2, 5.2)] },
    ),
  ];
  const sides: [string, string, number, number][] = [
    ['A', 'north', 5.2, 34],
    ['B', 'south', -34, -5.2],
  ];
  for (const [party, side, s0, n0] of sides) {
    features.push(
      feature(
        {
          id: `wez-${side}-west`,
          name: `Weapons exclusion ${side} (west)`,
          kind: 'weapons-exclusion',
          max_calibre_mm: 100,
          controlled_by: party,
        },
        { type: 'Polygon', coordinates: [band(line, 0, 0.5, s0, n0)] },
      ),
      feature(
        {
          id: `wez-${side}-east`,
          name: `Weapons exclusion ${side} (east)`,
          kind: 'weapons-exclusion',
          max_calibre_mm: 100,
          controlled_by: party,
        },
        { type: 'Polygon', coordinates: [band(line, 0.5, 1, s0, n0)] },
      ),
    );
  }
  const disengagement: [string, number][] = [
    ['west', 0.15],
    ['centre', 0.48],
    ['east', 0.8],
  ];
  for (const [name, t] of disengagement) {
    features.push(
      feature(
        {
          id: `dis-${name}`,
          name: `Disengagement area ${name}`,
          kind: 'disengagement-area',
          prohibited: ['artillery', 'mlrs', 'tank', 'mortar', 'small-arms', 'armoured-vehicle'],
        },
        { type: 'Polygon', coordinates: [band(line, t, t + 0.04, -4.5, 4.5)] },
      ),
    );
  }
  features.push(
    feature(
      { id: 'dmz-river', name: 'River crossing demilitarized zone', kind: 'demilitarized-zone' },
      {
        type: 'MultiPolygon',
        coordinates: [[band(line, 0.6, 0.62, -2.2, 2.2)], [band(line, 0.66, 0.68, -2.2, 2.2)]],
      },
    ),
  );
  for (let s = 0; s < 4; s++) {
    features.push(
      feature(
        { id: `sector-${s + 1}`, name: `Sector ${s + 1}`, kind: 'sector' },
        { type: 'Polygon', coordinates: [band(line, s / 4, (s + 1) / 4, -45, 45)] },
      ),
    );
  }
  SETTLEMENTS.forEach(([name, t, north, radius], i) => {
    const p = along(line, t, north);
    features.push(
      feature(
        {
          id: `town-${i + 1}`,
          name,
          kind: 'settlement',
          radius_m: radius,
          controlled_by: north > 0 ? 'A' : 'B',
        },
        { type: 'Point', coordinates: [round(p[0]!), round(p[1]!)] },
      ),
    );
  });
  return { type: 'FeatureCollection', features };
}

function buildSensors(line: Position[], startMs: number, endMs: number): Sensor[] {
  const sensors: Sensor[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  PLATFORMS['ground-sensor'].forEach((platform, i) => {
    const p = along(line, (i + 0.5) / PLATFORMS['ground-sensor'].length, i % 2 ? -2.2 : 2.2);
    sensors.push({
      id: platform,
      kind: 'ground-sensor',
      platform,
      lat: round(p[1]!),
      lon: round(p[0]!),
      range_km: 15,
      coverage: [{ from: iso(startMs), to: iso(endMs) }],
    });
  });
  PLATFORMS.drone.forEach((platform, i) => {
    const p = along(line, (i + 0.5) / PLATFORMS.drone.length, 19);
    const coverage = [];
    for (let t = startMs + i * 3600_000; t < endMs; t += 12 * 3600_000) {
      coverage.push({ from: iso(t), to: iso(Math.min(endMs, t + 6 * 3600_000)) });
    }
    sensors.push({
      id: platform,
      kind: 'drone',
      platform,
      lat: round(p[1]!),
      lon: round(p[0]!),
      range_km: 40,
      coverage,
    });
  });
  PLATFORMS.satellite.forEach((platform, i) => {
    const centre = along(line, 0.5, 0);
    const coverage = [];
    for (let t = startMs + (i * 5 + 2) * 3600_000; t < endMs; t += 24 * 3600_000) {
      coverage.push({ from: iso(t), to: iso(Math.min(endMs, t + 10 * 60_000)) });
    }
    sensors.push({
      id: platform,
      kind: 'satellite',
      platform,
      lat: round(centre[1]!),
      lon: round(centre[0]!),
      range_km: 200,
      coverage,
    });
  });
  PLATFORMS.observer.forEach((platform, i) => {
    const p = along(line, (i + 0.5) / PLATFORMS.observer.length, i % 2 ? -7.5 : 7.5);
    sensors.push({
      id: platform,
      kind: 'observer',
      platform,
      lat: round(p[1]!),
      lon: round(p[0]!),
      range_km: 8,
    });
  });
  return sensors;
}

function pick<T>(random: () => number, weighted: Weighted<T>): T {
  let total = 0;
  for (const [, w] of weighted) total += w;
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function between(random: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * random();
}

/** Roughly normal in [-1, 1] (sum of uniforms), for offsets from the front. */
function bell(random: () => number): number {
  return (random() + random() + random() - 1.5) / 1.5;
}

/**
 * Fields in JCS key order: the files read more like their canonical form, and
 * the content hash can then serialise the events without reordering copies.
 */
function inKeyOrder(event: Record<string, unknown>): ScenarioEvent {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(event).sort()) sorted[key] = event[key];
  return sorted as ScenarioEvent;
}

/** A deterministic synthetic scenario; events are produced lazily. */
export function generateScenario(options: GenerateOptions): GeneratedScenario {
  const count = options.events;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError('events must be a whole number >= 1');
  const seed = options.seed ?? 1;
  const start = options.start ?? '2026-03-01T00:00:00Z';
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new RangeError(`start must be an ISO date-time, got "${start}"`);
  const spanMs = Math.round((options.hours ?? 72) * 3600_000);
  const endMs = startMs + spanMs;
  const line = frontLine();
  const zones = buildZones(line);
  const sensors = buildSensors(line, startMs, endMs);
  const sources = FEED_SOURCES.slice(0, Math.min(count, FEED_SOURCES.length));
  const feeds = sources.map((s) => `feeds/${s}.ndjson`);
  const manifest = {
    format: 'truceline-scenario',
    version: 1,
    id: `synthetic-${count}-s${seed}`,
    title: `Synthetic front, ${count.toLocaleString('en')} events (seed ${seed})`,
    classification: 'EXERCISE — SYNTHETIC DATA',
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    timezone: TIME_ZONE,
    parties: [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
      { id: 'MM', name: 'Monitoring Mission', role: 'monitor' },
      { id: 'G', name: 'Guarantor group', role: 'guarantor' },
    ],
    zones: 'zones.geojson',
    sensors: 'sensors.json',
    feeds,
  };
  const sourceWeights: Weighted<number> = sources.map((_, i) => [i, SOURCE_WEIGHTS[i]!] as const);

  function* events(): Generator<GeneratedEvent> {
    const random = seededRandom(seed);
    let incident: { t: number; north: number; at: number } | null = null;
    for (let i = 0; i < count; i++) {
      // The first events cover every source so that no listed feed is empty.
      const feed = i < sources.length ? i : pick(random, sourceWeights);
      const source = sources[feed]!;
      const type = pick(random, TYPES_BY_SOURCE[source]);
      const at = startMs + Math.floor((i * spanMs) / count);
      const id = `${source}-${String(i).padStart(7, '0')}`;
      const event: Record<string, unknown> = { id, time: new Date(at).toISOString() };
      const delay = Math.round(between(random, DELAY_S[source]) * 1000);
      if (delay > 0) event.reported = new Date(Math.min(endMs, at + delay)).toISOString();
      event.source = source;
      const platforms = PLATFORMS[source];
      if (platforms.length > 0) {
        const platform = platforms[Math.floor(random() * platforms.length)]!;
        event.platform = platform;
        event.sensor = platform;
      }
      event.type = type;
      if (source === 'inject') {
        const kind = INJECT_KINDS[Math.floor(random() * INJECT_KINDS.length)]!;
        const from = random() < 0.5 ? 'Party A liaison' : 'Party B liaison';
        event.summary = `${kind === 'media-report' ? 'Media report' : from}: shelling reported near the line (exercise inject ${i}).`;
        event['x-inject-kind'] = kind;
        event['x-from'] = kind === 'media-report' ? 'Press desk' : from;
        event['x-to'] = 'Operations desk';
        yield { feed, event: inKeyOrder(event) };
        continue;
      }
      // A third of events belong to the last incident: corroboration across sources.
      if (!incident || at - incident.at > 20 * 60_000 || random() > 0.33) {
        incident = { t: random(), north: bell(random) * 22.5, at };
      }
      const p = along(line, incident.t, incident.north + bell(random) * 0.75);
      event.lat = round(p[1]!);
      event.lon = round(p[0]!);
      event.precision_m = Math.round(between(random, PRECISION_M[source]));
      event.confidence = round(0.3 + 0.65 * random(), 2);
      if (type === 'explosion') event.subtype = SUBTYPES[Math.floor(random() * SUBTYPES.length)]!;
      const weapons = WEAPON_BY_TYPE[type];
      if (weapons) {
        const [weapon, calibre] = weapons[Math.floor(random() * weapons.length)]!;
        event.weapon_class = weapon;
        if (calibre > 0) event.calibre_mm = calibre;
      }
      if (
        type.endsWith('-fire') ||
        type === 'explosion' ||
        type === 'vehicle-column' ||
        type === 'heavy-weapon-sighting'
      ) {
        event.count = 1 + Math.floor(random() * random() * 12);
      }
      if (type.endsWith('-fire')) event.bearing_deg = Math.round(random() * 3600) / 10;
      if (random() < 0.55) event.party = incident.north > 0 ? 'A' : 'B';
      if (type === 'casualty-report' || (type.endsWith('-strike') && random() < 0.4)) {
        const low = Math.floor(random() * 3);
        const best = low + Math.floor(random() * 3);
        event.casualties = { low, best, high: best + Math.floor(random() * 4) };
      }
      const r = random();
      event.truth = r < 0.7 ? 'violation' : r < 0.9 ? 'false-positive' : 'ambiguous';
      if (source === 'observer' || source === 'open-source') {
        event.summary = `${type.replace(/-/g, ' ')} reported ${Math.abs(incident.north).toFixed(1)} km ${incident.north > 0 ? 'north' : 'south'} of the line`;
      }
      yield { feed, event: inKeyOrder(event) };
    }
  }

  return { manifest, zones, sensors, feeds, events };
}
