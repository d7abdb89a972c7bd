// The Log screen's exports: the signed bundle (evidence), and CSV views of the
// log and of the alerts (conveniences, not evidence).
import {
  alertsToCsv,
  logToCsv,
  verifyLogBundle,
  type AlertCsvRow,
  type ExportBundle,
  type LogEntry,
  type VerificationResult,
} from '../../../shared/audit';
import { resumeExercise } from '../../../shared/exercise/exercise-session';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { exportExerciseLog, getOrCreateInstallationKey, type TrucelineDatabase } from '../storage';

export interface SignedExport {
  bundle: ExportBundle;
  text: string;
  /** The bundle verified right after signing, exactly as an auditor will. */
  verification: VerificationResult;
}

/** Builds the exercise's export bundle signed with this installation's key, and verifies it. */
export async function buildSignedExport(
  db: TrucelineDatabase,
  exerciseId: string,
): Promise<SignedExport> {
  const key = await getOrCreateInstallationKey(db);
  const bundle = await exportExerciseLog(db, exerciseId, key);
  const text = `${JSON.stringify(bundle)}\n`;
  return { bundle, text, verification: await verifyLogBundle(text) };
}

export function logCsv(entries: readonly LogEntry[], classification: string): string {
  return logToCsv(entries, classification);
}

/** The alerts as they stand at the end of the log, rebuilt by replaying it over the scenario. */
export async function alertsCsv(
  scenario: LoadedScenario,
  entries: readonly LogEntry[],
): Promise<string> {
  const engine = await resumeExercise(scenario, entries);
  const rows: AlertCsvRow[] = engine.getSnapshot().alerts.map((alert) => ({
    rank: alert.rank,
    id: alert.id,
    score: alert.score,
    severity: alert.severity,
    zones: alert.view.zones,
    event_ids: alert.eventIds,
    first_seen: alert.view.firstSeen,
    last_seen: alert.view.lastSeen,
    status: alert.closed ? 'closed' : alert.quiet ? 'quiet' : 'active',
    step: alert.protocol?.stepId ?? null,
    factors: alert.view.factors,
  }));
  return alertsToCsv(rows, scenario.classification);
}
