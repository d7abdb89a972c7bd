// Ranking at an exercise time, headless (the `rank` command): replay every
// event shown at or before T, no protocol, then read the queue.
import type { AlertView } from '../alerts/alert-view';
import { BUILTIN_SCORING_MODEL, type ScoringModel } from '../alerts/scoring-model';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import { ReplayCursor } from './cursor';

/** The alerts at exercise time `time`, ranked (active, cleared, quiet; none is closed: no protocol runs). */
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

/** One factor of a `rank --json` row: its id, its reason and its points. */
export interface RankFactor {
  factor: string;
  label: string;
  contribution: number;
}

/** One row of `rank --json` (docs/ALERTS-AND-SEVERITY.md, last section; docs/CLI.md). */
export interface RankRow {
  rank: number;
  id: string;
  state: string;
  gravity: number;
  severity: string;
  certainty: number;
  certainty_band: string;
  factors: RankFactor[];
  certainty_factors: RankFactor[];
  event_ids: string[];
  /** Equal to `gravity`, kept for version-1 readers. */
  score: number;
  zones: string[];
  first_seen: string;
  last_seen: string;
  title: string;
  links: { event_id: string; refers_to: string; alert_id: string | null }[];
  continues: string | null;
}

/** The rows of `rank --json`, in rank order. */
export function rankRows(alerts: readonly AlertView[]): RankRow[] {
  return alerts.map((a, i) => ({
    rank: i + 1,
    id: a.id,
    state: a.state,
    gravity: a.gravity,
    severity: a.severity,
    certainty: a.certainty,
    certainty_band: a.certaintyBand,
    factors: a.factors.map((f) => ({
      factor: f.factor,
      label: f.label,
      contribution: f.contribution,
    })),
    certainty_factors: a.certaintyFactors.map((f) => ({
      factor: f.factor,
      label: f.label,
      contribution: f.contribution,
    })),
    event_ids: a.eventIds,
    score: a.gravity,
    zones: a.zones,
    first_seen: a.firstSeen,
    last_seen: a.lastSeen,
    title: a.title,
    links: a.links.map((l) => ({
      event_id: l.eventId,
      refers_to: l.refersTo,
      alert_id: l.alertId,
    })),
    continues: a.continues,
  }));
}
