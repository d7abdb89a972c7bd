// Ranking at an exercise time, headless (the `rank` command): replay every
// event shown at or before T, no protocol, then read the queue.
import type { AlertView } from '../alerts/alert-view';
import { BUILTIN_SCORING_MODEL, type ScoringModel } from '../alerts/scoring-model';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import { ReplayCursor } from './cursor';

/** The alerts at exercise time `time`, ranked (active before quiet). */
export function rankAlertsAt(
  scenario: LoadedScenario,
  time: number,
  model: ScoringModel = BUILTIN_SCORING_MODEL,
): AlertView[] {
  // One pass, so no snapshots are worth taking.
  const cursor = new ReplayCursor(scenario, { model, snapshotEvery: Number.MAX_SAFE_INTEGER });
  cursor.advanceTo(time);
  return cursor.engine.all();
}

/** One row of `rank --json` (docs/CLI.md). */
export interface RankRow {
  rank: number;
  id: string;
  score: number;
  severity: string;
  zones: string[];
  event_ids: string[];
  first_seen: string;
  last_seen: string;
  factors: { factor: string; contribution: number; reason: string }[];
}

/** The rows of `rank --json`, in rank order. */
export function rankRows(alerts: readonly AlertView[]): RankRow[] {
  return alerts.map((a, i) => ({
    rank: i + 1,
    id: a.id,
    score: a.score,
    severity: a.severity,
    zones: a.zones,
    event_ids: a.eventIds,
    first_seen: a.firstSeen,
    last_seen: a.lastSeen,
    factors: a.factors.map((f) => ({
      factor: f.factor,
      contribution: f.contribution,
      reason: f.reason,
    })),
  }));
}
