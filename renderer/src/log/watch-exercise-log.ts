// Follows an exercise's stored log as the console appends to it: Dexie's
// liveQuery wakes us when the log table changes; only new entries are read.
import Dexie, { liveQuery } from 'dexie';
import type { LogEntry } from '../../../shared/audit';
import type { TrucelineDatabase } from '../storage';
import { EMPTY_CHAIN, extendChainStatus, type ChainStatus } from './live-chain';

export interface WatchedLog {
  entries: LogEntry[];
  chain: ChainStatus;
}

/** Calls `onChange` with the whole log so far whenever entries are added; returns the stop function. */
export function watchExerciseLog(
  db: TrucelineDatabase,
  exerciseId: string,
  onChange: (log: WatchedLog) => void,
  onError: (error: Error) => void,
): () => void {
  let log: WatchedLog = { entries: [], chain: EMPTY_CHAIN };
  let reading = Promise.resolve();
  const range = (fromSeq: number) =>
    db.log
      .where('[exercise_id+seq]')
      .between([exerciseId, fromSeq], [exerciseId, Dexie.maxKey], true, true);
  const readNew = async (): Promise<void> => {
    const added = await range(log.entries.length + 1).toArray();
    if (added.length === 0 && log.entries.length > 0) return;
    log = { entries: [...log.entries, ...added], chain: extendChainStatus(log.chain, added) };
    onChange(log);
  };
  const subscription = liveQuery(() => range(1).count()).subscribe({
    next: () => {
      reading = reading.then(readNew).catch((error: unknown) => onError(error as Error));
    },
    error: (error: unknown) => onError(error as Error),
  });
  return () => subscription.unsubscribe();
}
