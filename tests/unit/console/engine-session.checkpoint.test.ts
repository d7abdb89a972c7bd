// The console's clock checkpoints (issue 7): while playing, one at most every
// 5 s of wall time when the clock moved since the last entry; a killed
// console resumes from its log no further back than that.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import {
  CHECKPOINT_EVERY_WALL_MS,
  engineSession,
} from '../../../renderer/src/console/engine-session';
import { T0, buildScenario, handEvents } from '../exercise/hand-scenario';

const participant = { name: 'op-1', role: 'operator' as const };
const isCheckpoint = (e: LogEntry) =>
  e.kind === 'clock' && (e.data as { action?: string }).action === 'checkpoint';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function open(speed: number) {
  const scenario = buildScenario(handEvents());
  let wall = 0;
  const log = new MemoryAuditLog('ex', { now: () => new Date(Date.UTC(2026, 10, 26, 10) + wall) });
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, participant);
  const session = engineSession({
    engine,
    scenario,
    participant,
    schedule: () => {},
    wallNow: () => wall,
  });
  await session.commands.setSpeed(speed);
  await session.commands.play();
  /** Runs `ms` of wall time as 50 ms frames, each tick settled before the next. */
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += 50) {
      wall += 50;
      session.tick(50);
      await settle();
      await settle();
    }
  };
  return { scenario, log, engine, session, run };
}

describe('engineSession clock checkpoints', () => {
  it('logs one at most every 5 s of wall time while playing, none while paused', async () => {
    // 10x: 5 s of wall time is 50 s of exercise time, far from any event of the scenario.
    const { log, session, run } = await open(10);
    expect(CHECKPOINT_EVERY_WALL_MS).toBe(5000);
    await run(4900);
    expect(log.entries().filter(isCheckpoint)).toHaveLength(0);
    await run(23_000);
    const checkpoints = log.entries().filter(isCheckpoint);
    expect(checkpoints.length).toBe(5);
    const walls = checkpoints.map((e) => Date.parse(e.wall_time));
    for (let i = 1; i < walls.length; i++) expect(walls[i]! - walls[i - 1]!).toBe(5000);
    // Each records the clock as it stood: the last is at most 5 s × speed behind it.
    const now = session.getSnapshot().clock.now;
    expect(now - Date.parse(checkpoints.at(-1)!.exercise_time!)).toBeLessThanOrEqual(5000 * 10);

    await session.commands.pause();
    const count = log.entries().length;
    await run(20_000);
    expect(log.entries().length).toBe(count);
  });

  it('a console killed mid-play resumes within 5 s × speed of where its clock stood', async () => {
    const { scenario, log, session, run, engine } = await open(60);
    await run(41_000);
    const stood = session.getSnapshot().clock.now;
    expect(stood).toBeGreaterThan(T0 + 40 * 60_000);
    // Alerts were logged on the way, but the clock ran on well past the last of them.
    const lastOther = log
      .entries()
      .filter((e) => !isCheckpoint(e))
      .at(-1)!;
    const resumed = await resumeExercise(scenario, log.entries(), { actor: participant });
    expect(stood - resumed.now).toBeLessThanOrEqual(5000 * 60);
    expect(resumed.now).toBeGreaterThan(Date.parse(lastOther.exercise_time!));
    await resumed.advanceTo(stood);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });

  it('logs one at once when the clock stops by itself at the scenario end', async () => {
    const { scenario, log, session, run } = await open(86400);
    await run(1500); // 50 ms frames of 72 exercise minutes: past the 24 h scenario
    expect(session.getSnapshot().clock.playing).toBe(false);
    const last = log.entries().at(-1)!;
    expect(last).toMatchObject({ kind: 'clock', data: { action: 'checkpoint' } });
    expect(Date.parse(last.exercise_time!)).toBe(scenario.end);
    const resumed = await resumeExercise(scenario, log.entries(), { actor: participant });
    expect(resumed.now).toBe(scenario.end);
  });

  it('checkpointNow logs only when the clock moved since the last entry', async () => {
    const { log, session, run } = await open(60);
    expect(await session.checkpointNow()).toBe(false);
    await run(1000);
    expect(await session.checkpointNow()).toBe(true);
    expect(log.entries().at(-1)).toMatchObject({ kind: 'clock', data: { action: 'checkpoint' } });
    expect(await session.checkpointNow()).toBe(false);
  });
});
