// The host's exercise log as the room sees it: the exercise's own writer
// (IndexedDB in the app, memory in tests), with every committed entry kept in
// order and announced, so the host sends entries out as they are committed —
// intents', the clock's and the system's alike — and never out of order.
import type { EntryDraft, LogEntry } from '../audit/entry';
import type { AuditLogWriter, LogHead } from '../audit/writer';

export class RoomLog implements AuditLogWriter {
  readonly #entries: LogEntry[];
  readonly #listeners = new Set<(entries: readonly LogEntry[]) => void>();

  private constructor(
    readonly inner: AuditLogWriter,
    entries: LogEntry[],
  ) {
    this.#entries = entries;
  }

  /** Wraps a writer, reading what it already holds. */
  static async over(inner: AuditLogWriter): Promise<RoomLog> {
    return new RoomLog(inner, await inner.readEntries());
  }

  /**
   * Wraps a writer whose entries the caller has just read (the app reads
   * them to resume the exercise), sparing a second read of the whole log.
   */
  static holding(inner: AuditLogWriter, entries: readonly LogEntry[]): RoomLog {
    const head = inner.head();
    if (entries.length !== head.seq || (entries.at(-1)?.hash ?? head.hash) !== head.hash) {
      throw new Error(
        `the entries given (${entries.length}) are not the log's (head at entry ${head.seq})`,
      );
    }
    return new RoomLog(inner, [...entries]);
  }

  get exerciseId(): string {
    return this.inner.exerciseId;
  }

  async append(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
    const sealed = await this.inner.append(drafts);
    for (const entry of sealed) this.#entries.push(entry);
    for (const listener of this.#listeners) listener(sealed);
    return sealed;
  }

  head(): LogHead {
    return this.inner.head();
  }

  async readEntries(): Promise<LogEntry[]> {
    return [...this.#entries];
  }

  /** Every committed entry, in order (seq n at index n-1). */
  entries(): readonly LogEntry[] {
    return this.#entries;
  }

  onAppend(listener: (entries: readonly LogEntry[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
