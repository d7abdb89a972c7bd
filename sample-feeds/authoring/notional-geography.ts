// The invented geography of the sample exercises, drawn the way training
// settings such as the UN's Carana are: an island that does not exist, in open
// ocean far from any real land, shared by two states of the same kind and a
// third, neutral one. Every name is invented. The parties are named alike
// ("Republic of …") so that neither reads as the legitimate side.
//
// Positions are either km in the local frame of front-geometry.ts ([x, y]:
// east and north of FRAME_ORIGIN) or { s, off } relative to the front (km along
// the trace, km off it; + is north, Party A's side). sample-feeds/README.md
// explains the choices.
import type { Party } from '../../shared/scenario/schema';
import {
  FRAME_ORIGIN,
  TRACE_LENGTH_KM,
  blobRing,
  frameKm,
  frontPoint,
  round6,
  type LonLat,
} from './front-geometry';

/**
 * The theatre's time zone. The island lies around 121° W, where mean solar
 * time is UTC−8; IANA's Etc zones name it with the POSIX sign inverted, so
 * `Etc/GMT+8` is UTC−8. No daylight saving time: a fixed offset, as a
 * mission on an invented island would choose.
 */
export const TIME_ZONE = 'Etc/GMT+8';
export const UTC_OFFSET_HOURS = -8;
export const UTC_OFFSET_LABEL = 'UTC−8';
/**
 * The Mission's daily report is due at 09:00 local (format section 8,
 * `daily_report_hour`): the morning report covers the 24 hours before it.
 */
export const DAILY_REPORT_HOUR = 9;

/** The island and its three states. */
export const ISLAND = 'Meridel';
export const STATE_A = { name: 'Republic of Lanvera', short: 'Lanvera', capital: 'Estavel' };
export const STATE_B = { name: 'Republic of Dorsena', short: 'Dorsena', capital: 'Pormina' };
/** The neutral neighbour that hosts the Mission's headquarters. */
export const HOST_STATE = { name: 'Republic of Aurisa', short: 'Aurisa', capital: 'Aubrel' };

export const PARTIES: Party[] = [
  { id: 'A', name: `${STATE_A.name} (Party A)`, role: 'party' },
  { id: 'B', name: `${STATE_B.name} (Party B)`, role: 'party' },
  { id: 'MM', name: 'Joint Monitoring Mission', role: 'monitor' },
  { id: 'G', name: 'Guarantor Contact Group', role: 'guarantor' },
];

/** A position in the frame ([x, y] km) or relative to the front. */
export type Place = readonly [number, number] | { readonly s: number; readonly off: number };

/**
 * The (lon, lat) of a place. Front-relative places are measured from the line
 * of contact itself, as scripted incidents are, so that "4 km from the line"
 * means the same for a village, a protected site and an event.
 */
export function placeAt(p: Place): LonLat {
  return 's' in p ? frontPoint(p.s, p.off) : frameKm(p[0], p[1]);
}

/** Deterministic smooth noise in [-1, 1]: a few incommensurate sines of the distance along a line. */
function wobble(d: number, seed: number): number {
  return (
    0.6 * Math.sin(d / 23 + seed) +
    0.3 * Math.sin(d / 9.1 + 2.1 * seed) +
    0.1 * Math.sin(d / 3.3 + 3.3 * seed)
  );
}

/**
 * A natural-looking line through the given places: straight segments split
 * every stepKm and pushed sideways by `wiggleKm` of smooth noise, tapered to
 * nothing at the places themselves so the line passes exactly through them.
 */
export function naturalLine(
  places: readonly Place[],
  wiggleKm: number,
  seed: number,
  stepKm = 3,
): LonLat[] {
  const pts = places.map(placeAt);
  // Segments are split every stepKm; each bulge is smooth noise tapered to the ends.
  const out: LonLat[] = [pts[0]!];
  let travelled = 0;
  for (let i = 1; i < pts.length; i += 1) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const kx = 111.195 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
    const east = (b[0] - a[0]) * kx;
    const north = (b[1] - a[1]) * 111.195;
    const len = Math.hypot(east, north);
    const n = Math.max(1, Math.round(len / stepKm));
    for (let k = 1; k <= n; k += 1) {
      const t = k / n;
      const taper = Math.sin(Math.PI * t);
      const side = wiggleKm * taper * wobble(travelled + t * len, seed + i);
      const px = a[0] + (b[0] - a[0]) * t + (-north / len) * (side / kx);
      const py = a[1] + (b[1] - a[1]) * t + (east / len) * (side / 111.195);
      out.push([round6(px), round6(py)]);
    }
    travelled += len;
  }
  return out;
}

// --- Coast -------------------------------------------------------------------

/** The end of the trace: the line of contact meets the border with Aurisa here. */
const END = TRACE_LENGTH_KM;

/**
 * The island's coastline, from the west coast where the line of contact
 * reaches the sea round by the north. That stretch is a long straight dune
 * coast running square to the line, so the zones drawn across the front end
 * at the shore.
 */
const COAST: readonly Place[] = [
  { s: 0, off: -100 },
  { s: 0, off: 0 },
  { s: 0, off: 100 },
  [-384, 140],
  [-398, 176],
  [-372, 188],
  [-344, 212],
  [-330, 246],
  [-296, 240],
  [-262, 226],
  [-230, 244],
  [-196, 262],
  [-160, 256],
  [-128, 276],
  [-86, 288],
  [-44, 296],
  [-20, 284],
  [6, 290],
  [48, 304],
  [96, 296],
  [138, 286],
  [146, 318],
  [170, 338],
  [194, 322],
  [200, 286],
  [214, 270],
  [248, 262],
  [296, 270],
  [336, 258],
  [372, 266],
  [418, 256],
  [462, 232],
  [500, 200],
  [540, 160],
  [556, 112],
  [548, 80],
  [568, 40],
  [574, -4],
  [560, -50],
  [544, -96],
  [520, -138],
  [486, -176],
  [446, -204],
  [404, -228],
  [366, -244],
  [330, -252],
  [292, -242],
  [262, -208],
  [228, -192],
  [196, -206],
  [172, -240],
  [150, -272],
  [126, -296],
  [84, -300],
  [44, -290],
  [18, -276],
  [-4, -274],
  [-30, -280],
  [-58, -290],
  [-100, -282],
  [-140, -266],
  [-176, -270],
  [-210, -252],
  [-244, -230],
  [-282, -212],
  [-318, -186],
  [-348, -154],
  [-372, -120],
  { s: 0, off: -100 },
];

function signedArea(ring: readonly LonLat[]): number {
  let area = 0;
  for (let i = 1; i < ring.length; i += 1) {
    area += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  }
  return area / 2;
}

/** The coastline as a closed ring (lon, lat). */
export function coastRing(): LonLat[] {
  // Gentle along the straight west coast, rougher elsewhere.
  const west = naturalLine(COAST.slice(0, 3), 1.2, 7, 4);
  const rest = naturalLine(COAST.slice(2), 6, 3, 3);
  const ring = [...west, ...rest.slice(1)];
  ring[ring.length - 1] = ring[0]!;
  // RFC 7946: the exterior ring runs anticlockwise.
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

// --- Rivers, lake, borders, roads, railways ------------------------------------

/** Positions (km along the front) of the river crossings and the reservoir. */
export const RIVER_CROSSINGS = { tamber: 118, sennet: 232, marle: 385 } as const;

/** The reservoir on the Sennet, north of the line; its dam is 4 km from the line. */
export const RESERVOIR_DAM: Place = { s: RIVER_CROSSINGS.sennet, off: 4 };

const RIVERS: readonly { id: string; name: string; course: readonly Place[]; seed: number }[] = [
  {
    id: 'river-tamber',
    name: 'River Tamber',
    course: [
      [-300, 232],
      [-282, 170],
      [-270, 96],
      { s: RIVER_CROSSINGS.tamber, off: 30 },
      { s: RIVER_CROSSINGS.tamber, off: 0 },
      { s: RIVER_CROSSINGS.tamber - 6, off: -60 },
      [-296, -150],
      [-286, -213],
    ],
    seed: 1,
  },
  {
    id: 'river-sennet',
    name: 'River Sennet',
    course: [
      [-110, 262],
      [-126, 190],
      [-150, 120],
      { s: RIVER_CROSSINGS.sennet + 4, off: 34 },
      RESERVOIR_DAM,
      { s: RIVER_CROSSINGS.sennet, off: 0 },
      { s: RIVER_CROSSINGS.sennet + 8, off: -50 },
      [-140, -160],
      [-120, -250],
    ],
    seed: 2,
  },
  {
    id: 'river-marle',
    name: 'River Marle',
    course: [
      [60, 282],
      [48, 200],
      [30, 120],
      { s: RIVER_CROSSINGS.marle - 6, off: 40 },
      { s: RIVER_CROSSINGS.marle, off: 0 },
      { s: RIVER_CROSSINGS.marle + 10, off: -70 },
      [44, -190],
      [60, -278],
    ],
    seed: 3,
  },
  {
    id: 'river-orne',
    name: 'River Orne',
    course: [
      [420, 90],
      [380, 30],
      [400, -80],
      [420, -196],
    ],
    seed: 4,
  },
];

/** The Sennet reservoir: a long lake filling the valley north of the dam. */
function reservoirRing(): LonLat[] {
  const left: LonLat[] = [];
  const right: LonLat[] = [];
  for (let i = 0; i <= 10; i += 1) {
    const off = 4 + 3 * i;
    const half = 0.6 + 2.2 * Math.sin((Math.PI * i) / 10) ** 0.7;
    const s = RIVER_CROSSINGS.sennet + (i / 10) * 4;
    left.push(frontPoint(s - half, off));
    right.push(frontPoint(s + half, off));
  }
  const ring = [...left, ...right.reverse()];
  ring.push(ring[0]!);
  return ring.map(([x, y]) => [round6(x), round6(y)]);
}

/** The pre-war boundary between Lanvera and Dorsena: within a few km of the line, crossing it. */
function stateBoundary(): LonLat[] {
  const out: LonLat[] = [];
  for (let s = 0; s <= END; s += 3) {
    const taper = Math.min(1, (END - s) / 30);
    const off =
      taper *
      (4.5 * Math.sin((2 * Math.PI * s) / 170 + 0.7) + 2 * Math.sin((2 * Math.PI * s) / 61));
    out.push(frontPoint(s, off, true));
  }
  out.push(frontPoint(END, 0));
  return out;
}

/** The borders with Aurisa: from the tripoint at the east end of the line to each coast. */
const AURISA_BORDERS: readonly { id: string; name: string; course: readonly Place[] }[] = [
  {
    id: 'border-lanvera-aurisa',
    name: 'International border (Lanvera–Aurisa)',
    course: [{ s: END, off: 0 }, { s: END, off: 100 }, [334, 200], [336, 258]],
  },
  {
    id: 'border-dorsena-aurisa',
    name: 'International border (Dorsena–Aurisa)',
    course: [{ s: END, off: 0 }, { s: END, off: -100 }, [326, -196], [330, -252]],
  },
];

// --- Settlements ----------------------------------------------------------------

/** A settlement: where, how many people live there, and how large it is. */
export interface Settlement {
  id: string;
  name: string;
  /** km along the front and km off the line (+ north, Party A). */
  s: number;
  off: number;
  population: number;
  radius_m: number;
  /** Drawn as an irregular polygon (towns) instead of a point with a radius. */
  town?: boolean;
}

/**
 * Settlements near the line, west to east, with populations before the
 * fighting (the parties' last census). Each sector has one or two towns and
 * three or four villages.
 */
export const SETTLEMENTS: readonly Settlement[] = [
  { id: 'ambrelle', name: 'Ambrelle', s: 40, off: 14, population: 12_400, radius_m: 2500 },
  { id: 'solenne', name: 'Solenne', s: 36, off: -9, population: 8_900, radius_m: 1800 },
  { id: 'fernhal', name: 'Fernhal', s: 70, off: 7, population: 6_100, radius_m: 1500 },
  { id: 'galdris', name: 'Galdris', s: 96, off: -6, population: 9_700, radius_m: 2000 },
  { id: 'bellmere', name: 'Bellmere', s: 115, off: 4, population: 11_200, radius_m: 2200 },
  {
    id: 'corlan',
    name: 'Corlan',
    s: 155,
    off: 14,
    population: 46_000,
    radius_m: 5000,
    town: true,
  },
  { id: 'orvale', name: 'Orvale', s: 168, off: 5, population: 4_300, radius_m: 1600 },
  { id: 'marrin', name: 'Marrin', s: 206, off: -10.5, population: 5_200, radius_m: 1400 },
  { id: 'tessel', name: 'Tessel', s: 214, off: 9, population: 14_800, radius_m: 2400 },
  { id: 'holmar', name: 'Holmar', s: 252, off: -7, population: 7_300, radius_m: 1700 },
  { id: 'istrel', name: 'Istrel', s: 292, off: 8, population: 8_100, radius_m: 1900 },
  {
    id: 'jasmer',
    name: 'Jasmer',
    s: 330,
    off: -12,
    population: 38_000,
    radius_m: 4500,
    town: true,
  },
  { id: 'darnel', name: 'Darnel', s: 381, off: 4, population: 5_600, radius_m: 1500 },
  { id: 'esker', name: 'Esker', s: 408, off: -5, population: 3_900, radius_m: 1300 },
  {
    id: 'pellard',
    name: 'Pellard',
    s: 450,
    off: 16,
    population: 61_000,
    radius_m: 5500,
    town: true,
  },
  { id: 'kerrow', name: 'Kerrow', s: 494, off: 7, population: 16_500, radius_m: 2600 },
  { id: 'lunara', name: 'Lunara', s: 521, off: -4, population: 6_800, radius_m: 1800 },
  { id: 'varnet', name: 'Varnet', s: 548, off: -13, population: 9_300, radius_m: 2100 },
  { id: 'nadell', name: 'Nadell', s: 580, off: 10, population: 4_700, radius_m: 1500 },
  { id: 'rennick', name: 'Rennick', s: 616, off: 12, population: 5_900, radius_m: 1700 },
  { id: 'wistra', name: 'Wistra', s: 646, off: -8, population: 7_400, radius_m: 2000 },
  { id: 'zelmar', name: 'Zelmar', s: 682, off: 6, population: 3_600, radius_m: 1600 },
];

/** The capitals, far behind the line: on the map for orientation, outside every sector. */
export const CAPITALS: readonly (Omit<Settlement, 's' | 'off'> & {
  at: readonly [number, number];
})[] = [
  {
    id: 'estavel',
    name: STATE_A.capital,
    at: [-26, 268],
    population: 820_000,
    radius_m: 7000,
    town: true,
  },
  {
    id: 'pormina',
    name: STATE_B.capital,
    at: [-4, -258],
    population: 760_000,
    radius_m: 6500,
    town: true,
  },
  {
    id: 'aubrel',
    name: HOST_STATE.capital,
    at: [478, 54],
    population: 240_000,
    radius_m: 5000,
    town: true,
  },
];

/** Which party controls a settlement near the line (by the side it lies on). */
export function controlledBy(settlement: Settlement): 'A' | 'B' {
  return settlement.off > 0 ? 'A' : 'B';
}

/** The (lon, lat) of a settlement by id (near the line or a capital). */
export function settlementAt(id: string): LonLat {
  const near = SETTLEMENTS.find((s) => s.id === id);
  if (near) return frontPoint(near.s, near.off);
  const capital = CAPITALS.find((c) => c.id === id);
  if (capital) return frameKm(capital.at[0], capital.at[1]);
  throw new Error(`no settlement ${id}`);
}

/** A settlement's polygon when it is a town (radii vary so the outline is irregular). */
export function townRing(centre: LonLat, radius_m: number): LonLat[] {
  const r = radius_m / 1000;
  return blobRing(
    centre,
    [1, 0.85, 0.95, 0.7, 0.9, 1.05, 0.8, 0.92].map((f) => r * f),
  );
}

/**
 * What the agreement forbids inside a settlement (its section 4): no
 * artillery, rocket launchers, tanks or mortars of any calibre in or within
 * the built-up area. Firing positions in towns draw return fire onto civilians.
 */
export const SETTLEMENT_PROHIBITED = ['artillery', 'mlrs', 'tank', 'mortar'] as const;

const ROADS: readonly { id: string; name: string; via: readonly (string | Place)[] }[] = [
  {
    id: 'road-north',
    name: 'Northern highway (Lanvera)',
    via: [
      [-362, 60],
      'ambrelle',
      'fernhal',
      { s: 120, off: 22 },
      'corlan',
      'tessel',
      'istrel',
      { s: 380, off: 20 },
      'pellard',
      'kerrow',
      'nadell',
      'rennick',
      'zelmar',
      { s: END, off: 14 },
      [400, 40],
      'aubrel',
    ],
  },
  {
    id: 'road-south',
    name: 'Southern highway (Dorsena)',
    via: [
      [-364, -50],
      'solenne',
      'galdris',
      { s: 160, off: -20 },
      'marrin',
      'holmar',
      'jasmer',
      'esker',
      'lunara',
      'varnet',
      'wistra',
      { s: END, off: -16 },
      [400, -20],
      'aubrel',
    ],
  },
  {
    id: 'road-bellmere',
    name: 'Bellmere bridge road (cut at the line)',
    via: ['fernhal', 'bellmere', { s: 118, off: -20 }, 'galdris'],
  },
  {
    id: 'road-darnel',
    name: 'Darnel crossing road (cut at the line)',
    via: ['darnel', { s: 385, off: 0 }, 'esker'],
  },
  {
    id: 'road-lunara',
    name: 'Lunara mine road (cut at the line)',
    via: ['kerrow', { s: 520, off: 0 }, 'lunara'],
  },
  { id: 'road-estavel', name: 'Estavel–Pellard road', via: ['estavel', [30, 170], 'pellard'] },
  {
    id: 'road-estavel-corlan',
    name: 'Estavel–Corlan road',
    via: ['estavel', [-120, 140], 'corlan'],
  },
  { id: 'road-pormina', name: 'Pormina–Jasmer road', via: ['pormina', [-30, -140], 'jasmer'] },
  {
    id: 'road-pormina-holmar',
    name: 'Pormina–Holmar road',
    via: ['pormina', [-90, -120], 'holmar'],
  },
];

const RAILWAYS: readonly { id: string; name: string; via: readonly (string | Place)[] }[] = [
  {
    id: 'rail-lanvera',
    name: 'Estavel–Pellard railway',
    via: ['estavel', [10, 190], [40, 110], 'pellard'],
  },
  {
    id: 'rail-dorsena',
    name: 'Pormina–Jasmer railway',
    via: ['pormina', [-20, -180], [-50, -90], 'jasmer'],
  },
];

function viaPlaces(via: readonly (string | Place)[]): Place[] {
  return via.map((v) => {
    if (typeof v !== 'string') return v;
    const [lon, lat] = settlementAt(v);
    // Back to the frame so naturalLine can take it like any other place.
    const kx = 111.195 * Math.cos((FRAME_ORIGIN[1] * Math.PI) / 180);
    return [(lon - FRAME_ORIGIN[0]) * kx, (lat - FRAME_ORIGIN[1]) * 111.195] as const;
  });
}

// --- Protected sites ------------------------------------------------------------

/** A protected site (format section 8, zone kind `infrastructure`). */
export interface ProtectedSite {
  id: string;
  name: string;
  at: Place;
  radius_m: number;
  /** What it is, for the briefing. */
  what: string;
}

/** Sites the agreement protects (section 5): no fire at or near them, no military use. */
export const PROTECTED_SITES: readonly ProtectedSite[] = [
  {
    id: 'site-sennet-dam',
    name: 'Sennet dam and hydro plant',
    at: RESERVOIR_DAM,
    radius_m: 900,
    what: 'a 60 m earth dam holding the Sennet reservoir, with a 240 MW hydro plant; 4 km north of the line',
  },
  {
    id: 'site-lunara-power',
    name: 'Lunara power station',
    at: { s: 528, off: -8 },
    radius_m: 1200,
    what: 'a 1,200 MW coal-fired power station supplying both sides of the line; 8 km south of it',
  },
  {
    id: 'site-marle-water',
    name: 'Marle water station',
    at: { s: 378, off: -2.5 },
    radius_m: 400,
    what: 'a pumping and filtration station on the Marle that supplies drinking water to about 300,000 people on both sides; 2.5 km south of the line',
  },
  {
    id: 'site-kerrow-hospital',
    name: 'Kerrow district hospital',
    at: { s: 493.4, off: 8 },
    radius_m: 250,
    what: 'the district hospital of Kerrow (180 beds)',
  },
  {
    id: 'site-corlan-hospital',
    name: 'Corlan general hospital',
    at: { s: 155.5, off: 14.5 },
    radius_m: 300,
    what: 'the general hospital of Corlan (420 beds)',
  },
  {
    id: 'site-jasmer-hospital',
    name: 'Jasmer general hospital',
    at: { s: 330.5, off: -12.5 },
    radius_m: 300,
    what: 'the general hospital of Jasmer (390 beds)',
  },
  {
    id: 'site-pellard-hospital',
    name: 'Pellard regional hospital',
    at: { s: 449, off: 16.5 },
    radius_m: 300,
    what: 'the regional hospital of Pellard (560 beds)',
  },
];

// --- Features -------------------------------------------------------------------

type Geometry =
  | { type: 'LineString'; coordinates: LonLat[] }
  | { type: 'Polygon'; coordinates: LonLat[][] }
  | { type: 'Point'; coordinates: LonLat };

export interface GeoFeature {
  type: 'Feature';
  properties: { id: string; name: string; kind: string; [key: string]: unknown };
  geometry: Geometry;
}

const contextFeature = (
  id: string,
  name: string,
  context: 'coast' | 'river' | 'road' | 'rail' | 'border' | 'lake',
  geometry: Geometry,
): GeoFeature => ({
  type: 'Feature',
  properties: { id, name, kind: 'context', context },
  geometry,
});

/**
 * The `context` features (format section 8): drawn muted on the map, never
 * scored. Land first so that everything else is drawn over it.
 */
export function contextFeatures(): GeoFeature[] {
  return [
    contextFeature('coast', `Island of ${ISLAND} (coast)`, 'coast', {
      type: 'Polygon',
      coordinates: [coastRing()],
    }),
    contextFeature('lake-sennet', 'Sennet reservoir', 'lake', {
      type: 'Polygon',
      coordinates: [reservoirRing()],
    }),
    ...RIVERS.map((r) =>
      contextFeature(r.id, r.name, 'river', {
        type: 'LineString',
        coordinates: naturalLine(r.course, 2.5, r.seed),
      }),
    ),
    contextFeature(
      'border-lanvera-dorsena',
      'International border (Lanvera–Dorsena, pre-war)',
      'border',
      {
        type: 'LineString',
        coordinates: stateBoundary(),
      },
    ),
    ...AURISA_BORDERS.map((b) =>
      contextFeature(b.id, b.name, 'border', {
        type: 'LineString',
        coordinates: naturalLine(b.course, 1.5, 9),
      }),
    ),
    ...ROADS.map((r, i) =>
      contextFeature(r.id, r.name, 'road', {
        type: 'LineString',
        coordinates: naturalLine(viaPlaces(r.via), 1.2, 20 + i),
      }),
    ),
    ...RAILWAYS.map((r, i) =>
      contextFeature(r.id, r.name, 'rail', {
        type: 'LineString',
        coordinates: naturalLine(viaPlaces(r.via), 0.8, 40 + i),
      }),
    ),
  ];
}

/** The protected sites as `infrastructure` zones (Points with a radius). */
export function infrastructureFeatures(): GeoFeature[] {
  return PROTECTED_SITES.map((site) => ({
    type: 'Feature',
    properties: { id: site.id, name: site.name, kind: 'infrastructure', radius_m: site.radius_m },
    geometry: { type: 'Point', coordinates: placeAt(site.at) },
  }));
}
