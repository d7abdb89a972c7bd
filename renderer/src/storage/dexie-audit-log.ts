// The app's audit log: an AuditLogWriter over the `log` table. One writer per
// exercise (a Web Lock held while the exercise is open); each append is
// sealed (hashed) first, then written in one transaction that also checks the
// stored head, so a batch is all or nothing and a stale writer cannot fork.
import Dexie from 'dexie';
import {
  EMPTY_HEAD,
  readLogEntries,
  sealBatch,
  type AuditLogWriter,
  type EntryDraft,
  type LogEntry,
  type LogHead,
} from '../../../shared/audit';
import type { TrucelineDatabase } from './database';
import { StorageFailure, toStorageFailure } from './storage-failure';
import { acquireWebLock } from './web-lock';

export interface OpenLogOptions {
  /** Fail with StorageFailure('locked') instead of waiting when another window holds the exercise. */
  ifAvailable?: boolean;
  /** Wall clock for `wall_time`; defaults to real time. */
  now?: () => Date;
}

/** The Web Lock name of an exercise's log. */
export function logLockName(exerciseId: string): string {
  return `truceline-log-${exerciseId}`;
}

async function storedHead(db: TrucelineDatabase, exerciseId: string): Promise<LogHead> {
  const last = await db.log
    .where('[exercise_id+seq]')
    .between([exerciseId, Dexie.minKey], [exerciseId, Dexie.maxKey])
    .last();
  return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
}

/** Every stored entry of an exercise, from seq 1, checked as a chain (LogChainError if broken). */
export async function readStoredLog(
  db: TrucelineDatabase,
  exerciseId: string,
): Promise<LogEntry[]> {
  const rows = await db.log
    .where('[exercise_id+seq]')
    .between([exerciseId, Dexie.minKey], [exerciseId, Dexie.maxKey])
    .toArray();
  return readLogEntries(rows);
}

/** An exercise's log in IndexedDB. Open with DexieAuditLog.open; close when the exercise closes. */
export class DexieAuditLog implements AuditLogWriter {
  #head: LogHead;
  #release: (() => void) | null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #now: () => Date;

  private constructor(
    readonly db: TrucelineDatabase,
    readonly exerciseId: string,
    head: LogHead,
    release: () => void,
    now: () => Date,
  ) {
    this.#head = head;
    this.#release = release;
    this.#now = now;
  }

  /** Becomes the exercise's one writer (waiting for the Web Lock), then resumes from the stored head. */
  static async open(
    db: TrucelineDatabase,
    exerciseId: string,
    options: OpenLogOptions = {},
  ): Promise<DexieAuditLog> {
    const release = await acquireWebLock(logLockName(exerciseId), options.ifAvailable ?? false);
    if (!release) throw new StorageFailure('locked');
    try {
      const head = await storedHead(db, exerciseId);
      return new DexieAuditLog(db, exerciseId, head, release, options.now ?? (() => new Date()));
    } catch (error) {
      release();
      throw toStorageFailure(error);
    }
  }

  head(): LogHead {
    return this.#head;
  }

  /**
   * Seals the drafts as the next entries and resolves once they are committed
   * (strict durability); rejects with StorageFailure and writes nothing otherwise.
   */
  append(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
    // Appends of this writer run one after another, each from the head the last one left.
    const run = this.#queue.then(() => this.#appendNow(drafts));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #appendNow(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
    if (!this.#release) throw new Error(`the log of exercise ${this.exerciseId} is closed`);
    if (drafts.length === 0) return [];
    const expected = this.#head;
    // Hash before the transaction: awaiting anything else inside one commits it early.
    const sealed = sealBatch(drafts, expected, this.exerciseId, this.#now().toISOString());
    try {
      await this.db.transaction('rw', this.db.log, async () => {
        const stored = await storedHead(this.db, this.exerciseId);
        if (stored.seq !== expected.seq || stored.hash !== expected.hash) {
          throw new StorageFailure('conflict', {
            detail: `stored head is seq ${stored.seq}, this window expected ${expected.seq}`,
          });
        }
        await this.db.log.bulkAdd(sealed);
      });
    } catch (error) {
      throw toStorageFailure(error);
    }
    const last = sealed[sealed.length - 1]!;
    this.#head = { seq: last.seq, hash: last.hash };
    return sealed;
  }

  async readEntries(): Promise<LogEntry[]> {
    return readStoredLog(this.db, this.exerciseId);
  }

  /** Waits for pending appends, then gives up the writer lock. */
  async close(): Promise<void> {
    await this.#queue;
    this.#release?.();
    this.#release = null;
  }
}
