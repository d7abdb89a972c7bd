// The notional theatre shared by the sample scenarios: the zones of the
// ceasefire along the front, and the monitoring mission's sensors, on the
// invented geography of notional-geography.ts. Every name is invented.
import type { Sensor, WeaponClass } from '../../shared/scenario/schema';
import {
  TRACE_LENGTH_KM,
  bandRing,
  distanceKm,
  frameKm,
  frontPoint,
  lineOfContact,
  round6,
  squareRing,
  type LonLat,
} from './front-geometry';
import {
  CAPITALS,
  PARTIES,
  RESERVOIR_DAM,
  RIVER_CROSSINGS,
  SETTLEMENTS,
  SETTLEMENT_PROHIBITED,
  contextFeatures,
  controlledBy,
  infrastructureFeatures,
  placeAt,
  settlementAt,
  townRing,
  type GeoFeature,
} from './notional-geography';

export { PARTIES, SETTLEMENTS };

export const SECTOR_COUNT = 5;
const SECTOR_KM = TRACE_LENGTH_KM / SECTOR_COUNT;
/** Half-width of the sectors, km either side of the trace: beyond the deepest withdrawal line. */
export const SECTOR_HALF_WIDTH_KM = 90;
/** Half-width of the demilitarized strip, km either side of the line of contact. */
export const DMZ_HALF_WIDTH_KM = 1.5;

export const SECTOR_NAMES = ['Coast', 'Reservoir', 'Central Plain', 'Mining Belt', 'Forest'];

/** [s0, s1] of sector k (0-based), km along the front. */
export function sectorSpan(k: number): [number, number] {
  return [k * SECTOR_KM, k === SECTOR_COUNT - 1 ? TRACE_LENGTH_KM : (k + 1) * SECTOR_KM];
}

/**
 * The withdrawal lines of the agreement, one band along the whole line each,
 * measured from the line of contact on both sides. Each band forbids what it
 * names; the deeper bands contain the shallower ones, so an MLRS at 10 km
 * breaches both the 15 km and the 70 km band. The depths are the ranges of
 * the weapons plus a margin, so that a weapon kept behind its line cannot
 * reach the other side's positions (sample-feeds/README.md gives the sources).
 */
export const WITHDRAWAL_ZONES: readonly {
  id: string;
  name: string;
  depthKm: number;
  prohibited: WeaponClass[];
  max_calibre_mm?: number;
  /** For the briefing: what the band keeps out. */
  what: string;
}[] = [
  {
    id: 'wez-15',
    name: 'Heavy-weapons exclusion zone (15 km)',
    depthKm: 15,
    prohibited: ['tank'],
    max_calibre_mm: 100,
    what: 'tanks, and every weapon of calibre above 100 mm (120 mm mortars included); 60 mm and 82 mm mortars are allowed',
  },
  {
    id: 'wez-50',
    name: 'Artillery exclusion zone (50 km)',
    depthKm: 50,
    prohibited: ['artillery'],
    what: 'tube artillery of every calibre (guns, howitzers, anti-tank guns)',
  },
  {
    id: 'wez-70',
    name: 'MLRS exclusion zone (70 km)',
    depthKm: 70,
    prohibited: ['mlrs'],
    what: 'multiple-launch rocket systems of every calibre',
  },
];

/** A band along the whole line where neither party may fly or launch military UAVs. */
export interface UavExclusion {
  id: string;
  name: string;
  depthKm: number;
}

/** Disengagement areas (2 x 2 km on the line of contact): id, name, s. */
export const DISENGAGEMENT_AREAS = [
  {
    id: 'da-1',
    name: 'Disengagement Area 1 (Bellmere bridge)',
    s: RIVER_CROSSINGS.tamber,
  },
  { id: 'da-2', name: 'Disengagement Area 2 (Darnel crossing)', s: RIVER_CROSSINGS.marle },
  { id: 'da-3', name: 'Disengagement Area 3 (Lunara mine)', s: 520 },
] as const;

type Feature = GeoFeature;

/**
 * The zones FeatureCollection. Zones that say most about a place come first
 * (settlements, protected sites, disengagement areas, the strip, then the
 * withdrawal bands and sectors): an alert without a breach is titled by the
 * first zone its events lie in. Context (coast, rivers, roads, borders) comes
 * last; the map draws it underneath and scoring ignores it.
 */
export function buildZones(options: { uavExclusion?: UavExclusion } = {}): {
  type: 'FeatureCollection';
  features: Feature[];
} {
  const features: Feature[] = [];
  features.push({
    type: 'Feature',
    properties: { id: 'loc', name: 'Line of contact (agreed 2027-03-01)', kind: 'line-of-contact' },
    geometry: { type: 'LineString', coordinates: lineOfContact() },
  });
  for (const town of SETTLEMENTS) {
    const centre = settlementAt(town.id);
    const properties = {
      id: `set-${town.id}`,
      name: town.name,
      kind: 'settlement',
      population: town.population,
      controlled_by: controlledBy(town),
      prohibited: [...SETTLEMENT_PROHIBITED],
    };
    if (town.town) {
      features.push({
        type: 'Feature',
        properties,
        geometry: { type: 'Polygon', coordinates: [townRing(centre, town.radius_m)] },
      });
    } else {
      features.push({
        type: 'Feature',
        properties: { ...properties, radius_m: town.radius_m },
        geometry: { type: 'Point', coordinates: centre },
      });
    }
  }
  for (const capital of CAPITALS) {
    features.push({
      type: 'Feature',
      properties: {
        id: `set-${capital.id}`,
        name: capital.name,
        kind: 'settlement',
        population: capital.population,
        ...(capital.id === 'aubrel' ? {} : { controlled_by: capital.id === 'estavel' ? 'A' : 'B' }),
      },
      geometry: {
        type: 'Polygon',
        coordinates: [townRing(frameKm(capital.at[0], capital.at[1]), capital.radius_m)],
      },
    });
  }
  features.push(...infrastructureFeatures());
  for (const da of DISENGAGEMENT_AREAS) {
    features.push({
      type: 'Feature',
      properties: { id: da.id, name: da.name, kind: 'disengagement-area' },
      geometry: { type: 'Polygon', coordinates: [squareRing(frontPoint(da.s, 0), 2)] },
    });
  }
  features.push({
    type: 'Feature',
    properties: {
      id: 'dmz',
      name: `Demilitarized strip (±${DMZ_HALF_WIDTH_KM} km)`,
      kind: 'demilitarized-zone',
    },
    geometry: {
      type: 'Polygon',
      coordinates: [bandRing(0, TRACE_LENGTH_KM, DMZ_HALF_WIDTH_KM, -DMZ_HALF_WIDTH_KM, 4, false)],
    },
  });
  if (options.uavExclusion) {
    const uav = options.uavExclusion;
    features.push({
      type: 'Feature',
      properties: { id: uav.id, name: uav.name, kind: 'weapons-exclusion', prohibited: ['uav'] },
      geometry: {
        type: 'Polygon',
        coordinates: [bandRing(0, TRACE_LENGTH_KM, uav.depthKm, -uav.depthKm, 5, false)],
      },
    });
  }
  for (const zone of WITHDRAWAL_ZONES) {
    features.push({
      type: 'Feature',
      properties: {
        id: zone.id,
        name: zone.name,
        kind: 'weapons-exclusion',
        prohibited: zone.prohibited,
        ...(zone.max_calibre_mm ? { max_calibre_mm: zone.max_calibre_mm } : {}),
      },
      geometry: {
        type: 'Polygon',
        coordinates: [bandRing(0, TRACE_LENGTH_KM, zone.depthKm, -zone.depthKm, 5, false)],
      },
    });
  }
  for (let k = 0; k < SECTOR_COUNT; k += 1) {
    const [s0, s1] = sectorSpan(k);
    features.push({
      type: 'Feature',
      properties: {
        id: `sector-${k + 1}`,
        name: `Sector ${k + 1} — ${SECTOR_NAMES[k]}`,
        kind: 'sector',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [bandRing(s0, s1, SECTOR_HALF_WIDTH_KM, -SECTOR_HALF_WIDTH_KM, 10, true)],
      },
    });
  }
  features.push(...contextFeatures());
  return { type: 'FeatureCollection', features };
}

/** A satellite scene: what one pass images (a strip a few tens of km wide), and when. */
export interface Footprint {
  window: [number, number];
  /** The named area of interest the pass was tasked on. */
  scene: string;
  ring: LonLat[];
}

/** A sensor of the mission, with where it sits on the front and its coverage in epoch ms. */
export interface MissionSensor {
  id: string;
  kind: Sensor['kind'];
  platform: string;
  at: LonLat;
  /** Omitted for imaging satellites, whose reach is their scene footprints. */
  range_km?: number;
  windows: [number, number][];
  /** Per pass, the area imaged (imaging satellites only). */
  footprints?: Footprint[];
  /** Human description, for summaries. */
  label: string;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The fixed acoustic arrays (about 15 km range), every 30–35 km along the
 * line on alternating sides, placed a little closer where the parties'
 * positions are densest.
 */
export const ACOUSTIC_SITES = (
  [
    [15, 4],
    [48, -4],
    [78, 4],
    [110, -4],
    [142, 4],
    [176, -4],
    [206, -4],
    [236, 4],
    [268, -4],
    [300, 4],
    [332, -4],
    [362, 4],
    [388, -4],
    [420, 4],
    [452, -4],
    [490, -3],
    [522, 4],
    [556, -4],
    [590, 4],
    [622, -4],
    [654, 4],
    [686, -4],
  ] as const
).map(([s, off], i) => ({ id: `ACOUSTIC-${String(i + 1).padStart(2, '0')}`, s, off }));

/**
 * Observer patrol bases, alternately on either side of the line; PATROL-07 at
 * Kerrow is a forward patrol base staffed round the clock.
 */
export const PATROL_BASES = [
  { id: 'PATROL-01', s: 40, off: 18, base: 'Ambrelle' },
  { id: 'PATROL-02', s: 96, off: -10, base: 'Galdris' },
  { id: 'PATROL-03', s: 170, off: 8, base: 'Orvale' },
  { id: 'PATROL-04', s: 216, off: -14, base: 'Marrin east' },
  { id: 'PATROL-05', s: 300, off: 12, base: 'Istrel road' },
  { id: 'PATROL-06', s: 400, off: -10, base: 'Esker' },
  { id: 'PATROL-07', s: 496, off: 10, base: 'Kerrow forward patrol base', roundTheClock: true },
  { id: 'PATROL-08', s: 548, off: -16, base: 'Varnet' },
  { id: 'PATROL-09', s: 616, off: 15, base: 'Rennick' },
  { id: 'PATROL-10', s: 666, off: -10, base: 'Wistra east' },
] as const;

/** A mission drone's base (km along the front, km off the line) and its sorties. */
export interface DroneSorties {
  id: string;
  s: number;
  off: number;
  /** [exercise day, "HH:MM" local, hours aloft] */
  sorties: readonly (readonly [number, string, number])[];
}

/** Drone bases (alternately either side) and the sorties of line-72h, days 1–3. */
export const DRONE_SORTIES: readonly DroneSorties[] = [
  {
    id: 'UAV-01',
    s: 75,
    off: 30,
    sorties: [
      [1, '08:00', 7],
      [2, '18:00', 7],
      [3, '09:00', 6.5],
    ],
  },
  {
    id: 'UAV-02',
    s: 200,
    off: -30,
    sorties: [
      [1, '10:00', 7],
      [2, '09:30', 7],
      [3, '12:00', 7.5],
    ],
  },
  {
    id: 'UAV-03',
    s: 360,
    off: 30,
    sorties: [
      [1, '17:00', 7],
      [2, '19:00', 7.5],
      [3, '16:00', 6],
    ],
  },
  {
    id: 'UAV-04',
    s: 300,
    off: -30,
    sorties: [
      [1, '06:00', 6],
      [2, '07:00', 7],
      [3, '06:30', 7],
    ],
  },
  {
    id: 'UAV-05',
    s: 500,
    off: -30,
    sorties: [
      [1, '19:30', 7],
      [2, '08:00', 6],
      [3, '15:00', 7],
    ],
  },
  {
    id: 'UAV-06',
    s: 620,
    off: 30,
    sorties: [
      [1, '11:00', 7],
      [2, '14:00', 7.5],
      [3, '11:00', 6],
    ],
  },
];

/**
 * Named areas of interest that the collection plan images: where the parties
 * accuse each other of bringing weapons back (across the line, both sides)
 * and the rear areas where their depots and storage sites are.
 */
export const AREAS_OF_INTEREST = {
  'NAI-1': { name: 'NAI-1 Fernhal–Galdris', s: 84, off: 0 },
  'NAI-2': { name: 'NAI-2 Marrin–Tessel', s: 208, off: 0 },
  'NAI-3': { name: 'NAI-3 Istrel road', s: 310, off: 0 },
  'NAI-4': { name: 'NAI-4 Kerrow–Lunara', s: 505, off: 0 },
  'NAI-5': { name: 'NAI-5 Rennick–Wistra', s: 632, off: 0 },
  'NAI-6': { name: 'NAI-6 Lanvera depots west of Tessel', s: 190, off: 45 },
  'NAI-7': { name: 'NAI-7 Dorsena depots north of Pormina road', s: 262, off: -45 },
  'NAI-8': { name: 'NAI-8 Lanvera depots south of Pellard', s: 455, off: 45 },
  'NAI-9': { name: 'NAI-9 Dorsena depots around Varnet', s: 560, off: -45 },
  'NAI-10': { name: 'NAI-10 Lunara mine and power station', s: 524, off: -4 },
  'NAI-11': { name: 'NAI-11 Varnet–Kerrow road', s: 546, off: 0 },
} as const;
export type AreaOfInterest = keyof typeof AREAS_OF_INTEREST;

/**
 * The imaging satellites and the tasking plan: each pass images one scene
 * (a strip along the ground track, roughly north–south) chosen in advance.
 * Scene sizes are those of current commercial sensors: 0.5 m optical strips
 * about 15 km wide, radar stripmap about 30 km wide.
 */
export const SATELLITES: readonly {
  id: string;
  label: string;
  platform: string;
  /** Pass times, "HH:MM" local, each day. */
  passes: readonly string[];
  minutes: number;
  /** Scene width and length in km; none for the wide-swath fire detector. */
  scene?: { widthKm: number; lengthKm: number };
  /** Range in km for the wide-swath sensor, which sees the whole island each pass. */
  range_km?: number;
}[] = [
  {
    id: 'SAR-1',
    platform: 'SAR-1 (radar satellite, stripmap 3 m)',
    label: 'radar satellite SAR-1',
    passes: ['07:10', '19:10'],
    minutes: 10,
    scene: { widthKm: 30, lengthKm: 80 },
  },
  {
    id: 'SAR-2',
    platform: 'SAR-2 (radar satellite, stripmap 3 m)',
    label: 'radar satellite SAR-2',
    passes: ['00:50', '12:50'],
    minutes: 10,
    scene: { widthKm: 30, lengthKm: 80 },
  },
  {
    id: 'OPT-1',
    platform: 'OPT-1 (optical satellite, 0.5 m)',
    label: 'optical satellite OPT-1',
    passes: ['11:30'],
    minutes: 8,
    scene: { widthKm: 15, lengthKm: 60 },
  },
  {
    id: 'OPT-2',
    platform: 'OPT-2 (optical satellite, 0.5 m)',
    label: 'optical satellite OPT-2',
    passes: ['13:15'],
    minutes: 8,
    scene: { widthKm: 13, lengthKm: 60 },
  },
  {
    id: 'THERM-1',
    platform: 'THERM-1 (fire-detection satellite, 375 m)',
    label: 'fire-detection satellite THERM-1',
    passes: ['02:10', '03:40', '13:50', '15:30'],
    minutes: 6,
    range_km: 700,
  },
];

/** A ground sensor out of action from (day, "HH:MM" local) to the same, or to the end. */
export interface GroundOutage {
  id: string;
  from: readonly [number, string];
  to: readonly [number, string] | null;
  reason: string;
}

/**
 * What differs between exercises on the same sensors: which area each
 * imaging pass is tasked on, when the drones fly, which passes cloud hides
 * and which ground sensors fail.
 */
export interface SensorPlan {
  /** Exercise days whose passes are listed (coverage is then clipped to the window). */
  days: number;
  /** Per imaging satellite: for "day-HH:MM" of each pass, the area imaged. */
  tasking: Readonly<Record<string, Readonly<Record<string, AreaOfInterest>>>>;
  sorties: readonly DroneSorties[];
  /** Optical passes lost to cloud: [satellite, day]. */
  cloudBlocked: readonly (readonly [string, number])[];
  outages: readonly GroundOutage[];
}

/** The sensor plan of line-72h (and of quick-demo, a morning of its day 2). */
export const LINE_72H_SENSOR_PLAN: SensorPlan = {
  days: 4,
  tasking: {
    'SAR-1': {
      '1-07:10': 'NAI-6',
      '1-19:10': 'NAI-7',
      '2-07:10': 'NAI-6',
      '2-19:10': 'NAI-7',
      '3-07:10': 'NAI-6',
      '3-19:10': 'NAI-7',
    },
    'SAR-2': {
      '1-12:50': 'NAI-8',
      '2-00:50': 'NAI-9',
      '2-12:50': 'NAI-8',
      '3-00:50': 'NAI-9',
      '3-12:50': 'NAI-8',
      '4-00:50': 'NAI-9',
    },
    'OPT-1': { '1-11:30': 'NAI-4', '2-11:30': 'NAI-2', '3-11:30': 'NAI-4' },
    'OPT-2': { '1-13:15': 'NAI-1', '2-13:15': 'NAI-5', '3-13:15': 'NAI-3' },
  },
  sorties: DRONE_SORTIES,
  cloudBlocked: [
    ['OPT-2', 1],
    ['OPT-1', 3],
  ],
  outages: [
    {
      id: 'ACOUSTIC-09',
      from: [2, '05:00'],
      to: [2, '12:30'],
      reason: 'power failure at the array site',
    },
    { id: 'CAM-04', from: [1, '17:00'], to: null, reason: 'camera not working (lens obscured)' },
  ],
};

/**
 * Epoch ms of "HH:MM" local on exercise day d (1-based), where localDayOne is
 * midnight local time at the start of day 1.
 */
export function dayTime(localDayOne: number, day: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return localDayOne + (day - 1) * 24 * HOUR + h * HOUR + m * MINUTE;
}

/** "HH:MM" local on exercise day d as a UTC date-time without milliseconds (party scripts). */
export function dayTimeIso(localDayOne: number, day: number, hhmm: string): string {
  return new Date(dayTime(localDayOne, day, hhmm)).toISOString().replace('.000Z', 'Z');
}

/** The scene of a pass: a north–south strip centred on the area of interest. */
function sceneRing(area: AreaOfInterest, widthKm: number, lengthKm: number): LonLat[] {
  const { s, off } = AREAS_OF_INTEREST[area];
  const [lon, lat] = frontPoint(s, off, true);
  const kx = 111.195 * Math.cos((lat * Math.PI) / 180);
  const dx = widthKm / 2 / kx;
  const dy = lengthKm / 2 / 111.195;
  const corner = (ex: number, ny: number): LonLat => [round6(lon + ex * dx), round6(lat + ny * dy)];
  return [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1), corner(-1, -1)];
}

/** True when the point lies inside the ring (ray casting; rings here are small and simple). */
export function inRing(ring: readonly LonLat[], p: LonLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * Every sensor of the mission over the exercise days counted from
 * localDayOne (local midnight of day 1), with coverage clipped to [start, end].
 */
export function missionSensors(
  start: number,
  end: number,
  localDayOne: number,
  plan: SensorPlan = LINE_72H_SENSOR_PLAN,
): MissionSensor[] {
  const sensors: MissionSensor[] = [];
  const inWindow = ([a, b]: [number, number]) => b > start && a < end;
  for (const sat of SATELLITES) {
    const windows: [number, number][] = [];
    const footprints: Footprint[] = [];
    const tasking = plan.tasking[sat.id];
    for (let day = 1; day <= plan.days; day += 1) {
      for (const pass of sat.passes) {
        const t = dayTime(localDayOne, day, pass);
        const window: [number, number] = [t, t + sat.minutes * MINUTE];
        if (!inWindow(window)) continue;
        windows.push(window);
        if (sat.scene && tasking) {
          const area = tasking[`${day}-${pass}`];
          if (!area) throw new Error(`${sat.id}: no tasking for day ${day} ${pass}`);
          footprints.push({
            window,
            scene: AREAS_OF_INTEREST[area].name,
            ring: sceneRing(area, sat.scene.widthKm, sat.scene.lengthKm),
          });
        }
      }
    }
    windows.sort((a, b) => a[0] - b[0]);
    footprints.sort((a, b) => a.window[0] - b.window[0]);
    // An imaging satellite is drawn where its scenes are; the fire detector over the island.
    const at: LonLat =
      footprints.length > 0
        ? centroid(footprints.flatMap((f) => f.ring.slice(0, -1)))
        : frontPoint(TRACE_LENGTH_KM / 2, 0, true);
    sensors.push({
      id: sat.id,
      kind: 'satellite',
      platform: sat.platform,
      at,
      ...(sat.range_km ? { range_km: sat.range_km } : {}),
      windows,
      ...(footprints.length > 0 ? { footprints } : {}),
      label: sat.label,
    });
  }
  for (const drone of plan.sorties) {
    const windows = drone.sorties.map(([day, hhmm, hours]) => {
      const t = dayTime(localDayOne, day, hhmm);
      return [t, t + hours * HOUR] as [number, number];
    });
    sensors.push({
      id: drone.id,
      kind: 'drone',
      platform: `${drone.id} (long-range monitoring UAV)`,
      at: frontPoint(drone.s, drone.off),
      range_km: 150,
      windows,
      label: `mission UAV ${drone.id}`,
    });
  }
  const outageOf = (id: string): [number, number] | null => {
    const outage = plan.outages.find((o) => o.id === id);
    if (!outage) return null;
    return [
      dayTime(localDayOne, outage.from[0], outage.from[1]),
      outage.to ? dayTime(localDayOne, outage.to[0], outage.to[1]) : end,
    ];
  };
  const groundWindows = (id: string): [number, number][] => {
    const outage = outageOf(id);
    if (!outage) return [[start, end]];
    return [[start, outage[0]] as [number, number], [outage[1], end] as [number, number]].filter(
      ([a, b]) => b > a,
    );
  };
  for (const site of ACOUSTIC_SITES) {
    sensors.push({
      id: site.id,
      kind: 'ground-sensor',
      platform: `${site.id} (acoustic array)`,
      at: frontPoint(site.s, site.off),
      range_km: 15,
      windows: groundWindows(site.id),
      label: `acoustic array ${site.id}`,
    });
  }
  DISENGAGEMENT_AREAS.forEach((da, i) => {
    const n = String(i + 1).padStart(2, '0');
    sensors.push({
      id: `CAM-${n}`,
      kind: 'ground-sensor',
      platform: `CAM-${n} (thermal camera)`,
      at: frontPoint(da.s - 1.5, 2.5),
      range_km: 5,
      windows: groundWindows(`CAM-${n}`),
      label: `mission camera CAM-${n} overlooking ${da.name}`,
    });
    sensors.push({
      id: `SEISMIC-${n}`,
      kind: 'ground-sensor',
      platform: `SEISMIC-${n} (seismic sensor)`,
      at: frontPoint(da.s + 0.3, 0.6),
      range_km: 2,
      windows: groundWindows(`SEISMIC-${n}`),
      label: `seismic sensor SEISMIC-${n} in ${da.name}`,
    });
  });
  // A fourth camera overlooks the Sennet dam, a protected site; it fails on day 1.
  const dam = placeAt(RESERVOIR_DAM);
  sensors.push({
    id: 'CAM-04',
    kind: 'ground-sensor',
    platform: 'CAM-04 (thermal camera)',
    at: [round6(dam[0] + 0.012), round6(dam[1] - 0.006)],
    range_km: 5,
    windows: groundWindows('CAM-04'),
    label: 'mission camera CAM-04 at the Sennet dam',
  });
  for (const patrol of PATROL_BASES) {
    const windows: [number, number][] =
      'roundTheClock' in patrol
        ? [[start, end]]
        : [1, 2, 3].map((day) => [
            dayTime(localDayOne, day, '08:00'),
            dayTime(localDayOne, day, '18:00'),
          ]);
    sensors.push({
      id: patrol.id,
      kind: 'observer',
      platform: `${patrol.id} (${patrol.base})`,
      at: frontPoint(patrol.s, patrol.off),
      range_km: 20,
      windows,
      label: `patrol ${patrol.id} based at ${patrol.base}`,
    });
  }
  return sensors.map((s) => {
    const windows = s.windows.filter(inWindow);
    return {
      ...s,
      windows,
      ...(s.footprints ? { footprints: s.footprints.filter((f) => inWindow(f.window)) } : {}),
    };
  });
}

function centroid(points: readonly LonLat[]): LonLat {
  const lon = points.reduce((a, p) => a + p[0], 0) / points.length;
  const lat = points.reduce((a, p) => a + p[1], 0) / points.length;
  return [round6(lon), round6(lat)];
}

/** The footprint of the pass covering time t, if the sensor images scenes. */
export function footprintAt(sensor: MissionSensor, t: number): Footprint | undefined {
  return sensor.footprints?.find((f) => t >= f.window[0] && t <= f.window[1]);
}

/** True if the sensor covers the time and the place (its scene, for imaging satellites). */
export function senses(sensor: MissionSensor, t: number, at: LonLat): boolean {
  if (!sensor.windows.some(([a, b]) => t >= a && t <= b)) return false;
  if (sensor.footprints) {
    const scene = footprintAt(sensor, t);
    return scene !== undefined && inRing(scene.ring, at);
  }
  return sensor.range_km !== undefined && distanceKm(sensor.at, at) <= sensor.range_km;
}

/**
 * The sensor in the format of docs/SCENARIO-FORMAT.md sections 4 and 8: each
 * imaging pass's window carries the area it was tasked on and its scene as a
 * footprint polygon.
 */
export function toSensorRecord(sensor: MissionSensor): Sensor {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: sensor.id,
    kind: sensor.kind,
    platform: sensor.platform,
    lat: sensor.at[1],
    lon: sensor.at[0],
    ...(sensor.range_km !== undefined ? { range_km: sensor.range_km } : {}),
    coverage: sensor.windows.map(([a, b]) => {
      const scene = sensor.footprints?.find((f) => f.window[0] === a && f.window[1] === b);
      return {
        from: iso(a),
        to: iso(b),
        ...(scene
          ? {
              area: scene.scene,
              footprint: { type: 'Polygon' as const, coordinates: [scene.ring] },
            }
          : {}),
      };
    }),
  };
}
