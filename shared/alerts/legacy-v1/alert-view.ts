// FROZEN: version 1 of the scorer (see scoring-model.ts here): read-only exercises only.
// The alert as the console, the CLI and the log see it: score, band, and each
// factor's contribution with a one-line reason a trainer can read aloud.
import type { ReplayEvent, Zone } from '../../scenario/loaded-scenario';
import type { Source } from '../../scenario/schema';
import {
  combinedConfidence,
  corroboratingKinds,
  type AlertEvidence,
  type Factor,
  type ScoreBreakdown,
  type Severity,
} from './alert-score';
import { EVENT_FACTORS, type EventEvidence, typeWeight } from './event-evidence';
import type { ScoringModel } from './scoring-model';

export interface FactorView {
  factor: Factor;
  /** Points, one decimal; the contributions of an alert sum exactly to its score. */
  contribution: number;
  /** One line, e.g. "MLRS inside Exclusion Zone 2 (prohibited there): +22.2". */
  reason: string;
}

export interface AlertView {
  /** `A-` + the id of the alert's first event. */
  id: string;
  score: number;
  severity: Severity;
  factors: FactorView[];
  /** Event ids in the order they joined (replay order). */
  eventIds: string[];
  /** `seq` of those events in the scenario. */
  eventSeqs: number[];
  /** Ids of every zone any of its events lies in, first seen first. */
  zones: string[];
  /** Source kinds of its events, first seen first. */
  sources: Source[];
  /** Earliest and latest event `time`, UTC ISO with ms. */
  firstSeen: string;
  lastSeen: string;
  firstAt: number;
  lastAt: number;
  /** When its latest event was shown (replay time, epoch ms). */
  lastShownAt: number;
  quiet: boolean;
  closed: boolean;
  protocolActive: boolean;
  title: string;
  /** The sector the alert is held to, if any. */
  sector: string | null;
  /** Position of its first located event, for the map. */
  lat: number | null;
  lon: number | null;
}

/** What an alert record exposes to the view builder. */
export interface AlertFacts {
  id: string;
  events: readonly ReplayEvent[];
  eventIds: readonly string[];
  eventSeqs: readonly number[];
  evidence: AlertEvidence;
  zones: readonly string[];
  sources: readonly Source[];
  firstAt: number;
  lastAt: number;
  lastShownAt: number;
  quiet: boolean;
  closed: boolean;
  protocolActive: boolean;
  sector: string | null;
}

/** `+22.2`, `+30`, `-4.5`. */
export function formatPoints(points: number): string {
  const text = Math.abs(points).toFixed(1).replace(/\.0$/, '');
  return `${points < 0 ? '-' : '+'}${text}`;
}

function typeLabel(model: ScoringModel, type: string): string {
  const weight = model.event_types[type as keyof ScoringModel['event_types']];
  return weight ? weight.label : `${model.unknown_type.label} (${type})`;
}

function weaponLabel(model: ScoringModel, event: ReplayEvent['event']): string | null {
  if (!event.weapon_class) return null;
  return model.weapons.classes[event.weapon_class]?.label ?? event.weapon_class;
}

function eventReason(
  model: ScoringModel,
  zonesById: ReadonlyMap<string, Zone>,
  factor: (typeof EVENT_FACTORS)[number],
  item: EventEvidence,
): string {
  const event = item.event.event;
  const label = typeLabel(model, event.type);
  const weapon = weaponLabel(model, event) ?? 'Weapon';
  switch (factor) {
    case 'event-type':
      return `${label} reported by ${event.source}`;
    case 'weapon': {
      const calibre = event.calibre_mm !== undefined ? `, ${event.calibre_mm} mm` : '';
      const hedge =
        typeWeight(model, event.type).evidence < 1
          ? ` (as reported in a ${label.toLowerCase()})`
          : '';
      return `${weapon}${calibre}${hedge}`;
    }
    case 'zone-breach': {
      const breach = item.breach!;
      if (breach.kind === 'prohibited-class')
        return `${weapon} inside ${breach.zone.name} (prohibited there)`;
      if (breach.kind === 'over-max-calibre') {
        return `${event.calibre_mm} mm inside ${breach.zone.name} (limit ${breach.zone.max_calibre_mm} mm)`;
      }
      return `${label} inside ${breach.zone.name} (${breach.zone.kind})`;
    }
    case 'casualties': {
      const c = event.casualties;
      const range = c !== undefined && typeof c !== 'number' ? ` (range ${c.low}–${c.high})` : '';
      return `Casualties ${item.casualtiesBest}${range}`;
    }
    case 'intensity':
      return `${event.count} × ${label.toLowerCase()} in one report`;
    case 'settlement-proximity': {
      const name = zonesById.get(item.event.settlementId ?? '')?.name ?? item.event.settlementId;
      const d = item.event.settlementDistanceKm ?? 0;
      return d <= 0 ? `Inside ${name}` : `${d.toFixed(1)} km from ${name}`;
    }
    case 'line-proximity':
      return `${(item.event.lineDistanceKm ?? 0).toFixed(1)} km from the line of contact`;
  }
}

/** Builds the view of an alert (reasons are made here, not on every score update). */
export function buildAlertView(
  model: ScoringModel,
  zonesById: ReadonlyMap<string, Zone>,
  facts: AlertFacts,
  breakdown: ScoreBreakdown,
): AlertView {
  const { evidence } = facts;
  const factors = breakdown.lines.map((line): FactorView => {
    const points = formatPoints(line.contribution);
    const index = (EVENT_FACTORS as readonly string[]).indexOf(line.factor);
    let text: string;
    if (index >= 0) {
      text = eventReason(model, zonesById, EVENT_FACTORS[index]!, evidence.best[index]!);
    } else if (line.factor === 'corroboration') {
      const kinds = corroboratingKinds(model, evidence);
      text = `${kinds.length} independent source kinds (${kinds.join(', ')})`;
    } else if (line.factor === 'confidence') {
      const parts = facts.sources.map(
        (s) => `${s} ${(evidence.kindConfidence[s] ?? 0).toFixed(2)}`,
      );
      text = `Combined confidence ${combinedConfidence(evidence).toFixed(2)} (${parts.join(', ')})`;
    } else if (line.factor === 'persistence') {
      text = `${evidence.eventCount} events in this alert`;
    } else {
      text = `Clamped to ${breakdown.unclamped > 100 ? 100 : 0} (factors summed to ${breakdown.unclamped.toFixed(2)})`;
    }
    return { factor: line.factor, contribution: line.contribution, reason: `${text}: ${points}` };
  });
  const located = facts.events.find((e) => e.event.lat !== undefined && e.event.lon !== undefined);
  return {
    id: facts.id,
    score: breakdown.score,
    severity: breakdown.severity,
    factors,
    eventIds: facts.eventIds.slice(),
    eventSeqs: facts.eventSeqs.slice(),
    zones: [...facts.zones],
    sources: [...facts.sources],
    firstSeen: new Date(facts.firstAt).toISOString(),
    lastSeen: new Date(facts.lastAt).toISOString(),
    firstAt: facts.firstAt,
    lastAt: facts.lastAt,
    lastShownAt: facts.lastShownAt,
    quiet: facts.quiet,
    closed: facts.closed,
    protocolActive: facts.protocolActive,
    title: alertTitle(model, zonesById, facts),
    sector: facts.sector,
    lat: located?.event.lat ?? null,
    lon: located?.event.lon ?? null,
  };
}

/** "MLRS fire — Exclusion Zone 2, Sector North": what, where, which sector. */
export function alertTitle(
  model: ScoringModel,
  zonesById: ReadonlyMap<string, Zone>,
  facts: AlertFacts,
): string {
  const lead = facts.evidence.best[0]?.event ?? facts.events[0]!;
  const event = lead.event;
  let what = typeLabel(model, event.type);
  const weapon = event.weapon_class === 'unknown' ? null : weaponLabel(model, event);
  if (weapon && !what.toLowerCase().includes(weapon.toLowerCase())) what += ` (${weapon})`;
  const breach = facts.evidence.best[2]?.breach;
  const zoneName = (id: string) => zonesById.get(id)?.name ?? id;
  const placeId =
    breach?.zone.id ??
    facts.zones.find((id) => {
      const kind = zonesById.get(id)?.kind;
      return kind !== 'sector' && kind !== undefined;
    });
  const parts: string[] = [];
  if (placeId !== undefined) parts.push(zoneName(placeId));
  else if (
    lead.settlementId &&
    (lead.settlementDistanceKm ?? Infinity) <= model.settlement.radius_km
  ) {
    parts.push(`near ${zoneName(lead.settlementId)}`);
  }
  if (facts.sector) parts.push(zoneName(facts.sector));
  return `${what} — ${parts.length > 0 ? parts.join(', ') : 'outside all zones'}`;
}
