import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { createAutoOperator } from '../../../shared/exercise/auto-operator';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import { MIN, T0, buildScenario, handEvents, V1_PROTOCOL } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

/** The scripted exercise, step by step, against a new or a resumed engine. */
function scriptSteps(engine: ExerciseEngine): (() => Promise<void>)[] {
  return [
    () => engine.play(),
    () => engine.setSpeed(60),
    () => engine.advanceTo(T0 + 62 * MIN),
    () => engine.acknowledge('A-mlrs-1'),
    () => engine.advanceTo(T0 + 66 * MIN),
    () => engine.jumpToEntry('A-mlrs-1'),
    () => engine.ackParty('A-mlrs-1', 'A', 'hotline, duty officer'),
    () => engine.advanceTo(T0 + 90 * MIN),
    () =>
      engine.inject(
        { summary: 'Party B liaison calls: "our unit returned fire"', from: 'B' },
        controller,
      ),
    () => engine.advanceTo(T0 + 200 * MIN),
    () => engine.startProtocol('A-sa-1'),
    () => engine.act('A-sa-1', 'start-verification', {}),
    () => engine.note('Drone UAV-07 tasked to the small-arms report.', 'A-sa-1'),
    () => engine.advanceTo(T0 + 300 * MIN),
    () => engine.act('A-sa-1', 'unconfirmed', {}),
    () => engine.pause('hot wash'),
  ];
}

async function scripted(log: MemoryAuditLog, stopAfter = Infinity) {
  const scenario = buildScenario(handEvents());
  const engine = await createExercise(
    prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    operator,
  );
  for (const step of scriptSteps(engine).slice(0, stopAfter)) await step();
  return { scenario, engine };
}

describe('resuming an exercise from its log', () => {
  it('rebuilds exactly the state of the uninterrupted exercise (scripted intents)', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { scenario, engine } = await scripted(log);
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    // Sanity: the story really happened (breach, escalation, inject, monitor).
    const kinds = log.entries().map((e) => `${e.kind}${e.alert_id ? ` ${e.alert_id}` : ''}`);
    expect(kinds).toContain('deadline-breach A-mlrs-1');
    expect(kinds).toContain('inject');
    expect(engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!.protocol!.stepId).toBe(
      'consult',
    );
  });

  it('an interrupted exercise resumed on its log and continued writes the same log as the uninterrupted one', async () => {
    const whole = new MemoryAuditLog('ex-1', { now: WALL });
    await scripted(whole);
    for (const cut of [3, 7, 10, 13]) {
      const first = new MemoryAuditLog('ex-1', { now: WALL });
      const { scenario, engine: interrupted } = await scripted(first, cut);
      const continued = new MemoryAuditLog('ex-1', { now: WALL, entries: first.entries() });
      const engine = await resumeExercise(scenario, first.entries(), {
        writer: continued,
        actor: operator,
      });
      // A resumed exercise stands at its last entry; a clock that ran on with
      // nothing to log is not in the log, so the operator plays it forward again.
      expect(engine.now).toBeLessThanOrEqual(interrupted.now);
      await engine.advanceTo(interrupted.now);
      expect(engine.getSnapshot()).toEqual(interrupted.getSnapshot());
      await replayRemaining(engine, cut);
      expect(continued.entries()).toEqual(whole.entries());
    }
  });

  it('a resumed headless auto exercise equals the uninterrupted one', async () => {
    const scenario = buildScenario(handEvents());
    const log = new MemoryAuditLog('ex-auto', { now: WALL });
    const engine = await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test', V1_PROTOCOL),
      log,
      policy: createAutoOperator(operator, createSimCell()),
    });
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    expect(resumed.ended).toBe(true);
  });

  it('refuses a scenario whose hash differs, and a log entry the scenario does not produce', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    await scripted(log, 4);
    const other = buildScenario(handEvents().slice(1));
    await expect(resumeExercise(other, log.entries())).rejects.toThrow(
      /hash .* but this scenario .* has hash/,
    );
    const scenario = buildScenario(handEvents());
    const forged = log.entries().map((e) => ({ ...e }));
    const opened = forged.findIndex((e) => e.kind === 'alert-opened' && e.alert_id === 'A-mlrs-1');
    forged[opened] = {
      ...forged[opened]!,
      data: { ...forged[opened]!.data, severity: 'critical' },
    };
    await expect(resumeExercise(scenario, forged)).rejects.toThrow(
      new RegExp(`log entry ${opened + 1} does not fit the scenario replay`),
    );
  });
});

// The steps of `scripted` after `cut`, played on a resumed engine.
async function replayRemaining(engine: ExerciseEngine, cut: number) {
  for (const step of scriptSteps(engine).slice(cut)) await step();
}
