// "Skip to" writes its log in groups (ExerciseEngine.seek with `inGroups`):
// one log transaction per SKIP_GROUP_ENTRIES entries instead of one per
// event. The log it leaves is the one a step-by-step skip leaves, entry for
// entry; a group that cannot be written stops the exercise, and the resumed
// exercise finishes the skip as if nothing had happened.
import { describe, expect, it } from 'vitest';
import type { EntryDraft, LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { AuditLogWriter } from '../../../shared/audit/writer';
import { SKIP_GROUP_ENTRIES } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { useGeneratedScenario } from './generated-scenario';

const controller = { name: 'controller-1', role: 'controller' as const };
/** One wall clock for every log, so two logs of the same steps are equal byte for byte. */
const now = () => new Date('2026-11-30T08:00:00Z');

/** A memory log that counts its appends and can be told to refuse one. */
class CountingLog implements AuditLogWriter {
  readonly inner: MemoryAuditLog;
  appends: number[] = [];
  failOnAppend = Infinity;
  constructor(entries: readonly LogEntry[] = []) {
    this.inner = new MemoryAuditLog('ex', { now, entries });
  }
  get exerciseId() {
    return this.inner.exerciseId;
  }
  append(drafts: readonly EntryDraft[]) {
    this.appends.push(drafts.length);
    if (this.appends.length === this.failOnAppend)
      return Promise.reject(new Error('QuotaExceededError: the disk is full'));
    return this.inner.append(drafts);
  }
  head() {
    return this.inner.head();
  }
  readEntries() {
    return this.inner.readEntries();
  }
}

describe('a skip written in groups', () => {
  const generated = useGeneratedScenario({ events: 1500, seed: 7, hours: 150 });

  async function skipped(inGroups: boolean) {
    const scenario = generated();
    const log = new CountingLog();
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    await engine.seek(scenario.end - 60_000, controller, { inGroups });
    return { engine, log };
  }

  it('leaves the log a step-by-step skip leaves, in one append per group', async () => {
    const single = await skipped(false);
    const grouped = await skipped(true);
    const entries = grouped.log.inner.entries();
    // exercise-created and the seek, then the skip's entries.
    const skipEntries = entries.length - 2;
    expect(skipEntries).toBeGreaterThan(2 * SKIP_GROUP_ENTRIES);
    expect(entries).toEqual(single.log.inner.entries());
    expect(grouped.log.appends.slice(2)).toEqual([
      ...Array<number>(Math.floor(skipEntries / SKIP_GROUP_ENTRIES)).fill(SKIP_GROUP_ENTRIES),
      skipEntries % SKIP_GROUP_ENTRIES,
    ]);
    expect(single.log.appends.length).toBeGreaterThan(skipEntries / 2);
    expect(grouped.engine.lastEntry).toEqual(entries.at(-1));
    expect(grouped.engine.getSnapshot().alerts).toEqual(single.engine.getSnapshot().alerts);
  });

  it('stops the exercise when a group cannot be written; the resumed exercise finishes the skip', async () => {
    const scenario = generated();
    const uninterrupted = await skipped(false);
    const log = new CountingLog();
    // exercise-created, the seek, the first group: the second group fails.
    log.failOnAppend = 4;
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    await expect(
      engine.seek(scenario.end - 60_000, controller, { inGroups: true }),
    ).rejects.toThrow('the disk is full');
    expect(engine.fault).toMatch(
      new RegExp(
        `during a skip \\(QuotaExceededError: the disk is full\\); the last ${SKIP_GROUP_ENTRIES} entries it applied after seq ${2 + SKIP_GROUP_ENTRIES} are not logged, and a reopened exercise replays the skip`,
      ),
    );
    await expect(engine.play()).rejects.toThrow('the exercise is stopped');
    const kept = log.inner.entries();
    expect(kept.length).toBe(2 + SKIP_GROUP_ENTRIES);

    const writer = new CountingLog(kept);
    const resumed = await resumeExercise(scenario, kept, { writer });
    expect(writer.inner.entries()).toEqual(uninterrupted.log.inner.entries());
    expect(resumed.now).toBe(uninterrupted.engine.now);
    expect(resumed.getSnapshot().alerts).toEqual(uninterrupted.engine.getSnapshot().alerts);
  });
});
