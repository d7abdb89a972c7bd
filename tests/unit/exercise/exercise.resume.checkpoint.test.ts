// Clock checkpoints (issue 7): a window killed while the clock runs resumes
// where the clock stood at its last checkpoint, with everything in between
// processed as if it had run, not at the exercise time of its last alert.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { summarizeEntry } from '../../../shared/audit/summary';
import { IntentRefused, type ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const scenario = buildScenario(handEvents());
const isCheckpoint = (e: LogEntry) =>
  e.kind === 'clock' && (e.data as { action?: string }).action === 'checkpoint';

/** Plays at 600x in 250 ms frames; every `checkpointEvery` frames (5 s of wall time at 20) a checkpoint. */
async function playFrames(engine: ExerciseEngine, frames: number, checkpointEvery: number | null) {
  for (let i = 1; i <= frames; i++) {
    await engine.tick(250);
    if (checkpointEvery !== null && i % checkpointEvery === 0 && engine.clockMovedSinceLastEntry())
      await engine.checkpoint();
  }
}

async function started(log: MemoryAuditLog) {
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
  await engine.setSpeed(600);
  await engine.play();
  return engine;
}

describe('clock checkpoints', () => {
  it('a killed exercise resumes at its last checkpoint, in the state of the uninterrupted run', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const engine = await started(log);
    // 120 frames × 150 s = 300 min: the MLRS alert opens, its deadlines warn and breach.
    await playFrames(engine, 120, 20);
    const checkpoints = log.entries().filter(isCheckpoint);
    expect(checkpoints.length).toBeGreaterThanOrEqual(4);
    expect(engine.now).toBe(T0 + 300 * MIN);
    expect(checkpoints.at(-1)!.exercise_time).toBe(new Date(engine.now).toISOString());
    const kinds = log.entries().map((e) => e.kind);
    expect(kinds).toContain('deadline-breach');
    // The last entry that is not a checkpoint is hours behind the clock.
    const lastOther = log
      .entries()
      .filter((e) => !isCheckpoint(e))
      .at(-1)!;
    expect(Date.parse(lastOther.exercise_time!)).toBeLessThan(engine.now - 60 * MIN);

    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.now).toBe(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());

    // Without the checkpoints the same run resumes at its last other entry.
    const bare = await resumeExercise(
      scenario,
      log.entries().filter((e) => !isCheckpoint(e)),
    );
    expect(bare.now).toBe(Date.parse(lastOther.exercise_time!));
  });

  it('an exercise killed between checkpoints loses at most the time since the last one', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const engine = await started(log);
    await playFrames(engine, 113, 20); // killed 13 frames after the checkpoint at frame 100
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.now).toBe(T0 + 100 * 150_000);
    expect(engine.now - resumed.now).toBe(13 * 250 * 600);
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });

  it('resumed and continued, the log is the one of the uninterrupted exercise', async () => {
    const whole = new MemoryAuditLog('ex-1', { now: WALL });
    const uninterrupted = await started(whole);
    await playFrames(uninterrupted, 200, 20);
    await uninterrupted.pause('hot wash');

    for (const killAt of [20, 60, 140]) {
      const first = new MemoryAuditLog('ex-1', { now: WALL });
      await playFrames(await started(first), killAt, 20);
      const continued = new MemoryAuditLog('ex-1', { now: WALL, entries: first.entries() });
      const engine = await resumeExercise(scenario, first.entries(), {
        writer: continued,
        actor: operator,
      });
      expect(engine.playing).toBe(true);
      expect(engine.now).toBe(T0 + killAt * 150_000);
      // The frames after the kill, with the checkpoints falling on the same frames.
      for (let i = killAt + 1; i <= 200; i++) {
        await engine.tick(250);
        if (i % 20 === 0 && engine.clockMovedSinceLastEntry()) await engine.checkpoint();
      }
      await engine.pause('hot wash');
      expect(continued.entries()).toEqual(whole.entries());
      expect(engine.getSnapshot()).toEqual(uninterrupted.getSnapshot());
    }
  });

  it('after a backward seek, the clock run back to where the seek left is checkpointed and resumed there', async () => {
    // The shrunk counterexample of the resume property test: the seek entry is
    // logged at the time it left (00:02), but the clock it leaves stands at its
    // target (00:01); running on to 00:02 has moved the clock since that entry.
    const controller = { name: 'ctl', role: 'controller' as const };
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
    await engine.advanceTo(T0 + 2 * MIN);
    await engine.seek(T0 + 1 * MIN, controller);
    expect(engine.clockMovedSinceLastEntry()).toBe(false);
    await engine.advanceTo(T0 + 2 * MIN);
    expect(engine.clockMovedSinceLastEntry()).toBe(true);
    await engine.checkpoint();
    expect(log.entries().at(-1)).toMatchObject({
      kind: 'clock',
      exercise_time: new Date(T0 + 2 * MIN).toISOString(),
      data: { action: 'checkpoint' },
    });
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.now).toBe(T0 + 2 * MIN);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });

  it('is refused when the clock has not moved, and is not an action of the participant', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const engine = await started(log);
    await expect(engine.checkpoint()).rejects.toThrow(IntentRefused);
    await expect(engine.checkpoint()).rejects.toThrow(/not moved since the last log entry/);
    const actedAt = engine.lastActedAt(operator.name);
    await engine.tick(250);
    await engine.checkpoint();
    expect(engine.lastActedAt(operator.name)).toBe(actedAt);
    const entry = log.entries().at(-1)!;
    expect(entry).toMatchObject({
      kind: 'clock',
      actor: operator.name,
      role: 'operator',
      exercise_time: new Date(T0 + 150_000).toISOString(),
      data: { action: 'checkpoint' },
    });
    await expect(engine.checkpoint()).rejects.toThrow(/not moved/);
    expect(summarizeEntry(entry)).toBe('Clock checkpoint (resume point)');
  });

  it('a resumed log with a malformed checkpoint is refused with the entry named', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const engine = await started(log);
    await playFrames(engine, 20, 20);
    const entries = log.entries().map((e) => ({ ...e }));
    const i = entries.findIndex(isCheckpoint);
    entries[i] = { ...entries[i]!, data: { action: 'checkpoint', at: 'later' } };
    await expect(resumeExercise(scenario, entries)).rejects.toThrow(
      new RegExp(`log entry ${i + 1} \\(clock\\): data`),
    );
  });

  it('the after-action report leaves checkpoints out of its decision timeline and figures', async () => {
    const withCheckpoints = new MemoryAuditLog('ex-1', { now: WALL });
    const a = await started(withCheckpoints);
    await playFrames(a, 160, 20);
    await a.pause();
    const without = new MemoryAuditLog('ex-1', { now: WALL });
    const b = await started(without);
    await playFrames(b, 160, null);
    await b.pause();
    expect(withCheckpoints.entries().filter(isCheckpoint).length).toBeGreaterThan(0);

    const reportA = await buildAfterActionReport({
      scenario,
      entries: withCheckpoints.entries(),
      keyId: null,
    });
    const reportB = await buildAfterActionReport({
      scenario,
      entries: without.entries(),
      keyId: null,
    });
    const checkpointSeqs = new Set(
      withCheckpoints
        .entries()
        .filter(isCheckpoint)
        .map((e) => e.seq),
    );
    expect(reportA.timeline.some((d) => checkpointSeqs.has(d.seq))).toBe(false);
    const strip = (r: typeof reportA) => ({
      ...r,
      exercise: { ...r.exercise, entries: 0, head_hash: '' },
      timeline: r.timeline.map(({ seq: _seq, ...rest }) => rest),
    });
    expect(strip(reportA)).toEqual(strip(reportB));
  });
});
