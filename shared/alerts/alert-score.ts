// Alert-level measures (docs/ALERTS-AND-SEVERITY.md, version 2). Gravity: each
// per-report factor takes the alert's highest; harm takes the figures of the
// most trusted report; scale counts like with like; a sustained exchange is
// capped; floors lift an alert into the band the contract demands without
// flattening it. Certainty: a noisy-OR of the agreeing source kinds'
// confidences, less doubt for each further kind that agrees, with the
// assessments of reports on the ground. Nothing is ever averaged. Both are
// updated in O(groups) per report, so the engine keeps up with a million.
import { segmentCrossesLines } from '../geo/disc-coverage';
import type { ReplayEvent } from '../scenario/loaded-scenario';
import { SOURCES } from '../scenario/schema';
import {
  EVENT_FACTORS,
  FLOOR_CRITICAL,
  FLOOR_HIGH,
  evaluateEvent,
  sourceIndex,
  type EventEvidence,
  type ScoringContext,
} from './event-evidence';
import type { CountUnit, ScoringModel } from './scoring-model';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** The band of a gravity (called severity in the log and the protocol). */
export type Severity = (typeof SEVERITIES)[number];
export const CERTAINTY_BANDS = [
  'confirmed',
  'probable',
  'possible',
  'unconfirmed',
  'cleared',
] as const;
export type CertaintyBand = (typeof CERTAINTY_BANDS)[number];

/** Every gravity factor, in display order. */
export const GRAVITY_FACTORS = [
  ...EVENT_FACTORS,
  'fire-across',
  'harm',
  'scale',
  'sustained',
  'floor',
  'clamp',
] as const;
export type GravityFactor = (typeof GRAVITY_FACTORS)[number];

/** Every certainty factor, in display order. */
export const CERTAINTY_FACTORS = ['source', 'agreement', 'confirmed', 'cleared'] as const;
export type CertaintyFactor = (typeof CERTAINTY_FACTORS)[number];

/** Certainty an assessment that confirms lifts an alert to (the floor of `probable`). */
export const PROBABLE = 0.6;
/** How many distinct firing points and impacts an alert keeps to look for fire across the line. */
const ENDPOINTS_KEPT = 32;

/** The band of a rounded gravity. */
export function severityOf(gravity: number): Severity {
  if (gravity >= 80) return 'critical';
  if (gravity >= 60) return 'high';
  if (gravity >= 40) return 'medium';
  if (gravity >= 20) return 'low';
  return 'info';
}

/** The band of a rounded certainty (a cleared alert is `cleared` whatever its value). */
export function certaintyBandOf(certainty: number, cleared = false): CertaintyBand {
  if (cleared) return 'cleared';
  if (certainty >= 0.8) return 'confirmed';
  if (certainty >= 0.6) return 'probable';
  if (certainty >= 0.35) return 'possible';
  return 'unconfirmed';
}

/** Per compatibility group: each source kind's best certainty, and whether it agrees. */
interface GroupTally {
  best: Float64Array;
  agree: Uint8Array;
  /** The report giving `best`, per kind (for the reasons shown). */
  item: (EventEvidence | null)[];
}

function newTally(): GroupTally {
  return {
    best: new Float64Array(SOURCES.length),
    agree: new Uint8Array(SOURCES.length),
    item: SOURCES.map(() => null),
  };
}

function copyTally(t: GroupTally): GroupTally {
  return { best: t.best.slice(), agree: t.agree.slice(), item: t.item.slice() };
}

function tallyReport(t: GroupTally, k: number, item: EventEvidence, agrees: boolean): void {
  if (item.certainty > t.best[k]! || t.item[k] === null) {
    if (item.certainty >= t.best[k]!) {
      t.best[k] = item.certainty;
      t.item[k] = item;
    }
  }
  if (agrees) t.agree[k] = 1;
}

/** The running evidence of one alert. */
export interface AlertEvidence {
  /** Per EVENT_FACTORS: the report with the highest value (earliest on ties). */
  best: (EventEvidence | null)[];
  /**
   * The most trusted report giving harm figures (ties: the later one). A
   * repeat of a report already counted (the same claims) is not weighed
   * again, so a second source saying the same never changes the figures.
   */
  harm: EventEvidence | null;
  harmSeen: Set<number>;
  /** Per count unit: the report with the highest count. */
  scale: Partial<Record<CountUnit, EventEvidence>>;
  /** Signatures of the fire reports seen: a repeat does not stretch an exchange. */
  fireSeen: Set<number>;
  fireFirst: EventEvidence | null;
  fireLast: EventEvidence | null;
  origins: EventEvidence[];
  impacts: EventEvidence[];
  /** Places already kept as origins or impacts: a report from the same place adds nothing. */
  endpointPlaces: Set<string>;
  across: [EventEvidence, EventEvidence] | null;
  /** The report setting the highest floor of its own (harm floors come from `harm`). */
  floor: EventEvidence | null;
  // Certainty
  /** The report with the highest act (earliest on ties): what the alert is about. */
  lead: EventEvidence | null;
  groups: Map<string, GroupTally>;
  /** Assessments (confirms, inconclusive) are about the alert: always compatible. */
  assessed: GroupTally;
  cleared: EventEvidence | null;
  confirmed: EventEvidence | null;
  clearSeen: number[];
  eventCount: number;
}

/** Empty evidence for a new alert. */
export function emptyEvidence(): AlertEvidence {
  return {
    best: EVENT_FACTORS.map(() => null),
    harm: null,
    harmSeen: new Set(),
    scale: {},
    fireSeen: new Set(),
    fireFirst: null,
    fireLast: null,
    origins: [],
    impacts: [],
    endpointPlaces: new Set(),
    across: null,
    floor: null,
    lead: null,
    groups: new Map(),
    assessed: newTally(),
    cleared: null,
    confirmed: null,
    clearSeen: [],
    eventCount: 0,
  };
}

/** A copy that later `addEvidence` calls on the original do not affect. */
export function cloneEvidence(e: AlertEvidence): AlertEvidence {
  const groups = new Map<string, GroupTally>();
  for (const [g, t] of e.groups) groups.set(g, copyTally(t));
  return {
    best: e.best.slice(),
    harm: e.harm,
    harmSeen: new Set(e.harmSeen),
    scale: { ...e.scale },
    fireSeen: new Set(e.fireSeen),
    fireFirst: e.fireFirst,
    fireLast: e.fireLast,
    origins: e.origins.slice(),
    impacts: e.impacts.slice(),
    endpointPlaces: new Set(e.endpointPlaces),
    across: e.across,
    floor: e.floor,
    lead: e.lead,
    groups,
    assessed: copyTally(e.assessed),
    cleared: e.cleared,
    confirmed: e.confirmed,
    clearSeen: e.clearSeen.slice(),
    eventCount: e.eventCount,
  };
}

/** Lines of the line of contact, for fire across it. */
export type ContactLines = readonly (readonly (readonly number[])[])[];

function crosses(a: EventEvidence, b: EventEvidence, lines: ContactLines): boolean {
  const p = a.replay.event;
  const q = b.replay.event;
  return segmentCrossesLines([p.lon!, p.lat!], [q.lon!, q.lat!], lines);
}

/** Adds one evaluated report to an alert's evidence (mutates). */
export function addEvidence(e: AlertEvidence, item: EventEvidence, lines: ContactLines): void {
  const event = item.replay.event;
  const assessment = event.assessment;
  for (let i = 0; i < EVENT_FACTORS.length; i++) {
    const current = e.best[i];
    if (item.values[i]! > 0 && (!current || item.values[i]! > current.values[i]!)) e.best[i] = item;
  }
  if (item.harm && !e.harmSeen.has(item.signature)) {
    e.harmSeen.add(item.signature);
    if (!e.harm || item.trust >= e.harm.trust) e.harm = item;
  }
  if (item.unit && event.count !== undefined) {
    const current = e.scale[item.unit];
    if (!current || item.count > current.count) e.scale[item.unit] = item;
  }
  if (item.sustains && !e.fireSeen.has(item.signature)) {
    e.fireSeen.add(item.signature);
    if (!e.fireFirst || item.replay.at < e.fireFirst.replay.at) e.fireFirst = item;
    if (!e.fireLast || item.replay.at > e.fireLast.replay.at) e.fireLast = item;
  }
  if (!e.across && lines.length > 0 && (item.origin || item.impact)) {
    const place = `${item.origin ? 'o' : 'i'}${event.lat},${event.lon}`;
    const mine = item.origin ? e.origins : e.impacts;
    // Only the first distinct places count, and a repeat from a known place adds nothing.
    if (!e.endpointPlaces.has(place) && mine.length < ENDPOINTS_KEPT) {
      e.endpointPlaces.add(place);
      mine.push(item);
      for (const other of item.origin ? e.impacts : e.origins) {
        if (crosses(item, other, lines)) {
          e.across = item.origin ? [item, other] : [other, item];
          break;
        }
      }
    }
  }
  if (item.floor > 0 && (!e.floor || item.floor > e.floor.floor)) e.floor = item;

  // Certainty.
  if (assessment !== 'clears' && (!e.lead || item.act > e.lead.act)) e.lead = item;
  const k = sourceIndex(event.source);
  if (assessment === 'confirms' || assessment === 'inconclusive') {
    tallyReport(e.assessed, k, item, assessment === 'confirms');
  } else if (assessment !== 'clears') {
    for (const g of item.groups) {
      let t = e.groups.get(g);
      if (!t) {
        t = newTally();
        e.groups.set(g, t);
      }
      tallyReport(t, k, item, true);
    }
  }
  // An assessment assesses something: a report that refers to another, or one
  // joining reports already in the alert.
  const assesses = event.refers_to !== undefined || e.eventCount > 0;
  if (assessment === 'clears' && !e.clearSeen.includes(item.signature)) {
    // A repeat of a clearing report already counted clears nothing new.
    e.clearSeen.push(item.signature);
    e.cleared = item;
    e.confirmed = null;
  } else if (assessment === 'confirms' && assesses) {
    e.confirmed = item;
    e.cleared = null;
  }
  e.eventCount += 1;
}

/** Gravity factors, exactly: per GRAVITY_FACTORS up to (not including) floor and clamp. */
function rawGravity(model: ScoringModel, e: AlertEvidence, out: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < EVENT_FACTORS.length; i++) {
    const v = e.best[i]?.values[i] ?? 0;
    out[i] = v;
    sum += v;
  }
  const n = EVENT_FACTORS.length;
  const across = e.across
    ? model.protected_places.fire_across_line *
      Math.max(placeWeightOf(model, e.across[0]), placeWeightOf(model, e.across[1]))
    : 0;
  out[n] = across;
  out[n + 1] = e.harm?.harm?.points ?? 0;
  let scale = 0;
  for (const unit in e.scale) {
    const item = e.scale[unit as CountUnit]!;
    const rule = model.scale[unit as CountUnit];
    if (!rule) continue;
    const points = Math.min(rule.max_points, rule.per_doubling * Math.log2(item.count));
    if (points > scale) scale = points;
  }
  out[n + 2] = scale;
  let sustained = 0;
  if (e.fireFirst && e.fireLast) {
    const minutes = (e.fireLast.replay.at - e.fireFirst.replay.at) / 60_000;
    const s = model.sustained;
    sustained = Math.min(s.max_points, s.per_doubling * Math.log2(1 + minutes / s.unit_min));
  }
  out[n + 3] = sustained;
  return sum + across + out[n + 1]! + scale + sustained;
}

function placeWeightOf(model: ScoringModel, item: EventEvidence): number {
  const c = item.weaponClass;
  const w = c ? model.weapons.classes[c as keyof ScoringModel['weapons']['classes']] : undefined;
  return w?.place_weight ?? model.weapons.default_place_weight;
}

/** The floor the alert is held to (0: none) and the report that sets it. */
export function floorOf(e: AlertEvidence): {
  level: number;
  item: EventEvidence | null;
  reason: string | null;
} {
  let level = e.floor?.floor ?? 0;
  let item = e.floor;
  let reason = e.floor?.floorReason ?? null;
  const civilians = e.harm?.harm?.civilianKilled ?? 0;
  const harmFloor = civilians >= 5 ? FLOOR_CRITICAL : civilians >= 1 ? FLOOR_HIGH : 0;
  if (harmFloor > level) {
    level = harmFloor;
    item = e.harm;
    reason = `${civilians} civilian${civilians === 1 ? '' : 's'} killed`;
  }
  return { level, item, reason };
}

const RAW_COUNT = GRAVITY_FACTORS.length - 2;
const scratch = new Float64Array(RAW_COUNT);

/** Gravity before rounding: the factors' sum, lifted by a floor, clamped to [0, 100]. */
export function exactGravity(
  model: ScoringModel,
  e: AlertEvidence,
  out: Float64Array = scratch,
): { sum: number; floored: number; gravity: number } {
  const sum = rawGravity(model, e, out);
  const floor = floorOf(e).level;
  const floored = floor > 0 ? Math.max(sum, floor + model.floors.lift * sum) : sum;
  return { sum, floored, gravity: Math.min(100, Math.max(0, floored)) };
}

/** The alert's compatible reports per source kind: best certainty and agreement. */
function compatible(e: AlertEvidence): GroupTally | null {
  if (!e.lead) return null;
  const tally = copyTally(e.assessed);
  for (const g of e.lead.groups) {
    const t = e.groups.get(g);
    if (!t) continue;
    for (let k = 0; k < SOURCES.length; k++) {
      if (t.item[k] && (t.best[k]! > tally.best[k]! || !tally.item[k])) {
        tally.best[k] = t.best[k]!;
        tally.item[k] = t.item[k]!;
      }
      if (t.agree[k]) tally.agree[k] = 1;
    }
  }
  return tally;
}

/**
 * How many source kinds agree. A kind that is not independent (a controller
 * inject) counts only beside an independent one: a sensor that bears out a
 * hotline call corroborates it; two calls prove nothing more than one.
 */
function agreeingKinds(model: ScoringModel, tally: GroupTally): number {
  let independent = 0;
  let other = 0;
  for (let k = 0; k < SOURCES.length; k++) {
    if (!tally.agree[k]) continue;
    if (model.certainty.sources[SOURCES[k]!]?.independent) independent += 1;
    else other += 1;
  }
  return independent === 0 ? 0 : independent + other;
}

/** Certainty before rounding (0 when cleared), with what went into it. */
export function exactCertainty(
  model: ScoringModel,
  e: AlertEvidence,
): { certainty: number; raw: number; doubt: number[]; agreeing: number } {
  const tally = compatible(e);
  if (!tally) return { certainty: 0, raw: 0, doubt: [], agreeing: 0 };
  let doubt = 1;
  const steps: number[] = [];
  const agreeing = agreeingKinds(model, tally);
  for (let k = 0; k < SOURCES.length; k++) {
    if (tally.best[k]! > 0) {
      doubt *= 1 - tally.best[k]!;
      steps.push(k);
    }
  }
  if (agreeing > 1) doubt *= (1 - model.certainty.agreement) ** (agreeing - 1);
  let raw = 1 - doubt;
  if (e.confirmed && raw < PROBABLE) raw = PROBABLE;
  return { certainty: e.cleared ? 0 : raw, raw, doubt: steps, agreeing };
}

/** The rounded measures of an alert: what bands and ranking use. */
export interface AlertMeasures {
  /** 0–100, rounded once to one decimal. */
  gravity: number;
  severity: Severity;
  /** 0–1, rounded once to two decimals (0 when cleared). */
  certainty: number;
  certaintyBand: CertaintyBand;
  cleared: boolean;
}

/** The measures of an alert's evidence (the engine's hot path). */
export function measure(model: ScoringModel, e: AlertEvidence): AlertMeasures {
  const gravity = Math.round(exactGravity(model, e).gravity * 10) / 10;
  const cleared = e.cleared !== null;
  const certainty = Math.round(exactCertainty(model, e).certainty * 100) / 100;
  return {
    gravity,
    severity: severityOf(gravity),
    certainty,
    certaintyBand: certaintyBandOf(certainty, cleared),
    cleared,
  };
}

/** A factor's exact value and its display value (the displayed lines sum exactly to the total). */
export interface FactorLine<F extends string> {
  factor: F;
  raw: number;
  contribution: number;
}

/** Gravity with its factor lines. */
export interface GravityBreakdown {
  gravity: number;
  severity: Severity;
  /** Non-zero lines in GRAVITY_FACTORS order; contributions sum exactly to `gravity`. */
  lines: FactorLine<GravityFactor>[];
  sum: number;
  floored: number;
  floor: ReturnType<typeof floorOf>;
}

/** Scores an alert's gravity with display lines. */
export function gravityBreakdown(model: ScoringModel, e: AlertEvidence): GravityBreakdown {
  const values = new Float64Array(RAW_COUNT);
  const { sum, floored, gravity } = exactGravity(model, e, values);
  const raws: { factor: GravityFactor; raw: number }[] = [];
  for (let i = 0; i < RAW_COUNT; i++) raws.push({ factor: GRAVITY_FACTORS[i]!, raw: values[i]! });
  if (floored !== sum) raws.push({ factor: 'floor', raw: floored - sum });
  if (gravity !== floored) raws.push({ factor: 'clamp', raw: gravity - floored });
  const tenths = Math.round(gravity * 10);
  return {
    gravity: tenths / 10,
    severity: severityOf(tenths / 10),
    lines: displayLines<GravityFactor, { factor: GravityFactor; raw: number }>(raws, tenths, [
      'clamp',
      'floor',
    ]),
    sum,
    floored,
    floor: floorOf(e),
  };
}

/** One certainty line before rounding: which kind, or which rule. */
export interface CertaintyStep {
  factor: CertaintyFactor;
  /** Source kind index for `source` lines. */
  kind: number | null;
  raw: number;
}

/** Certainty with its lines, in points of 0–100 that sum exactly to certainty × 100. */
export interface CertaintyBreakdown {
  certainty: number;
  band: CertaintyBand;
  lines: (FactorLine<CertaintyFactor> & { kind: number | null })[];
  agreeing: number;
  /** Per source kind, the compatible report that counts (its best), or null. */
  counted: readonly (EventEvidence | null)[];
  /** Per source kind: whether it counts as an agreeing independent kind. */
  agrees: readonly boolean[];
}

/** Scores an alert's certainty with display lines (each step's share of the whole). */
export function certaintyBreakdown(model: ScoringModel, e: AlertEvidence): CertaintyBreakdown {
  const tally = compatible(e);
  const exact = exactCertainty(model, e);
  const hundredths = Math.round(exact.certainty * 100);
  const steps: (CertaintyStep & { order: number })[] = [];
  let doubt = 1;
  if (tally) {
    for (const k of exact.doubt) {
      const next = doubt * (1 - tally.best[k]!);
      steps.push({ factor: 'source', kind: k, raw: (doubt - next) * 100, order: steps.length });
      doubt = next;
    }
    if (exact.agreeing > 1) {
      const next = doubt * (1 - model.certainty.agreement) ** (exact.agreeing - 1);
      steps.push({
        factor: 'agreement',
        kind: null,
        raw: (doubt - next) * 100,
        order: steps.length,
      });
      doubt = next;
    }
    if (exact.raw > 1 - doubt + 1e-12) {
      steps.push({
        factor: 'confirmed',
        kind: null,
        raw: (exact.raw - (1 - doubt)) * 100,
        order: steps.length,
      });
    }
    if (e.cleared)
      steps.push({ factor: 'cleared', kind: null, raw: -exact.raw * 100, order: steps.length });
  }
  const lines = displayLines<CertaintyFactor, CertaintyStep & { order: number }>(
    steps,
    hundredths * 10,
    ['cleared', 'confirmed'],
  );
  return {
    certainty: hundredths / 100,
    band: certaintyBandOf(hundredths / 100, e.cleared !== null),
    lines,
    agreeing: exact.agreeing,
    counted: tally?.item ?? SOURCES.map(() => null),
    agrees: SOURCES.map((_, k) => exact.agreeing > 0 && !!tally?.agree[k]),
  };
}

/**
 * Rounds each line to tenths so that the shown lines add up to the total
 * exactly (largest remainder). Lines of the `always` factors are shown even
 * when they round to nothing.
 */
function displayLines<F extends string, T extends { factor: F; raw: number }>(
  raws: T[],
  totalTenths: number,
  always: readonly string[],
): (T & FactorLine<F>)[] {
  // The total was rounded once; the lines are scaled to it (a hair for gravity,
  // up to half a point for certainty, rounded to whole hundredths).
  const rawSum = raws.reduce((sum, r) => sum + r.raw, 0);
  const scale = rawSum !== 0 && totalTenths !== 0 ? totalTenths / 10 / rawSum : 1;
  const parts = raws
    .filter((r) => r.raw !== 0)
    .map((r, order) => {
      const scaled = r.raw * 10 * scale;
      const floor = Math.floor(scaled);
      return { item: r, order, tenths: floor, remainder: scaled - floor };
    });
  let missing = totalTenths - parts.reduce((sum, p) => sum + p.tenths, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  for (const part of byRemainder) {
    if (missing <= 0) break;
    part.tenths += 1;
    missing -= 1;
  }
  for (const part of byRemainder.reverse()) {
    if (missing >= 0) break;
    part.tenths -= 1;
    missing += 1;
  }
  return parts
    .filter((p) => p.tenths !== 0 || always.includes(p.item.factor))
    .map((p) => ({ ...p.item, contribution: p.tenths / 10 }));
}

/** Scores a set of reports as one alert, from scratch (the reference for the engine's incremental path). */
export function evidenceOf(
  ctx: ScoringContext,
  events: readonly ReplayEvent[],
  lines: ContactLines = [],
): AlertEvidence {
  const evidence = emptyEvidence();
  for (const r of events) addEvidence(evidence, evaluateEvent(ctx, r), lines);
  return evidence;
}
