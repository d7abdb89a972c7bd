// Opening an exported log for audit: verify it exactly as the CLI does (the
// same strict reading of its bytes), and keep whatever entries are readable
// for the reconstruction below the verdict.
import {
  LogEntry,
  verifyLogText,
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

/** Verifies an exported log's bytes (or text) and reads its entries for reconstruction. */
export async function readLogFile(
  fileName: string,
  content: Uint8Array | string,
  expectedPublicKey?: string,
): Promise<AuditedLog> {
  const { result, value } = await verifyLogText(
    content,
    expectedPublicKey ? { expectedPublicKey } : {},
  );
  // The reconstruction reads the very value that was verified; a file the
  // strict reader refused has none.
  const bundle = (value && typeof value === 'object' ? value : {}) as {
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
    bundle.exercise && typeof bundle.exercise === 'object' && !Array.isArray(bundle.exercise)
      ? (bundle.exercise as Partial<ExerciseMeta>)
      : null;
  return { fileName, result, exercise, entries, unreadable };
}
