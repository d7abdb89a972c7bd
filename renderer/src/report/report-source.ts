// Where the Report screen's data comes from: an exercise's stored log, the
// scenario it ran on (for ground truth), and this installation's key id
// (the key its export is signed with).
import {
  buildAfterActionReview,
  type AfterActionReport,
  type AfterActionReview,
} from '../../../shared/report/after-action-report';
import { ExportedLogRefused, readExportedLog, type ExportBundle } from '../../../shared/audit';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { SEVERITIES } from '../../../shared/alerts/bands';
import { getOrCreateInstallationKey, readStoredLog, type TrucelineDatabase } from '../storage';

/** The after-action report of a stored exercise over its scenario, with its alerts' measures. */
export async function reportForExercise(
  db: TrucelineDatabase,
  exerciseId: string,
  scenario: LoadedScenario,
): Promise<AfterActionReview> {
  const entries = await readStoredLog(db, exerciseId);
  if (entries.length === 0) throw new Error(`exercise ${exerciseId} has no log entries yet`);
  const key = await getOrCreateInstallationKey(db);
  return buildAfterActionReview({ scenario, entries, keyId: key.keyId });
}

/**
 * The report of an exported log file (its bytes, read strictly and verified
 * exactly as the CLI's `report` does: no report of a tampered log), over the
 * scenario it names.
 */
export async function reportForExportedLog(
  content: Uint8Array | string,
  findScenario: (hash: string) => LoadedScenario | null,
): Promise<AfterActionReview> {
  let bundle: ExportBundle;
  try {
    ({ bundle } = await readExportedLog(content));
  } catch (error) {
    if (error instanceof ExportedLogRefused) {
      const intact = error.result.status === 'OK' || error.result.status === 'UNSIGNED';
      throw new Error(
        intact
          ? error.message
          : `the log does not verify (${error.message}); no report is made from it`,
        { cause: error },
      );
    }
    throw error;
  }
  const scenario = findScenario(bundle.exercise.scenario_hash);
  if (!scenario) {
    throw new Error(
      `the log ran on scenario ${bundle.exercise.scenario_id} (${bundle.exercise.scenario_hash.slice(0, 12)}…), which is not in the Library: import it first`,
    );
  }
  return buildAfterActionReview({
    scenario,
    entries: bundle.entries,
    keyId: bundle.signature?.key_id ?? null,
  });
}

/** Chart rows: median minutes to acknowledge / notify / consult per severity (null when none). */
export function responseTimeRows(report: AfterActionReport) {
  return SEVERITIES.map((severity) => {
    const r = report.response_times[severity];
    return {
      severity,
      acknowledge: r.acknowledge.median_min,
      notify: r.notify.median_min,
      consult: r.consult.median_min,
    };
  });
}

/** Chart rows: deadlines met, breached and still open per step that has a deadline. */
export function deadlineRows(report: AfterActionReport) {
  return report.steps
    .filter((s) => s.deadline_min !== null)
    .map((s) => ({
      step: s.step,
      title: s.title,
      met: s.deadlines_met,
      breached: s.deadlines_breached,
      open: s.deadlines_open,
    }));
}
