// FROZEN: version 1 of the scorer (see scoring-model.ts here): read-only exercises only.
// What one event contributes to each per-event factor of the model, before the
// alert combines events (by max). What the report claims (weapon, breach,
// casualties, count, place) is weighted by the event's confidence, so a weak
// report can never count as much as a firm one.
import type { ReplayEvent, Zone } from '../../scenario/loaded-scenario';
import type { ScoringModel } from './scoring-model';

/** The per-event factors, in display order. */
export const EVENT_FACTORS = [
  'event-type',
  'weapon',
  'zone-breach',
  'casualties',
  'intensity',
  'settlement-proximity',
  'line-proximity',
] as const;
export type EventFactor = (typeof EVENT_FACTORS)[number];

/** A zone breach found for one event. */
export interface Breach {
  zone: Zone;
  kind: 'prohibited-class' | 'over-max-calibre' | 'presence';
  points: number;
}

/** An event's contribution to every per-event factor (weighted points), and why. */
export interface EventEvidence {
  readonly event: ReplayEvent;
  /** Confidence used (the event's own, or the model default). */
  readonly confidence: number;
  /** floor + (1 - floor) * confidence. */
  readonly weight: number;
  /** Weighted points per factor, indexed like EVENT_FACTORS. */
  readonly values: readonly number[];
  readonly breach: Breach | null;
  readonly casualtiesBest: number;
}

/** Best estimate of an event's casualties (0 when none given). */
export function casualtiesBest(event: ReplayEvent['event']): number {
  const c = event.casualties;
  if (c === undefined) return 0;
  return typeof c === 'number' ? c : c.best;
}

/** The model's weight entry for an event type (unknown and `x-` types share the default). */
export function typeWeight(model: ScoringModel, type: string) {
  return model.event_types[type as keyof ScoringModel['event_types']] ?? model.unknown_type;
}

/** The most serious zone breach of an event among the zones containing it. */
export function findBreach(
  model: ScoringModel,
  replay: ReplayEvent,
  zonesById: ReadonlyMap<string, Zone>,
): Breach | null {
  const { event } = replay;
  const presenceType = (model.zone_breach.presence_types as readonly string[]).includes(event.type);
  let best: Breach | null = null;
  for (const zoneId of replay.zoneIds) {
    const zone = zonesById.get(zoneId);
    if (!zone) continue;
    const candidates: Breach[] = [];
    if (event.weapon_class && zone.prohibited?.includes(event.weapon_class)) {
      candidates.push({
        zone,
        kind: 'prohibited-class',
        points: model.zone_breach.prohibited_class,
      });
    }
    if (
      event.calibre_mm !== undefined &&
      zone.max_calibre_mm !== undefined &&
      event.calibre_mm > zone.max_calibre_mm
    ) {
      candidates.push({
        zone,
        kind: 'over-max-calibre',
        points: model.zone_breach.over_max_calibre,
      });
    }
    const presence = model.zone_breach.presence[zone.kind];
    if (presenceType && presence !== undefined && presence > 0) {
      candidates.push({ zone, kind: 'presence', points: presence });
    }
    // Strictly greater: among equal breaches the first zone (zone order) wins.
    for (const c of candidates) if (!best || c.points > best.points) best = c;
  }
  return best;
}

function log2Points(value: number, perDoubling: number, max: number): number {
  return value <= 0 ? 0 : Math.min(max, perDoubling * Math.log2(1 + value));
}

/** Linear decay from max at distance 0 to 0 at the radius. */
function proximityPoints(distanceKm: number | null, radiusKm: number, max: number): number {
  if (distanceKm === null || distanceKm >= radiusKm) return 0;
  return max * (1 - Math.max(0, distanceKm) / radiusKm);
}

/** Evaluates one event against the model. */
export function evaluateEvent(
  model: ScoringModel,
  replay: ReplayEvent,
  zonesById: ReadonlyMap<string, Zone>,
): EventEvidence {
  const { event } = replay;
  const confidence = event.confidence ?? model.confidence.default;
  const floor = model.confidence.floor_weight;
  const weight = floor + (1 - floor) * confidence;
  const type = typeWeight(model, event.type);
  const attributeWeight = weight * type.evidence;

  const weaponClass = event.weapon_class ? model.weapons.classes[event.weapon_class] : undefined;
  const calibre =
    event.calibre_mm === undefined
      ? 0
      : Math.min(
          model.weapons.calibre_max_points,
          event.calibre_mm * model.weapons.calibre_points_per_mm,
        );
  const breach = findBreach(model, replay, zonesById);
  const best = casualtiesBest(event);
  // `count` 1 is the ordinary single report; only repeats add intensity.
  const repeats = (event.count ?? 1) - 1;

  const values = [
    // The kind of report counts whole; its confidence has its own factor.
    type.base,
    ((weaponClass?.points ?? 0) + calibre) * attributeWeight,
    (breach?.points ?? 0) * attributeWeight,
    log2Points(best, model.casualties.points_per_doubling, model.casualties.max_points) *
      attributeWeight,
    log2Points(repeats, model.intensity.points_per_doubling, model.intensity.max_points) *
      attributeWeight,
    proximityPoints(
      replay.settlementDistanceKm,
      model.settlement.radius_km,
      model.settlement.max_points,
    ) * weight,
    proximityPoints(
      replay.lineDistanceKm,
      model.line_of_contact.radius_km,
      model.line_of_contact.max_points,
    ) * weight,
  ];
  return { event: replay, confidence, weight, values, breach, casualtiesBest: best };
}
