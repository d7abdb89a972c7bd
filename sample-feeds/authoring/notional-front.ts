// The notional theatre shared by the sample scenarios: parties, zones along a
// 1,000+ km front, and the monitoring mission's sensors. Every name is invented.
import type { Party, Sensor, WeaponClass, ZoneKind } from '../../shared/scenario/schema';
import {
  TRACE_LENGTH_KM,
  bandRing,
  blobRing,
  distanceKm,
  frontPoint,
  lineOfContact,
  squareRing,
  type LonLat,
} from './front-geometry';

export const PARTIES: Party[] = [
  { id: 'A', name: 'Republic of Aldania (Party A)', role: 'party' },
  { id: 'B', name: 'Varesh Authority (Party B)', role: 'party' },
  { id: 'MM', name: 'Joint Monitoring Mission', role: 'monitor' },
  { id: 'G', name: 'Guarantor Contact Group', role: 'guarantor' },
];

export const SECTOR_COUNT = 5;
const SECTOR_KM = TRACE_LENGTH_KM / SECTOR_COUNT;
/** Half-width of the sectors, km either side of the trace. */
export const SECTOR_HALF_WIDTH_KM = 60;
/** Half-width of the demilitarized strip, km either side of the line of contact. */
export const DMZ_HALF_WIDTH_KM = 1.5;
/** Half-width of the heavy-weapons exclusion zones, km either side of the trace. */
export const EXCLUSION_HALF_WIDTH_KM = 30;

export const SECTOR_NAMES = [
  'Coast',
  'Reservoir',
  'Central Steppe',
  'Mining Belt',
  'Northern Forest',
];

/** [s0, s1] of sector k (0-based), km along the front. */
export function sectorSpan(k: number): [number, number] {
  return [k * SECTOR_KM, k === SECTOR_COUNT - 1 ? TRACE_LENGTH_KM : (k + 1) * SECTOR_KM];
}

/** Heavy-weapons exclusion zone k: the middle 110 km of sector k. */
export function exclusionSpan(k: number): [number, number] {
  const [s0, s1] = sectorSpan(k);
  const mid = (s0 + s1) / 2;
  return [mid - 55, mid + 55];
}

export const EXCLUSION_RULE: { prohibited: WeaponClass[]; max_calibre_mm: number } = {
  prohibited: ['artillery', 'mlrs', 'tank'],
  max_calibre_mm: 100,
};

/** Disengagement areas (2 x 2 km on the line of contact): id, name, s. */
export const DISENGAGEMENT_AREAS = [
  { id: 'da-1', name: 'Disengagement Area 1 (Belvoda bridge)', s: 180 },
  { id: 'da-2', name: 'Disengagement Area 2 (Darnavka crossing)', s: 560 },
  { id: 'da-3', name: 'Disengagement Area 3 (Lunets mine)', s: 760 },
] as const;

/** Settlements: name, s, offset (km, + = Party A side), radius in m; `town` ones are polygons. */
export const SETTLEMENTS: readonly {
  id: string;
  name: string;
  s: number;
  off: number;
  radius_m: number;
  town?: boolean;
}[] = [
  { id: 'ambrosk', name: 'Ambrosk', s: 22, off: 11, radius_m: 2500 },
  { id: 'solvey', name: 'Solvey', s: 58, off: -9, radius_m: 1800 },
  { id: 'fyrno', name: 'Fyrno', s: 96, off: 7, radius_m: 1500 },
  { id: 'galvik', name: 'Galvik', s: 140, off: -6, radius_m: 2000 },
  { id: 'belvoda', name: 'Belvoda', s: 176, off: 4, radius_m: 2200 },
  { id: 'corlan', name: 'Corlan', s: 232, off: 14, radius_m: 5000, town: true },
  { id: 'oravets', name: 'Oravets', s: 252, off: 5, radius_m: 1600 },
  { id: 'marovka', name: 'Marovka', s: 302, off: -10, radius_m: 1400 },
  { id: 'teslavo', name: 'Teslavo', s: 318, off: 9, radius_m: 2400 },
  { id: 'holmar', name: 'Holmar', s: 371, off: -7, radius_m: 1700 },
  { id: 'istrany', name: 'Istrany', s: 430, off: 8, radius_m: 1900 },
  { id: 'jaskol', name: 'Jaskol', s: 486, off: -12, radius_m: 4500, town: true },
  { id: 'darnavka', name: 'Darnavka', s: 556, off: 4, radius_m: 1500 },
  { id: 'eskavar', name: 'Eskavar', s: 600, off: -5, radius_m: 1300 },
  { id: 'pelgrad', name: 'Pelgrad', s: 662, off: 16, radius_m: 5500, town: true },
  { id: 'korvany', name: 'Korvany', s: 720, off: 7, radius_m: 2600 },
  { id: 'lunets', name: 'Lunets', s: 757, off: -4, radius_m: 1800 },
  { id: 'varnet', name: 'Varnet', s: 800, off: -13, radius_m: 2100 },
  { id: 'nadir', name: 'Nadir', s: 850, off: 10, radius_m: 1500 },
  { id: 'rusk', name: 'Rusk', s: 902, off: 12, radius_m: 1700 },
  { id: 'wolsk', name: 'Wolsk', s: 946, off: -8, radius_m: 2000 },
  { id: 'zoryane', name: 'Zoryane', s: 1000, off: 6, radius_m: 1600 },
];

type Feature = {
  type: 'Feature';
  properties: {
    id: string;
    name: string;
    kind: ZoneKind;
    [key: string]: unknown;
  };
  geometry:
    | { type: 'LineString'; coordinates: LonLat[] }
    | { type: 'Polygon'; coordinates: LonLat[][] }
    | { type: 'Point'; coordinates: LonLat };
};

/** The zones FeatureCollection of the notional front. */
export function buildZones(): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  features.push({
    type: 'Feature',
    properties: { id: 'loc', name: 'Line of contact (agreed 2026-09-01)', kind: 'line-of-contact' },
    geometry: { type: 'LineString', coordinates: lineOfContact() },
  });
  features.push({
    type: 'Feature',
    properties: {
      id: 'dmz',
      name: `Demilitarized strip (${DMZ_HALF_WIDTH_KM} km either side of the line)`,
      kind: 'demilitarized-zone',
    },
    geometry: {
      type: 'Polygon',
      coordinates: [bandRing(0, TRACE_LENGTH_KM, DMZ_HALF_WIDTH_KM, -DMZ_HALF_WIDTH_KM, 4, false)],
    },
  });
  for (let k = 0; k < SECTOR_COUNT; k += 1) {
    const [e0, e1] = exclusionSpan(k);
    features.push({
      type: 'Feature',
      properties: {
        id: `ez-${k + 1}`,
        name: `Heavy Weapons Exclusion Zone ${k + 1} (${SECTOR_NAMES[k]})`,
        kind: 'weapons-exclusion',
        ...EXCLUSION_RULE,
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          bandRing(e0, e1, EXCLUSION_HALF_WIDTH_KM, -EXCLUSION_HALF_WIDTH_KM, 10, true),
        ],
      },
    });
  }
  for (const da of DISENGAGEMENT_AREAS) {
    features.push({
      type: 'Feature',
      properties: { id: da.id, name: da.name, kind: 'disengagement-area' },
      geometry: { type: 'Polygon', coordinates: [squareRing(frontPoint(da.s, 0), 2)] },
    });
  }
  for (const town of SETTLEMENTS) {
    const centre = frontPoint(town.s, town.off);
    const controlled_by = town.off > 0 ? 'A' : 'B';
    if (town.town) {
      const r = town.radius_m / 1000;
      const radii = [1, 0.85, 0.95, 0.7, 0.9, 1.05, 0.8, 0.92].map((f) => r * f);
      features.push({
        type: 'Feature',
        properties: { id: `set-${town.id}`, name: town.name, kind: 'settlement', controlled_by },
        geometry: { type: 'Polygon', coordinates: [blobRing(centre, radii)] },
      });
    } else {
      features.push({
        type: 'Feature',
        properties: {
          id: `set-${town.id}`,
          name: town.name,
          kind: 'settlement',
          radius_m: town.radius_m,
          controlled_by,
        },
        geometry: { type: 'Point', coordinates: centre },
      });
    }
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
  return { type: 'FeatureCollection', features };
}

/** A sensor of the mission, with where it sits on the front and its coverage in epoch ms. */
export interface MissionSensor {
  id: string;
  kind: Sensor['kind'];
  platform: string;
  at: LonLat;
  range_km: number;
  windows: [number, number][];
  /** Human description, for summaries. */
  label: string;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * Sites of the fixed acoustic arrays: twelve installed first every 85 km on
 * alternating sides of the line, then ten more in the gaps between them.
 */
export const ACOUSTIC_SITES = [
  ...Array.from({ length: 12 }, (_, k) => ({ s: 40 + 85 * k, off: k % 2 === 0 ? 4 : -4 })),
  ...Array.from({ length: 10 }, (_, k) => ({
    s: 82.5 + 85 * k,
    off: k % 2 === 0 ? -5 : 5,
  })),
].map((site, i) => ({ id: `ACOUSTIC-${String(i + 1).padStart(2, '0')}`, ...site }));

/** Observer patrol bases; PATROL-07 at Korvany is a forward patrol base staffed round the clock. */
export const PATROL_BASES = [
  { id: 'PATROL-01', s: 40, off: 14, base: 'Ambrosk' },
  { id: 'PATROL-02', s: 150, off: -12, base: 'Galvik' },
  { id: 'PATROL-03', s: 262, off: 12, base: 'Oravets' },
  { id: 'PATROL-04', s: 315, off: -14, base: 'Marovka east' },
  { id: 'PATROL-05', s: 498, off: 10, base: 'Istrany road' },
  { id: 'PATROL-06', s: 590, off: -10, base: 'Eskavar' },
  { id: 'PATROL-07', s: 722, off: 9, base: 'Korvany forward patrol base', roundTheClock: true },
  { id: 'PATROL-08', s: 800, off: -14, base: 'Varnet' },
  { id: 'PATROL-09', s: 895, off: 10, base: 'Rusk' },
  { id: 'PATROL-10', s: 990, off: -10, base: 'Zoryane road' },
] as const;

/** Drone bases and sorties as [day (1-3), "HH:MM" UTC, hours]; 6–8 h each. */
export const DRONE_SORTIES: readonly {
  id: string;
  s: number;
  off: number;
  sorties: readonly (readonly [number, string, number])[];
}[] = [
  {
    id: 'UAV-01',
    s: 110,
    off: 25,
    sorties: [
      [1, '05:00', 7],
      [2, '15:00', 7],
      [3, '06:00', 6.5],
    ],
  },
  {
    id: 'UAV-02',
    s: 290,
    off: 25,
    sorties: [
      [1, '07:00', 7],
      [2, '06:30', 7],
      [3, '09:00', 7.5],
    ],
  },
  {
    id: 'UAV-03',
    s: 540,
    off: 25,
    sorties: [
      [1, '14:00', 7],
      [2, '16:00', 7.5],
      [3, '13:00', 6],
    ],
  },
  {
    id: 'UAV-04',
    s: 470,
    off: 30,
    sorties: [
      [1, '03:00', 6],
      [2, '04:00', 7],
      [3, '03:30', 7],
    ],
  },
  {
    id: 'UAV-05',
    s: 735,
    off: 25,
    sorties: [
      [1, '16:30', 7],
      [2, '05:00', 6],
      [3, '12:00', 7],
    ],
  },
  {
    id: 'UAV-06',
    s: 900,
    off: 25,
    sorties: [
      [1, '08:00', 7],
      [2, '11:00', 7.5],
      [3, '08:00', 6],
    ],
  },
];

/** Satellite passes: [id, platform, label, "HH:MM" UTC pass times each day, window minutes]. */
export const SATELLITES = [
  {
    id: 'SAR-1',
    platform: 'SAR-1',
    label: 'radar satellite SAR-1',
    passes: ['04:10', '16:10'],
    minutes: 10,
  },
  {
    id: 'SAR-2',
    platform: 'SAR-2',
    label: 'radar satellite SAR-2',
    passes: ['09:50', '21:50'],
    minutes: 10,
  },
  {
    id: 'OPT-1',
    platform: 'OPT-1',
    label: 'optical satellite OPT-1',
    passes: ['08:30'],
    minutes: 8,
  },
  {
    id: 'OPT-2',
    platform: 'OPT-2',
    label: 'optical satellite OPT-2',
    passes: ['10:15'],
    minutes: 8,
  },
  {
    id: 'THERM-1',
    platform: 'THERM-1',
    label: 'fire-detection satellite THERM-1',
    passes: ['00:40', '10:50', '12:30', '23:10'],
    minutes: 6,
  },
] as const;

/** Optical passes lost to cloud: [satellite, day]. */
export const CLOUD_BLOCKED = [
  ['OPT-2', 1],
  ['OPT-1', 3],
] as const;

/** Ground-sensor outages: [sensor, from, to] (day, "HH:MM"). */
export const GROUND_OUTAGES = [
  {
    id: 'ACOUSTIC-05',
    from: [2, '02:00'],
    to: [2, '09:30'],
    reason: 'power failure at the array site',
  },
  { id: 'CAM-04', from: [1, '14:00'], to: null, reason: 'camera not working (lens obscured)' },
] as const;

/** Epoch ms of "HH:MM" UTC on exercise day d (1-based) of a scenario starting at start. */
export function dayTime(start: number, day: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return start + (day - 1) * 24 * HOUR + h * HOUR + m * MINUTE;
}

/**
 * Every sensor of the mission over the three exercise days from dayOne
 * (midnight UTC of day 1), with coverage clipped to [start, end].
 */
export function missionSensors(start: number, end: number, dayOne = start): MissionSensor[] {
  const sensors: MissionSensor[] = [];
  const centre = frontPoint(TRACE_LENGTH_KM / 2, 0, true);
  for (const sat of SATELLITES) {
    const windows: [number, number][] = [];
    for (let day = 1; day <= 3; day += 1) {
      for (const pass of sat.passes) {
        const t = dayTime(dayOne, day, pass);
        windows.push([t, t + sat.minutes * MINUTE]);
      }
    }
    windows.sort((a, b) => a[0] - b[0]);
    sensors.push({
      id: sat.id,
      kind: 'satellite',
      platform: sat.platform,
      at: centre,
      range_km: 600,
      windows,
      label: sat.label,
    });
  }
  for (const drone of DRONE_SORTIES) {
    const windows = drone.sorties.map(([day, hhmm, hours]) => {
      const t = dayTime(dayOne, day, hhmm);
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
    const outage = GROUND_OUTAGES.find((o) => o.id === id);
    if (!outage) return null;
    return [
      dayTime(dayOne, outage.from[0], outage.from[1]),
      outage.to ? dayTime(dayOne, outage.to[0], outage.to[1]) : end,
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
  // A fourth camera covers the reservoir dam crossing; it fails on day 1.
  sensors.push({
    id: 'CAM-04',
    kind: 'ground-sensor',
    platform: 'CAM-04 (thermal camera)',
    at: frontPoint(330, 3),
    range_km: 5,
    windows: groundWindows('CAM-04'),
    label: 'mission camera CAM-04 at the reservoir dam',
  });
  for (const patrol of PATROL_BASES) {
    const windows: [number, number][] =
      'roundTheClock' in patrol && patrol.roundTheClock
        ? [[start, end]]
        : [1, 2, 3].map((day) => [dayTime(dayOne, day, '05:00'), dayTime(dayOne, day, '15:00')]);
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
  return sensors.map((s) => ({
    ...s,
    windows: s.windows.filter(([a, b]) => b > start && a < end),
  }));
}

/** True if the sensor covers the time and the place. */
export function senses(sensor: MissionSensor, t: number, at: LonLat): boolean {
  return (
    sensor.windows.some(([a, b]) => t >= a && t <= b) &&
    distanceKm(sensor.at, at) <= sensor.range_km
  );
}

/** The sensor in the format of docs/SCENARIO-FORMAT.md section 4. */
export function toSensorRecord(sensor: MissionSensor): Sensor {
  return {
    id: sensor.id,
    kind: sensor.kind,
    platform: sensor.platform,
    lat: sensor.at[1],
    lon: sensor.at[0],
    range_km: sensor.range_km,
    coverage: sensor.windows.map(([a, b]) => ({
      from: new Date(a).toISOString(),
      to: new Date(b).toISOString(),
    })),
  };
}
