// Opening an exported log for audit: verify it exactly as the CLI does, and
// keep whatever entries are readable for the reconstruction below the verdict.
import {
  LogEntry,
  verifyLogBundle,
  type ExerciseMeta,
  type VerificationResult,
} from '../../../shared/audit';

export interface AuditedLog {
  fileName: string;
  result: VerificationResult;
  exercise: Partial<ExerciseMeta> | null;
  /** Entries that have the shape of a log entry (their integrity is what `result` says). */
  entries: LogEntry[];
  /** Entries that could not be read as entries at all. */
  unreadable: number;
}

/** Verifies an exported log's text and reads its entries for reconstruction. */
export async function readLogFile(
  fileName: string,
  text: string,
  expectedPublicKey?: string,
): Promise<AuditedLog> {
  const result = await verifyLogBundle(text, expectedPublicKey ? { expectedPublicKey } : {});
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { fileName, result, exercise: null, entries: [], unreadable: 0 };
  }
  const bundle = (parsed && typeof parsed === 'object' ? parsed : {}) as {
    exercise?: unknown;
    entries?: unknown;
  };
  const entries: LogEntry[] = [];
  let unreadable = 0;
  for (const raw of Array.isArray(bundle.entries) ? bundle.entries : []) {
    const entry = LogEntry.safeParse(raw);
    if (entry.success) entries.push(entry.data);
    else unreadable += 1;
  }
  const exercise =
    bundle.exercise && typeof bundle.exercise === 'object'
      ? (bundle.exercise as Partial<ExerciseMeta>)
      : null;
  return { fileName, result, exercise, entries, unreadable };
}
