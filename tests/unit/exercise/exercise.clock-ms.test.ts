// The log records exercise time in whole milliseconds; a clock that kept a
// fraction (a 16.7 ms animation frame at 1x) would resume 0.x ms away from where
// it stood. Found by the console e2e reload test; held here for any frame size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { T0, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const scenario = buildScenario(handEvents());

describe('exercise clock precision', () => {
  it('moves in whole milliseconds, resumes exactly, and does not drift over many fractional frames', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0.1, max: 40, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0.5, 1, 10, 60, 300),
        async (frames, speed) => {
          const log = new MemoryAuditLog('ex-ms', { now: WALL });
          const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
          if (speed !== 1) await engine.setSpeed(speed);
          await engine.play();
          for (const frame of frames) await engine.tick(frame);
          expect(Number.isInteger(engine.now)).toBe(true);
          // The fraction is carried, not lost: total advance within 1 ms of wall × speed.
          const ideal = frames.reduce((sum, f) => sum + f, 0) * speed;
          expect(Math.abs(engine.now - T0 - ideal)).toBeLessThan(1);
          await engine.pause();
          const resumed = await resumeExercise(scenario, log.entries());
          expect(resumed.now).toBe(engine.now);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a seek to a fractional time lands on the whole millisecond the log records', async () => {
    const log = new MemoryAuditLog('ex-seek', { now: WALL });
    const controller = { name: 'controller-1', role: 'controller' as const };
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    await engine.seek(T0 + 60_000.7);
    expect(engine.now).toBe(T0 + 60_000);
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.now).toBe(engine.now);
  });
});
