// A real in-memory audit log that runs out of space, for tests of what the
// engine and the console do when the log refuses an entry.
import type { EntryDraft } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { AuditLogWriter } from '../../../shared/audit/writer';

/** A real log that runs out of space after `capacity` entries, as a full disk would. */
export class QuotaLimitedLog implements AuditLogWriter {
  readonly inner: MemoryAuditLog;
  constructor(
    private readonly capacity: number,
    readonly exerciseId = 'ex',
    options?: ConstructorParameters<typeof MemoryAuditLog>[1],
  ) {
    this.inner = new MemoryAuditLog(exerciseId, options);
  }
  async append(drafts: readonly EntryDraft[]) {
    if (this.inner.entries().length + drafts.length > this.capacity)
      throw new Error('QuotaExceededError');
    return this.inner.append(drafts);
  }
  head() {
    return this.inner.head();
  }
  readEntries() {
    return this.inner.readEntries();
  }
}
