// Low-level background of a ceasefire that mostly holds: bursts of small-arms
// fire and isolated explosions near the line (more at night), some light
// mortar fire, troop movements, digging, unidentified UAVs; seen only when a
// sensor covers the place at that time. Most of it reaches one kind of
// sensor, some two, and a few episodes a day three, as on a real line. Satellite
// passes add findings inside the scene each pass imaged, and fire detections.
// Everything comes from a seeded PRNG.
import type { Target, WeaponClass } from '../../shared/scenario/schema';
import type { EventDraft } from './event-draft';
import {
  TRACE_LENGTH_KM,
  bearingDeg,
  compass,
  distanceKm,
  frontPoint,
  shiftKm,
  type LonLat,
} from './front-geometry';
import {
  DISENGAGEMENT_AREAS,
  SATELLITES,
  footprintAt,
  inRing,
  sectorSpan,
  senses,
  type MissionSensor,
} from './notional-front';
import { PROTECTED_SITES, SETTLEMENTS, placeAt, settlementAt } from './notional-geography';
import type { SeededRandom } from './seeded-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Places along the front (km) where exchanges of fire recur. */
const FLASHPOINTS = [
  24, 55, 100, 130, 160, 180, 228, 258, 292, 338, 352, 408, 430, 462, 478, 528, 570, 600, 640, 672,
];
/** Relative activity of the five sectors (the Central Plain and Mining Belt are the hottest). */
const SECTOR_ACTIVITY = [0.8, 1.0, 1.25, 1.45, 0.7];

export type Kind =
  | 'fpv'
  | 'small-arms'
  | 'explosion'
  | 'mortar'
  | 'troop-movement'
  | 'fortification-work'
  | 'uav-overflight'
  | 'vehicle-column';

/** The mix of a ceasefire line of the 2010s: small arms, explosions, light mortars. */
export const ROUTINE_KINDS: readonly (readonly [Kind, number])[] = [
  ['small-arms', 33],
  ['explosion', 29],
  ['mortar', 10],
  ['troop-movement', 8],
  ['fortification-work', 7],
  ['uav-overflight', 6],
  ['vehicle-column', 4],
];

/** A place and time scripted incidents keep for themselves. */
export interface Reserved {
  at: LonLat;
  t: number;
}

export interface BackgroundOptions {
  random: SeededRandom;
  start: number;
  end: number;
  sensors: readonly MissionSensor[];
  /** 0-based sectors that have activity. */
  sectors: readonly number[];
  /** Multiplies the episode rate. */
  rate: number;
  /** What the episodes are, with relative weights (ROUTINE_KINDS when absent). */
  kinds?: readonly (readonly [Kind, number])[];
  /** Background keeps 15 km and 2 h away from these, so scripted alerts stay clean. */
  reserved: readonly Reserved[];
  /** Whether satellite passes add imagery and fire-detection findings. */
  satellites: boolean;
  /** Optical passes lost to cloud, [satellite, day]: they add no findings. */
  cloudBlocked: readonly (readonly [string, number])[];
  /** Local midnight at the start of exercise day 1 (epoch ms): days and the night-time peak. */
  localDayOne: number;
  /**
   * Chance that an episode every kind of sensor could observe is reported by
   * all of them: the corroborated routine of a real line.
   */
  corroborated: number;
}

/** Background activity keeps this far (km) from the edge of settlements and protected sites. */
const CIVILIAN_MARGIN_KM = 1;

/** Generates the background activity, as drafts with ids assigned later by the caller. */
export function generateBackground(options: BackgroundOptions): EventDraft[] {
  const { random, start, end, sensors } = options;
  const drafts: EventDraft[] = [];
  // Fire into a village or at a dam is never routine: the background leaves it to the script.
  const civilian = [
    ...SETTLEMENTS.map((s) => ({ at: settlementAt(s.id), km: s.radius_m / 1000 })),
    ...PROTECTED_SITES.map((p) => ({ at: placeAt(p.at), km: p.radius_m / 1000 })),
  ];
  const isReserved = (at: LonLat, t: number) =>
    options.reserved.some((r) => Math.abs(r.t - t) < 2 * HOUR && distanceKm(r.at, at) < 15) ||
    DISENGAGEMENT_AREAS.some((da) => distanceKm(frontPoint(da.s, 0), at) < 4) ||
    civilian.some((c) => distanceKm(c.at, at) < c.km + CIVILIAN_MARGIN_KM);
  const corroborated = new Set<EventDraft>();

  for (let hourStart = start; hourStart < end; hourStart += HOUR) {
    const localHour = Math.floor(((hourStart - options.localDayOne) / HOUR) % 24);
    const timeOfDay =
      localHour >= 21 || localHour < 3 ? 2.4 : localHour >= 18 || localHour < 6 ? 1.5 : 0.75;
    for (const k of options.sectors) {
      const episodes = random.poisson(options.rate * timeOfDay * SECTOR_ACTIVITY[k]!);
      for (let e = 0; e < episodes; e += 1) {
        const t = Math.min(
          end - MINUTE,
          hourStart + Math.floor(random.next() * 60) * MINUTE + random.int(0, 59) * 1000,
        );
        const [s0, s1] = sectorSpan(k);
        const flashpoints = FLASHPOINTS.filter((f) => f >= s0 && f < s1);
        const s =
          random.chance(0.55) && flashpoints.length > 0
            ? random.pick(flashpoints) + random.between(-6, 6)
            : random.between(s0 + 2, s1 - 2);
        // Artillery is left to the scripted incidents: the background stays low-level.
        const kind = random.weighted(options.kinds ?? ROUTINE_KINDS);
        const side = random.chance(0.5) ? 1 : -1;
        const off = offsetFor(kind, side, random);
        const at = frontPoint(s, off);
        if (isReserved(at, t)) continue;
        // A few exchanges of fire are watched closely (a drone on the spot, a patrol
        // nearby listening): every sensor that covers them reports.
        const thorough = CORROBORATED_KINDS.has(kind) && random.chance(options.corroborated);
        const seen = observe(kind, side, at, t, random, sensors, end, thorough);
        if (thorough && new Set(seen.map((d) => d.source)).size >= 3) {
          for (const d of seen) corroborated.add(d);
          drafts.push(...seen);
        } else {
          drafts.push(...fewSources(seen, random));
        }
      }
    }
  }
  const kept = atMostTwoKinds(drafts, corroborated);
  drafts.length = 0;
  drafts.push(...kept);
  if (options.satellites) {
    // Imagery findings are kept apart from the ground activity so that a
    // routine trench or crater field does not corroborate a routine mortar
    // exchange by coincidence of time and place: corroboration in the
    // background is what the sensors really share, never an accident.
    const apart = (d: EventDraft) =>
      !drafts.some((g) => Math.abs(g.t - d.t) < 75 * MINUTE && distanceKm(g.at!, d.at!) < 11);
    drafts.push(...satellitePasses(options, isReserved).filter(apart));
  }
  return drafts;
}

/**
 * Low-level violations are mostly reported by one sensor, sometimes two.
 * (The few that every kind of sensor saw are kept whole by the caller: a
 * line produces corroborated routine every day, so corroboration alone must
 * not tell the operators what matters.)
 */
function fewSources(observations: EventDraft[], random: SeededRandom): EventDraft[] {
  if (observations.length <= 1) return observations;
  const first = observations.splice(random.int(0, observations.length - 1), 1);
  return random.chance(0.15) ? [...first, random.pick(observations)] : first;
}

/**
 * Keeps, in time order, only background reports that do not bring a third
 * kind of source into their neighbourhood (15 km, 2 h) by coincidence: three
 * unrelated reports falling close together would corroborate each other into
 * an incident nobody saw. Reports of one episode that every kind of sensor
 * really observed (`whole`) are kept.
 */
function atMostTwoKinds(drafts: EventDraft[], whole: ReadonlySet<EventDraft>): EventDraft[] {
  const kept: EventDraft[] = [];
  for (const d of [...drafts].sort((a, b) => a.t - b.t)) {
    if (whole.has(d)) {
      kept.push(d);
      continue;
    }
    const kinds = new Set([d.source]);
    for (let i = kept.length - 1; i >= 0 && d.t - kept[i]!.t < 2 * HOUR; i -= 1) {
      if (distanceKm(kept[i]!.at!, d.at!) < 15) kinds.add(kept[i]!.source);
    }
    if (kinds.size <= 2) kept.push(d);
  }
  return kept;
}

function offsetFor(kind: Kind, side: number, random: SeededRandom): number {
  switch (kind) {
    case 'small-arms':
      return side * random.between(0.2, 1.4);
    case 'fpv':
      return side * random.between(0.5, 8);
    case 'explosion':
      return side * random.between(0.5, 6);
    case 'mortar':
      return side * random.between(1.6, 5);
    case 'fortification-work':
      return side * random.between(1.8, 8);
    case 'troop-movement':
    case 'vehicle-column':
      return side * random.between(4, 25);
    case 'uav-overflight':
      return side * random.between(0.5, 10);
  }
}

const FIRING = new Set<Kind>(['fpv', 'small-arms', 'explosion', 'mortar']);
/** The routine that all sensors typically share: exchanges of fire and FPV strikes on positions. */
const CORROBORATED_KINDS = new Set<Kind>(['fpv', 'small-arms', 'mortar']);

function observe(
  kind: Kind,
  side: number,
  at: LonLat,
  t: number,
  random: SeededRandom,
  sensors: readonly MissionSensor[],
  end: number,
  thorough: boolean,
): EventDraft[] {
  const drafts: EventDraft[] = [];
  const likely = (p: number) => random.chance(thorough ? 0.95 : p);
  const covering = (k: MissionSensor['kind'], maxKm = Infinity) =>
    sensors.filter((s) => s.kind === k && senses(s, t, at) && distanceKm(s.at, at) <= maxKm);
  const nearest = (list: MissionSensor[]) =>
    list.reduce<MissionSensor | undefined>(
      (best, s) => (!best || distanceKm(s.at, at) < distanceKm(best.at, at) ? s : best),
      undefined,
    );
  const party = side > 0 ? 'A' : 'B';
  const capped = (ms: number) => Math.min(end, ms);

  if (FIRING.has(kind)) {
    const shape = firingShape(kind, random);
    const acoustic = nearest(
      covering('ground-sensor', kind === 'small-arms' ? 6 : 15).filter((s) =>
        s.id.startsWith('ACOUSTIC'),
      ),
    );
    if (acoustic && likely(0.85)) {
      const d = distanceKm(acoustic.at, at);
      drafts.push({
        id: '',
        t,
        reported: capped(t + random.int(1, 4) * MINUTE),
        source: 'ground-sensor',
        platform: acoustic.platform,
        sensor: acoustic.id,
        // An array hears the blast of a drone's warhead, not the drone.
        type: shape.heard ? 'explosion' : shape.type,
        ...(shape.subtype ? { subtype: shape.subtype } : {}),
        at: jitter(at, 0.3, random),
        precision_m: random.int(3, 8) * 100,
        confidence: round2(random.between(0.5, 0.8)),
        ...(shape.weapon && !shape.heard ? { weapon_class: shape.weapon } : {}),
        ...(shape.calibre ? { calibre_mm: shape.calibre } : {}),
        count: shape.count,
        summary: `${acoustic.id}: ${shape.heard ?? shape.phrase} located ${d.toFixed(1)} km ${compass(bearingDeg(acoustic.at, at))} of the array.`,
      });
    }
    const hearing = kind === 'small-arms' ? 8 : 20;
    const observer = nearest(covering('observer', hearing));
    if (observer && likely(0.8)) {
      const d = distanceKm(observer.at, at);
      const band = d < 1 ? 'less than 1' : d < 4 ? '1–4' : d < 8 ? '4–8' : '8–20';
      const bearing = bearingDeg(observer.at, at);
      drafts.push({
        id: '',
        t,
        reported: capped(t + random.int(12, 75) * MINUTE),
        source: 'observer',
        platform: observer.platform,
        sensor: observer.id,
        type: shape.type,
        ...(shape.subtype ? { subtype: shape.subtype } : {}),
        at: jitter(at, d / 4, random),
        precision_m: Math.max(500, Math.round(d * 250) * 2),
        confidence: round2(random.between(0.55, 0.8)),
        ...(shape.weapon ? { weapon_class: shape.weapon } : {}),
        count: shape.count,
        ...(shape.target ? { target: shape.target } : {}),
        bearing_deg: bearing,
        summary: `${observer.id} heard ${shape.phrase} ${band} km ${compass(bearing)} of its position.`,
      });
    }
    // A drone records fire only if it happens to be looking that way.
    const drone = covering('drone')[0];
    if (drone && likely(0.02)) {
      drafts.push({
        id: '',
        t,
        reported: capped(t + random.int(2, 8) * MINUTE),
        source: 'drone',
        platform: drone.platform,
        sensor: drone.id,
        type: shape.type,
        ...(shape.subtype ? { subtype: shape.subtype } : {}),
        at: jitter(at, 0.05, random),
        precision_m: random.int(5, 15) * 10,
        confidence: round2(random.between(0.7, 0.9)),
        ...(shape.weapon ? { weapon_class: shape.weapon } : {}),
        ...(shape.calibre ? { calibre_mm: shape.calibre } : {}),
        count: shape.count,
        ...(shape.target ? { target: shape.target } : {}),
        summary: `${drone.id} recorded ${shape.phrase} on the ${side > 0 ? 'Party A' : 'Party B'} side of the line.`,
      });
    }
    return drafts;
  }

  const looked = lookShape(kind, side, random);
  const drone = covering('drone')[0];
  if (drone && likely(0.35)) {
    drafts.push({
      id: '',
      t,
      reported: capped(t + random.int(3, 10) * MINUTE),
      source: 'drone',
      platform: drone.platform,
      sensor: drone.id,
      type: looked.type,
      at: jitter(at, 0.05, random),
      precision_m: random.int(5, 20) * 10,
      confidence: round2(random.between(0.65, 0.9)),
      ...(looked.weapon ? { weapon_class: looked.weapon } : {}),
      ...(looked.count ? { count: looked.count } : {}),
      ...(kind !== 'uav-overflight' ? { party } : {}),
      summary: `${drone.id} observed ${looked.phrase}.`,
    });
  }
  const observer = nearest(covering('observer', 10));
  if (observer && likely(0.5)) {
    const bearing = bearingDeg(observer.at, at);
    drafts.push({
      id: '',
      t,
      reported: capped(t + random.int(15, 80) * MINUTE),
      source: 'observer',
      platform: observer.platform,
      sensor: observer.id,
      type: looked.type,
      at: jitter(at, 0.4, random),
      precision_m: 1000,
      confidence: round2(random.between(0.6, 0.85)),
      ...(looked.weapon ? { weapon_class: looked.weapon } : {}),
      ...(looked.count ? { count: looked.count } : {}),
      bearing_deg: bearing,
      summary: `${observer.id} saw ${looked.phrase}, ${distanceKm(observer.at, at).toFixed(0)} km ${compass(bearing)} of its position.`,
    });
  }
  const seismic = nearest(
    covering('ground-sensor').filter((s) => s.id.startsWith('SEISMIC') || s.id.startsWith('CAM')),
  );
  if (seismic && (kind === 'troop-movement' || kind === 'vehicle-column') && likely(0.8)) {
    drafts.push({
      id: '',
      t,
      reported: capped(t + MINUTE),
      source: 'ground-sensor',
      platform: seismic.platform,
      sensor: seismic.id,
      type: looked.type,
      at: jitter(at, 0.2, random),
      precision_m: 300,
      confidence: round2(random.between(0.45, 0.7)),
      summary: `${seismic.id}: ${looked.phrase}.`,
    });
  }
  return drafts;
}

interface FiringShape {
  type: string;
  subtype?: string;
  weapon?: WeaponClass;
  calibre?: number;
  count: number;
  target?: Target;
  phrase: string;
  /** What an acoustic array makes of it, when it hears less than the others see. */
  heard?: string;
}

function firingShape(kind: Kind, random: SeededRandom): FiringShape {
  switch (kind) {
    case 'fpv': {
      const count = random.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const);
      const what = random.pick(['a trench position', 'a dugout', 'a parked military truck']);
      return {
        type: 'drone-strike',
        subtype: 'impact',
        weapon: 'uav',
        count,
        target: 'military',
        phrase: `${count} FPV drone strike${count > 1 ? 's' : ''} on ${what}`,
        heard: `${count} small explosion${count > 1 ? 's' : ''} (impact)`,
      };
    }
    case 'small-arms': {
      const count = random.int(2, 12);
      return {
        type: 'small-arms-fire',
        weapon: 'small-arms',
        count,
        phrase: `${count} bursts of small-arms and heavy-machine-gun fire`,
      };
    }
    case 'explosion': {
      const count = random.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
        [5, 1],
      ] as const);
      const subtype = random.weighted([
        ['undetermined', 5],
        ['impact', 2],
        ['outgoing', 1],
        ['airburst', 0.5],
      ] as const);
      return {
        type: 'explosion',
        subtype,
        weapon: 'unknown',
        count,
        phrase: `${count} ${subtype} explosion${count > 1 ? 's' : ''}`,
      };
    }
    case 'mortar': {
      const count = random.int(2, 9);
      const calibre = random.pick([60, 82, 82]);
      return {
        type: 'mortar-fire',
        subtype: random.pick(['impact', 'outgoing']),
        weapon: 'mortar',
        calibre,
        count,
        phrase: `${count} rounds of ${calibre} mm mortar fire`,
      };
    }
    default:
      throw new Error(`not a firing kind: ${kind}`);
  }
}

function lookShape(kind: Kind, side: number, random: SeededRandom) {
  const who = side > 0 ? 'Party A' : 'Party B';
  switch (kind) {
    case 'troop-movement': {
      const count = random.int(6, 40);
      return {
        type: 'troop-movement',
        count,
        weapon: undefined,
        phrase: `about ${count} ${who} personnel moving between positions on foot`,
      };
    }
    case 'fortification-work':
      return {
        type: 'fortification-work',
        count: undefined,
        weapon: undefined,
        phrase: random.pick([
          `${who} personnel extending a trench line by about 150 m`,
          `a new ${who} dugout under construction with an excavator`,
          `${who} personnel laying anti-tank mines beside a road`,
          `fresh earthworks at a ${who} position`,
        ]),
      };
    case 'uav-overflight':
      return {
        type: 'uav-overflight',
        count: 1,
        weapon: 'uav' as WeaponClass,
        phrase: 'an unidentified small UAV flying along the line',
      };
    case 'vehicle-column': {
      const count = random.int(3, 14);
      return {
        type: 'vehicle-column',
        count,
        weapon: random.chance(0.3) ? ('armoured-vehicle' as WeaponClass) : undefined,
        phrase: `a column of ${count} ${who} military trucks and infantry fighting vehicles on a supply road`,
      };
    }
    default:
      throw new Error(`not an observation kind: ${kind}`);
  }
}

/** A place on the front: km along it, km off the line, and where that is. */
interface FrontPlace {
  s: number;
  off: number;
  at: LonLat;
}

function satellitePasses(
  options: BackgroundOptions,
  isReserved: (at: LonLat, t: number) => boolean,
): EventDraft[] {
  const { random, start, end, sensors } = options;
  const drafts: EventDraft[] = [];
  const spans = options.sectors.map(sectorSpan);
  /** Anywhere in the active sectors, on either side, offMin–offMax km from the line. */
  const somewhere = (offMin: number, offMax: number): FrontPlace => {
    const [s0, s1] = random.pick(spans);
    const s = random.between(s0 + 3, s1 - 3);
    const off = (random.chance(0.5) ? 1 : -1) * random.between(offMin, offMax);
    return { s, off, at: frontPoint(s, off) };
  };
  /** Somewhere inside the scene imaged, offMin–offMax km from the line; null if it holds none. */
  const inScene = (ring: readonly LonLat[], offMin: number, offMax: number): FrontPlace | null => {
    const centre: LonLat = [
      ring.slice(0, -1).reduce((a, p) => a + p[0], 0) / (ring.length - 1),
      ring.slice(0, -1).reduce((a, p) => a + p[1], 0) / (ring.length - 1),
    ];
    // The scenes are narrow strips across the line: find the stretch of front they span.
    let sMid = 0;
    let best = Infinity;
    for (let s = 0; s <= TRACE_LENGTH_KM; s += 2) {
      const d = distanceKm(frontPoint(s, 0), centre);
      if (d < best) [best, sMid] = [d, s];
    }
    for (let tries = 0; tries < 40; tries += 1) {
      const s = sMid + random.between(-12, 12);
      const off = (random.chance(0.5) ? 1 : -1) * random.between(offMin, offMax);
      const at = frontPoint(s, off);
      if (inRing(ring, at)) return { s, off, at };
    }
    return null;
  };
  for (const sat of SATELLITES) {
    const sensor = sensors.find((s) => s.id === sat.id);
    if (!sensor) continue;
    for (const [from, to] of sensor.windows) {
      if (from < start || to > end) continue;
      const day = Math.floor((from - options.localDayOne) / (24 * HOUR)) + 1;
      if (options.cloudBlocked.some(([id, d]) => id === sat.id && d === day)) continue;
      const scene = footprintAt(sensor, from);
      const findings = sat.id.startsWith('THERM')
        ? random.int(3, 7)
        : sat.id.startsWith('SAR')
          ? random.int(2, 5)
          : random.int(3, 6);
      for (let i = 0; i < findings; i += 1) {
        const t = from + random.int(0, (to - from) / 1000) * 1000;
        const reported = Math.min(end, t + random.int(40, 150) * MINUTE);
        const base = {
          id: '',
          t,
          reported,
          source: 'satellite' as const,
          platform: sat.platform,
          sensor: sat.id,
        };
        let draft: EventDraft | null = null;
        if (sat.id.startsWith('THERM')) {
          // Wide swath, coarse pixels: fires anywhere on the island, never what burns.
          const nearLine = random.chance(0.6);
          const place = nearLine ? somewhere(0.3, 3) : somewhere(12, 40);
          draft = {
            ...base,
            type: 'thermal-hotspot',
            at: place.at,
            precision_m: 375,
            confidence: round2(nearLine ? random.between(0.3, 0.55) : random.between(0.15, 0.35)),
            summary: nearLine
              ? `${sat.id}: thermal anomaly ${Math.abs(place.off).toFixed(1)} km from the line (fire radiative power ${random.int(3, 25)} MW).`
              : `${sat.id}: thermal anomaly in farmland ${Math.abs(place.off).toFixed(0)} km from the line (fire radiative power ${random.int(2, 9)} MW).`,
          };
        } else if (scene && sat.id.startsWith('SAR')) {
          // Radar over the rear areas: vehicles coming and going at depots, and
          // weapons parked at the declared storage sites beyond the withdrawal lines.
          const storage = random.chance(0.35);
          const place = storage ? inScene(scene.ring, 55, 84) : inScene(scene.ring, 20, 50);
          if (!place) continue;
          const who = place.off > 0 ? 'Party A' : 'Party B';
          const party = place.off > 0 ? 'A' : 'B';
          const count = storage ? random.int(8, 24) : random.int(6, 30);
          const mlrs = storage && Math.abs(place.off) > 72 && random.chance(0.5);
          draft = storage
            ? {
                ...base,
                type: 'heavy-weapon-sighting',
                subtype: 'storage-site',
                at: place.at,
                precision_m: 10,
                confidence: round2(random.between(0.6, 0.8)),
                weapon_class: mlrs ? 'mlrs' : 'artillery',
                count,
                party,
                summary: `${sat.id} (${scene.scene}): ${count} ${mlrs ? 'rocket launchers' : 'towed howitzers'} parked in rows at a declared ${who} storage site ${Math.abs(place.off).toFixed(0)} km behind the line, beyond the withdrawal line and consistent with the declared holdings.`,
              }
            : {
                ...base,
                type: 'vehicle-column',
                subtype: 'change-detection',
                at: place.at,
                precision_m: 40,
                confidence: round2(random.between(0.45, 0.7)),
                count,
                party,
                summary: `${sat.id} change detection (${scene.scene}): about ${count} vehicle-sized returns appeared at a ${who} logistics area ${Math.abs(place.off).toFixed(0)} km behind the line.`,
              };
        } else if (scene) {
          // Optical: what 0.5 m shows near the line in the scene imaged.
          const what = random.weighted([
            ['fortification', 4],
            ['craters', 3],
          ] as const);
          const place = inScene(scene.ring, 0.5, 6);
          if (!place) continue;
          const who = place.off > 0 ? 'Party A' : 'Party B';
          const count = random.int(4, 30);
          draft =
            what === 'fortification'
              ? {
                  ...base,
                  type: 'fortification-work',
                  at: place.at,
                  precision_m: 5,
                  confidence: round2(random.between(0.6, 0.85)),
                  party: place.off > 0 ? 'A' : 'B',
                  summary: `${sat.id} imagery (${scene.scene}): new trench segments and vehicle tracks at a ${who} position ${Math.abs(place.off).toFixed(1)} km from the line, absent in the previous image.`,
                }
              : {
                  ...base,
                  type: 'crater-field',
                  at: place.at,
                  precision_m: 5,
                  confidence: round2(random.between(0.6, 0.85)),
                  count,
                  summary: `${sat.id} imagery (${scene.scene}): ${count} fresh craters in fields on the ${who} side, ${Math.abs(place.off).toFixed(1)} km from the line.`,
                };
        }
        if (!draft) continue;
        if (draft.at && isReserved(draft.at, t)) continue;
        drafts.push(draft);
      }
    }
  }
  return drafts;
}

function jitter(at: LonLat, km: number, random: SeededRandom): LonLat {
  return shiftKm(at, random.between(-km, km), random.between(-km, km));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
