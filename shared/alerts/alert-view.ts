// The alert as the console, the CLI and the log see it (docs/ALERTS-AND-SEVERITY.md,
// version 2): gravity and its band with each factor's contribution, certainty
// and its band with its own reasons, the alert's state, the links its reports
// make to other reports, and its incident. Every reason is one line a trainer
// can read aloud.
import type { ReplayEvent } from '../scenario/loaded-scenario';
import { SOURCES, type Source } from '../scenario/schema';
import {
  certaintyBreakdown,
  gravityBreakdown,
  type AlertEvidence,
  type CertaintyFactor,
  type GravityFactor,
} from './alert-score';
import type { CertaintyBand, Severity } from './bands';
import {
  EVENT_FACTORS,
  bestOf,
  evaluateEvent,
  killedOf,
  type EventEvidence,
  type EventFactor,
  type PlaceDetail,
  type ScoringContext,
} from './event-evidence';
import type { ScoringModel } from './scoring-model';

/**
 * Where an alert stands: `active`, `cleared` (a report on the ground cleared
 * it: consider closing it as a false alarm), `quiet` (nothing new for a
 * while), `closed` (the protocol closed it; not ranked).
 */
export type AlertState = 'active' | 'cleared' | 'quiet' | 'closed';
export const ALERT_STATES: readonly AlertState[] = ['active', 'cleared', 'quiet', 'closed'];

/** One gravity factor as shown. */
export interface GravityFactorView {
  factor: GravityFactor;
  /** The reason, e.g. "MLRS firing from inside Exclusion Zone 2 (prohibited there)". */
  label: string;
  /** Points, one decimal; an alert's contributions sum exactly to its gravity. */
  contribution: number;
  /** `label: +points`. */
  reason: string;
  /** The report the factor comes from, when one report gives it. */
  eventId: string | null;
}

/** One certainty factor as shown, in points of 0–100 (they sum to certainty × 100). */
export interface CertaintyFactorView {
  factor: CertaintyFactor;
  label: string;
  contribution: number;
  reason: string;
  /** The source kind of a `source` line. */
  source: Source | null;
  eventId: string | null;
}

/** A report of this alert that refers to another report (`refers_to`). */
export interface ReferenceLink {
  eventId: string;
  refersTo: string;
  /** The alert holding the referred report (this one, or a closed one it continues). */
  alertId: string | null;
}

/** The incident an alert belongs to (operators link alerts into one). */
export interface IncidentView {
  id: string;
  /** Its alerts, the primary (whose protocol run the incident follows) first. */
  alertIds: readonly string[];
  /** The highest of its alerts' gravities. */
  gravity: number;
  severity: Severity;
  /** Certainty over all its reports. */
  certainty: number;
  certaintyBand: CertaintyBand;
  certaintyFactors: readonly CertaintyFactorView[];
}

export interface AlertView {
  /** `A-` + the id of the alert's first event. */
  id: string;
  state: AlertState;
  /** 0–100, one decimal. */
  gravity: number;
  /** The band of the gravity: critical, high, medium, low, info. */
  severity: Severity;
  factors: GravityFactorView[];
  /** 0–1, two decimals (0 when cleared). */
  certainty: number;
  certaintyBand: CertaintyBand;
  certaintyFactors: CertaintyFactorView[];
  /** Reports not compatible with what the alert is about (they do not raise certainty). */
  incompatibleReports: number;
  /** References made by its reports, in the order they joined. */
  links: ReferenceLink[];
  /** The closed alert this one continues (its first report refers to a report of it). */
  continues: string | null;
  incident: IncidentView | null;
  /** Event ids in the order they joined (replay order). */
  eventIds: string[];
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
  cleared: boolean;
  protocolActive: boolean;
  title: string;
  /**
   * The queue's title: what and the place only ("Mortar fire — near Kerrow"),
   * so at 1280 px it is never cut to less than its event type and place; the
   * zones are shown beside it, not in it (alertShortTitle).
   */
  shortTitle: string;
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
  continues: string | null;
}

/** `+22.2`, `+30`, `-4.5`. */
export function formatPoints(points: number): string {
  const text = Math.abs(points).toFixed(1).replace(/\.0$/, '');
  return `${points < 0 ? '-' : '+'}${text}`;
}

/** The state of an alert (closed, then cleared, then quiet: cleared wins over quiet). */
export function stateOf(facts: { closed: boolean; quiet: boolean; cleared: boolean }): AlertState {
  if (facts.closed) return 'closed';
  if (facts.cleared) return 'cleared';
  return facts.quiet ? 'quiet' : 'active';
}

function typeLabel(model: ScoringModel, type: string): string {
  const weight = model.event_types[type as keyof ScoringModel['event_types']];
  return weight ? weight.label : `${model.unknown_type.label} (${type})`;
}

function weaponLabel(model: ScoringModel, weaponClass: string | null): string | null {
  if (!weaponClass) return null;
  return (
    model.weapons.classes[weaponClass as keyof ScoringModel['weapons']['classes']]?.label ??
    weaponClass
  );
}

const ZONE_KIND_LABEL: Record<string, string> = {
  'demilitarized-zone': 'demilitarized zone',
  'disengagement-area': 'disengagement area',
  'buffer-zone': 'buffer zone',
  settlement: 'settlement',
  infrastructure: 'protected site',
};

/** " (±6 km: 31% of the circle inside)" when the location's vagueness counts. */
function precisionNote(
  detail: PlaceDetail,
  event: ReplayEvent['event'],
  within = 'inside',
): string {
  if (detail.share >= 0.995 && detail.precisionWeight >= 0.95) return '';
  const m = event.precision_m;
  const where =
    m === undefined ? '' : m >= 1000 ? `±${+(m / 1000).toFixed(1)} km` : `±${Math.round(m)} m`;
  const share =
    detail.share < 0.995 ? `${Math.round(detail.share * 100)}% of the circle ${within}` : '';
  const parts = [where, share].filter((p) => p !== '');
  return parts.length > 0 ? ` (${parts.join(': ')})` : '';
}

function peopleText(count: ReplayEvent['event']['killed']): string {
  if (count === undefined) return '';
  return typeof count === 'number' || count.low === count.high
    ? ''
    : ` (${count.low}–${count.high})`;
}

function harmText(item: EventEvidence): string {
  const event = item.replay.event;
  const h = item.harm!;
  const parts: string[] = [];
  if (h.killed > 0 || killedOf(event) !== undefined) {
    const range = peopleText(killedOf(event) ?? event.civilian_killed);
    const civ = h.civilianKilled > 0 ? `, ${h.civilianKilled} of them civilians` : '';
    parts.push(`${h.killed} killed${range}${civ}`);
  }
  if (h.injured > 0 || event.injured !== undefined) {
    const civ = h.civilianInjured > 0 ? `, ${h.civilianInjured} of them civilians` : '';
    parts.push(`${h.injured} injured${peopleText(event.injured ?? event.civilian_injured)}${civ}`);
  }
  const what = parts.length > 0 ? parts.join('; ') : 'No one killed or injured';
  return `${what} (${event.source} report ${event.id})`;
}

/** True for the factors one report gives (the rest are the alert's as a whole). */
function isEventFactor(factor: GravityFactor): factor is EventFactor {
  return (EVENT_FACTORS as readonly string[]).includes(factor);
}

function gravityLabel(
  ctx: ScoringContext,
  factor: GravityFactor,
  evidence: AlertEvidence,
  breakdown: ReturnType<typeof gravityBreakdown>,
): { label: string; eventId: string | null } {
  const model = ctx.model;
  if (isEventFactor(factor)) {
    const index = EVENT_FACTORS.indexOf(factor);
    // The alert keeps the report, not its evaluation: evaluated again for the reason.
    const item = evaluateEvent(ctx, evidence.bestEvent[index]!);
    const event = item.replay.event;
    const label = typeLabel(model, event.type);
    const weapon = weaponLabel(model, item.weaponClass) ?? 'Weapon';
    const detail = item.details[index];
    const id = event.id;
    switch (factor) {
      case 'act':
        return {
          label: item.compliant
            ? `${model.compliant.label}: ${label.toLowerCase()} reported by ${event.source}`
            : `${label} reported by ${event.source}`,
          eventId: id,
        };
      case 'weapon': {
        const calibre = event.calibre_mm !== undefined ? `, ${event.calibre_mm} mm` : '';
        return { label: `${weapon}${calibre}`, eventId: id };
      }
      case 'place': {
        const d = detail!;
        const zone = d.zone!.name;
        const note = precisionNote(d, event);
        const how = item.rules.fire
          ? 'firing from inside'
          : event.subtype === 'firing-position'
            ? 'in a firing position inside'
            : 'inside';
        if (d.kind === 'prohibited-flight')
          return {
            label: `${weapon} flight inside ${zone} (prohibited there)${note}`,
            eventId: id,
          };
        if (d.kind === 'prohibited-class')
          return { label: `${weapon} ${how} ${zone} (prohibited there)${note}`, eventId: id };
        if (d.kind === 'over-max-calibre') {
          return {
            label: `${event.calibre_mm} mm ${how} ${zone} (limit ${d.zone!.max_calibre_mm} mm)${note}`,
            eventId: id,
          };
        }
        if (d.kind === 'heavy-in-settlement')
          return { label: `${weapon} ${how} ${zone}${note}`, eventId: id };
        return {
          label: `${label} inside ${zone} (${ZONE_KIND_LABEL[d.zone!.kind] ?? d.zone!.kind})${note}`,
          eventId: id,
        };
      }
      case 'separation': {
        const d = detail!;
        return {
          label: `${label} inside ${d.zone!.name} (${ZONE_KIND_LABEL[d.zone!.kind] ?? d.zone!.kind})${precisionNote(d, event)}`,
          eventId: id,
        };
      }
      case 'line': {
        const d = detail!;
        const km = (item.replay.lineDistanceKm ?? 0).toFixed(1);
        return {
          label: `${label} ${km} km from the line of contact${precisionNote(d, event, `within ${model.line_of_contact.radius_km} km`)}`,
          eventId: id,
        };
      }
      case 'protected': {
        const d = detail!;
        if (d.kind === 'target') {
          return {
            label: `${label} at ${event.target === 'civilian' ? 'civilians' : 'infrastructure'} (target)`,
            eventId: id,
          };
        }
        return {
          label: `${label} in ${d.zone!.name} (${ZONE_KIND_LABEL[d.zone!.kind] ?? d.zone!.kind})${precisionNote(d, event)}`,
          eventId: id,
        };
      }
      case 'mission':
        return {
          label:
            event.type === 'jamming' || event.subtype === 'jamming'
              ? 'Jamming of the monitoring mission'
              : item.weight.role === 'mission'
                ? 'The monitoring mission denied access or movement'
                : `${label} at the monitoring mission`,
          eventId: id,
        };
    }
  }
  switch (factor) {
    case 'fire-across': {
      const { from, to } = evidence.across!;
      return {
        label: `Fire across the line of contact (from ${from} to ${to})`,
        eventId: to,
      };
    }
    case 'harm':
      return {
        label: harmText(evaluateEvent(ctx, evidence.harmEvent!)),
        eventId: evidence.harmEvent!.event.id,
      };
    case 'scale': {
      const best = evaluateEvent(ctx, evidence.scaleEvent!);
      const unit = best.unit!;
      const rule = model.scale[unit];
      return {
        label: `${best.count} ${rule?.label ?? unit} in one report${best.scalePoints >= (rule?.max_points ?? Infinity) ? ' (capped)' : ''}`,
        eventId: best.replay.event.id,
      };
    }
    case 'sustained': {
      const minutes = Math.round((evidence.fireLast!.at - evidence.fireFirst!.at) / 60_000);
      const span =
        minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
      const capped =
        model.sustained.per_doubling * Math.log2(1 + minutes / model.sustained.unit_min) >=
        model.sustained.max_points;
      return { label: `Fire sustained over ${span}${capped ? ' (capped)' : ''}`, eventId: null };
    }
    case 'floor': {
      const f = breakdown.floor;
      const band = f.level >= 80 ? 'CRITICAL' : f.level >= 60 ? 'HIGH' : 'MEDIUM';
      return {
        label: `At least ${band}: ${f.reason ?? ''}`,
        eventId: f.event?.event.id ?? null,
      };
    }
    default:
      return {
        label: `Clamped to ${breakdown.floored > 100 ? 100 : 0} (factors summed to ${breakdown.floored.toFixed(2)})`,
        eventId: null,
      };
  }
}

/** The gravity factors of evidence, with reasons. */
export function gravityFactorViews(
  ctx: ScoringContext,
  evidence: AlertEvidence,
  breakdown = gravityBreakdown(ctx, evidence),
): GravityFactorView[] {
  return breakdown.lines.map((line) => {
    const { label, eventId } = gravityLabel(ctx, line.factor, evidence, breakdown);
    return {
      factor: line.factor,
      label,
      contribution: line.contribution,
      reason: `${label}: ${formatPoints(line.contribution)}`,
      eventId,
    };
  });
}

/** The certainty factors of evidence, with reasons. */
export function certaintyFactorViews(
  ctx: ScoringContext,
  evidence: AlertEvidence,
  breakdown = certaintyBreakdown(ctx.model, evidence),
): CertaintyFactorView[] {
  const model = ctx.model;
  return breakdown.lines.map((line) => {
    let label: string;
    let source: Source | null = null;
    let eventId: string | null = null;
    if (line.factor === 'source') {
      const item = evaluateEvent(ctx, breakdown.counted[line.kind!]!);
      source = SOURCES[line.kind!]!;
      eventId = item.replay.event.id;
      const reliability = model.certainty.sources[source].reliability;
      const inconclusive = item.replay.event.assessment === 'inconclusive' ? ', inconclusive' : '';
      label = `${source} report ${eventId}: confidence ${item.confidence.toFixed(2)} × reliability ${reliability.toFixed(2)} × location ${item.precisionWeight.toFixed(2)}${inconclusive}`;
    } else if (line.factor === 'agreement') {
      const kinds = SOURCES.filter((_, k) => breakdown.agrees[k]);
      label = `${kinds.length} independent source kinds agree (${kinds.join(', ')})`;
    } else if (line.factor === 'confirmed') {
      const item = evidence.confirmed!;
      eventId = item.event.id;
      source = item.event.source;
      label = `Confirmed by ${source} report ${eventId}: at least probable`;
    } else {
      const item = evidence.cleared!;
      eventId = item.event.id;
      source = item.event.source;
      label = `Cleared by ${source} report ${eventId}: consider closing as a false alarm`;
    }
    return {
      factor: line.factor,
      label,
      contribution: line.contribution,
      reason: `${label}: ${formatPoints(line.contribution)}`,
      source,
      eventId,
    };
  });
}

/** Reports of the alert that share no compatibility group with its lead. */
function incompatibleCount(
  evidence: AlertEvidence,
  events: readonly ReplayEvent[],
  groupsOf: (type: string) => readonly string[],
): number {
  if (!evidence.leadEvent) return 0;
  const lead = evidence.leadGroups;
  let n = 0;
  for (const r of events) {
    const a = r.event.assessment;
    if (a === 'clears' || a === 'confirms' || a === 'inconclusive') continue;
    if (!groupsOf(r.event.type).some((g) => lead.includes(g))) n += 1;
  }
  return n;
}

/** Builds the view of an alert (reasons are made here, not on every score update). */
export function buildAlertView(
  ctx: ScoringContext,
  facts: AlertFacts,
  alertOfEvent: (eventId: string) => string | null,
  incident: IncidentView | null,
): AlertView {
  const { evidence } = facts;
  const gravity = gravityBreakdown(ctx, evidence);
  const certainty = certaintyBreakdown(ctx.model, evidence);
  const cleared = evidence.cleared !== null;
  const located = facts.events.find((e) => e.event.lat !== undefined && e.event.lon !== undefined);
  const links: ReferenceLink[] = [];
  for (const r of facts.events) {
    const to = r.event.refers_to;
    if (to !== undefined)
      links.push({ eventId: r.event.id, refersTo: to, alertId: alertOfEvent(to) });
  }
  return {
    id: facts.id,
    state: stateOf({ closed: facts.closed, quiet: facts.quiet, cleared }),
    gravity: gravity.gravity,
    severity: gravity.severity,
    factors: gravityFactorViews(ctx, evidence, gravity),
    certainty: certainty.certainty,
    certaintyBand: certainty.band,
    certaintyFactors: certaintyFactorViews(ctx, evidence, certainty),
    incompatibleReports: incompatibleCount(evidence, facts.events, ctx.groupsOf),
    links,
    continues: facts.continues,
    incident,
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
    cleared,
    protocolActive: facts.protocolActive,
    title: alertTitle(ctx, facts),
    shortTitle: alertShortTitle(ctx, facts),
    sector: facts.sector,
    lat: located?.event.lat ?? null,
    lon: located?.event.lon ?? null,
  };
}

/** "MLRS fire — Exclusion Zone 2, Sector North": what, where, which sector. */
export function alertTitle(
  ctx: ScoringContext,
  facts: Pick<AlertFacts, 'evidence' | 'events' | 'zones' | 'sector'>,
): string {
  const { zonesById } = ctx;
  const e = facts.evidence;
  const lead = leadOf(facts);
  const what = alertWhat(ctx, facts);
  const placeEvent = e.bestEvent[2] ?? e.bestEvent[5];
  const place = placeEvent ? evaluateEvent(ctx, placeEvent).details[e.bestEvent[2] ? 2 : 5] : null;
  const zoneName = (id: string) => zonesById.get(id)?.name ?? id;
  const placeId =
    place?.zone?.id ??
    facts.zones.find((id) => {
      const kind = zonesById.get(id)?.kind;
      return kind !== 'sector' && kind !== undefined;
    });
  const parts: string[] = [];
  if (placeId !== undefined) parts.push(zoneName(placeId));
  else if (lead.settlementId && (lead.settlementDistanceKm ?? Infinity) <= NEAR_SETTLEMENT_KM) {
    parts.push(`near ${zoneName(lead.settlementId)}`);
  }
  if (facts.sector) parts.push(zoneName(facts.sector));
  return `${what} — ${parts.length > 0 ? parts.join(', ') : 'outside all zones'}`;
}

/** The report an alert is titled after: its lead event, else its strongest, else its first. */
function leadOf(facts: Pick<AlertFacts, 'evidence' | 'events'>) {
  const e = facts.evidence;
  return e.leadEvent ?? e.bestEvent[0] ?? facts.events[0]!;
}

/** "MLRS fire", "Mortar fire (heavy weapons)": the lead event's type and weapon. */
function alertWhat(ctx: ScoringContext, facts: Pick<AlertFacts, 'evidence' | 'events'>): string {
  const { model } = ctx;
  const lead = leadOf(facts);
  const event = lead.event;
  let what = typeLabel(model, event.type);
  if (event.subtype === 'compliant') what = `${model.compliant.label}: ${what.toLowerCase()}`;
  const weaponClass = evaluateEvent(ctx, lead).weaponClass ?? event.weapon_class ?? null;
  const weapon = weaponClass === 'unknown' ? null : weaponLabel(model, weaponClass);
  if (weapon && !what.toLowerCase().includes(weapon.toLowerCase())) what += ` (${weapon})`;
  return what;
}

/** Within this distance of its nearest settlement an alert is placed "near" it. */
export const NEAR_SETTLEMENT_KM = 5;

/**
 * "Mortar fire — near Kerrow": what and the place only, for the queue's row.
 * The place is the lead report's nearest settlement when it lies within
 * NEAR_SETTLEMENT_KM, else the alert's sector, else its first zone that is not
 * a sector, else how far the nearest settlement is; the zones themselves are
 * the row's second line. The full title (alertTitle) stays the detail's.
 */
export function alertShortTitle(
  ctx: ScoringContext,
  facts: Pick<AlertFacts, 'evidence' | 'events' | 'zones' | 'sector'>,
): string {
  const { zonesById } = ctx;
  const lead = leadOf(facts);
  const name = (id: string) => zonesById.get(id)?.name ?? id;
  const km = lead.settlementDistanceKm;
  let place: string;
  if (lead.settlementId && km !== null && km <= NEAR_SETTLEMENT_KM) {
    place = `near ${name(lead.settlementId)}`;
  } else if (facts.sector) {
    place = name(facts.sector);
  } else {
    const zone = facts.zones.find((id) => {
      const kind = zonesById.get(id)?.kind;
      return kind !== 'sector' && kind !== undefined;
    });
    if (zone !== undefined) place = name(zone);
    else if (lead.settlementId && km !== null) {
      place = `${Math.round(km)} km from ${name(lead.settlementId)}`;
    } else place = 'outside all zones';
  }
  return `${alertWhat(ctx, facts)} — ${place}`;
}

/** The best figure of a people count, exported for readers of events. */
export { bestOf };
