// The one interface the exercise engine writes its log through, whether the
// log lives in memory (headless runs, tests) or in IndexedDB (the app).
import type { EntryDraft, LogEntry } from './entry';
import { GENESIS_HASH } from './entry';

/** The last committed entry of a log: seq 0 and 64 zeros when the log is empty. */
export interface LogHead {
  seq: number;
  hash: string;
}

/** The head of an empty log. */
export const EMPTY_HEAD: LogHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/**
 * An exercise's append-only log. `append` seals the drafts as the next
 * entries and resolves only once all of them are committed (all or none);
 * the caller applies the action after that, never before.
 */
export interface AuditLogWriter {
  readonly exerciseId: string;
  append(drafts: readonly EntryDraft[]): Promise<LogEntry[]>;
  head(): LogHead;
  /** Every committed entry, from seq 1. */
  readEntries(): Promise<LogEntry[]>;
}

/** Logs the drafts, then applies the action: if the log write fails the action is not applied. */
export async function commitThenApply<T>(
  log: AuditLogWriter,
  drafts: readonly EntryDraft[],
  apply: (entries: LogEntry[]) => T,
): Promise<T> {
  const entries = await log.append(drafts);
  return apply(entries);
}
