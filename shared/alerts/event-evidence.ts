// What one report contributes to an alert, before the alert combines its
// reports (docs/ALERTS-AND-SEVERITY.md, version 2). Gravity asks "how serious
// if true", so its factors do not depend on the report's confidence; they do
// depend on how precisely the report is located (the share of its circle of
// uncertainty inside a zone, or within a distance of the line). Certainty
// asks "how sure", from the report's confidence, its source's reliability
// and its precision.
import { discCoverage, discWithinDistance } from '../geo/disc-coverage';
import type { ReplayEvent, Zone } from '../scenario/loaded-scenario';
import type { PeopleCount, ScenarioEvent, Source } from '../scenario/schema';
import { SOURCES } from '../scenario/schema';
import {
  HEAVY_WEAPONS,
  type CountUnit,
  type EventRole,
  type ScoringModel,
  type TypeWeight,
} from './scoring-model';

/** The gravity factors a single report carries; the alert keeps the highest of each. */
export const EVENT_FACTORS = [
  'act',
  'weapon',
  'place',
  'separation',
  'line',
  'protected',
  'mission',
] as const;
export type EventFactor = (typeof EVENT_FACTORS)[number];
export const F_ACT = 0;
export const F_WEAPON = 1;
export const F_PLACE = 2;
export const F_SEPARATION = 3;
export const F_LINE = 4;
export const F_PROTECTED = 5;
export const F_MISSION = 6;

/** Shared by every report with no place factor: none of its factors needs a reason. */
const NO_DETAILS: readonly (PlaceDetail | null)[] = Object.freeze(EVENT_FACTORS.map(() => null));

/** Bands of gravity, as the floors name them. */
export const FLOOR_MEDIUM = 40;
export const FLOOR_HIGH = 60;
export const FLOOR_CRITICAL = 80;

/** When a report of a role names its weapon, locates it, or locates an impact. */
interface RoleRules {
  /** Fire, explosions and strikes: separation zones, the line, sustained exchange, targets. */
  fire: boolean;
  /** Reports the weapon itself: 'unless-impact', 'outgoing' (only with subtype outgoing), or plain. */
  weapon: 'always' | 'unless-impact' | 'outgoing' | 'never';
  /** Locates the weapon (firing point): the place-of-weapon factor. */
  locates: 'unless-impact' | 'outgoing' | 'never';
  /** Locates where fire landed: fire on protected places. */
  impact: 'always' | 'unless-outgoing' | 'impact-subtype' | 'never';
  /** Forces or works present: inside demilitarized or disengagement areas. */
  presence: boolean;
}

const NONE: RoleRules = {
  fire: false,
  weapon: 'never',
  locates: 'never',
  impact: 'never',
  presence: false,
};

/** The contract's rules of which report says what (docs/ALERTS-AND-SEVERITY.md, Gravity). */
export const EVENT_ROLES: Readonly<Record<EventRole, RoleRules>> = {
  fire: {
    fire: true,
    weapon: 'unless-impact',
    locates: 'unless-impact',
    impact: 'impact-subtype',
    presence: false,
  },
  clash: { fire: true, weapon: 'always', locates: 'never', impact: 'never', presence: true },
  explosion: {
    fire: true,
    weapon: 'outgoing',
    locates: 'outgoing',
    impact: 'unless-outgoing',
    presence: false,
  },
  strike: { fire: true, weapon: 'always', locates: 'never', impact: 'always', presence: false },
  impact: { fire: true, weapon: 'never', locates: 'never', impact: 'always', presence: false },
  sighting: { ...NONE, weapon: 'unless-impact', locates: 'unless-impact', presence: true },
  presence: { ...NONE, weapon: 'always', presence: true },
  works: { ...NONE, presence: true },
  harm: NONE,
  detection: NONE,
  mission: NONE,
  note: NONE,
};

/** A located reason for a place factor. */
export interface PlaceDetail {
  zone: Zone | null;
  kind:
    | 'prohibited-class'
    | 'over-max-calibre'
    | 'heavy-in-settlement'
    | 'presence'
    | 'prohibited-flight'
    | 'separation'
    | 'impact-in'
    | 'target'
    | 'line';
  /** Share of the circle of uncertainty inside the zone (or within the distance), 0–1. */
  share: number;
  /** 1 / (1 + precision / scale): how precisely the report is located. */
  precisionWeight: number;
}

/** Harm figures of one report (best estimates) and their points. */
export interface HarmFigures {
  killed: number;
  civilianKilled: number;
  injured: number;
  civilianInjured: number;
  points: number;
}

/** One report, evaluated. */
export interface EventEvidence {
  readonly replay: ReplayEvent;
  readonly weight: TypeWeight;
  readonly rules: RoleRules;
  readonly compliant: boolean;
  /** The act points this report claims (the alert's lead is its highest). */
  readonly act: number;
  /** Gravity per EVENT_FACTORS (0 for a clearing report: clearing never raises gravity). */
  readonly values: readonly number[];
  readonly details: readonly (PlaceDetail | null)[];
  readonly weaponClass: string | null;
  /** Its own confidence (or the model default). */
  readonly confidence: number;
  /** confidence × the source's reliability: how far its figures are trusted. */
  readonly trust: number;
  /** trust × precision weight: what it adds to certainty. */
  readonly certainty: number;
  readonly precisionWeight: number;
  readonly harm: HarmFigures | null;
  readonly unit: CountUnit | null;
  readonly count: number;
  /** Points of its `count` in its own unit (rounds are never added to vehicles). */
  readonly scalePoints: number;
  /** Index of its source kind in SOURCES. */
  readonly kind: number;
  /** Fire that can make a sustained exchange. */
  readonly sustains: boolean;
  /** Where the weapon was, or where the fire landed (for fire across the line). */
  readonly origin: boolean;
  readonly impact: boolean;
  /** The floor this report alone sets (0 none), and why. */
  readonly floor: number;
  readonly floorReason: string | null;
  /** Compatibility groups (certainty): reports agree when they share one. */
  readonly groups: readonly string[];
  /** The same as numbers (1 and up; 0 stands for the alert's assessments). */
  readonly groupIds: readonly number[];
  /** A hash of what it claims (type, subtype, weapon, calibre, count, harm, target, place, precision). */
  readonly signature: number;
}

/** Best estimate of a people count (0 when absent). */
export function bestOf(count: PeopleCount | undefined): number {
  if (count === undefined) return 0;
  return typeof count === 'number' ? count : count.best;
}

/** The `killed` figure of an event: `casualties` (version 1) is read as `killed`. */
export function killedOf(event: ScenarioEvent): PeopleCount | undefined {
  return event.killed ?? event.casualties;
}

/** The model's entry for an event type (unknown and `x-` types share the default). */
export function typeWeightOf(model: ScoringModel, type: string): TypeWeight {
  return model.event_types[type as keyof ScoringModel['event_types']] ?? model.unknown_type;
}

/** 1 / (1 + precision / scale): 1 for a point, 0.5 at the model's scale. */
export function precisionWeightOf(model: ScoringModel, precisionM: number | undefined): number {
  const p = precisionM ?? model.precision.default_m;
  return 1 / (1 + p / model.precision.scale_m);
}

/** Harm points of best figures: strictly growing in each, never saturating. */
export function harmPoints(model: ScoringModel, f: Omit<HarmFigures, 'points'>): number {
  const h = model.harm;
  return (
    h.killed_per_doubling * Math.log2(1 + f.killed) +
    h.civilian_killed_per_doubling * Math.log2(1 + f.civilianKilled) +
    h.injured_per_doubling * Math.log2(1 + f.injured) +
    h.civilian_injured_per_doubling * Math.log2(1 + f.civilianInjured)
  );
}

function hasHarm(event: ScenarioEvent): boolean {
  return (
    (event.killed ??
      event.casualties ??
      event.injured ??
      event.civilian_killed ??
      event.civilian_injured) !== undefined
  );
}

function harmOf(model: ScoringModel, event: ScenarioEvent): HarmFigures | null {
  if (!hasHarm(event)) return null;
  const civilianKilled = bestOf(event.civilian_killed);
  const civilianInjured = bestOf(event.civilian_injured);
  // A civilian figure with no total counts as the total too.
  const figures = {
    killed: Math.max(bestOf(killedOf(event)), civilianKilled),
    civilianKilled,
    injured: Math.max(bestOf(event.injured), civilianInjured),
    civilianInjured,
  };
  return { ...figures, points: harmPoints(model, figures) };
}

// A hash of what a report claims, cheap enough for every fire report: FNV-1a
// mixed over the fields' text and numbers, without building a string.
const NUMBER_BITS = new Float64Array(1);
const NUMBER_WORDS = new Uint32Array(NUMBER_BITS.buffer);

function mixText(h: number, text: string | undefined): number {
  if (text === undefined) return Math.imul(h ^ 0x2f, 0x01000193);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

function mixNumber(h: number, value: number | undefined): number {
  if (value === undefined) return Math.imul(h ^ 0x3f, 0x01000193);
  NUMBER_BITS[0] = value;
  h = Math.imul(h ^ NUMBER_WORDS[0]!, 0x01000193);
  return Math.imul(h ^ NUMBER_WORDS[1]!, 0x01000193);
}

function mixPeople(h: number, count: PeopleCount | undefined): number {
  if (count === undefined || typeof count === 'number') return mixNumber(h, count);
  return mixNumber(mixNumber(mixNumber(h ^ 0x5f, count.low), count.best), count.high);
}

/** A hash of a report's claims: equal for a repeat (invariant 1), whatever its source, time and confidence. */
export function claimSignature(event: ScenarioEvent): number {
  let h = 0x811c9dc5;
  h = mixText(h, event.type);
  h = mixText(h, event.subtype);
  h = mixText(h, event.weapon_class);
  h = mixNumber(h, event.calibre_mm);
  h = mixNumber(h, event.count);
  h = mixPeople(h, killedOf(event));
  h = mixPeople(h, event.injured);
  h = mixPeople(h, event.civilian_killed);
  h = mixPeople(h, event.civilian_injured);
  h = mixText(h, event.target);
  h = mixText(h, event.assessment);
  h = mixNumber(h, event.lat);
  h = mixNumber(h, event.lon);
  h = mixNumber(h, event.precision_m);
  // A small integer (a tagged value in V8): cheaper in sets and lists than a heap number.
  return h | 0;
}

/** Everything an evaluation needs besides the model: zones by id and the groups table. */
export interface ScoringContext {
  readonly model: ScoringModel;
  readonly zonesById: ReadonlyMap<string, Zone>;
  /** Compatibility groups per event type. */
  readonly groupsOf: (type: string) => readonly string[];
  /** The same as numbers (each group's, from 1; stable for the context's life). */
  readonly groupIdsOf: (type: string) => readonly number[];
  /**
   * The parties to the ceasefire (role `party`): only their aircraft are banned
   * where a zone prohibits the class; the mission's own are exempt. Null: any
   * party a report names.
   */
  readonly flyingParties: ReadonlySet<string> | null;
}

/** Builds the context once per engine. */
export function scoringContext(
  model: ScoringModel,
  zones: Iterable<Zone>,
  flyingParties: Iterable<string> | null = null,
): ScoringContext {
  const table = new Map<string, string[]>();
  for (const [group, types] of Object.entries(model.certainty.compatibility)) {
    for (const type of types) {
      const list = table.get(type) ?? [];
      if (!list.includes(group)) list.push(group);
      table.set(type, list);
    }
  }
  const own = new Map<string, readonly string[]>();
  const zonesById = new Map<string, Zone>();
  for (const z of zones) zonesById.set(z.id, z);
  const groupsOf = (type: string): readonly string[] => {
    const listed = table.get(type);
    if (listed) return listed;
    // A type in no group agrees only with reports of its own type.
    let mine = own.get(type);
    if (!mine) {
      mine = [`type:${type}`];
      own.set(type, mine);
    }
    return mine;
  };
  const numbers = new Map<string, number>();
  const idsByType = new Map<string, readonly number[]>();
  const groupIdsOf = (type: string): readonly number[] => {
    let ids = idsByType.get(type);
    if (!ids) {
      ids = groupsOf(type).map((g) => {
        let n = numbers.get(g);
        if (n === undefined) {
          n = numbers.size + 1;
          numbers.set(g, n);
        }
        return n;
      });
      idsByType.set(type, ids);
    }
    return ids;
  };
  const parties = flyingParties === null ? null : new Set(flyingParties);
  return { model, zonesById, groupsOf, groupIdsOf, flyingParties: parties };
}

const SOURCE_KIND: Readonly<Record<string, number>> = Object.fromEntries(
  SOURCES.map((s, i) => [s, i]),
);
/** Index of a source kind in SOURCES. */
export function sourceIndex(source: Source): number {
  return SOURCE_KIND[source] ?? 0;
}
const NO_VALUES: number[] = [0, 0, 0, 0, 0, 0, 0];

function applies(
  rule: 'always' | 'unless-impact' | 'outgoing' | 'never',
  subtype: string | undefined,
) {
  // A weapon seen in a firing position is located, by any report that can name a weapon.
  if (subtype === 'firing-position') return rule !== 'never';
  if (rule === 'always') return true;
  if (rule === 'unless-impact') return subtype !== 'impact';
  if (rule === 'outgoing') return subtype === 'outgoing';
  return false;
}

function impactApplies(rule: RoleRules['impact'], subtype: string | undefined): boolean {
  if (subtype === 'firing-position') return false;
  if (rule === 'always') return true;
  if (rule === 'unless-outgoing') return subtype !== 'outgoing';
  if (rule === 'impact-subtype') return subtype === 'impact';
  return false;
}

function scalePointsOf(
  model: ScoringModel,
  unit: CountUnit | null,
  count: number | undefined,
): number {
  if (unit === null || count === undefined) return 0;
  const rule = model.scale[unit];
  return rule ? Math.min(rule.max_points, rule.per_doubling * Math.log2(count)) : 0;
}

/**
 * The state of the evaluation in progress. Evaluations never nest, so one
 * object serves them all: no closure or state object is made per report.
 */
const current = {
  values: [0, 0, 0, 0, 0, 0, 0],
  details: NO_DETAILS as (PlaceDetail | null)[],
  lon: 0,
  lat: 0,
  radiusKm: 0,
  directions: 32,
  precisionWeight: 1,
  shareZone: null as Zone | null,
  share: 1,
  floor: 0,
  floorReason: null as string | null,
};

/** Offers a zone's points to a factor: weighted by the share of the circle in it and precision. */
function offer(factor: number, points: number, zone: Zone, kind: PlaceDetail['kind']): void {
  if (points <= 0) return;
  const c = current;
  // Each zone is measured once, and only when a factor there has points.
  if (c.shareZone !== zone) {
    c.share = discCoverage(zone, c.lon, c.lat, c.radiusKm, c.directions);
    c.shareZone = zone;
  }
  const value = points * c.share * c.precisionWeight;
  if (value > c.values[factor]!) {
    c.values[factor] = value;
    if (c.details === NO_DETAILS) c.details = EVENT_FACTORS.map(() => null);
    c.details[factor] = { zone, kind, share: c.share, precisionWeight: c.precisionWeight };
  }
}

/** How a located weapon is described: firing, in a firing position, or only there. */
function howOf(rules: RoleRules, subtype: string | undefined): string {
  if (rules.fire) return 'firing from inside';
  return subtype === 'firing-position' ? 'in a firing position inside' : 'inside';
}

/** Raises the report's floor (reasons are made only when one applies). */
function raise(level: number, why: () => string): void {
  if (level > current.floor) {
    current.floor = level;
    current.floorReason = why();
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A reusable evaluation for callers that use each result at once and keep
 * nothing of it (the engine's hot path): `evaluateEvent(ctx, replay, into)`
 * then fills this object instead of making one per report.
 */
export function evaluationScratch(): EventEvidence {
  return {
    replay: null as unknown as ReplayEvent,
    weight: null as unknown as TypeWeight,
    rules: NONE,
    compliant: false,
    act: 0,
    values: [0, 0, 0, 0, 0, 0, 0],
    details: NO_DETAILS,
    weaponClass: null,
    confidence: 0,
    trust: 0,
    certainty: 0,
    precisionWeight: 1,
    harm: null,
    unit: null,
    count: 1,
    scalePoints: 0,
    kind: 0,
    sustains: false,
    origin: false,
    impact: false,
    floor: 0,
    floorReason: null,
    groups: [],
    groupIds: [],
    signature: 0,
  };
}

/**
 * Evaluates one report against the model: a new object, or `into` filled
 * (whose previous result is then gone).
 */
export function evaluateEvent(
  ctx: ScoringContext,
  replay: ReplayEvent,
  into?: EventEvidence,
): EventEvidence {
  const { model, zonesById } = ctx;
  const event = replay.event;
  const weight = typeWeightOf(model, event.type);
  const compliant = event.subtype === 'compliant';
  const clears = event.assessment === 'clears';
  const rules = compliant ? NONE : EVENT_ROLES[weight.role];
  const subtype = event.subtype;
  const confidence = event.confidence ?? model.certainty.default_confidence;
  const source = model.certainty.sources[event.source];
  const trust = confidence * source.reliability;
  const precisionWeight = precisionWeightOf(model, event.precision_m);
  const located = event.lat !== undefined && event.lon !== undefined;
  // A plain array of doubles: cheaper to make than a typed array, once per report.
  const values = into ? (into.values as number[]) : [0, 0, 0, 0, 0, 0, 0];
  if (into) values.fill(0);
  const c = current;
  c.values = values;
  c.details = NO_DETAILS as (PlaceDetail | null)[];
  c.lon = event.lon ?? 0;
  c.lat = event.lat ?? 0;
  c.radiusKm = (event.precision_m ?? model.precision.default_m) / 1000;
  c.directions = model.precision.directions;
  c.precisionWeight = precisionWeight;
  c.shareZone = null;
  c.floor = 0;
  c.floorReason = null;
  const weaponClass = event.weapon_class ?? weight.weapon ?? null;
  const weaponModel = weaponClass
    ? model.weapons.classes[weaponClass as keyof ScoringModel['weapons']['classes']]
    : undefined;
  const placeWeight = weaponModel?.place_weight ?? model.weapons.default_place_weight;
  const reportsWeapon = applies(rules.weapon, subtype);
  const locates =
    applies(rules.locates, subtype) || (subtype === 'firing-position' && reportsWeapon);
  const impact = impactApplies(rules.impact, subtype);

  values[F_ACT] = compliant ? model.compliant.act : weight.act;
  if (reportsWeapon && weaponClass) {
    const calibre =
      event.calibre_mm === undefined
        ? 0
        : Math.min(
            model.weapons.calibre_max_points,
            event.calibre_mm * model.weapons.calibre_points_per_mm,
          );
    values[F_WEAPON] = (weaponModel?.points ?? 0) + calibre;
  }

  const heavy = weaponClass !== null && HEAVY_WEAPONS.has(weaponClass);
  // Invariant 6 floors heavy weapons *firing* (or in a firing position) from a
  // settlement or a zone prohibiting them; a sighting alone is judged by its factors.
  const firing = rules.fire || subtype === 'firing-position';
  // A party's aircraft seen flying (docs/ALERTS-AND-SEVERITY.md, Gravity): the
  // report names its class and the party, and the party is one of the parties
  // to the ceasefire, so the mission's own drones and unattributed sightings
  // claim no flight ban.
  const flight =
    !compliant &&
    weight.flight !== undefined &&
    event.weapon_class === weight.flight &&
    event.party !== undefined &&
    (ctx.flyingParties === null || ctx.flyingParties.has(event.party))
      ? weight.flight
      : null;
  if (located) {
    const place = model.place_of_weapon;
    for (const zoneId of replay.zoneIds) {
      const zone = zonesById.get(zoneId);
      if (!zone) continue;
      const kind = zone.kind;
      if (kind === 'sector') continue;
      if (locates && weaponClass) {
        if (zone.prohibited?.includes(weaponClass as never)) {
          offer(F_PLACE, place.prohibited_class * placeWeight, zone, 'prohibited-class');
          if (heavy && firing)
            raise(
              FLOOR_HIGH,
              () =>
                `${weaponModel?.label ?? weaponClass} ${howOf(rules, subtype)} ${zone.name}, where it is prohibited`,
            );
        }
        if (
          event.calibre_mm !== undefined &&
          zone.max_calibre_mm !== undefined &&
          event.calibre_mm > zone.max_calibre_mm
        ) {
          offer(F_PLACE, place.over_max_calibre * placeWeight, zone, 'over-max-calibre');
          if (heavy && firing)
            raise(
              FLOOR_HIGH,
              () =>
                `${event.calibre_mm} mm ${howOf(rules, subtype)} ${zone.name} (limit ${zone.max_calibre_mm} mm)`,
            );
        }
        if (kind === 'settlement' && heavy) {
          offer(F_PLACE, place.heavy_in_settlement, zone, 'heavy-in-settlement');
          if (firing)
            raise(
              FLOOR_HIGH,
              () => `${weaponModel?.label ?? weaponClass} ${howOf(rules, subtype)} ${zone.name}`,
            );
        }
      }
      if (flight && zone.prohibited?.includes(flight))
        offer(F_PLACE, place.prohibited_flight ?? 0, zone, 'prohibited-flight');
      const presence =
        kind === 'demilitarized-zone' || kind === 'disengagement-area' || kind === 'buffer-zone'
          ? kind
          : null;
      if (rules.presence && presence)
        offer(F_PLACE, place.presence[presence] ?? 0, zone, 'presence');
      if (rules.fire && presence) {
        offer(
          F_SEPARATION,
          (model.separation_fire[presence] ?? 0) * placeWeight,
          zone,
          'separation',
        );
      }
      if (impact && (kind === 'settlement' || kind === 'infrastructure')) {
        offer(F_PROTECTED, model.protected_places[kind] * placeWeight, zone, 'impact-in');
      }
    }
    const line = model.line_of_contact;
    if (rules.fire && replay.lineDistanceKm !== null && replay.lineDistanceKm < line.radius_km) {
      const within = discWithinDistance(replay.lineDistanceKm, c.radiusKm, line.radius_km);
      const value =
        line.max_points *
        (1 - replay.lineDistanceKm / line.radius_km) *
        placeWeight *
        within *
        precisionWeight;
      if (value > 0) {
        values[F_LINE] = value;
        if (c.details === NO_DETAILS) c.details = EVENT_FACTORS.map(() => null);
        c.details[F_LINE] = { zone: null, kind: 'line', share: within, precisionWeight };
      }
    }
  }
  const target = event.target;
  if (rules.fire && (target === 'civilian' || target === 'infrastructure')) {
    const points = model.protected_places.target[target] * placeWeight;
    if (points > values[F_PROTECTED]!) {
      values[F_PROTECTED] = points;
      if (c.details === NO_DETAILS) c.details = EVENT_FACTORS.map(() => null);
      c.details[F_PROTECTED] = { zone: null, kind: 'target', share: 1, precisionWeight: 1 };
    }
  }
  // Fire at the mission counts even from a compliant report (its rules are
  // NONE): attacks on the mission win over compliance.
  if (target === 'mission' && EVENT_ROLES[weight.role].fire) {
    values[F_MISSION] = model.mission.fire;
    raise(FLOOR_HIGH, () => 'fire at the monitoring mission');
  } else if (weight.role === 'mission' && (target === undefined || target === 'mission')) {
    const jamming = event.type === 'jamming' || event.subtype === 'jamming';
    values[F_MISSION] = jamming ? model.mission.jamming : model.mission.movement_restriction;
    raise(FLOOR_MEDIUM, () =>
      jamming ? 'jamming of the monitoring mission' : 'the mission denied access',
    );
  }

  const harm = clears ? null : harmOf(model, event);
  const unit = compliant || clears ? null : (weight.count_of ?? null);
  let details = c.details;
  let floor = c.floor;
  let floorReason = c.floorReason;
  if (clears) {
    // A clearing report never raises gravity: it only clears (certainty).
    values.fill(0);
    details = NO_DETAILS as (PlaceDetail | null)[];
    floor = 0;
    floorReason = null;
  }
  // Nothing of this evaluation stays in the shared state.
  c.values = NO_VALUES;
  c.details = NO_DETAILS as (PlaceDetail | null)[];
  c.shareZone = null;
  const act = compliant ? model.compliant.act : weight.act;
  const scalePoints = scalePointsOf(model, unit, event.count);
  const kind = SOURCE_KIND[event.source] ?? 0;
  // Only what a repeat could count twice needs it (sustained fire, harm, clearing).
  const signature = rules.fire || harm !== null || clears ? claimSignature(event) : 0;
  if (into) {
    const r = into as Mutable<EventEvidence>;
    r.replay = replay;
    r.weight = weight;
    r.rules = rules;
    r.compliant = compliant;
    r.act = act;
    r.details = details;
    r.weaponClass = weaponClass;
    r.confidence = confidence;
    r.trust = trust;
    r.certainty = trust * precisionWeight;
    r.precisionWeight = precisionWeight;
    r.harm = harm;
    r.unit = unit;
    r.count = event.count ?? 1;
    r.scalePoints = scalePoints;
    r.kind = kind;
    r.sustains = rules.fire && !clears;
    r.origin = located && locates && !clears;
    r.impact = located && impact && !clears;
    r.floor = floor;
    r.floorReason = floorReason;
    r.groups = ctx.groupsOf(event.type);
    r.groupIds = ctx.groupIdsOf(event.type);
    r.signature = signature;
    return into;
  }
  return {
    replay,
    weight,
    rules,
    compliant,
    act,
    values,
    details,
    weaponClass,
    confidence,
    trust,
    certainty: trust * precisionWeight,
    precisionWeight,
    harm,
    unit,
    count: event.count ?? 1,
    scalePoints,
    kind,
    sustains: rules.fire && !clears,
    origin: located && locates && !clears,
    impact: located && impact && !clears,
    floor,
    floorReason,
    groups: ctx.groupsOf(event.type),
    groupIds: ctx.groupIdsOf(event.type),
    signature,
  };
}
