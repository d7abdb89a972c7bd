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
  type EventEvidence,
  type ScoringContext,
} from './event-evidence';
import type { CertaintyBand, Severity } from './bands';
import type { ScoringModel } from './scoring-model';

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
const ENDPOINTS_KEPT = 8;

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

/** Number of source kinds: each group's tally has one slot per kind. */
const KINDS = SOURCES.length;

/**
 * Per compatibility group present in the alert (group 0: its assessments):
 * each source kind's best certainty, whether it agrees, and the report giving
 * that best (for the reasons shown). Flat arrays, `KINDS` slots per group, so
 * copying an alert's tallies is a few slices.
 */
interface Tallies {
  groups: number[];
  best: number[];
  /** Bit k set: kind k agrees. */
  agree: number[];
  event: (ReplayEvent | null)[];
}

function noTallies(): Tallies {
  return { groups: [], best: [], agree: [], event: [] };
}

function copyTallies(t: Tallies): Tallies {
  return {
    groups: t.groups.slice(),
    best: t.best.slice(),
    agree: t.agree.slice(),
    event: t.event.slice(),
  };
}

/** Where group `g` is in the tallies, or -1. */
function slotOf(t: Tallies, g: number): number {
  const groups = t.groups;
  for (let i = 0; i < groups.length; i++) if (groups[i] === g) return i;
  return -1;
}

function tallyReport(t: Tallies, g: number, k: number, item: EventEvidence, agrees: boolean): void {
  let slot = slotOf(t, g);
  if (slot === -1) {
    slot = t.groups.length;
    t.groups.push(g);
    t.agree.push(0);
    for (let i = 0; i < KINDS; i++) {
      t.best.push(0);
      t.event.push(null);
    }
  }
  const at = slot * KINDS + k;
  if (item.certainty > t.best[at]! || (t.event[at] === null && item.certainty >= t.best[at]!)) {
    t.best[at] = item.certainty;
    t.event[at] = item.replay;
  }
  if (agrees) t.agree[slot] = t.agree[slot]! | (1 << k);
}

/**
 * Claims seen (report signatures), in an append-only list that snapshots
 * share (each keeps its own length), indexed by a set that only the live
 * evidence owns: a snapshot costs nothing however many reports an alert has.
 */
export interface SeenClaims {
  list: number[];
  count: number;
  /** Null until needed (a restored copy builds it from the first `count`). */
  index: Set<number> | null;
}

function noClaims(): SeenClaims {
  return { list: [], count: 0, index: null };
}

function ownIndex(seen: SeenClaims): Set<number> {
  if (seen.index === null) {
    // A restored copy: take its own part of the shared list, and index it.
    seen.list = seen.list.slice(0, seen.count);
    seen.index = new Set(seen.list);
  }
  return seen.index;
}

function hasClaim(seen: SeenClaims, signature: number): boolean {
  return seen.count > 0 && ownIndex(seen).has(signature);
}

function addClaim(seen: SeenClaims, signature: number): void {
  const index = ownIndex(seen);
  seen.list.push(signature);
  seen.count = seen.list.length;
  index.add(signature);
}

/** A firing point or an impact kept to look for fire across the line. */
interface Endpoint {
  lon: number;
  lat: number;
  id: string;
  placeWeight: number;
}

/**
 * The running evidence of one alert: numbers and references to its reports,
 * never the evaluations themselves (those are made again for the reasons a
 * view shows), so what an alert keeps is small and outlives no report.
 */
export interface AlertEvidence {
  /**
   * True while its inner lists and tallies are shared with a snapshot: they
   * are copied before the next change (copy on write), so a snapshot of an
   * alert that never changes again costs nothing more.
   */
  shared: boolean;
  /** Per EVENT_FACTORS: the highest value, and the report giving it (earliest on ties). */
  bestValue: number[];
  bestEvent: (ReplayEvent | null)[];
  /**
   * The figures of the most trusted report giving harm (ties: the later one).
   * A repeat of a report already counted (the same claims) is not weighed
   * again, so a second source saying the same never changes the figures.
   */
  harmEvent: ReplayEvent | null;
  harmTrust: number;
  harmPoints: number;
  harmCivilians: number;
  harmSeen: SeenClaims;
  /** The report whose count scores most, each in its own unit (earliest on ties). */
  scaleEvent: ReplayEvent | null;
  scalePoints: number;
  /** Signatures of the fire reports seen: a repeat does not stretch an exchange. */
  fireSeen: SeenClaims;
  fireFirst: ReplayEvent | null;
  fireLast: ReplayEvent | null;
  origins: Endpoint[];
  impacts: Endpoint[];
  /** Places already kept as origins or impacts: a report from the same place adds nothing. */
  endpointPlaces: Set<number> | null;
  across: { from: string; to: string; placeWeight: number } | null;
  /** The highest floor a report sets of its own (harm floors come from the harm figures). */
  floorLevel: number;
  floorEvent: ReplayEvent | null;
  // Certainty
  /** The report with the highest act (earliest on ties): what the alert is about. */
  leadEvent: ReplayEvent | null;
  leadAct: number;
  leadGroups: readonly string[];
  leadGroupIds: readonly number[];
  /** Per group (0: assessments, which are about the alert: always compatible). */
  tallies: Tallies;
  cleared: ReplayEvent | null;
  confirmed: ReplayEvent | null;
  clearSeen: number[];
  eventCount: number;
}

const NO_GROUPS: readonly string[] = Object.freeze([]);
/** Shared empty lists, replaced by a list of its own on the first push (most alerts never push). */
const NO_ENDPOINTS = Object.freeze([]) as unknown as Endpoint[];
const NO_SIGNATURES = Object.freeze([]) as unknown as number[];
const NO_GROUP_IDS: readonly number[] = Object.freeze([]);

/** Empty evidence for a new alert. */
export function emptyEvidence(): AlertEvidence {
  return {
    shared: false,
    bestValue: [0, 0, 0, 0, 0, 0, 0],
    bestEvent: [null, null, null, null, null, null, null],
    harmEvent: null,
    harmTrust: 0,
    harmPoints: 0,
    harmCivilians: 0,
    harmSeen: noClaims(),
    scaleEvent: null,
    scalePoints: 0,
    fireSeen: noClaims(),
    fireFirst: null,
    fireLast: null,
    origins: NO_ENDPOINTS,
    impacts: NO_ENDPOINTS,
    endpointPlaces: null,
    across: null,
    floorLevel: 0,
    floorEvent: null,
    leadEvent: null,
    leadAct: -1,
    leadGroups: NO_GROUPS,
    leadGroupIds: NO_GROUP_IDS,
    tallies: noTallies(),
    cleared: null,
    confirmed: null,
    clearSeen: NO_SIGNATURES,
    eventCount: 0,
  };
}

/**
 * A copy that later `addEvidence` calls on the original do not affect. Both
 * share the inner structures until either is changed (copy on write).
 */
export function cloneEvidence(e: AlertEvidence): AlertEvidence {
  e.shared = true;
  const copy = { ...e };
  // The copy shares the lists but not the indexes: only the live one appends.
  copy.harmSeen = { list: e.harmSeen.list, count: e.harmSeen.count, index: null };
  copy.fireSeen = { list: e.fireSeen.list, count: e.fireSeen.count, index: null };
  return copy;
}

/** Gives evidence its own inner structures before a change. */
function unshare(e: AlertEvidence): void {
  e.tallies = copyTallies(e.tallies);
  e.bestValue = e.bestValue.slice();
  e.bestEvent = e.bestEvent.slice();
  if (e.origins !== NO_ENDPOINTS) e.origins = e.origins.slice();
  if (e.impacts !== NO_ENDPOINTS) e.impacts = e.impacts.slice();
  if (e.endpointPlaces) e.endpointPlaces = new Set(e.endpointPlaces);
  if (e.clearSeen !== NO_SIGNATURES) e.clearSeen = e.clearSeen.slice();
  e.shared = false;
}

/** Lines of the line of contact, for fire across it. */
export type ContactLines = readonly (readonly (readonly number[])[])[];

function placeWeightOf(model: ScoringModel, item: EventEvidence): number {
  const c = item.weaponClass;
  const w = c ? model.weapons.classes[c as keyof ScoringModel['weapons']['classes']] : undefined;
  return w?.place_weight ?? model.weapons.default_place_weight;
}

/** Adds one evaluated report to an alert's evidence (mutates). */
export function addEvidence(
  e: AlertEvidence,
  item: EventEvidence,
  lines: ContactLines,
  model: ScoringModel,
): void {
  if (e.shared) unshare(e);
  const replay = item.replay;
  const event = replay.event;
  const assessment = event.assessment;
  const values = item.values;
  for (let i = 0; i < 7; i++) {
    const v = values[i]!;
    if (v > e.bestValue[i]!) {
      e.bestValue[i] = v;
      e.bestEvent[i] = replay;
    }
  }
  if (item.harm && !hasClaim(e.harmSeen, item.signature)) {
    addClaim(e.harmSeen, item.signature);
    if (!e.harmEvent || item.trust >= e.harmTrust) {
      e.harmEvent = replay;
      e.harmTrust = item.trust;
      e.harmPoints = item.harm.points;
      e.harmCivilians = item.harm.civilianKilled;
    }
  }
  if (item.scalePoints > e.scalePoints) {
    e.scalePoints = item.scalePoints;
    e.scaleEvent = replay;
  }
  if (item.sustains && !hasClaim(e.fireSeen, item.signature)) {
    addClaim(e.fireSeen, item.signature);
    if (!e.fireFirst || replay.at < e.fireFirst.at) e.fireFirst = replay;
    if (!e.fireLast || replay.at > e.fireLast.at) e.fireLast = replay;
  }
  if (!e.across && lines.length > 0 && (item.origin || item.impact)) {
    // The place to about a metre, and whether it is an origin (a number: no string per report).
    const place =
      (Math.round(event.lat! * 1e5) * 4e7 + Math.round(event.lon! * 1e5)) * 2 +
      (item.origin ? 1 : 0);
    if (item.origin && e.origins === NO_ENDPOINTS) e.origins = [];
    if (item.impact && e.impacts === NO_ENDPOINTS) e.impacts = [];
    const mine = item.origin ? e.origins : e.impacts;
    // Only the first distinct places count, and a repeat from a known place adds nothing.
    if (!e.endpointPlaces?.has(place) && mine.length < ENDPOINTS_KEPT) {
      (e.endpointPlaces ??= new Set()).add(place);
      const end: Endpoint = {
        lon: event.lon!,
        lat: event.lat!,
        id: event.id,
        placeWeight: placeWeightOf(model, item),
      };
      mine.push(end);
      for (const other of item.origin ? e.impacts : e.origins) {
        if (segmentCrossesLines([end.lon, end.lat], [other.lon, other.lat], lines)) {
          const [from, to] = item.origin ? [end, other] : [other, end];
          e.across = {
            from: from.id,
            to: to.id,
            placeWeight: Math.max(from.placeWeight, to.placeWeight),
          };
          break;
        }
      }
    }
  }
  if (item.floor > e.floorLevel) {
    e.floorLevel = item.floor;
    e.floorEvent = replay;
  }

  // Certainty.
  if (assessment !== 'clears' && item.act > e.leadAct) {
    e.leadEvent = replay;
    e.leadAct = item.act;
    e.leadGroups = item.groups;
    e.leadGroupIds = item.groupIds;
  }
  const k = item.kind;
  if (assessment === 'confirms' || assessment === 'inconclusive') {
    tallyReport(e.tallies, 0, k, item, assessment === 'confirms');
  } else if (assessment !== 'clears') {
    for (const g of item.groupIds) tallyReport(e.tallies, g, k, item, true);
  }
  // An assessment assesses something: a report that refers to another, or one
  // joining reports already in the alert.
  const assesses = event.refers_to !== undefined || e.eventCount > 0;
  if (assessment === 'clears' && !e.clearSeen.includes(item.signature)) {
    // A repeat of a clearing report already counted clears nothing new.
    if (e.clearSeen === NO_SIGNATURES) e.clearSeen = [];
    e.clearSeen.push(item.signature);
    e.cleared = replay;
    e.confirmed = null;
  } else if (assessment === 'confirms' && assesses) {
    e.confirmed = replay;
    e.cleared = null;
  }
  e.eventCount += 1;
}

/** Gravity factors, exactly: per GRAVITY_FACTORS up to (not including) floor and clamp. */
function rawGravity(model: ScoringModel, e: AlertEvidence, out: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const v = e.bestValue[i]!;
    out[i] = v;
    sum += v;
  }
  const across = e.across ? model.protected_places.fire_across_line * e.across.placeWeight : 0;
  out[7] = across;
  out[8] = e.harmPoints;
  out[9] = e.scalePoints;
  let sustained = 0;
  if (e.fireFirst && e.fireLast && e.fireLast.at > e.fireFirst.at) {
    const minutes = (e.fireLast.at - e.fireFirst.at) / 60_000;
    const s = model.sustained;
    sustained = Math.min(s.max_points, s.per_doubling * Math.log2(1 + minutes / s.unit_min));
  }
  out[10] = sustained;
  return sum + across + e.harmPoints + e.scalePoints + sustained;
}

/** The floor the alert is held to (0: none), the report that sets it, and why. */
export function floorOf(
  ctx: ScoringContext,
  e: AlertEvidence,
): { level: number; event: ReplayEvent | null; reason: string | null } {
  let level = e.floorLevel;
  let event = e.floorEvent;
  let reason = event ? evaluateEvent(ctx, event).floorReason : null;
  const civilians = e.harmCivilians;
  const harmFloor = civilians >= 5 ? FLOOR_CRITICAL : civilians >= 1 ? FLOOR_HIGH : 0;
  if (harmFloor > level) {
    level = harmFloor;
    event = e.harmEvent;
    reason = `${civilians} civilian${civilians === 1 ? '' : 's'} killed`;
  }
  return { level, event, reason };
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
  const floored = lift(model, sum, floorLevel(e));
  return { sum, floored, gravity: Math.min(100, Math.max(0, floored)) };
}

/** The sum lifted by a floor: max(sum, floor + lift × sum). */
function lift(model: ScoringModel, sum: number, floor: number): number {
  return floor > 0 ? Math.max(sum, floor + model.floors.lift * sum) : sum;
}

/** The floor's level alone (the hot path: no reason text). */
function floorLevel(e: AlertEvidence): number {
  const level = e.floorLevel;
  const civilians = e.harmCivilians;
  const harmFloor = civilians >= 5 ? FLOOR_CRITICAL : civilians >= 1 ? FLOOR_HIGH : 0;
  return harmFloor > level ? harmFloor : level;
}

/** The alert's compatible reports per source kind: best certainty, agreement, the report. */
function compatible(
  e: AlertEvidence,
): { best: number[]; agree: boolean[]; event: (ReplayEvent | null)[] } | null {
  if (!e.leadEvent) return null;
  const best = [0, 0, 0, 0, 0, 0];
  const agree = [false, false, false, false, false, false];
  const event: (ReplayEvent | null)[] = [null, null, null, null, null, null];
  const t = e.tallies;
  for (const g of [0, ...e.leadGroupIds]) {
    const slot = slotOf(t, g);
    if (slot === -1) continue;
    for (let k = 0; k < KINDS; k++) {
      const at = slot * KINDS + k;
      if (t.event[at] && (t.best[at]! > best[k]! || !event[k])) {
        best[k] = t.best[at]!;
        event[k] = t.event[at]!;
      }
      if (t.agree[slot]! & (1 << k)) agree[k] = true;
    }
  }
  return { best, agree, event };
}

/** Per model: which kinds are independent, by SOURCES index (looked up once). */
const independentCache = new WeakMap<ScoringModel, Uint8Array>();
function independentKinds(model: ScoringModel): Uint8Array {
  let flags = independentCache.get(model);
  if (!flags) {
    flags = Uint8Array.from(SOURCES, (s) => (model.certainty.sources[s].independent ? 1 : 0));
    independentCache.set(model, flags);
  }
  return flags;
}

const bestScratch = new Float64Array(SOURCES.length);

/**
 * Certainty before rounding (0 when cleared), with what went into it: the
 * kinds whose best report counts (in SOURCES order) and how many agree.
 */
export function exactCertainty(
  model: ScoringModel,
  e: AlertEvidence,
): { certainty: number; raw: number; doubt: number[]; agreeing: number } {
  const raw = certaintyOf(model, e);
  const agreeing = lastAgreeing;
  const doubt: number[] = [];
  for (let k = 0; k < SOURCES.length; k++) if (bestScratch[k]! > 0) doubt.push(k);
  return { certainty: e.cleared ? 0 : raw, raw, doubt, agreeing };
}

/**
 * The certainty of evidence, before rounding and before clearing (the hot
 * path: no allocation). Leaves each kind's best in `bestScratch`.
 */
function certaintyOf(model: ScoringModel, e: AlertEvidence): number {
  if (!e.leadEvent) {
    bestScratch.fill(0);
    lastAgreeing = 0;
    return 0;
  }
  bestScratch.fill(0);
  let agreeBits = 0;
  const t = e.tallies;
  // Assessments (group 0) and the lead's groups.
  for (let i = -1; i < e.leadGroupIds.length; i++) {
    const slot = slotOf(t, i === -1 ? 0 : e.leadGroupIds[i]!);
    if (slot === -1) continue;
    const base = slot * KINDS;
    for (let k = 0; k < KINDS; k++) {
      const v = t.best[base + k]!;
      if (v > bestScratch[k]!) bestScratch[k] = v;
    }
    agreeBits |= t.agree[slot]!;
  }
  const flags = independentKinds(model);
  let independent = 0;
  let other = 0;
  let doubt = 1;
  for (let k = 0; k < SOURCES.length; k++) {
    doubt *= 1 - bestScratch[k]!;
    if (!(agreeBits & (1 << k))) continue;
    if (flags[k]) independent += 1;
    else other += 1;
  }
  // A kind that is not independent (an inject) agrees only beside one that is.
  const agreeing = independent === 0 ? 0 : independent + other;
  if (agreeing > 1) doubt *= (1 - model.certainty.agreement) ** (agreeing - 1);
  let raw = 1 - doubt;
  if (e.confirmed && raw < PROBABLE) raw = PROBABLE;
  lastAgreeing = agreeing;
  return raw;
}

/** How many kinds agreed in the last certaintyOf (read right after it). */
let lastAgreeing = 0;

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

/**
 * The measures of an alert's evidence (the engine's hot path). When they are
 * those of `previous`, `previous` itself is returned: most reports change
 * neither measure, and measures are never changed in place.
 */
export function measure(
  model: ScoringModel,
  e: AlertEvidence,
  previous?: AlertMeasures,
): AlertMeasures {
  const floored = lift(model, rawGravity(model, e, scratch), floorLevel(e));
  const gravity = Math.round(Math.min(100, Math.max(0, floored)) * 10) / 10;
  const cleared = e.cleared !== null;
  const certainty = cleared ? 0 : Math.round(certaintyOf(model, e) * 100) / 100;
  if (
    previous !== undefined &&
    previous.gravity === gravity &&
    previous.certainty === certainty &&
    previous.cleared === cleared
  ) {
    return previous;
  }
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
export function gravityBreakdown(ctx: ScoringContext, e: AlertEvidence): GravityBreakdown {
  const model = ctx.model;
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
    floor: floorOf(ctx, e),
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
  counted: readonly (ReplayEvent | null)[];
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
    counted: tally?.event ?? SOURCES.map(() => null),
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
  const scale = rawSum !== 0 ? totalTenths / 10 / rawSum : 1;
  const parts = raws
    .filter((r) => r.raw !== 0)
    .map((r, order) => {
      const scaled = r.raw * 10 * scale;
      const floor = Math.floor(scaled);
      return { item: r, order, tenths: floor, remainder: scaled - floor };
    });
  let missing = totalTenths - parts.reduce((sum, p) => sum + p.tenths, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  // Largest remainders first; as many passes as the rounding needs.
  for (let pass = 0; missing > 0 && byRemainder.length > 0; pass++) {
    byRemainder[pass % byRemainder.length]!.tenths += 1;
    missing -= 1;
  }
  const bySmallest = byRemainder.slice().reverse();
  for (let pass = 0; missing < 0 && bySmallest.length > 0; pass++) {
    bySmallest[pass % bySmallest.length]!.tenths -= 1;
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
  for (const r of events) addEvidence(evidence, evaluateEvent(ctx, r), lines, ctx.model);
  return evidence;
}
