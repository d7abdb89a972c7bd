// The decisions an exercise log records, read from the log alone (no scenario,
// no app defaults): what an auditor reconstructs from an exported file.
import { KNOWN_KINDS, summarizeEntry, type KnownKind, type LogEntry } from '../../../shared/audit';

/** Kinds that are decisions or the events that forced one: every known kind but clock ticks and exports. */
const LEFT_OUT: ReadonlySet<KnownKind> = new Set(['clock', 'export']);
export const DECISION_KINDS: ReadonlySet<string> = new Set(
  KNOWN_KINDS.filter((kind) => !LEFT_OUT.has(kind)),
);

export interface DecisionRow {
  seq: number;
  exerciseTime: string | null;
  wallTime: string;
  actor: string;
  role: string;
  kind: string;
  alertId: string | null;
  stepId: string | null;
  summary: string;
  /** False from the first entry that failed verification on. */
  trusted: boolean;
}

/** Decision rows in log order; rows at or after `untrustedFrom` (1-based position) are marked. */
export function decisionTimeline(
  entries: readonly LogEntry[],
  untrustedFrom: number | null = null,
): DecisionRow[] {
  const rows: DecisionRow[] = [];
  entries.forEach((entry, index) => {
    if (!DECISION_KINDS.has(entry.kind)) return;
    rows.push({
      seq: entry.seq,
      exerciseTime: entry.exercise_time,
      wallTime: entry.wall_time,
      actor: entry.actor,
      role: entry.role,
      kind: entry.kind,
      alertId: entry.alert_id ?? null,
      stepId: entry.step_id ?? null,
      summary: summarizeEntry(entry),
      trusted: untrustedFrom === null || index + 1 < untrustedFrom,
    });
  });
  return rows;
}

/** Per alert: how many decisions, the last step reached, and whether it was closed. */
export interface AlertDecisionSummary {
  alertId: string;
  decisions: number;
  lastStep: string | null;
  breaches: number;
}

export function decisionsByAlert(rows: readonly DecisionRow[]): AlertDecisionSummary[] {
  const byAlert = new Map<string, AlertDecisionSummary>();
  for (const row of rows) {
    if (!row.alertId) continue;
    const summary = byAlert.get(row.alertId) ?? {
      alertId: row.alertId,
      decisions: 0,
      lastStep: null,
      breaches: 0,
    };
    summary.decisions += 1;
    if (row.stepId) summary.lastStep = row.stepId;
    if (row.kind === 'deadline-breach') summary.breaches += 1;
    byAlert.set(row.alertId, summary);
  }
  return [...byAlert.values()];
}
