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
import type { Participant } from '../app/app-store';
import {
  DexieAuditLog,
  exportExerciseLog,
  getOrCreateInstallationKey,
  readStoredLog,
  type TrucelineDatabase,
} from '../storage';

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
    gravity: alert.gravity,
    severity: alert.severity,
    certainty: alert.certainty,
    certainty_band: alert.certaintyBand,
    zones: alert.view.zones,
    event_ids: alert.eventIds,
    first_seen: alert.view.firstSeen,
    last_seen: alert.view.lastSeen,
    status: alert.state,
    step: alert.protocol?.stepId ?? null,
    factors: alert.view.factors,
  }));
  return alertsToCsv(rows, scenario.classification);
}

/**
 * Appends the `export` entry (docs/AUDIT-LOG.md kinds) recording what was handed
 * out: the exported head and key id, so a later export shows the earlier
 * one. Needs the exercise's scenario to replay the log, and the log's writer
 * lock (refused, not waited for, when the exercise is open in another window).
 */
export async function recordExport(
  db: TrucelineDatabase,
  scenario: LoadedScenario,
  participant: Participant,
  exported: SignedExport,
  fileName: string,
): Promise<void> {
  const exerciseId = exported.bundle.exercise.id;
  const log = await DexieAuditLog.open(db, exerciseId, { ifAvailable: true });
  try {
    const entries = await readStoredLog(db, exerciseId);
    const engine = await resumeExercise(scenario, entries, { writer: log, actor: participant });
    await engine.recordExport({
      file: fileName,
      head: exported.bundle.head,
      key_id: exported.bundle.signature?.key_id ?? null,
    });
  } finally {
    await log.close();
  }
}
