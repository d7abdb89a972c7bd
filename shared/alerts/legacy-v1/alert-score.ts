// FROZEN: version 1 of the scorer (see scoring-model.ts here): read-only exercises only.
// Alert-level scoring: per-event factors combine by max, corroboration counts
// distinct source kinds, confidence combines by noisy-OR, persistence grows
// with the number of events. Never a mean, so evidence only adds up.
import type { Source } from '../../scenario/schema';
import type { ReplayEvent, Zone } from '../../scenario/loaded-scenario';
import { EVENT_FACTORS, evaluateEvent, type EventEvidence } from './event-evidence';
import type { ScoringModel } from './scoring-model';

// Frozen with the rest of version 1: the live band lists are in ../bands.ts (the same five bands).
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every factor name that can appear in a breakdown, in display order. */
export const FACTORS = [
  ...EVENT_FACTORS,
  'corroboration',
  'confidence',
  'persistence',
  'clamp',
] as const;
export type Factor = (typeof FACTORS)[number];

/** The running evidence of one alert, updated in O(1) per event. */
export interface AlertEvidence {
  /** Per EVENT_FACTORS: the event with the highest weighted value (earliest on ties). */
  best: (EventEvidence | null)[];
  /** Highest confidence reported by each source kind. */
  kindConfidence: Partial<Record<Source, number>>;
  eventCount: number;
}

/** A factor's exact contribution and its display value (tenths, summing exactly to the score). */
export interface FactorLine {
  factor: Factor;
  raw: number;
  contribution: number;
}

export interface ScoreBreakdown {
  /** Rounded once, to one decimal. */
  score: number;
  severity: Severity;
  /** Non-zero lines in FACTORS order; contributions sum exactly to `score`. */
  lines: FactorLine[];
  /** Sum before the clamp to [0, 100]. */
  unclamped: number;
}

/** Empty evidence for a new alert. */
export function emptyEvidence(): AlertEvidence {
  return { best: EVENT_FACTORS.map(() => null), kindConfidence: {}, eventCount: 0 };
}

/** Adds one evaluated event to an alert's evidence (mutates). */
export function addEvidence(evidence: AlertEvidence, item: EventEvidence): void {
  for (let i = 0; i < EVENT_FACTORS.length; i++) {
    const current = evidence.best[i];
    if (!current || item.values[i]! > current.values[i]!) evidence.best[i] = item;
  }
  const source = item.event.event.source;
  const previous = evidence.kindConfidence[source];
  if (previous === undefined || item.confidence > previous) {
    evidence.kindConfidence[source] = item.confidence;
  }
  evidence.eventCount += 1;
}

/** A copy that later `addEvidence` calls on the original do not affect. */
export function cloneEvidence(evidence: AlertEvidence): AlertEvidence {
  return {
    best: evidence.best.slice(),
    kindConfidence: Object.assign({}, evidence.kindConfidence),
    eventCount: evidence.eventCount,
  };
}

/** Source kinds present in the alert that count as independent corroboration, in model order. */
export function corroboratingKinds(model: ScoringModel, evidence: AlertEvidence): Source[] {
  return model.corroboration.sources.filter((s) => evidence.kindConfidence[s] !== undefined);
}

/** 1 - Π(1 - c) over the source kinds' best confidences. */
export function combinedConfidence(evidence: AlertEvidence): number {
  let miss = 1;
  for (const source in evidence.kindConfidence) {
    miss *= 1 - (evidence.kindConfidence[source as Source] ?? 0);
  }
  return 1 - miss;
}

/** The severity band of a rounded score. */
export function severityOf(score: number): Severity {
  if (score >= 80) return 'critical';
  if (score >= 60) return 'high';
  if (score >= 40) return 'medium';
  if (score >= 20) return 'low';
  return 'info';
}

/** The factors after the per-event ones, in display order (before the clamp). */
const ALERT_FACTORS = ['corroboration', 'confidence', 'persistence'] as const;
const RAW_COUNT = EVENT_FACTORS.length + ALERT_FACTORS.length;

/**
 * Writes every factor's exact value (EVENT_FACTORS then ALERT_FACTORS) into
 * `out` and returns their sum. Allocation-free: it runs on every event.
 */
function rawFactors(model: ScoringModel, evidence: AlertEvidence, out: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < EVENT_FACTORS.length; i++) {
    const value = evidence.best[i]?.values[i] ?? 0;
    out[i] = value;
    sum += value;
  }
  let kinds = 0;
  for (const source of model.corroboration.sources) {
    if (evidence.kindConfidence[source] !== undefined) kinds += 1;
  }
  let miss = 1;
  for (const source in evidence.kindConfidence) {
    miss *= 1 - (evidence.kindConfidence[source as Source] ?? 0);
  }
  const n = EVENT_FACTORS.length;
  out[n] = Math.min(
    model.corroboration.max_points,
    Math.max(0, kinds - 1) * model.corroboration.points_per_extra_kind,
  );
  out[n + 1] = (1 - miss) * model.confidence.max_points;
  out[n + 2] =
    evidence.eventCount <= 1
      ? 0
      : Math.min(
          model.persistence.max_points,
          model.persistence.points_per_doubling * Math.log2(evidence.eventCount),
        );
  return sum + out[n]! + out[n + 1]! + out[n + 2]!;
}

const scratch = new Float64Array(RAW_COUNT);

function clampAndRound(unclamped: number): { clamped: number; tenths: number } {
  const clamped = Math.min(100, Math.max(0, unclamped));
  return { clamped, tenths: Math.round(clamped * 10) };
}

/** The rounded score of an alert's evidence, without the breakdown (the engine's hot path). */
export function scoreOnly(model: ScoringModel, evidence: AlertEvidence): number {
  const unclamped = rawFactors(model, evidence, scratch);
  return Math.round(Math.min(100, Math.max(0, unclamped)) * 10) / 10;
}

/** Scores an alert's evidence: clamped sum, rounded once, with display lines. */
export function scoreEvidence(model: ScoringModel, evidence: AlertEvidence): ScoreBreakdown {
  const values = new Float64Array(RAW_COUNT);
  const unclamped = rawFactors(model, evidence, values);
  const factors: Factor[] = [...EVENT_FACTORS, ...ALERT_FACTORS];
  const raws = factors.map((factor, i) => ({ factor, raw: values[i]! }));
  const { clamped, tenths } = clampAndRound(unclamped);
  if (clamped !== unclamped) raws.push({ factor: 'clamp', raw: clamped - unclamped });
  const score = tenths / 10;
  return {
    score,
    severity: severityOf(score),
    lines: displayLines(raws, tenths),
    unclamped,
  };
}

/**
 * Rounds each line to tenths so that the shown lines add up to the score
 * exactly (largest remainder), instead of drifting by up to 0.05 a line.
 */
function displayLines(raws: { factor: Factor; raw: number }[], total: number): FactorLine[] {
  const parts = raws
    .filter((r) => r.raw !== 0)
    .map((r, order) => {
      const scaled = r.raw * 10;
      const floor = Math.floor(scaled);
      // No object spread here: bundlers lower it to a slow helper on this hot path.
      return { factor: r.factor, raw: r.raw, order, tenths: floor, remainder: scaled - floor };
    });
  let missing = total - parts.reduce((sum, p) => sum + p.tenths, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  for (const part of byRemainder) {
    if (missing <= 0) break;
    part.tenths += 1;
    missing -= 1;
  }
  // Floating-point sums can overshoot by a hair; take it back from the smallest remainders.
  for (const part of byRemainder.reverse()) {
    if (missing >= 0) break;
    part.tenths -= 1;
    missing += 1;
  }
  // A clamp is always shown, even when it rounds to nothing (invariant 5).
  return parts
    .filter((p) => p.tenths !== 0 || p.factor === 'clamp')
    .map((p) => ({ factor: p.factor, raw: p.raw, contribution: p.tenths / 10 }));
}

/** Scores a set of events as one alert, from scratch (the reference the engine's incremental path must match). */
export function scoreAlertEvents(
  model: ScoringModel,
  zonesById: ReadonlyMap<string, Zone>,
  events: readonly ReplayEvent[],
): ScoreBreakdown {
  const evidence = emptyEvidence();
  for (const e of events) addEvidence(evidence, evaluateEvent(model, e, zonesById));
  return scoreEvidence(model, evidence);
}
