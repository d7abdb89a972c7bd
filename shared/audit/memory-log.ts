// The log of headless runs and tests: same sealing and all-or-nothing batches
// as the IndexedDB log, kept in an array.
import { readLogEntries } from './chain';
import { sealBatch, type EntryDraft, type LogEntry } from './entry';
import { EMPTY_HEAD, type AuditLogWriter, type LogHead } from './writer';

export interface MemoryAuditLogOptions {
  /** Wall clock for `wall_time` (deterministic runs pass their own); defaults to real time. */
  now?: () => Date;
  /** Entries to resume from; their chain is checked first. */
  entries?: readonly unknown[];
}

/** An AuditLogWriter kept in memory. */
export class MemoryAuditLog implements AuditLogWriter {
  readonly #entries: LogEntry[];
  readonly #now: () => Date;

  constructor(
    readonly exerciseId: string,
    options: MemoryAuditLogOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#entries = options.entries ? readLogEntries([...options.entries]) : [];
    const other = this.#entries.find((e) => e.exercise_id !== exerciseId);
    if (other) {
      throw new Error(
        `log entry ${other.seq} belongs to exercise "${other.exercise_id}", not "${exerciseId}"`,
      );
    }
  }

  /** Seals and appends the drafts; all or none (a bad draft rejects the whole batch). */
  async append(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
    // Sealing is synchronous, so concurrent appends cannot interleave and fork.
    const sealed = sealBatch(drafts, this.head(), this.exerciseId, this.#now().toISOString());
    for (const entry of sealed) this.#entries.push(entry);
    return sealed;
  }

  head(): LogHead {
    const last = this.#entries[this.#entries.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
  }

  entries(): readonly LogEntry[] {
    return this.#entries;
  }

  async readEntries(): Promise<LogEntry[]> {
    return [...this.#entries];
  }
}
