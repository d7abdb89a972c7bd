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
  readonly values: Float64Array;
  readonly details: (PlaceDetail | null)[];
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
    event.killed !== undefined ||
    event.casualties !== undefined ||
    event.injured !== undefined ||
    event.civilian_killed !== undefined ||
    event.civilian_injured !== undefined
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

/** FNV-1a over a string, as a non-negative number. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function signatureOf(event: ScenarioEvent): number {
  return hashText(
    JSON.stringify([
      event.type,
      event.subtype ?? null,
      event.weapon_class ?? null,
      event.calibre_mm ?? null,
      event.count ?? null,
      killedOf(event) ?? null,
      event.injured ?? null,
      event.civilian_killed ?? null,
      event.civilian_injured ?? null,
      event.target ?? null,
      event.assessment ?? null,
      event.lat ?? null,
      event.lon ?? null,
      event.precision_m ?? null,
    ]),
  );
}

/** Everything an evaluation needs besides the model: zones by id and the groups table. */
export interface ScoringContext {
  readonly model: ScoringModel;
  readonly zonesById: ReadonlyMap<string, Zone>;
  /** Compatibility groups per event type. */
  readonly groupsOf: (type: string) => readonly string[];
}

/** Builds the context once per engine. */
export function scoringContext(model: ScoringModel, zones: Iterable<Zone>): ScoringContext {
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
  return {
    model,
    zonesById,
    groupsOf: (type) => {
      const listed = table.get(type);
      if (listed) return listed;
      // A type in no group agrees only with reports of its own type.
      let mine = own.get(type);
      if (!mine) {
        mine = [`type:${type}`];
        own.set(type, mine);
      }
      return mine;
    },
  };
}

const SOURCE_INDEX = new Map<Source, number>(SOURCES.map((s, i) => [s, i]));
/** Index of a source kind in SOURCES. */
export function sourceIndex(source: Source): number {
  return SOURCE_INDEX.get(source) ?? 0;
}

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

/** Evaluates one report against the model. */
export function evaluateEvent(ctx: ScoringContext, replay: ReplayEvent): EventEvidence {
  const { model, zonesById } = ctx;
  const event = replay.event;
  const weight = typeWeightOf(model, event.type);
  const compliant = event.subtype === 'compliant';
  const clears = event.assessment === 'clears';
  const rules = compliant ? NONE : EVENT_ROLES[weight.role];
  const subtype = event.subtype;
  const confidence = event.confidence ?? model.certainty.default_confidence;
  const source = model.certainty.sources[event.source];
  const trust = confidence * (source?.reliability ?? 1);
  const precisionWeight = precisionWeightOf(model, event.precision_m);
  const radiusKm = (event.precision_m ?? model.precision.default_m) / 1000;
  const located = event.lat !== undefined && event.lon !== undefined;
  const values = new Float64Array(EVENT_FACTORS.length);
  const details: (PlaceDetail | null)[] = EVENT_FACTORS.map(() => null);
  const weaponClass = event.weapon_class ?? weight.weapon ?? null;
  const weaponModel = weaponClass
    ? model.weapons.classes[weaponClass as keyof ScoringModel['weapons']['classes']]
    : undefined;
  const placeWeight = weaponModel?.place_weight ?? model.weapons.default_place_weight;
  const reportsWeapon = applies(rules.weapon, subtype);
  const locates =
    applies(rules.locates, subtype) || (subtype === 'firing-position' && reportsWeapon);
  const impact = impactApplies(rules.impact, subtype);
  let floor = 0;
  let floorReason: string | null = null;
  const raise = (level: number, why: string) => {
    if (level > floor) {
      floor = level;
      floorReason = why;
    }
  };

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

  // Each zone is measured once, and only when a factor there has points.
  const shares = new Map<string, number>();
  const shareIn = (zone: Zone) => {
    let s = shares.get(zone.id);
    if (s === undefined) {
      s = discCoverage(zone, event.lon!, event.lat!, radiusKm, model.precision.directions);
      shares.set(zone.id, s);
    }
    return s;
  };
  const offer = (factor: number, points: number, detail: PlaceDetail) => {
    if (points <= 0) return;
    const value = points * detail.share * detail.precisionWeight;
    if (value > values[factor]!) {
      values[factor] = value;
      details[factor] = detail;
    }
  };
  const heavy = weaponClass !== null && HEAVY_WEAPONS.has(weaponClass);
  // Invariant 6 floors heavy weapons *firing* (or in a firing position) from a
  // settlement or a zone prohibiting them; a sighting alone is judged by its factors.
  const firing = rules.fire || subtype === 'firing-position';
  const how = rules.fire
    ? 'firing from inside'
    : subtype === 'firing-position'
      ? 'in a firing position inside'
      : 'inside';
  if (located) {
    const place = model.place_of_weapon;
    for (const zoneId of replay.zoneIds) {
      const zone = zonesById.get(zoneId);
      if (!zone) continue;
      const kind = zone.kind;
      const at = (k: PlaceDetail['kind']): PlaceDetail => ({
        zone,
        kind: k,
        share: shareIn(zone),
        precisionWeight,
      });
      if (locates && weaponClass) {
        if (zone.prohibited?.includes(weaponClass as never)) {
          offer(F_PLACE, place.prohibited_class * placeWeight, at('prohibited-class'));
          if (heavy && firing)
            raise(
              FLOOR_HIGH,
              `${weaponModel?.label ?? weaponClass} ${how} ${zone.name}, where it is prohibited`,
            );
        }
        if (
          event.calibre_mm !== undefined &&
          zone.max_calibre_mm !== undefined &&
          event.calibre_mm > zone.max_calibre_mm
        ) {
          offer(F_PLACE, place.over_max_calibre * placeWeight, at('over-max-calibre'));
          if (heavy && firing)
            raise(
              FLOOR_HIGH,
              `${event.calibre_mm} mm ${how} ${zone.name} (limit ${zone.max_calibre_mm} mm)`,
            );
        }
        if (kind === 'settlement' && heavy) {
          offer(F_PLACE, place.heavy_in_settlement, at('heavy-in-settlement'));
          if (firing) raise(FLOOR_HIGH, `${weaponModel?.label ?? weaponClass} ${how} ${zone.name}`);
        }
      }
      const presence =
        kind === 'demilitarized-zone' || kind === 'disengagement-area' || kind === 'buffer-zone'
          ? kind
          : null;
      if (rules.presence && presence) offer(F_PLACE, place.presence[presence] ?? 0, at('presence'));
      if (rules.fire && presence) {
        offer(F_SEPARATION, (model.separation_fire[presence] ?? 0) * placeWeight, at('separation'));
      }
      if (impact && (kind === 'settlement' || kind === 'infrastructure')) {
        offer(F_PROTECTED, model.protected_places[kind] * placeWeight, at('impact-in'));
      }
    }
    const line = model.line_of_contact;
    if (rules.fire && replay.lineDistanceKm !== null && replay.lineDistanceKm < line.radius_km) {
      const share = discWithinDistance(replay.lineDistanceKm, radiusKm, line.radius_km);
      const points = line.max_points * (1 - replay.lineDistanceKm / line.radius_km) * placeWeight;
      offer(F_LINE, points, { zone: null, kind: 'line', share, precisionWeight });
    }
  }
  const target = event.target;
  if (rules.fire && (target === 'civilian' || target === 'infrastructure')) {
    const points = model.protected_places.target[target] * placeWeight;
    if (points > values[F_PROTECTED]!) {
      values[F_PROTECTED] = points;
      details[F_PROTECTED] = { zone: null, kind: 'target', share: 1, precisionWeight: 1 };
    }
  }
  if (target === 'mission' && (rules.fire || weight.role === 'impact')) {
    values[F_MISSION] = model.mission.fire;
    raise(FLOOR_HIGH, 'fire at the monitoring mission');
  } else if (weight.role === 'mission' && (target === undefined || target === 'mission')) {
    const jamming = event.type === 'jamming' || event.subtype === 'jamming';
    values[F_MISSION] = jamming ? model.mission.jamming : model.mission.movement_restriction;
    raise(
      FLOOR_MEDIUM,
      jamming ? 'jamming of the monitoring mission' : 'the mission denied access',
    );
  }

  const harm = harmOf(model, event);
  const unit = compliant ? null : (weight.count_of ?? null);
  if (clears) {
    // A clearing report never raises gravity: it only clears (certainty).
    values.fill(0);
    details.fill(null);
    floor = 0;
    floorReason = null;
  }
  return {
    replay,
    weight,
    rules,
    compliant,
    act: compliant ? model.compliant.act : weight.act,
    values,
    details,
    weaponClass,
    confidence,
    trust,
    certainty: trust * precisionWeight,
    precisionWeight,
    harm: clears ? null : harm,
    unit: clears ? null : unit,
    count: event.count ?? 1,
    sustains: rules.fire && !clears,
    origin: located && locates && !clears,
    impact: located && impact && !clears,
    floor,
    floorReason,
    groups: ctx.groupsOf(event.type),
    signature: signatureOf(event),
  };
}
